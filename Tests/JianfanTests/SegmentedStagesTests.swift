import Foundation
import Testing
@testable import Jianfan

/// A segmented configuration whose first stage is not its segmentation (as tw2sp, hk2s, …), with
/// its segmenting table and without (three passes): no match of any stage crosses a segment end,
/// and the segment ends move with every step whose output is not as long as its input. Checked against OpenCC's pipeline written out by hand
/// (segment, then each stage on each segment) on random dictionaries whose values change
/// lengths (three bytes to one, two, four, six or nine), dense and sparse in phrase starts.
@Suite("Segmented stages against OpenCC's pipeline written out")
struct SegmentedStagesTests {
    typealias Dictionary = [String: String]

    /// The longest key of `dict` at `i` in `chars[..<end]` (its length in characters), if any.
    static func longest(_ dict: Dictionary, _ chars: [Character], _ i: Int, _ end: Int) -> (Int, String)? {
        for length in stride(from: min(3, end - i), through: 1, by: -1) {
            if let value = dict[String(chars[i..<i + length])] { return (length, value) }
        }
        return nil
    }

    /// OpenCC's conversion of one segment: greedy longest match, else the character itself.
    static func convert(_ dict: Dictionary, _ text: String) -> String {
        let chars = Array(text)
        var out = "", i = 0
        while i < chars.count {
            if let (length, value) = longest(dict, chars, i, chars.count) { out += value; i += length } else { out.append(chars[i]); i += 1 }
        }
        return out
    }

    /// OpenCC's mmseg: each longest match a segment, the characters between matches one segment;
    /// then every stage converts each segment on its own.
    static func reference(_ text: String, segmentation: Dictionary, stages: [Dictionary]) -> String {
        let chars = Array(text)
        var segments: [String] = [], run = "", i = 0
        while i < chars.count {
            if let (length, _) = longest(segmentation, chars, i, chars.count) {
                if !run.isEmpty { segments.append(run); run = "" }
                segments.append(String(chars[i..<i + length]))
                i += length
            } else {
                run.append(chars[i])
                i += 1
            }
        }
        if !run.isEmpty { segments.append(run) }
        return segments.map { segment in stages.reduce(segment) { convert($1, $0) } }.joined()
    }

    static func random(_ alphabet: [Character], keys: Int, values: [String], lengths: ClosedRange<Int>,
                       using rng: inout SplitMix64) -> Dictionary {
        var dict: Dictionary = [:]
        for _ in 0..<keys {
            let key = String((0..<Int.random(in: lengths, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! })
            dict[key] = (0..<Int.random(in: 1...3, using: &rng)).map { _ in values.randomElement(using: &rng)! }.joined()
        }
        return dict
    }

    static func inline(_ dict: Dictionary) -> String {
        "{ \"type\": \"inline\", \"entries\": { "
            + dict.sorted { $0.key < $1.key }.map { "\"\($0.key)\": \"\($0.value)\"" }.joined(separator: ", ") + " } }"
    }

    /// Dense: most characters start a key (the filter asked at every one); sparse: few do (the
    /// record tested first).
    @Test("random dictionaries and text: the output is OpenCC's pipeline's", arguments: [
        (1, 6, 12), (2, 6, 12), (3, 6, 12), (4, 30, 6), (5, 30, 6), (6, 30, 6),
    ] as [(UInt64, Int, Int)])
    func randomPipelines(seed: UInt64, alphabetSize: Int, keys: Int) throws {
        var rng = SplitMix64(seed: seed)
        let alphabet = (0..<alphabetSize).map { Character(Unicode.Scalar(0x4E00 + UInt32($0) * 7)!) }
        let values = ["a", "é", "丙", "𠀀", "丁丁"] + alphabet.prefix(3).map(String.init)
        let segmentation = Self.random(alphabet, keys: keys, values: ["s"], lengths: 2...3, using: &rng)
        let first = Self.random(alphabet, keys: keys, values: values, lengths: 1...3, using: &rng)
        let second = Self.random(alphabet + ["a", "丙", "丁"], keys: keys * 2, values: values, lengths: 1...3, using: &rng)
        let json = "{ \"segmentation\": { \"type\": \"mmseg\", \"dict\": \(Self.inline(segmentation)) },\n"
            + "\"conversion_chain\": [ { \"dict\": \(Self.inline(first)) }, { \"dict\": \(Self.inline(second)) } ] }"
        let dir = try ConfigurationTests().directory(["c.json": json])
        let converter = try Converter(configuration: dir + "/c.json")
        // Segmentation and the first stage in one table (`SegmentingStage`), and the same plan
        // in three passes: both are OpenCC's pipeline.
        let plan = converter.plan
        #expect(plan.fused == nil && !plan.segmentationIsFirstStage && plan.segmentingStage != nil)
        let staged = Plan(normalization: plan.normalization, normalizationIsCompatibilityOnly: plan.normalizationIsCompatibilityOnly,
                          segmentation: plan.segmentation, segmentationIsFirstStage: false, stages: plan.stages,
                          fused: nil, segmentingStage: nil, cutter: plan.cutter)
        for _ in 0..<2 {
            let text = String((0..<2000).map { _ in
                Int.random(in: 0..<40, using: &rng) == 0 ? "\n" : alphabet.randomElement(using: &rng)!
            })
            let expected = text.split(separator: "\n", omittingEmptySubsequences: false)
                .map { Self.reference(String($0), segmentation: segmentation, stages: [first, second]) }
                .joined(separator: "\n")
            #expect(converter.convert(text) == expected)
            #expect(String(decoding: FusedConversionTests.convert(staged, Array(text.utf8)), as: UTF8.self) == expected)
        }
    }
}
