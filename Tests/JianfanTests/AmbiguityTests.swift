import Foundation
import Testing
@testable import Jianfan

/// `--ambiguities` records equal OpenCC 1.4.2's when parsed, for every built-in config, on the
/// input Scripts/inspect-golden.sh gave `opencc` (under 1 MiB: one chunk).
@Suite("Ambiguities: OpenCC's records of one-to-many spans")
struct AmbiguityTests {
    static let folder = Fixtures.directory.appendingPathComponent("Inspect")

    func records(_ bytes: [UInt8]) throws -> [NSDictionary] {
        try String(decoding: bytes, as: UTF8.self).split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? NSDictionary)
        }
    }

    func report(_ config: Config, _ text: String) -> [UInt8] {
        var report = AmbiguityReport(converter: Converter(config))
        return report.records(Array(text.utf8)) + report.end
    }

    @Test("records equal OpenCC's", arguments: Config.allCases)
    func fixture(config: Config) throws {
        let input = try Data(contentsOf: Self.folder.appendingPathComponent("ambiguities.txt"))
        let expected = try Data(contentsOf: Self.folder.appendingPathComponent("\(config.rawValue).ambiguities.jsonl"))
        let ours = try records(report(config, String(decoding: input, as: UTF8.self)))
        let theirs = try records(Array(expected))
        #expect(ours.count == theirs.count, "\(config)")
        for (index, (a, b)) in zip(ours, theirs).enumerated() where a != b {
            Issue.record("\(config): record \(index) differs\nours:   \(a)\nopencc: \(b)")
            break
        }
    }

    @Test("the lit and amb texts make the converter's output; sources are numbered once")
    func outputAndSources() throws {
        let text = "干 x 干 码表\n什么头发\n"
        let parsed = try records(report(.s2t, text))
        var output = ""
        for record in parsed {
            if let lit = record["lit"] as? String { output += lit }
            if let amb = record["amb"] as? NSDictionary { output += try #require(amb["t"] as? String) }
        }
        #expect(output == Converter(.s2t).convert(text))
        #expect(parsed.compactMap { $0["def"] as? String } == ["干", "码表"])
        let end = try #require(parsed.last?["end"] as? NSDictionary)
        #expect(end["ambiguities"] as? Int == 3 && end["sources"] as? Int == 2)
        #expect(end["output_bytes"] as? Int == Converter(.s2t).convert(text).utf8.count)
    }

    @Test("a span is what a later stage's match joins: 什么 under s2tw, 蹦极 under s2twp")
    func spansAcrossStages() throws {
        let tw = try records(report(.s2tw, "什么\n"))
        #expect(tw.first?["def"] as? String == "什么")
        let twp = try records(report(.s2twp, "蹦极\n"))
        #expect(twp.first?["def"] as? String == "蹦极")
        #expect((twp.dropFirst().first?["amb"] as? NSDictionary)?["t"] as? String == Converter(.s2twp).convert("蹦极"))
    }
}
