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
struct SegmentingStage {
    let entries: [TableBuilder.FlatEntry]

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
