import Foundation
import Testing
@testable import Jianfan

/// The conversion loops (a general one per stage kind, and the three-byte-run path inside each)
/// against a reference written for clarity: at each position, the best key of the flattened
/// dictionary by OpenCC's rules, looked up one length at a time.
@Suite("Conversion loops equal a straightforward longest-match reference")
struct MatchingReferenceTests {
    /// A stage's flattened entries, and the table compiled from them.
    struct Stage {
        let keys: [[UInt32]: TableBuilder.FlatEntry]
        let maxKey: Int
        let blob: [UInt8]

        init(config: String, stage: Int) throws {
            let data = Fixtures.packageRoot.appendingPathComponent("Data")
            let json = try Data(contentsOf: data.appendingPathComponent("Configs/\(config).json"))
            let spec = try ConfigDefinition(json: json, name: config).chain[stage]
            var dictionaries: [String: DictionaryText] = [:]
            for name in spec.fileNames {
                let url = data.appendingPathComponent("Dictionaries/\(name).txt")
                dictionaries[name] = try DictionaryText(parsing: String(contentsOf: url, encoding: .utf8), name: name)
            }
            let entries = try TableBuilder(dictionaries: dictionaries).flatten(spec)
            keys = Dictionary(uniqueKeysWithValues: entries.map { ($0.key, $0) })
            maxKey = entries.map(\.key.count).max() ?? 1
            blob = try TableBuilder.build(entries)
        }

        /// The winning key at `i` within `[i, end)`: a lower rank beats any longer match of a
        /// higher rank; within a rank the longer wins (OpenCC's short_circuit group).
        func best(_ s: [Unicode.Scalar], _ i: Int, _ end: Int) -> TableBuilder.FlatEntry? {
            var best: TableBuilder.FlatEntry?
            for length in 1...min(maxKey, end - i) {
                if let e = keys[s[i..<i + length].map(\.value)], best == nil || e.rank <= best!.rank { best = e }
            }
            return best
        }

        /// Converts each segment `[ends[k-1], ends[k])` (scalar offsets) on its own.
        func reference(_ s: [Unicode.Scalar], segmentEnds: [Int]) -> [UInt8] {
            var out: [UInt8] = [], i = 0
            for end in segmentEnds {
                while i < end {
                    let ids = idsScalars(s, i, end)
                    if ids > 0 {
                        out += String(String.UnicodeScalarView(s[i..<i + ids])).utf8
                        i += ids
                    } else if let e = best(s, i, end) {
                        out += e.value
                        i += e.key.count
                    } else {
                        out += String(s[i]).utf8
                        i += 1
                    }
                }
            }
            return out
        }

        /// The scalar count of the complete IDS at `i`, as the engine sees it.
        func idsScalars(_ s: [Unicode.Scalar], _ i: Int, _ end: Int) -> Int {
            guard UTF8Scalars.isIDSOperator(s[i].value) else { return 0 }
            let bytes = Array(String(String.UnicodeScalarView(s[i..<end])).utf8)
            let n = bytes.withUnsafeBufferPointer { UTF8Scalars.idsLength($0.baseAddress!, $0.baseAddress! + $0.count) }
            return String(decoding: bytes[..<n], as: UTF8.self).unicodeScalars.count
        }

        func withTable<R>(_ body: (Table) -> R) -> R {
            // The table needs 8-byte alignment.
            let words = UnsafeMutableRawPointer.allocate(byteCount: blob.count, alignment: 8)
            defer { words.deallocate() }
            blob.withUnsafeBytes { words.copyMemory(from: $0.baseAddress!, byteCount: blob.count) }
            return body(Table(base: words))
        }
    }

