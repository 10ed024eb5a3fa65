/// One table that does the work of a segmented two-stage plan in one pass (s2twp, s2tw, s2hk,
/// s2hkp): OpenCC segments with the first stage's phrases, converts each segment with the first
/// stage, then converts each segment's output with the second stage.
///
/// A segment is either one phrase of the first stage or a run of characters where none starts.
/// In a run each character becomes its first-stage character, so the second stage's phrases can
/// be written in the input's script ahead of time. The fused table holds:
/// - each first-stage phrase (rank 0), with its whole result: the second stage applied to its
///   value (`头发` → `頭髮` → second stage), computed here;
/// - each character, with what it becomes in a run when no second-stage phrase covers it (the
///   first stage's character, then the second stage's);
/// - *run phrases*: each second-stage phrase, under every sequence of input characters that the
///   first stage turns into its key (s2twp's `软件`, `軟件` → `軟體`).
///
/// The second stage's ranks come after rank 0, in their order, for its phrases and for the
/// characters it has as keys; a character it does not have comes last. So a first-stage phrase
/// wins wherever it matches, as a segment does, and elsewhere the longest match is the second
/// stage's. What the table cannot know is where a run ends: the engine cuts a run phrase before
/// a first-stage phrase that starts inside it (`FusedRun.swift`).
///
/// Fusing needs every character entry of the first stage to output exactly one scalar, so that
/// positions in a run map one to one between the stages; `make` returns nil otherwise.
package struct FusedTable {
    let entries: [TableBuilder.FlatEntry]
    /// The most inputs one second-stage phrase may be written under.
    static let maximumExpansion = 4096

    /// - Parameters:
    ///   - first: the first stage's entries; its rank-0 keys are the segmentation's.
    ///   - second: the second stage's entries.
    static func make(first: [TableBuilder.FlatEntry], second: [TableBuilder.FlatEntry]) -> FusedTable? {
        let secondStage = Reference(second)
        // Ranks after the first stage's phrases (rank 0): the second stage's, then "no entry".
        let unranked = 2 + (second.map(\.rank).max() ?? 0)
        guard UInt64(unranked) < TableFormat.slotNoRank else { return nil }
        func rank(inRun scalar: UInt32) -> UInt8 { 1 + (secondStage.keys[[scalar]]?.rank ?? unranked - 1) }

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
            let output = scalars(value)
            entries.append(.init(key: [scalar], rank: rank(inRun: output[0]), value: secondStage.convert(output)))
        }
        for e in second where e.key.count == 1 && !firstKeys.contains(e.key) {
            entries.append(.init(key: e.key, rank: rank(inRun: e.key[0]), value: secondStage.convert(e.key)))
        }

        // Run phrases: every input that the first stage, one character at a time, turns into a
        // second-stage phrase (a scalar stands for itself when the first stage has no entry for
        // it). Where a first-stage phrase has the same key, it is a segment and wins.
        func inputs(_ scalar: UInt32) -> [UInt32] {
            (preimages[scalar] ?? []) + (firstKeys.contains([scalar]) ? [] : [scalar])
        }
        for e in second where e.key.count > 1 {
            var keys: [[UInt32]] = [[]]
            for scalar in e.key { keys = keys.flatMap { key in inputs(scalar).map { key + [$0] } } }
            // (OpenCC's own stages expand a phrase to at most 256 inputs; a user's could explode:
            // such a plan converts stage by stage instead.)
            guard keys.count <= FusedTable.maximumExpansion else { return nil }
            for key in keys where !firstKeys.contains(key) {
                entries.append(.init(key: key, rank: 1 + e.rank, value: e.value))
            }
        }
        return FusedTable(entries: entries.sorted { $0.key.lexicographicallyPrecedes($1.key) })
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
