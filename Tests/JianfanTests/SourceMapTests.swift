import Foundation
import Testing
@testable import Jianfan

/// Offsets of a normalized text mapped back to lines and columns of the original, through the
/// changes each step reports.
@Suite struct SourceMapTests {
    func start(_ map: SourceMap, _ range: Range<Int>) -> [Int] {
        let s = map.locate(range).start
        return [s.offset, s.line, s.column]
    }

    func end(_ map: SourceMap, _ range: Range<Int>) -> [Int] {
        let e = map.locate(range).end
        return [e.offset, e.line, e.column]
    }

    @Test func withoutStepsOffsetsAreTheOriginals() {
        let map = SourceMap(original: "ab\r\ncd\n\nef")
        #expect(start(map, 0..<1) == [0, 1, 1])
        #expect(start(map, 4..<6) == [4, 2, 1])
        #expect(end(map, 4..<6) == [6, 2, 3])
        #expect(start(map, 8..<9) == [8, 4, 1])
        #expect(end(map, 0..<100) == [10, 4, 3])   // clamped to the text
    }

    @Test func aByteOrderMarkTakesNoColumn() {
        let map = SourceMap(original: "\u{FEFF}甲乙\n丙")
        #expect(start(map, 1..<2) == [1, 1, 1])
        #expect(start(map, 2..<3) == [2, 1, 2])
        #expect(start(map, 4..<5) == [4, 2, 1])
    }

    @Test func aRemovalIsBeforeWhatStartsThereAndAfterWhatEndsThere() {
        // "甲(jiǎ)乙" → "甲乙": the annotation at 1..<6 is gone.
        let report = Normalizer.StepReport(step: "readings", changes: [.init(range: 1..<6, before: "(jiǎ)", after: "")])
        let map = SourceMap(original: "甲(jiǎ)乙", steps: [report])
        #expect(start(map, 1..<2) == [6, 1, 7])
        #expect(end(map, 0..<1) == [1, 1, 2])
        #expect(end(map, 0..<2) == [7, 1, 8])
        #expect(map.locate(1..<1).start == map.locate(1..<1).end)
    }

    @Test func changesOfOtherLengthsScaleAndStepsCompose() {
        // Step 1 removes "(a)" at 1..<4 ("甲(a)乙丙" → "甲乙丙"); step 2 turns "乙" (1..<2) into
        // "乙乙乙" and removes "丙" (2..<3): "甲乙乙乙".
        let steps = [
            Normalizer.StepReport(step: "one", changes: [.init(range: 1..<4, before: "(a)", after: "")]),
            Normalizer.StepReport(step: "two", changes: [
                .init(range: 1..<2, before: "乙", after: "乙乙乙"), .init(range: 2..<3, before: "丙", after: ""),
            ]),
        ]
        let map = SourceMap(original: "甲(a)乙丙", steps: steps)
        #expect(start(map, 1..<4)[0] == 4)   // the three 乙 come from the one at 4
        #expect(start(map, 3..<4)[0] == 4)
        #expect(end(map, 1..<2)[0] == 5)     // an end rounds up
        #expect(end(map, 1..<4)[0] == 5)
        #expect(end(map, 0..<4)[0] == 5)
        #expect(start(map, 0..<1)[0] == 0)
    }

    /// On the seeds, every passage's original stretch, normalized alone, reads like the passage.
    @Test func passagesOfTheSeedsPointAtTheirOriginalText() throws {
        let normalizer = Normalizer(steps: [.readingAnnotations, .punctuationWidth, .lineRepair, .script(.t2s)])
        let noticeText = try NormalizeFixtures.text("001"), newsText = try NormalizeFixtures.text("000")
        let notice = normalizer.normalize(noticeText), news = normalizer.normalize(newsText)
        let report = Aligner().align(document: notice.text, references: [("000", news.text)])
            .locating(document: SourceMap(original: noticeText, steps: notice.reports),
                      references: [SourceMap(original: newsText, steps: news.reports)])
        #expect(report.version == 2)
        let passages = report.references[0].passages
        #expect(passages.count == 6)
        for passage in passages {
            for (span, original) in [(passage.document, noticeText), (passage.reference, newsText)] {
                let source = try #require(span.source)
                let scalars = Array(original.unicodeScalars)
                let stretch = String(String.UnicodeScalarView(scalars[source.start.offset..<source.end.offset]))
                let normalized = normalizer.normalize(stretch).text
                #expect(normalized.unicodeScalars.first == span.text.unicodeScalars.first, "\(stretch)")
                #expect(normalized.unicodeScalars.last == span.text.unicodeScalars.last, "\(stretch)")
                // The line and column agree with the offset.
                let before = scalars[..<source.start.offset]
                let line = before.count { $0 == "\n" } + 1
                let column = before.count - (before.lastIndex(of: "\n").map { $0 + 1 } ?? 0) + 1
                #expect(source.start.line == line && source.start.column == column)
            }
        }
    }

    @Test func aReportWithoutVersionDecodesAsVersionOne() throws {
        let json = #"{"document":{"length":3},"references":[]}"#
        let report = try JSONDecoder().decode(AlignmentReport.self, from: Data(json.utf8))
        #expect(report.version == 1)
        let encoded = try #require(String(data: try JSONEncoder().encode(AlignmentReport(document: report.document, references: [])), encoding: .utf8))
        #expect(encoded.contains(#""version":2"#))
    }
}
