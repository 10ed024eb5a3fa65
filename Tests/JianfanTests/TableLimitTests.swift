import Foundation
import Testing
@testable import Jianfan

/// What one compiled table cannot hold, from a user's configuration or entries: each limit is
/// either lifted (a short_circuit group of any length, one inside a union) or an error that
/// names the dictionary, never a stopped process. Groups are checked against OpenCC's group
/// rules written out by hand, on random text.
@Suite("Table limits: long groups resolved, oversized tables refused")
struct TableLimitTests {
    /// A fresh directory holding `files` (name → contents).
    func directory(_ files: [String: String]) throws -> String { try ConfigurationTests().directory(files) }

    static let alphabet = Array("甲乙丙丁戊")

    /// Dictionaries of random keys (1–4 characters of a small alphabet, so that keys of different
    /// dictionaries are prefixes of one another), each value naming its dictionary and key.
    static func randomDictionaries(_ count: Int, seed: UInt64) -> [[String: String]] {
        var rng = SplitMix64(seed: seed)
        return (0..<count).map { d in
            var dict: [String: String] = [:]
            for _ in 0..<Int.random(in: 2...12, using: &rng) {
                let key = String((0..<Int.random(in: 1...4, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! })
                dict[key] = "<\(d):\(key)>"
            }
            return dict
        }
    }

    /// OpenCC's lookup at `i`: `shortCircuit`, the first dictionary with any match, its longest;
    /// else (union) the longest of all, the earlier dictionary on equal length.
    static func match(_ dicts: [[String: String]], _ text: [Character], _ i: Int, shortCircuit: Bool) -> (Int, String)? {
        var best: (Int, String)?
        for dict in dicts {
            for length in stride(from: min(4, text.count - i), through: 1, by: -1) {
                if let value = dict[String(text[i..<i + length])] {
                    if best == nil || length > best!.0 { best = (length, value) }
                    break
                }
            }
            if shortCircuit && best != nil { return best }
        }
        return best
    }

    static func reference(_ text: String, _ match: (_ text: [Character], _ i: Int) -> (Int, String)?) -> String {
        let chars = Array(text)
        var out = "", i = 0
        while i < chars.count {
            if let (length, value) = match(chars, i) { out += value; i += length } else { out.append(chars[i]); i += 1 }
        }
        return out
    }

    static func inline(_ dict: [String: String]) -> String {
        let entries = dict.sorted { $0.key < $1.key }.map { "\"\($0.key)\": \"\($0.value)\"" }
        return "{ \"type\": \"inline\", \"entries\": { \(entries.joined(separator: ", ")) } }"
    }

    static func randomText(seed: UInt64) -> String {
        var rng = SplitMix64(seed: seed)
        return String((0..<400).map { _ in alphabet.randomElement(using: &rng)! })
    }

    @Test("a short_circuit group of 20 dictionaries (OpenCC has no limit) converts as OpenCC's group does",
          arguments: [1, 2, 3, 4, 5] as [UInt64])
    func longGroup(seed: UInt64) throws {
        let dicts = Self.randomDictionaries(20, seed: seed)
        let json = "{ \"conversion_chain\": [ { \"dict\": { \"type\": \"group\", \"dicts\": [\n"
            + dicts.map(Self.inline).joined(separator: ",\n") + "] } } ] }"
        let converter = try Converter(configuration: try directory(["g.json": json]) + "/g.json")
        let text = Self.randomText(seed: seed)
        #expect(converter.convert(text) == Self.reference(text) { Self.match(dicts, $0, $1, shortCircuit: true) })
    }

    @Test("a short_circuit group inside a union converts as OpenCC's groups do", arguments: [6, 7, 8] as [UInt64])
    func shortCircuitInUnion(seed: UInt64) throws {
        let dicts = Self.randomDictionaries(5, seed: seed)
        let inner = "{ \"type\": \"group\", \"match_policy\": \"short_circuit\", \"dicts\": ["
            + dicts[1..<4].map(Self.inline).joined(separator: ", ") + "] }"
        let json = "{ \"conversion_chain\": [ { \"dict\": { \"type\": \"group\", \"match_policy\": \"union\", \"dicts\": [\n"
            + [Self.inline(dicts[0]), inner, Self.inline(dicts[4])].joined(separator: ",\n") + "] } } ] }"
        let converter = try Converter(configuration: try directory(["u.json": json]) + "/u.json")
        let text = Self.randomText(seed: seed)
        let expected = Self.reference(text) { chars, i in
            let candidates = [Self.match([dicts[0]], chars, i, shortCircuit: true),
                              Self.match(Array(dicts[1..<4]), chars, i, shortCircuit: true),
                              Self.match([dicts[4]], chars, i, shortCircuit: true)]
            return candidates.reduce(nil) { best, m in m.map { m in best == nil || m.0 > best!.0 ? m : best! } ?? best }
        }
        #expect(converter.convert(text) == expected)
    }

    /// 131,072 keys of two characters: one more than a table's slots can index.
    static let tooManyPhrases: String = {
        var lines = ""
        for i in 0..<(TableLimits.phrases + 1) {
            let a = Unicode.Scalar(0x4E00 + UInt32(i >> 9))!, b = Unicode.Scalar(0x4E00 + UInt32(i & 511))!
            lines += "\(a)\(b)\tx\n"
        }
        return lines
    }()

    @Test("a dictionary of more phrases than a table holds is an error naming it, in a config and as user entries")
    func tooManyPhrases() throws {
        let dir = try directory(["big.txt": Self.tooManyPhrases,
                                 "big.json": "{ \"conversion_chain\": [ { \"dict\": { \"type\": \"text\", \"file\": \"big.txt\" } } ] }"])
        let error = #expect(throws: ConfigurationError.self) { try Converter(configuration: dir + "/big.json") }
        let text = error.map { "\($0)" } ?? ""
        #expect(text.contains("big.json") && text.contains("big.txt") && text.contains("one table holds at most 131071"), "\(text)")
        let entries = try UserDictionary(contentsOfFile: dir + "/big.txt")
        #expect(throws: ConfigurationError.self) { try Converter(.s2t).overriding(entries) }
        // Half of them fit; the other half on top of them do not.
        let half = try UserDictionary(parsing: Self.tooManyPhrases.split(separator: "\n").prefix(70_000).joined(separator: "\n"), name: "half")
        let rest = try UserDictionary(parsing: Self.tooManyPhrases.split(separator: "\n").suffix(70_000).joined(separator: "\n"), name: "rest")
        let once = try Converter(.s2t).overriding(half)
        #expect(once.convert("一一") == "x")
        #expect(throws: ConfigurationError.self) { try once.overriding(rest) }
    }

    @Test("the limits are checked before a table is built: ranks, IDS operators, values, phrases")
    func violations() {
        func entry(_ key: [UInt32], rank: UInt8 = 0, bytes: Int = 1) -> TableBuilder.FlatEntry {
            .init(key: key, rank: rank, value: Array(repeating: 0x61, count: bytes))
        }
        #expect(TableLimits.violation([entry([0x4E00, 0x4E01])]) == nil)
        #expect(TableLimits.violation([entry([0x4E00], rank: 7)]) != nil)
        #expect(TableLimits.violation([entry([0x2FF0, 0x4E00])]) != nil)
        #expect(TableLimits.violation([entry([0x4E00], bytes: 256)]) != nil)
        #expect(throws: DictionaryError.self) { try TableBuilder.build([entry([0x2FF1, 0x4E00])]) }
    }

    @Test("a fused first-stage phrase the second stage makes longer than 255 bytes runs stage by stage")
    func fusedValueTooLong() throws {
        let long = String(repeating: "丙", count: 85)   // 255 bytes
        let phrases = "{ \"type\": \"text\", \"file\": \"p.txt\" }"
        let json = """
        { "segmentation": { "type": "mmseg", "dict": \(phrases) },
          "conversion_chain": [ { "dict": \(phrases) }, { "dict": { "type": "inline", "entries": { "丙": "丁丁" } } } ] }
        """
        let dir = try directory(["f.json": json, "p.txt": "甲乙\t\(long)\n"])
        let converter = try Converter(configuration: dir + "/f.json")
        #expect(converter.convert("甲乙丙") == String(repeating: "丁", count: 172))
    }

    @Test("a second-stage phrase the first stage can write in 10^12 ways is not expanded (stage by stage)")
    func fusedExpansion() throws {
        let sources = Array("子丑寅卯辰巳午未申酉")
        let characters = sources.map { "\($0)\t丙" }.joined(separator: "\n")
        let json = """
        { "segmentation": { "type": "mmseg", "dict": { "type": "inline", "entries": { "甲乙": "x" } } },
          "conversion_chain": [
            { "dict": { "type": "group", "dicts": [ { "type": "inline", "entries": { "甲乙": "x" } }, { "type": "text", "file": "c.txt" } ] } },
            { "dict": { "type": "inline", "entries": { "\(String(repeating: "丙", count: 12))": "Z" } } } ] }
        """
        let dir = try directory(["e.json": json, "c.txt": characters + "\n"])
        let converter = try Converter(configuration: dir + "/e.json")
        #expect(converter.convert("子丑寅卯辰巳午未申酉子丑甲乙") == "Zx")
    }
}