    /// Real text with, at random places, what makes a run stop: ASCII, two- and four-byte
    /// characters, IDSs, line breaks; and cut at random lengths, so runs end near the input's end.
    static func texts(count: Int, seed: UInt64) throws -> [[Unicode.Scalar]] {
        let base = Array(try Fixtures.text("000_aa6772dc82afe11c.txt").unicodeScalars.prefix(3000))
        let inserts: [[Unicode.Scalar]] = ["a", " ", "\n", "é", "𠀀", "⿰氵青", "12", "\r\n", "ε", "中文"].map { Array($0.unicodeScalars) }
        var rng = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            var s: [Unicode.Scalar] = []
            let start = Int.random(in: 0..<base.count - 400, using: &rng)
            for scalar in base[start..<start + Int.random(in: 1...400, using: &rng)] {
                s.append(scalar)
                if Int.random(in: 0..<12, using: &rng) == 0 { s += inserts.randomElement(using: &rng)! }
            }
            return s
        }
    }

    static func utf8(_ s: [Unicode.Scalar]) -> [UInt8] { Array(String(String.UnicodeScalarView(s)).utf8) }

    @Test("plain stages", arguments: [("s2t", 0), ("t2s", 0), ("s2twp", 1), ("t2jp", 0)])
    func plain(_ config: String, _ stage: Int) throws {
        let stage = try Stage(config: config, stage: stage)
        var failures = 0
        for s in try Self.texts(count: 300, seed: 11) {
            let input = Self.utf8(s)
            let out = ByteBuffer()
            stage.withTable { table in
                input.withUnsafeBufferPointer { table.convert($0.baseAddress!, $0.baseAddress! + $0.count, into: out) }
            }
            let same = Array(out.bytes) == stage.reference(s, segmentEnds: [s.count])
            if !same { failures += 1 }
        }
        #expect(failures == 0)
    }

    @Test("the compatibility pre-step copies around compatibility ideographs exactly as its table loop converts")
    func compatibilityPreStep() throws {
        let table = try #require(TableSet.embedded.plan(.s2t, includeTofuRisk: false)?.normalization.first)
        let compatibility: [[Unicode.Scalar]] = ["\u{F900}", "\u{FA0E}", "\u{2F800}", "⿰\u{F900}木", "\u{F900}\u{F901}"]
            .map { Array($0.unicodeScalars) }
        var rng = SplitMix64(seed: 21)
        var sparse = 0, deferred = 0, failures = 0
        for text in try Self.texts(count: 300, seed: 13) {
            var s: [Unicode.Scalar] = []
            for scalar in text {
                s.append(scalar)
                if Int.random(in: 0..<40, using: &rng) == 0 { s += compatibility.randomElement(using: &rng)! }
            }
            let input = Self.utf8(s)
            let fast = ByteBuffer(), loop = ByteBuffer()
            input.withUnsafeBufferPointer { p in
                let (start, end) = (p.baseAddress!, p.baseAddress! + p.count)
                if table.normalizeCompatibility(start, end, into: fast) {
                    sparse += 1
                } else {
                    deferred += 1
                    #expect(fast.count == 0)
                    table.convert(start, end, into: fast)
                }
                table.convert(start, end, into: loop)
            }
            if Array(fast.bytes) != Array(loop.bytes) { failures += 1 }
        }
        #expect(failures == 0)
        #expect(sparse > 30)
        #expect(deferred > 30)   // a compatibility ideograph within reach of an IDS operator
    }

    @Test("the last stage of a segmented conversion: no phrase crosses a segment end",
          arguments: [("s2twp", 1), ("s2t", 0)])
    func segmented(_ config: String, _ stage: Int) throws {
        let stage = try Stage(config: config, stage: stage)
        var rng = SplitMix64(seed: 5)
        var failures = 0
        for s in try Self.texts(count: 300, seed: 12) where s.count > 1 {
            // Random segment ends, never inside an IDS (as the segmenting stage guarantees).
            var ends: [Int] = []
            var i = 0
            while i < s.count {
                i += max(1, stage.idsScalars(s, i, s.count))
                if i == s.count || Int.random(in: 0..<3, using: &rng) == 0 { ends.append(i) }
            }
            let input = Self.utf8(s)
            let byteEnds = ends.map { Self.utf8(Array(s[..<$0])).count }
            let out = ByteBuffer()
            stage.withTable { table in
                input.withUnsafeBufferPointer { p in
                    byteEnds.withUnsafeBufferPointer {
                        table.convert(p.baseAddress!, p.baseAddress! + p.count, into: out, segmentEnds: $0)
                    }
                }
            }
            if Array(out.bytes) != stage.reference(s, segmentEnds: ends) { failures += 1 }
        }
        #expect(failures == 0)
    }

    @Test("a segmenting stage: OpenCC's mmseg with the rank-0 keys, then each segment converted",
          arguments: ["s2twp", "s2t"])
    func segmenting(_ config: String) throws {
        let stage = try Stage(config: config, stage: 0)
        var failures = 0
        for s in try Self.texts(count: 300, seed: 13) {
            // The reference: longest rank-0 match is a segment; what lies between forms one.
            var ends: [Int] = []
            var i = 0, runOpen = false
            while i < s.count {
                let ids = stage.idsScalars(s, i, s.count)
                var length = 0
                if ids == 0 {
                    for l in 1...min(stage.maxKey, s.count - i) where stage.keys[s[i..<i + l].map(\.value)]?.rank == 0 { length = l }
                }
                if length == 0 {
                    i += max(ids, 1)
                    runOpen = true
                } else {
                    if runOpen { ends.append(i) }
                    i += length
                    ends.append(i)
                    runOpen = false
                }
            }
            if runOpen { ends.append(s.count) }
            let expected = stage.reference(s, segmentEnds: ends)
            var expectedEnds: [Int] = []
            var start = 0
            for end in ends {
                expectedEnds.append((expectedEnds.last ?? 0) + stage.reference(Array(s[start..<end]), segmentEnds: [end - start]).count)
                start = end
            }

            let input = Self.utf8(s)
            let out = ByteBuffer()
            var outEnds: [Int] = []
            stage.withTable { table in
                input.withUnsafeBufferPointer {
                    table.convertSegmenting($0.baseAddress!, $0.baseAddress! + $0.count, into: out, segmentEnds: &outEnds)
                }
            }
            if Array(out.bytes) != expected || outEnds != expectedEnds { failures += 1 }
        }
        #expect(failures == 0)
    }
}

extension DictionarySpec {
    /// The dictionary files the spec reads.
    var fileNames: [String] {
        switch self {
        case .file(let name, _): [name]
        case .group(_, let children): children.flatMap(\.fileNames)
        }
    }
}
