/// One table that segments and does the first stage in one pass, for a segmented plan whose
/// segmentation is not its first stage's rank-0 part (tw2sp, tw2s, hk2s, hk2sp: TSPhrases
/// segments, the Taiwan or Hong Kong variants are the first stage).
///
/// OpenCC's `mmseg` makes each longest match of the segmentation dictionary a segment, and the
/// characters between two matches one segment; the first stage then converts each segment on
/// its own. The table holds:
/// - each segmentation key (rank 0), with the first stage's output for it as a segment of its
///   own (`瀏覽器` → what TWPhrasesRev, TWVariantsRevPhrases and TWVariantsRev make of it),
///   computed here;
/// - the first stage's entries, their ranks one higher.
///
/// So a segmentation key that matches wins whatever its length, as a segment does, and between
/// segments the walk finds the first stage's match. Where a segment between matches ends is the
/// one thing the table cannot hold: at the next character where a segmentation key matches.
/// The segmenting loop cuts a first-stage phrase there (``Table/withinRun(_:at:length:record:key:hash:after:end:)``),
/// as it does for a fused table's run phrases.
///
/// Without it such a plan takes three passes over the text (segmentation, the first stage
/// segment by segment, the last stage); with it, two. `make` returns nil where the table cannot
/// be exact, and the plan keeps the three passes: a segmentation that is a `short_circuit`
/// group (its ranks would not all be segments), a first stage with all seven ranks in use, an
/// IDS operator in a key (a complete IDS is copied whole wherever the loops meet one, so where
/// segmentation looks inside a phrase would differ), or a value too long.
///
/// With the last stage as well (``make(segmentation:first:last:)``, a *staged* table), the values
/// are both stages' results and the pass is the only one; see there.
struct SegmentingStage {
    let entries: [TableBuilder.FlatEntry]
    /// Whether the values are the last stage's output too (``make(segmentation:first:last:)``).
    var includesLastStage = false

    /// - Parameters:
    ///   - segmentation: the segmentation dictionary's entries (their values are not used).
    ///   - first: the first stage's entries.
    static func make(segmentation: [TableBuilder.FlatEntry], first: [TableBuilder.FlatEntry]) -> SegmentingStage? {
        guard segmentation.allSatisfy({ $0.rank == 0 }),
              UInt64((first.map(\.rank).max() ?? 0) + 1) < TableFormat.slotNoRank,
              !(segmentation + first).contains(where: { $0.key.contains(where: UTF8Scalars.isIDSOperator) })
        else { return nil }
        let firstStage = FusedTable.Reference(first)
        var segments: [TableBuilder.FlatEntry] = []
        segments.reserveCapacity(segmentation.count)
        for e in segmentation {
            let value = firstStage.convert(e.key)
            guard value.count <= DictionaryText.longestValue else { return nil }
            segments.append(.init(key: e.key, rank: 0, value: value))
        }
        let ranked = first.map { TableBuilder.FlatEntry(key: $0.key, rank: $0.rank + 1, value: $0.value) }
        // Both lists are sorted and unique; a key in both is a segment.
        return SegmentingStage(entries: TableBuilder.merge([segments, ranked]))
    }
}

