import Foundation
import Testing
import Jianfan

/// The `///` examples of segments and inspection records (`jianfan --inspect`,
/// `--segmentation`), run as written.
@Suite("Examples: ConvertedSegment and inspection records")
struct InspectExamples {
    @Test("ConvertedSegment")
    func segments() {
        let segments = Converter(.s2twp).segments(of: "头发和U盘")
        // [头发 → 頭髮, decided by STPhrases+STPhrases_GeneratedFromRegionalPhrases (a phrase),
        //  和U盘 → 和隨身碟, text between phrases]
        #expect(segments.count == 2)
        #expect(segments[0].phrase == "STPhrases+STPhrases_GeneratedFromRegionalPhrases" && segments[1].phrase == nil)
        #expect(segments[1].input == 6..<13)   // 6..<13 (UTF-8 bytes of the input)
        #expect(segments[1].outputScalars == 2..<6)
    }

    @Test("ScoredReading")
    func scoredReading() {
        let segments = Converter(.s2t, segmenter: .words).segments(of: "被发明的")
        let rejected = segments[0].rejected ?? []   // [被发|明 (greedy), with its cost]
        print(rejected.map { "\($0.pieces.joined(separator: "|")) \($0.score)" })
        #expect(rejected.map(\.pieces) == [["被发", "明"]])
        #expect(segments[0].segmenter == "words" && rejected[0].score > segments[0].score!)
    }

    /// The record parsed, for the keys the comments show.
    static func parsed(_ record: String?) throws -> [String: Any] {
        let data = Data(try #require(record).utf8)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test("Converter.inspectionRecord(line:)")
    func inspection() throws {
        let record = try Self.parsed(Converter(.s2t).inspectionRecord(line: "头发"))
        #expect(record["input"] as? String == "头发" && record["output"] as? String == "頭髮")
        #expect((record["segments"] as? [Any])?.isEmpty == true && (record["stages"] as? [Any])?.isEmpty == true)
        #expect(record["pipelineStages"] is [Any] && record["jianfan"] is [String: Any])
    }

    @Test("Converter.segmentationRecord(line:)")
    func segmentation() throws {
        let record = try Self.parsed(Converter(.s2twp).segmentationRecord(line: "头发和U盘"))
        #expect(record["input"] as? String == "头发和U盘")
        #expect(record["segments"] as? [String] == ["头发", "和U盘"] && record["jianfan"] is [String: Any])
        #expect(Converter(.s2t).segmentationRecord(line: "头发") == nil)   // no segmentation in s2t
    }
}
