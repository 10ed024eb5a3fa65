/// One table that does the work of a segmented two-stage plan in one pass (s2twp, s2tw, s2hk,
/// s2hkp): OpenCC segments with the first stage's phrases, converts each segment with the first
/// stage, then converts each segment's output with the second stage.
///
/// A segment is either one phrase of the first stage or a run of characters where none starts.
/// So the fused table holds:
/// - each first-stage phrase, with its whole result: the second stage applied to its value
///   (`头发` → `頭髮` → second stage), computed here;
/// - each character, with what it becomes in a run when no second-stage phrase covers it
///   (the first stage's character, then the second stage's);
/// - *run phrases*: where a second-stage phrase may start in a run. Its first two characters
///   are written in the second stage's script, so every pair of input characters the first stage
///   turns into them is marked (``RunPhrases``). There the engine converts the run exactly with
///   both stages (`FusedRun.swift`).
///
/// Fusing needs every character entry of the first stage to output exactly one scalar, so that
/// positions in a run map one to one between the stages; `make` returns nil otherwise.
package struct FusedTable {
    /// The input pairs where a second-stage phrase may start or continue, and which of them start
    /// one whose output differs from its characters' own outputs.
    package struct RunPhrases {
        package init() {}
        var starts = Set<[UInt32]>()
        var pairs = Set<[UInt32]>()
        var altering = Set<[UInt32]>()
    }

    let entries: [TableBuilder.FlatEntry]
    let runPhrases: RunPhrases

    /// - Parameters:
    ///   - first: the first stage's entries; its rank-0 keys are the segmentation's.
    ///   - second: the second stage's entries.
    static func make(first: [TableBuilder.FlatEntry], second: [TableBuilder.FlatEntry]) -> FusedTable? {
        let secondStage = Reference(second)
        var singles: [UInt32: [UInt8]] = [:]      // a run character's first-stage output
        var preimages: [UInt32: [UInt32]] = [:]   // what first-stage characters become
        var entries: [TableBuilder.FlatEntry] = []
        for e in first {
            if e.rank == 0 {
                entries.append(.init(key: e.key, rank: 0, value: secondStage.convert(scalars(e.value))))
                continue
            }
            let value = scalars(e.value)
            guard e.key.count == 1, value.count == 1 else { return nil }
            singles[e.key[0]] = e.value
            preimages[value[0], default: []].append(e.key[0])
        }
        // A character in a run, when no second-stage phrase covers it: its first-stage output
        // (or itself), then the second stage's on its own.
        let firstKeys = Set(first.map(\.key))
        for (scalar, value) in singles {
            entries.append(.init(key: [scalar], rank: 1, value: secondStage.convert(scalars(value))))
        }
        for e in second where e.key.count == 1 && !firstKeys.contains(e.key) {
            entries.append(.init(key: e.key, rank: 1, value: secondStage.convert(e.key)))
        }

        // Second-stage phrases, as input pairs: every character the first stage turns into each
        // of their scalars (the scalar itself when the first stage has no entry for it).
        func inputs(_ scalar: UInt32) -> [UInt32] {
            (preimages[scalar] ?? []) + (firstKeys.contains([scalar]) ? [] : [scalar])
        }
        func ownOutput(_ scalar: UInt32) -> [UInt8] { secondStage.convert([scalar]) }
        var runPhrases = RunPhrases()
        for e in second where e.key.count > 1 {
            let alters = e.key.flatMap(ownOutput) != e.value
            for i in 1..<e.key.count {
                for a in inputs(e.key[i - 1]) {
                    for b in inputs(e.key[i]) {
                        runPhrases.pairs.insert([a, b])
                        if i == 1 { runPhrases.starts.insert([a, b]) }
                        if i == 1 && alters { runPhrases.altering.insert([a, b]) }
                    }
                }
            }
        }
        return FusedTable(entries: entries.sorted { $0.key.lexicographicallyPrecedes($1.key) }, runPhrases: runPhrases)
    }

    static func scalars(_ utf8: [UInt8]) -> [UInt32] {
        String(decoding: utf8, as: UTF8.self).unicodeScalars.map(\.value)
    }

    /// Greedy longest match with OpenCC's group rules over a stage's entries, for the few
    /// thousand values fusing converts at build time.
    struct Reference {
        let keys: [[UInt32]: TableBuilder.FlatEntry]
        let maxKey: Int

        init(_ entries: [TableBuilder.FlatEntry]) {
            keys = Dictionary(uniqueKeysWithValues: entries.map { ($0.key, $0) })
            maxKey = entries.map(\.key.count).max() ?? 1
        }

        func convert(_ s: [UInt32]) -> [UInt8] {
            var out: [UInt8] = [], i = 0
            while i < s.count {
                var best: TableBuilder.FlatEntry?
                for length in 1...min(maxKey, s.count - i) {
                    if let e = keys[Array(s[i..<i + length])], best == nil || e.rank <= best!.rank { best = e }
                }
                if let best {
                    out += best.value
                    i += best.key.count
                } else {
                    out += Array(String(Unicode.Scalar(s[i])!).utf8)
                    i += 1
                }
            }
            return out
        }
    }
}
