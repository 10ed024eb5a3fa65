import Foundation
import Testing
@testable import Jianfan

/// A segmented plan whose segmentation is not its first stage (tw2sp, tw2s, hk2s, hk2sp) with
/// its segmenting table (`SegmentingStage`: segmentation and first stage in one pass) against
/// the same plan in three passes (segmentation, the first stage segment by segment, the last
/// stage), which the golden files and the differential script check against OpenCC.
@Suite("A segmenting table converts exactly as segmentation, then the first stage")
struct SegmentingStageTests {
    static let configs: [Config] = [.tw2sp, .tw2s, .hk2s, .hk2sp]

    /// The plan as compiled, and the same plan without its segmenting table.
    static func plans(_ config: Config, tofu: Bool = false) throws -> (segmenting: Plan, staged: Plan) {
        let plan = try #require(TableSet.embedded.plan(config, includeTofuRisk: tofu))
        #expect(plan.segmentingStage != nil && plan.fused == nil && !plan.segmentationIsFirstStage)
        #expect(plan.segmentingStageIsFinal)
        let staged = Plan(normalization: plan.normalization,
                          normalizationIsCompatibilityOnly: plan.normalizationIsCompatibilityOnly,
                          segmentation: plan.segmentation, segmentationIsFirstStage: false,
                          stages: plan.stages, fused: nil, segmentingStage: nil, cutter: plan.cutter)
        return (plan, staged)
    }

    /// Text made of the keys where segmentation and the stages meet: segmentation phrases,
    /// first-stage phrases, last-stage phrases and single characters, in random order, with what
    /// makes runs stop inserted. Segments then start inside first-stage phrases (`複製坏`).
    static func denseTexts(_ config: Config, count: Int, seed: UInt64) throws -> [String] {
        let (definition, keys) = try DenseText.definition(config)
        let segmentation = try keys(definition.segmentation!)
        let first = try keys(definition.chain[0])
        // A first-stage phrase with a segmentation phrase that begins inside it completed:
        // `複製` + `製坏` → `複製坏`.
        let segmentationByFirst = Dictionary(grouping: segmentation.map(Array.init), by: { $0[0] })
        var straddles: [String] = []
        for phrase in first.map(Array.init) where phrase.count > 1 {
            for i in 1..<phrase.count {
                for key in segmentationByFirst[phrase[i]] ?? [] {
                    let tail = phrase[i...]
                    if key.starts(with: tail) { straddles.append(String(phrase + key.dropFirst(tail.count))) }
                    else if tail.starts(with: key) { straddles.append(String(phrase)) }
                }
            }
        }
        let last = try keys(definition.chain[1]).filter { $0.unicodeScalars.count > 1 }
        return DenseText.texts([(2, straddles), (3, segmentation), (4, first), (2, last),
                                (2, try DenseText.singles()), (1, DenseText.inserts)], count: count, seed: seed)
    }

    /// (Without segmentation most of these texts convert otherwise: they hold the cases.)
    @Test("on words where segmentation and the stages meet", arguments: configs)
    func denseText(_ config: Config) throws {
        for tofu in [false, true] {
            let (segmenting, staged) = try Self.plans(config, tofu: tofu)
            var failures = 0, cut = 0
            let unsegmented = Plan(normalization: [], normalizationIsCompatibilityOnly: true, segmentation: nil,
                                   segmentationIsFirstStage: false, stages: staged.stages, fused: nil,
                                   segmentingStage: nil, cutter: staged.cutter)
            for text in try Self.denseTexts(config, count: 300, seed: 47) {
                let input = Array(text.utf8)
                let expected = FusedConversionTests.convert(staged, input)
                if FusedConversionTests.convert(segmenting, input) != expected { failures += 1 }
                if FusedConversionTests.convert(unsegmented, input) != expected { cut += 1 }
            }
            #expect(failures == 0)
            // Segment ends changed many texts: the cases were there. (Not in hk2s, whose first
            // stage's phrases keep their characters as they are: a cut there changes nothing.)
            #expect(config == .hk2s || cut > 100, "\(cut) texts")
        }
    }

    @Test("on real text with ASCII, IDSs and other lengths inserted", arguments: configs)
    func realText(_ config: Config) throws {
        let (segmenting, staged) = try Self.plans(config)
        #expect(try FusedConversionTests.differences(segmenting, staged, onRealTextsSeeded: 53) == 0)
    }

    /// Outputs of the OpenCC 1.4.2 CLI: a segment (a TSPhrases key) that starts inside a
    /// first-stage phrase ends the run before it, so the phrase does not apply (`製坏` in
    /// `複製坏`, `上逕` in `線上逕`, `拉鍊` in `瓜地馬拉鍊`), and applies where none does.
    @Test("a first-stage phrase does not cross into a segment")
    func runEnds() {
        let tw2sp = Converter(.tw2sp)
        #expect(tw2sp.convert("複製坏") == "复制坯")
        #expect(tw2sp.convert("複製") == "拷贝")
        #expect(tw2sp.convert("線上逕") == "线上迳")
        #expect(tw2sp.convert("線上") == "在线")
        #expect(tw2sp.convert("瓜地馬拉鍊") == "瓜地马拉链")
        #expect(tw2sp.convert("瓜地馬拉") == "危地马拉")
    }

    /// Output of OpenCC 1.4.2 on this configuration: its segmentation is the first stage's
    /// rank 0, so the first stage's own table segments (no segmenting table), and `甲乙丙` of
    /// the later child stops where the segment `乙丙` begins.
    @Test("where the segmentation is the first stage's rank 0, a later rank's phrase stops at a segment too")
    func laterRankStopsAtSegment() throws {
        let json = """
            { "segmentation": { "type": "mmseg", "dict": { "type": "inline", "entries": { "乙丙": "x" } } },
              "conversion_chain": [ { "dict": { "type": "group", "dicts": [
                { "type": "inline", "entries": { "乙丙": "丁" } },
                { "type": "inline", "entries": { "甲乙丙": "戊", "甲乙": "己" } } ] } } ] }
            """
        let dir = try ConfigurationTests().directory(["c.json": json])
        let converter = try Converter(configuration: dir + "/c.json")
        #expect(converter.plan.segmentationIsFirstStage && converter.plan.segmentingStage == nil)
        #expect(converter.convert("甲乙丙") == "甲丁")
        #expect(converter.convert("甲乙丁") == "己丁")
    }
}
