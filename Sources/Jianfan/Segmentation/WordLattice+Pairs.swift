/// The lattice's side of ``PhraseCost/pairBinding(_:scalars:lexicon:)``: a bound pair costs the
/// same in the output as in the source, and a longer phrase never loses to a split of itself
/// through one.
///
/// Converting the output again must read it as the first conversion did. Where a phrase of two
/// scalars that the lexicon lacks binds (s2t 无干 → 無干), its value in the output (無干, a kept
/// word of the output's script) binds alike, or the second reading lets 干土 → 乾土 win where
/// the first kept 無干 + 土. And a phrase is never costlier than a reading of its own inside
/// (``WordLattice``), which a bound pair now may be: s2t's 百谷王 would lose to 百谷 → 百穀 + 王
/// in a window (and convert again otherwise than where greedy matching read it whole).
///
/// ```swift
/// Converter(.s2t, segmenter: .words).convert("故能为百谷王。")   // "故能爲百谷王。", read again alike
/// ```
extension WordLattice {
    /// Binds the kept word of edge `e` (two scalars, already costed as its scalars' best
    /// reading) as a phrase of the plan of the same scalars would be, and notes it in `pairs`.
    mutating func bindKeptPair(_ e: Int, base: UnsafePointer<UInt8>, end: Int, into pairs: inout [(from: Int, cost: Float)]) {
        let (i, j) = (Int(edgeFrom[e]), Int(edgeTo[e]))
        let key = UnsafeRawBufferPointer(start: base + starts[i], count: (j < starts.count ? starts[j] : end) - starts[i])
        let binding = PhraseCost.pairBinding(key, scalars: edgeCost[e], lexicon: lexicon)
        guard binding > 0 else { return }
        edgeCost[e] -= binding
        pairs.append((i, edgeCost[e]))
    }

    /// Lowers the cost of each phrase of three scalars or more to that of the best reading of
    /// its inside through one of the bound `pairs` (from scalar, cost), where that is less.
    mutating func capPhrases(by pairs: [(from: Int, cost: Float)]) {
        for e in edgeKind.indices where edgeKind[e] == WordLattice.phrase && edgeTo[e] - edgeFrom[e] >= 3 {
            let (i, j) = (Int(edgeFrom[e]), Int(edgeTo[e]))
            for (a, cost) in pairs where a >= i && a + 2 <= j {
                edgeCost[e] = min(edgeCost[e], innerCost(from: i, to: a) + cost + innerCost(from: a + 2, to: j))
            }
        }
    }
}