extension SegmentingStage {
    /// The table that segments and does both stages of a two-stage chain in one pass, or nil
    /// where that is not exact: when the last stage has a phrase (two or more scalars) that is
    /// no segmentation key, or when ``make(segmentation:first:)`` gives nil.
    ///
    /// Every last-stage phrase being a segmentation key (tw2sp: TSPhrases twice), a last-stage
    /// phrase cannot match within a segment between matches where the first stage left the text
    /// as it was: segmentation would have matched it there. So it matches only across a unit
    /// (a first-stage match, or a character) whose output the first stage changed and which
    /// holds a scalar of some last-stage phrase: such units are marked ``TableFormat/crossable``
    /// (0.8% of units in real text), and a segment holding one is converted again stage by
    /// stage (`StagedRun.swift`). Elsewhere each unit's last-stage output is its own. The table holds:
    /// - each segmentation key (rank 0): the last stage's output of the first stage's output
    ///   for it as a segment of its own;
    /// - the first stage's entries, their ranks one higher: the last stage's output of their
    ///   values;
    /// - each scalar of a last-stage key that the first stage does not hold, at the highest
    ///   rank: its last-stage value, for a character the first stage copies.
    ///
    /// Keys are marked ``TableFormat/openEnd`` where their first-stage output ends in a scalar of
    /// a last-stage phrase: the loop converts again from the last unit end that is not, so a
    /// window is a few characters. (Last-stage phrases with ASCII are not handled: nil.)
    static func make(segmentation: [TableBuilder.FlatEntry], first: [TableBuilder.FlatEntry],
                     last: [TableBuilder.FlatEntry]) -> SegmentingStage? {
        let segmentKeys = Set(segmentation.lazy.map(\.key))
        let lastPhrases = last.filter { $0.key.count > 1 }
        guard lastPhrases.allSatisfy({ segmentKeys.contains($0.key) && !$0.key.contains(where: { $0 < 0x80 }) }),
              !last.contains(where: { $0.key.contains(where: UTF8Scalars.isIDSOperator) }),
              let stage = make(segmentation: segmentation, first: first)
        else { return nil }
        let crossing = Crossing(lastPhrases.map(\.key))
        let lastStage = FusedTable.Reference(last)
        func scalars(_ utf8: [UInt8]) -> [UInt32] { String(decoding: utf8, as: UTF8.self).unicodeScalars.map(\.value) }
        var entries: [TableBuilder.FlatEntry] = []
        entries.reserveCapacity(stage.entries.count)
        for e in stage.entries {
            let output = scalars(e.value)
            let value = lastStage.convert(output)
            guard value.count <= DictionaryText.longestValue else { return nil }
            // A segment (rank 0) is converted on its own: no later phrase crosses it.
            let openEnd = e.rank != 0 && crossing.openEnd(output)
            let openStart = e.rank != 0 && output != e.key && crossing.openStart(output)
            let crossable = e.rank != 0 && output != e.key && (openEnd || openStart)
            entries.append(.init(key: e.key, rank: e.rank, value: value, crossable: crossable, openEnd: openEnd,
                                 openStart: openStart))
        }
        // Every scalar of a later phrase is a key, so that the loop knows where they end units.
        let firstSingles = Set(first.lazy.filter { $0.key.count == 1 }.map { $0.key[0] })
        let copiedRank = (first.map(\.rank).max() ?? 0) + 2
        let copied = Set(last.lazy.filter { $0.key.count == 1 }.map { $0.key[0] } + lastPhrases.lazy.flatMap(\.key))
            .subtracting(firstSingles)
        let characters = copied.sorted().map {
            TableBuilder.FlatEntry(key: [$0], rank: copiedRank, value: lastStage.convert([$0]), openEnd: crossing.openEnd([$0]))
        }
        // A key in both lists is the first stage's or a segment's (the first list wins).
        return SegmentingStage(entries: TableBuilder.merge([entries, characters]), includesLastStage: true)
    }
}

extension SegmentingStage {
    /// Where a later-stage phrase can cross the ends of a unit whose output is known, whatever
    /// text is around it: the pieces of the phrases that do not reach their end (or start).
    struct Crossing {
        /// `K[0..<y]` and `K[x..<y]` for `y < K.count`; `K[x...]` and `K[x..<y]` for `x > 0`.
        var prefixes = Set<[UInt32]>(), beforeEnd = Set<[UInt32]>()
        var suffixes = Set<[UInt32]>(), afterStart = Set<[UInt32]>()

        init(_ phrases: [[UInt32]]) {
            for k in phrases {
                for x in 0..<k.count {
                    for y in x + 1...k.count where x > 0 || y < k.count {
                        let piece = Array(k[x..<y])
                        if y < k.count { beforeEnd.insert(piece) }
                        if x > 0 { afterStart.insert(piece) }
                        if x == 0 { prefixes.insert(piece) }
                        if y == k.count { suffixes.insert(piece) }
                    }
                }
            }
        }

        /// Whether a phrase may cross the end of `output`: it starts within it (a suffix of it
        /// begins a phrase) or before it (it lies in a phrase short of its end).
        func openEnd(_ output: [UInt32]) -> Bool {
            output.isEmpty || beforeEnd.contains(output)
                || (1...output.count).contains { prefixes.contains(Array(output[(output.count - $0)...])) }
        }

        /// Whether a phrase may cross the start of `output` (the mirror of ``openEnd(_:)``).
        func openStart(_ output: [UInt32]) -> Bool {
            output.isEmpty || afterStart.contains(output)
                || (1...output.count).contains { suffixes.contains(Array(output[..<$0])) }
        }
    }
}
