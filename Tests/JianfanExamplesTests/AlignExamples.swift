import Foundation
import Testing
import Jianfan

/// The `///` examples of the aligner and its report, run as written on the seed documents: the
/// notice (001) and a news report that quotes it (000).
@Suite("Examples: Aligner and AlignmentReport")
struct AlignExamples {
    static func report() throws -> AlignmentReport {
        let noticeText = try ExampleSupport.fixture("001"), newsText = try ExampleSupport.fixture("000")
        let normalizer = Normalizer(steps: [.readingAnnotations, .punctuationWidth, .script(.t2s)])
        let notice = normalizer.normalize(noticeText).text
        let news = normalizer.normalize(newsText).text
        let report = Aligner().align(document: notice, references: [("news.txt", news)])
        for passage in report.references[0].passages {
            print(passage.document.range, passage.reference.range, passage.edits.count)
        }
        return report
    }

    @Test("Aligner")
    func aligner() throws {
        let report = try AlignExamples.report()
        #expect(report.references[0].passages.count == 6)   // the README: six quoted passages
    }

    @Test("AlignmentReport, encoded as JSON")
    func json() throws {
        let report = try AlignExamples.report()
        let encoder = JSONEncoder()
        let json = try encoder.encode(report)
        let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        let document = try #require(object["document"] as? [String: Any])
        let references = try #require(object["references"] as? [[String: Any]])
        #expect(document["length"] as? Int == report.document.length)
        #expect(references.first?["path"] as? String == "news.txt")
        #expect(references.first?["coverage"] is [String: Any] && references.first?["passages"] is [Any])
    }

    @Test("AlignmentReport.Coverage")
    func coverage() throws {
        let report = try AlignExamples.report()
        let c = report.references[0].coverage
        print("quotes \(Int(c.documentShare * 100))% of the document")
        #expect(c.documentShare > 0 && c.documentShare <= 1)
        #expect(c.documentShare == Double(c.documentQuoted) / Double(report.document.length))
    }

    @Test("AlignmentReport.Edit: 000 drops 力 from 加力振作")
    func edit() throws {
        // document "…趋势加力振作…", reference "…趋势加振作…":
        // kind == .deletion, document.text == "力", reference.text == "", reference.start == reference.end
        let edits = try AlignExamples.report().references[0].passages.flatMap(\.edits)
        let edit = try #require(edits.first { $0.document.text == "力" })
        #expect(edit.kind == .deletion && edit.reference.text == "" && edit.reference.start == edit.reference.end)
    }

    @Test("Aligner.init: stricter thresholds find fewer passages")
    func strict() throws {
        let strict = Aligner(seedLength: 12, maximumGap: 8, minimumMatched: 40)
        #expect(strict.seedLength == 12 && strict.maximumGap == 8 && strict.minimumMatched == 40)
        #expect(strict.maximumOccurrences == 64)
        let normalizer = Normalizer(steps: [.readingAnnotations, .punctuationWidth, .script(.t2s)])
        let notice = normalizer.normalize(try ExampleSupport.fixture("001")).text
        let news = normalizer.normalize(try ExampleSupport.fixture("000")).text
        let passages = strict.align(document: notice, references: [("news.txt", news)]).references[0].passages
        #expect(passages.count < 6 && passages.allSatisfy { $0.matched >= 40 })
    }

    @Test("Aligner.align(document:references:documentPath:)")
    func align() throws {
        let normalizer = Normalizer(steps: [.readingAnnotations, .punctuationWidth, .script(.t2s)])
        let notice = normalizer.normalize(try ExampleSupport.fixture("001")).text
        let news = normalizer.normalize(try ExampleSupport.fixture("000")).text
        let report = Aligner().align(document: notice, references: [("news.txt", news)], documentPath: "notice.txt")
        let share = report.references[0].coverage.documentShare   // share of the notice the news quotes
        #expect(report.document.path == "notice.txt")
        #expect(share > 0.1 && share < 0.3)   // the news quotes about a sixth of the notice
    }

    @Test("AlignmentReport.document, .references, init(document:references:)")
    func parts() throws {
        let report = try AlignExamples.report()
        print("\(report.document.path ?? "document"): \(report.document.length) scalars")
        #expect(report.document.path == nil && report.document.length == 1439)
        for reference in report.references { print(reference.path, reference.passages.count) }
        #expect(report.references.map(\.path) == ["news.txt"])
        let empty = AlignmentReport(document: report.document, references: [])
        #expect(empty.document == report.document && empty.references.isEmpty)
    }

    @Test("AlignmentReport.Reference.coverage, Passage.document and .reference")
    func referenceAndPassage() throws {
        let reference = try AlignExamples.report().references[0]
        let share = reference.coverage.referenceShare   // 0.42: 42% of the reference comes from the document
        #expect(share == Double(reference.coverage.referenceFromDocument) / Double(reference.length))
        #expect(share > 0 && share < 1)
        let passage = reference.passages[0]
        let range = passage.document.range   // 120..<188, in Unicode scalars of the document
        #expect(range == passage.document.start..<passage.document.end && range.count == passage.document.text.unicodeScalars.count)
        let quote = passage.reference.text   // the quote as the reference writes it
        #expect(quote.contains("振作") && !quote.contains("加力振作"))   // the news drops 力
    }

    @Test("AlignmentReport.Span: offsets in Unicode scalars")
    func span() throws {
        let report = try AlignExamples.report()
        let normalizer = Normalizer(steps: [.readingAnnotations, .punctuationWidth, .script(.t2s)])
        let document = normalizer.normalize(try ExampleSupport.fixture("001")).text
        for span in report.references[0].passages.map(\.document) {
            let scalars = Array(document.unicodeScalars)
            let quoted = String(String.UnicodeScalarView(scalars[span.range]))   // == span.text
            #expect(quoted == span.text)
        }
        let text = document
        for span in report.references[0].passages.map(\.document) {
            let i = text.unicodeScalars.index(text.unicodeScalars.startIndex, offsetBy: span.start)
            #expect(text.unicodeScalars[i] == span.text.unicodeScalars.first)
            let length = span.end - span.start   // == span.text.unicodeScalars.count
            #expect(length == span.text.unicodeScalars.count)
            let scalars = Array(text.unicodeScalars)[span.range]
            #expect(String(String.UnicodeScalarView(scalars)) == span.text)
        }
    }

    @Test("AlignmentReport.Edit: its kind and its two sides")
    func editParts() throws {
        let edits = try AlignExamples.report().references[0].passages.flatMap(\.edits)
        let edit = try #require(edits.first)
        print(edit.document.text, "→", edit.reference.text)
        if edit.kind == .deletion { print("the reference drops", edit.document.text) }
        #expect(edit.kind == .deletion)
        #expect(edit.kind.rawValue == "deletion")   // "deletion"
        #expect(edit.document.text == "力")   // "力"
    }
}
