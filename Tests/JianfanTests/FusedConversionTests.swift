import Foundation
import Testing
@testable import Jianfan

/// A segmented two-stage plan's fused table (`FusedTable`, `FusedRun.swift`) against the same
/// plan run stage by stage (segmenting with the first stage, then the second stage within each
/// segment), which the other suites check against a reference and OpenCC.
@Suite("A fused plan converts exactly as its two stages one after the other")
struct FusedConversionTests {
    static let configs: [Config] = [.s2twp, .s2tw, .s2hk, .s2hkp]

    /// The plan as compiled (fused), and the same plan without its fused table.
    static func plans(_ config: Config) throws -> (fused: Plan, staged: Plan) {
        let plan = try #require(TableSet.embedded.plan(config, includeTofuRisk: false))
        #expect(plan.fused != nil)
        let staged = Plan(normalization: plan.normalization,
                          normalizationIsCompatibilityOnly: plan.normalizationIsCompatibilityOnly,
                          segmentation: plan.segmentation, segmentationIsFirstStage: plan.segmentationIsFirstStage,
                          stages: plan.stages, fused: nil, segmentingStage: nil, cutter: plan.cutter)
        return (plan, staged)
    }

    static func convert(_ plan: Plan, _ input: [UInt8]) -> [UInt8] {
        let out = ByteBuffer()
        input.withUnsafeBytes { plan.convert($0, into: out, scratch: Scratch()) }
        return Array(out.bytes)
    }

    /// Text made of the words where the stages meet: second-stage phrases as they are written
    /// before the first stage (the reverse config's output), first-stage phrases, and single
    /// characters, in random order, with what makes runs stop inserted.
    static func denseTexts(_ config: Config, count: Int, seed: UInt64) throws -> [String] {
        let (definition, keys) = try DenseText.definition(config)
        let toSimplified = Converter(.t2s)
        let secondPhrases = try keys(definition.chain[1]).filter { $0.unicodeScalars.count > 1 }.map(toSimplified.convert)
        let firstPhrases = try keys(definition.segmentation!).shuffled().prefix(3000)
        return DenseText.texts([(4, secondPhrases), (3, Array(firstPhrases)), (2, try DenseText.singles()),
                                (1, DenseText.inserts)], count: count, seed: seed)
    }

    @Test("on words where the stages meet", arguments: configs)
    func denseText(_ config: Config) throws {
        let (fused, staged) = try Self.plans(config)
        let firstStageOnly = Converter(.s2t)
        var failures = 0, altered = 0
        for text in try Self.denseTexts(config, count: 400, seed: 41) {
            let input = Array(text.utf8)
            let expected = Self.convert(staged, input)
            if Self.convert(fused, input) != expected { failures += 1 }
            if expected != Array(firstStageOnly.convert(text).utf8) { altered += 1 }
        }
        #expect(failures == 0)
        #expect(altered > 100)   // the second stage changed most texts: its phrases were there
    }

    /// How many of 300 real texts (with ASCII, IDSs and other lengths inserted) two plans
    /// convert differently.
    static func differences(_ a: Plan, _ b: Plan, onRealTextsSeeded seed: UInt64) throws -> Int {
        try MatchingReferenceTests.texts(count: 300, seed: seed).filter { s in
            let input = MatchingReferenceTests.utf8(s)
            return convert(a, input) != convert(b, input)
        }.count
    }

    @Test("on real text with ASCII, IDSs and other lengths inserted", arguments: configs)
    func realText(_ config: Config) throws {
        let (fused, staged) = try Self.plans(config)
        #expect(try Self.differences(fused, staged, onRealTextsSeeded: 43) == 0)
    }

    /// Outputs of the OpenCC 1.4.2 CLI: a Taiwan phrase stops where a first-stage phrase begins
    /// (`盘回` in `U盘回家`, `纸烟` in `壁纸烟`), and applies when none does.
    @Test("a second-stage phrase does not cross into a first-stage phrase")
    func runEnds() {
        let converter = Converter(.s2twp)
        #expect(converter.convert("U盘回家") == "U盤迴家")
        #expect(converter.convert("壁纸烟") == "壁紙菸")
        #expect(converter.convert("插件钟") == "插件鐘")
        #expect(converter.convert("U盘") == "隨身碟")
        #expect(converter.convert("壁纸") == "桌布")
        #expect(converter.convert("杀毒软件") == "防毒軟體")
    }

    /// Outputs of the OpenCC 1.4.2 CLI: where a first-stage phrase begins inside a second-stage
    /// phrase, the longest second-stage phrase before it applies. `联繫历史` is not `通話記錄`
    /// (`聯繫歷史`), since the first-stage phrase `历史` begins inside it, but `聯絡` + `歷史`;
    /// in s2hk, `道种智` cuts `宋皇臺道` to `宋皇臺`.
    @Test("a second-stage phrase cut by a first-stage phrase gives way to a shorter one")
    func runEndsInsidePhrase() {
        #expect(Converter(.s2twp).convert("联繫历史") == "聯絡歷史")
        #expect(Converter(.s2twp).convert("调製解调器物录") == "調變解調器物錄")
        #expect(Converter(.s2hk).convert("宋皇台道种智") == "宋皇臺道種智")
    }
}
