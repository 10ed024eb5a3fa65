import Foundation
import Testing
@testable import Jianfan

@Suite struct AlignerTests {
    /// 45 and 43 scalars: long enough to seed and to pass the minimum length.
    let passageA = "多措并举夯实工业经济回稳基础分业施策强化重点产业稳定发展分区施策促进各地区工业经济协同发展"
    let passageB = "紧密衔接已出台的各项稳增长政策措施保持政策的连续性稳定性聚焦重点领域和薄弱环节精准加力"

    @Test func identicalTextsAreOneExactPassage() throws {
        let report = Aligner().align(document: passageA, references: [("same", passageA)])
        let reference = try #require(report.references.first)
        #expect(reference.passages.count == 1)
        let passage = try #require(reference.passages.first)
        #expect(passage.isExact)
        #expect(passage.document.range == 0..<passageA.unicodeScalars.count)
        #expect(passage.reference.range == passage.document.range)
        #expect(passage.matched == passageA.unicodeScalars.count)
        #expect(reference.coverage.documentShare == 1)
        #expect(reference.coverage.referenceShare == 1)
    }

    @Test func findsAQuoteAnywhereInTheReference() throws {
        let reference = "记者报道：" + passageA + "。评论员认为如此。"
        let report = Aligner().align(document: "前言。" + passageA + "。后记。", references: [("news", reference)])
        let passage = try #require(report.references[0].passages.first)
        #expect(report.references[0].passages.count == 1)
        #expect(passage.document.start == 3)
        #expect(passage.reference.start == 5)
        #expect(passage.document.text.hasPrefix(passageA))
        #expect(passage.reference.text.hasPrefix(passageA))
    }

    @Test func smallDifferencesAreEditsInsideOnePassage() throws {
        let document = "关于巩固回升向好趋势加力振作工业经济的通知强化重点产业稳定发展分区施策促进各地区工业经济协同发展"
        let reference = "关于巩固回升向好趋势加振作工业经济的通知强化重点产业链稳定发展分区施策推动各地区工业经济协同发展"
        let report = Aligner().align(document: document, references: [("r", reference)])
        let passages = report.references[0].passages
        #expect(passages.count == 1)
        let edits = try #require(passages.first?.edits)
        #expect(edits.map(\.kind) == [.deletion, .insertion, .substitution])
        #expect(edits.map(\.document.text) == ["力", "", "促进"])
        #expect(edits.map(\.reference.text) == ["", "链", "推动"])
        #expect(edits[0].document.range == 11..<12)
        #expect(edits[0].reference.range == 11..<11)
        #expect(edits[1].document.range == 27..<27)
        #expect(edits[1].reference.range == 26..<27)
        #expect(edits[2].document.range == 35..<37)
        #expect(edits[2].reference.range == 35..<37)
    }

    @Test func reorderedAndInterleavedQuotesAreFoundWhereTheySit() throws {
        let document = passageA + "。" + passageB + "。"
        let commentary = "这段话是记者自己写的评论内容，和原文没有任何关系，只是夹在引文中间而已。"
        let reference = "开头。" + passageB + commentary + passageA + "结尾。"
        let passages = Aligner().align(document: document, references: [("r", reference)]).references[0].passages
        #expect(passages.count == 2)
        let a = passageA.unicodeScalars.count, b = passageB.unicodeScalars.count, c = commentary.unicodeScalars.count
        // The second passage starts at the "。" before passageB, which both texts have.
        #expect(passages.map(\.document.start) == [0, a])
        #expect(passages.map(\.reference.start) == [3 + b + c, 2])
        #expect(passages.allSatisfy { $0.isExact })
    }

    @Test func aQuoteRepeatedInTheReferenceIsReportedAtEachPlace() {
        let reference = passageA + "。中间。" + passageA
        let passages = Aligner().align(document: passageA, references: [("r", reference)]).references[0].passages
        #expect(passages.map(\.reference.start) == [0, passageA.unicodeScalars.count + 4])
        #expect(passages.map(\.document.start) == [0, 0])
    }

    @Test func unrelatedTextsAndShortPhrasesGiveNoPassages() {
        let report = Aligner().align(
            document: "今天天气很好，我们去公园散步，看见很多人在放风筝。" + "中国特色社会主义",
            references: [("r", "他在图书馆里读了一下午的书，直到闭馆才离开。中国特色社会主义")])
        #expect(report.references[0].passages.isEmpty) // the shared phrase is under 16 scalars
        #expect(report.references[0].coverage.documentQuoted == 0)
        #expect(report.references[0].coverage.documentShare == 0)
    }

    @Test func eachReferenceGetsItsOwnEntry() {
        let report = Aligner().align(
            document: passageA + passageB, references: [("a", passageA), ("b", passageB), ("none", "无关")],
            documentPath: "doc.txt")
        #expect(report.document.path == "doc.txt")
        #expect(report.document.length == (passageA + passageB).unicodeScalars.count)
        #expect(report.references.map(\.path) == ["a", "b", "none"])
        #expect(report.references.map(\.passages.count) == [1, 1, 0])
        #expect(report.references[0].coverage.referenceShare == 1)
        #expect(abs(report.references[0].coverage.documentShare - 45.0 / 88.0) < 1e-9)
    }

    @Test func offsetsCountUnicodeScalars() throws {
        let emoji = "👨‍👩‍👧" // one Character, five scalars
        let report = Aligner().align(document: emoji + passageA, references: [("r", passageA)])
        #expect(try #require(report.references[0].passages.first).document.start == 5)
    }

    @Test func theReportHasTheDocumentedJSONShape() throws {
        let report = Aligner().align(document: passageA, references: [("ref.txt", "引文：" + passageA)])
        let data = try JSONEncoder().encode(report)
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let document = try #require(json["document"] as? [String: Any])
        #expect(document["length"] as? Int == 45)
        let references = try #require(json["references"] as? [[String: Any]])
        #expect(references.first?["path"] as? String == "ref.txt")
        let coverage = try #require(references.first?["coverage"] as? [String: Any])
        #expect(coverage["documentShare"] as? Double == 1)
        let passage = try #require((references.first?["passages"] as? [[String: Any]])?.first)
        let documentSpan = try #require(passage["document"] as? [String: Any])
        let referenceSpan = try #require(passage["reference"] as? [String: Any])
        #expect(documentSpan["start"] as? Int == 0)
        #expect(documentSpan["end"] as? Int == 45)
        #expect(documentSpan["text"] as? String == passageA)
        #expect(referenceSpan["start"] as? Int == 3)
        #expect(passage["edits"] as? [Any] != nil)
        #expect(try JSONDecoder().decode(AlignmentReport.self, from: data) == report)
    }

    @Test func localAlignmentFindsMinimalDifferences() {
        func differences(_ a: String, _ b: String) -> [LocalAlignment.Difference] {
            LocalAlignment.differences(a.unicodeScalars.map(\.value)[...], b.unicodeScalars.map(\.value)[...])
        }
        #expect(differences("abc", "abc").isEmpty)
        #expect(differences("abc", "abxc") == [.init(a: 2..<2, b: 2..<3)])
        #expect(differences("abcdef", "abXdeYf") == [.init(a: 2..<3, b: 2..<3), .init(a: 5..<5, b: 5..<6)])
        #expect(differences("", "xyz") == [.init(a: 0..<0, b: 0..<3)])
        let long = String(repeating: "甲乙丙丁", count: 50)
        #expect(differences(long + "戊" + long, long + long) == [.init(a: 200..<201, b: 200..<200)])
    }
}
