import Foundation
import Testing
import Jianfan

/// The `///` examples of alignment reports located in the original files (``SourceMap``,
/// ``AlignmentReport/locating(document:references:)``, the report's version), run as written.
@Suite("Examples: SourceMap and located alignment reports")
struct AlignSourceExamples {
    /// The notice (001) against a news report (000), normalized, aligned and located.
    static func located() throws -> (report: AlignmentReport, passage: AlignmentReport.Passage) {
        let noticeText = try ExampleSupport.fixture("001"), newsText = try ExampleSupport.fixture("000")
        let normalizer = Normalizer(steps: [.readingAnnotations, .punctuationWidth, .script(.t2s)])
        let notice = normalizer.normalize(noticeText), news = normalizer.normalize(newsText)
        let located = Aligner().align(document: notice.text, references: [("news.txt", news.text)])
            .locating(document: SourceMap(original: noticeText, steps: notice.reports),
                      references: [SourceMap(original: newsText, steps: news.reports)])
        return (located, try #require(located.references[0].passages.first))
    }

    @Test("SourceMap: 业务 comes from 業(yè)務 on line 2")
    func sourceMap() {
        let original = "第一行\n業(yè)務,很好"
        let result = Normalizer.standard(script: .t2s).normalize(original)
        let map = SourceMap(original: original, steps: result.reports)
        #expect(result.text == "第一行\n业务，很好")
        #expect(map.locate(4..<6).start == AlignmentReport.Location(offset: 4, line: 2, column: 1))
        #expect(map.locate(4..<6).end == AlignmentReport.Location(offset: 10, line: 2, column: 7))
    }

    @Test("SourceMap.init without steps, and locate")
    func identityAndLocate() throws {
        let text = "甲\n乙丙"
        let identity = SourceMap(original: text)
        #expect(identity.locate(3..<4).start.column == 2)
        let (report, passage) = try Self.located()
        let map = SourceMap(original: try ExampleSupport.fixture("001"))
        let source = map.locate(passage.document.range)
        print("notice.txt:\(source.start.line):\(source.start.column)")
        #expect(source.start.line >= 1 && report.version == 2)
    }

    @Test("AlignmentReport.locating, Span.source and SourceSpan")
    func locating() throws {
        let (report, passage) = try Self.located()
        let path = report.references[0].path
        let span = passage.document
        if let source = span.source { print("\(source.start.line):\(source.start.column)") }
        let source = try #require(passage.document.source)
        print("\(path):\(source.start.line):\(source.start.column)")
        #expect(source.start.line == 1 && source.start.column == 11)   // after 工業(yè)和信息化
        #expect(source.end.offset > source.start.offset)
    }

    @Test("AlignmentReport.Location")
    func location() {
        let place = AlignmentReport.Location(offset: 42, line: 3, column: 7)
        print("notice.txt:\(place.line):\(place.column)")
        #expect("notice.txt:\(place.line):\(place.column)" == "notice.txt:3:7")
        let start = AlignmentReport.Location(offset: 0, line: 1, column: 1)
        let empty = AlignmentReport.SourceSpan(start: start, end: start)
        #expect(empty.start == empty.end)
    }

    @Test("AlignmentReport.version, and decoding")
    func version() throws {
        let (report, _) = try Self.located()
        #expect(report.version == 2)
        if report.version > AlignmentReport.currentVersion { print("written by a newer jianfan") }
        let json = try JSONEncoder().encode(report)
        let decoded = try JSONDecoder().decode(AlignmentReport.self, from: json)
        #expect(decoded == report)
    }
}
