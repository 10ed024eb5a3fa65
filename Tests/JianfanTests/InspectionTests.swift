import Foundation
import Testing
@testable import Jianfan

/// `--inspect` and `--segmentation` records equal OpenCC 1.4.2's when parsed (Jianfan's own
/// additions under "jianfan" aside), for every built-in config, on the sample that
/// Scripts/inspect-golden.sh converted with `opencc`.
@Suite("Inspection: OpenCC's records, and segments mapped to the input and the output")
struct InspectionTests {
    static let folder = Fixtures.directory.appendingPathComponent("Inspect")

    func lines(_ name: String) throws -> [String] {
        let text = try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    func parsed(_ json: String) throws -> NSDictionary {
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8))
        let dictionary = try #require(object as? NSDictionary).mutableCopy() as! NSMutableDictionary
        dictionary.removeObject(forKey: "jianfan")
        return dictionary
    }

    @Test("--inspect records equal OpenCC's", arguments: Config.allCases)
    func inspect(config: Config) throws {
        let sample = try lines("sample.txt")
        let expected = try lines("\(config.rawValue).inspect.jsonl")
        #expect(sample.count == expected.count)
        let converter = Converter(config)
        for (line, record) in zip(sample, expected) {
            let ours = converter.inspectionRecord(line: line)
            let same = try parsed(ours) == parsed(record)
            #expect(same, "\(config): \(line)\nours:   \(ours)\nopencc: \(record)")
            let output = try #require(try parsed(ours)["output"] as? String)
            #expect(output == converter.convert(line))
        }
    }

    @Test("--segmentation records equal OpenCC's", arguments: Config.allCases)
    func segmentation(config: Config) throws {
        let converter = Converter(config)
        let file = Self.folder.appendingPathComponent("\(config.rawValue).segmentation.jsonl")
        guard FileManager.default.fileExists(atPath: file.path) else {
            #expect(converter.segmentationRecord(line: "头发") == nil, "OpenCC has no segmentation for \(config)")
            return
        }
        for (line, record) in zip(try lines("sample.txt"), try lines(file.lastPathComponent)) {
            let ours = try #require(converter.segmentationRecord(line: line))
            let same = try parsed(ours) == parsed(record)
            #expect(same, "\(config): \(line)\nours:   \(ours)\nopencc: \(record)")
        }
    }

    @Test("segments map the output back to the input")
    func segmentOffsets() throws {
        let converter = Converter(.s2twp)
        let text = "头发和U盘\n鼠标"
        let segments = converter.segments(of: text)
        let output = Array(converter.convert(text).utf8), input = Array(text.utf8)
        #expect(segments.map { String(decoding: input[$0.input], as: UTF8.self) } == ["头发", "和U盘", "\n", "鼠标"])
        #expect(segments.map { String(decoding: output[$0.output], as: UTF8.self) } == ["頭髮", "和隨身碟", "\n", "滑鼠"])
        #expect(segments[1].inputScalars == 2..<5 && segments[1].outputScalars == 2..<6)
        #expect(segments[0].phrase == "STPhrases+STPhrases_GeneratedFromRegionalPhrases" && segments[1].phrase == nil)
        #expect(segments.last?.output.upperBound == output.count)
    }
}
