import Foundation
import Testing
@testable import Jianfan

/// The staged tables of tw2sp, tw2s, hk2s and hk2sp (segmentation and both stages in one pass,
/// `StagedRun.swift`) against the same plans in three passes, on texts where a last-stage
/// phrase is made across a unit by the first stage's output: the windows converted again.
@Suite("A staged table converts exactly as segmentation, then both stages")
struct StagedTableTests {
    /// A dictionary of a built-in configuration's data: each key with its first value.
    static func entries(_ spec: DictionarySpec) throws -> [(key: String, value: String)] {
        let data = Fixtures.packageRoot.appendingPathComponent("Data/Dictionaries")
        return try spec.fileNames.flatMap { name in
            try String(contentsOf: data.appendingPathComponent("\(name).txt"), encoding: .utf8)
                .split(separator: "\n").compactMap { line -> (String, String)? in
                    let parts = line.split(separator: "\t", maxSplits: 1)
                    guard parts.count == 2 else { return nil }
                    return (String(parts[0]), String(parts[1].prefix { $0 != " " }))
                }
        }
    }

    /// Inputs whose first-stage output holds a last-stage phrase across a unit's end or start:
    /// a first-stage key whose value ends with the phrase's head, then the phrase's tail as it
    /// is (`檔案` → `文件` then the rest of a phrase beginning `件`); or the phrase's head, then
    /// a key whose value begins with its tail.
    static func crossingWords(_ config: Config) throws -> [String] {
        let (definition, _) = try DenseText.definition(config)
        let changed = try entries(definition.chain[0]).filter { $0.key != $0.value }
        let phrases = try entries(definition.chain[1]).map { Array($0.key) }.filter { $0.count > 1 }
        var words: [String] = []
        for (key, value) in changed {
            for phrase in phrases {
                for i in 1..<phrase.count {
                    if value.hasSuffix(String(phrase[..<i])) { words.append(key + String(phrase[i...])) }
                    if value.hasPrefix(String(phrase[i...])) { words.append(String(phrase[..<i]) + key) }
                }
            }
        }
        return words
    }

    @Test("every built-in plan that segments with other phrases gets a staged table")
    func compiled() throws {
        for config in SegmentingStageTests.configs {
            for tofu in [false, true] {
                let plan = try #require(TableSet.embedded.plan(config, includeTofuRisk: tofu))
                #expect(plan.segmentingStageIsFinal && plan.stages.count == 2, "\(config)")
            }
        }
    }

    @Test("on texts where the first stage's output makes a last-stage phrase across units",
          arguments: SegmentingStageTests.configs)
    func crossing(_ config: Config) throws {
        let words = try Self.crossingWords(config)
        #expect(words.count > 10, "\(words.count) crossing words")
        let (definition, keys) = try DenseText.definition(config)
        let first = try keys(definition.chain[0])
        for tofu in [false, true] {
            let (staged, threePasses) = try SegmentingStageTests.plans(config, tofu: tofu)
            var failures = 0
            let texts = DenseText.texts([(4, words), (2, first), (2, try DenseText.singles()), (1, DenseText.inserts)],
                                        count: 300, seed: 61)
            for text in texts {
                let input = Array(text.utf8)
                if FusedConversionTests.convert(staged, input) != FusedConversionTests.convert(threePasses, input) {
                    failures += 1
                }
            }
            #expect(failures == 0, "\(failures) of \(texts.count) texts differ (tofu: \(tofu))")
        }
    }

    /// Outputs of OpenCC 1.4.2: `價效比` becomes `性價比` in the first stage, and `反覆性` is a
    /// TSPhrases key across its start; `唐氏症` becomes `唐氏綜合徵`, and `徵弦` is one across
    /// its end. Alone, each unit's last-stage output is its own.
    @Test("a last-stage phrase across the first stage's output")
    func examples() {
        let tw2sp = Converter(.tw2sp)
        #expect(tw2sp.convert("反覆價效比") == "反复性价比")
        #expect(tw2sp.convert("價效比") == "性价比")
        #expect(tw2sp.convert("唐氏症弦") == "唐氏综合徵弦")
        #expect(tw2sp.convert("唐氏症") == "唐氏综合征")
        #expect(tw2sp.convert("申昇荀白克") == "申昇勋伯格")
    }

    /// A custom configuration of tw2sp's shape gets a staged table where every last-stage
    /// phrase is a segmentation key; here `乙` becomes `甲` in the first stage and the last
    /// stage's `甲丙` matches across it (as OpenCC 1.4.2 converts: segment, stage, stage).
    @Test("a custom configuration of the same shape, and one with a last-stage phrase of its own")
    func custom() throws {
        func config(lastEntries: String) -> String {
            """
            { "segmentation": { "type": "mmseg", "dict": { "type": "inline", "entries": { "甲丙": "x", "丁戊": "x" } } },
              "conversion_chain": [
                { "dict": { "type": "inline", "entries": { "乙": "甲" } } },
                { "dict": { "type": "inline", "entries": { \(lastEntries) } } } ] }
            """
        }
        let dir = try ConfigurationTests().directory([
            "staged.json": config(lastEntries: #""甲丙": "己", "丙": "庚""#),
            "other.json": config(lastEntries: #""甲丙": "己", "丙": "庚", "丙丙": "辛""#),
        ])
        let staged = try Converter(configuration: dir + "/staged.json")
        #expect(staged.plan.segmentingStageIsFinal)
        #expect(staged.convert("乙丙") == "己")
        #expect(staged.convert("乙乙丙丁戊丙") == "甲己丁戊庚")
        let other = try Converter(configuration: dir + "/other.json")
        #expect(!other.plan.segmentingStageIsFinal && other.plan.segmentingStage != nil)
        #expect(other.convert("乙丙丙") == "己庚")
    }
}
