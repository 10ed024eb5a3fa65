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
}
