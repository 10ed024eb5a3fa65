/// The likeliest reading of one window of text, as jieba's DAG route: every word of the lexicon
/// and every phrase of the configuration that matches in the window is an edge, each scalar on
/// its own is one too, and the path of least total cost (−ln p summed) wins.
///
/// A phrase of the configuration costs what the lexicon says, and never more than the best
/// reading of its own scalars: it loses only to a reading that crosses its ends, never to one
/// that splits it, so phrases like 臊子面 that no word list has stay whole.
///
/// ```swift
/// var lattice = WordLattice(lexicon: .embedded)
/// lattice.starts = offsets          // where each scalar of the window starts
/// lattice.decide(base: base, end: windowEnd, tables: [table], into: &ends)
/// ```
struct WordLattice {
    let lexicon: Lexicon
    /// The offset of each scalar of the window (relative to `base`).
    var starts: [Int] = []
    /// Edges of the lattice by start scalar: `to` (exclusive) and cost; phrases are flagged.
    private var edgeFrom: [Int32] = [], edgeTo: [Int32] = [], edgeCost: [Float] = [], edgeIsPhrase: [Bool] = []
    /// Edges by start scalar: phrases `phraseFirst[i]..<phraseFirst[i+1]`, then words likewise.
    private var phraseFirst: [Int] = [], wordFirst: [Int] = []
    private var route: [Float] = [], next: [Int32] = []

    init(lexicon: Lexicon) {
        self.lexicon = lexicon
    }

    /// Appends to `ends` the positions (relative to `base`) inside the window `[starts[0], end)`
    /// where the likeliest reading cuts through a phrase of `tables`. Appends nothing when no
    /// phrase matches, or when the window holds an IDS (copied whole by the plan).
    mutating func decide(base: UnsafePointer<UInt8>, end: Int, tables: [Table], into ends: inout [Int]) {
        let n = starts.count
        let windowEnd = base + end
        edgeFrom.removeAll(keepingCapacity: true); edgeTo.removeAll(keepingCapacity: true)
        edgeCost.removeAll(keepingCapacity: true); edgeIsPhrase.removeAll(keepingCapacity: true)
        // Phrases of the configuration (lengths in bytes → end scalars).
        var anyPhrase = false
        phraseFirst.removeAll(keepingCapacity: true)
        wordFirst.removeAll(keepingCapacity: true)
        for i in 0..<n {
            phraseFirst.append(edgeFrom.count)
            let p = base + starts[i]
            if p.pointee == 0xE2 && p[1] == 0xBF && p[2] >= 0xB0 { return }   // an IDS operator
            for table in tables {
                table.forEachPhrase(at: p, end: windowEnd) { length in
                    var j = i + 1
                    while j < n && starts[j] < starts[i] + length { j += 1 }
                    edgeFrom.append(Int32(i)); edgeTo.append(Int32(j)); edgeCost.append(0); edgeIsPhrase.append(true)
                    anyPhrase = true
                }
            }
        }
        guard anyPhrase else { return }
        phraseFirst.append(edgeFrom.count)
        // Words of the lexicon, and single scalars.
        var single = [Float](repeating: 0, count: n)
        for i in 0..<n {
            wordFirst.append(edgeFrom.count)
            var h = Lexicon.Hash()
            for j in i..<min(n, i + Lexicon.maxScalars) {
                let from = starts[j], to = j + 1 < n ? starts[j + 1] : end
                h.add(base + from, count: to - from)
                let cost = lexicon.cost(h)
                if j == i {
                    single[i] = cost ?? lexicon.unknownCost
                } else if let cost {
                    edgeFrom.append(Int32(i)); edgeTo.append(Int32(j + 1)); edgeCost.append(cost); edgeIsPhrase.append(false)
                }
            }
        }
        wordFirst.append(edgeFrom.count)
        // Phrase costs: the lexicon's, else the best reading inside the phrase.
        for e in edgeIsPhrase.indices where edgeIsPhrase[e] {
            let (i, j) = (Int(edgeFrom[e]), Int(edgeTo[e]))
            edgeCost[e] = min(wordCost(base: base, from: i, to: j, end: end) ?? .infinity,
                              innerCost(from: i, to: j, single: single))
        }
        // Route from the end: route[i] is the least cost of reading `i..<n`; ties go to the
        // longer edge (jieba's order), and a phrase wins a tie with a word of the same span.
        route = [Float](repeating: .infinity, count: n + 1)
        next = [Int32](repeating: 0, count: n + 1)
        route[n] = 0
        for i in stride(from: n - 1, through: 0, by: -1) {
            route[i] = single[i] + route[i + 1]
            next[i] = Int32(i + 1)
            for e in phraseFirst[i]..<phraseFirst[i + 1] {
                let j = Int(edgeTo[e])
                let c = edgeCost[e] + route[j]
                if c < route[i] || (c == route[i] && j > Int(next[i])) {
                    route[i] = c
                    next[i] = Int32(j)
                }
            }
            for e in wordFirst[i]..<wordFirst[i + 1] {
                let j = Int(edgeTo[e])
                let c = edgeCost[e] + route[j]
                if c < route[i] || (c == route[i] && j > Int(next[i])) {
                    route[i] = c
                    next[i] = Int32(j)
                }
            }
        }
        // Cuts of the best path that fall strictly inside some phrase (elsewhere greedy
        // matching makes the same cut by itself).
        var inside = [Bool](repeating: false, count: n + 1)
        for e in edgeIsPhrase.indices where edgeIsPhrase[e] {
            for c in Int(edgeFrom[e]) + 1..<Int(edgeTo[e]) { inside[c] = true }
        }
        var i = Int(next[0])
        while i < n {
            if inside[i] { ends.append(starts[i]) }
            i = Int(next[i])
        }
    }

    /// The lexicon's cost of the scalars `from..<to`, if it has them as one word.
    private func wordCost(base: UnsafePointer<UInt8>, from: Int, to: Int, end: Int) -> Float? {
        let byteEnd = to < starts.count ? starts[to] : end
        var h = Lexicon.Hash()
        h.add(base + starts[from], count: byteEnd - starts[from])
        return lexicon.cost(h)
    }

    /// The least cost of reading `from..<to` with words of the lexicon and single scalars.
    private func innerCost(from: Int, to: Int, single: [Float]) -> Float {
        var best = [Float](repeating: .infinity, count: to - from + 1)
        best[0] = 0
        for k in from..<to {
            let here = best[k - from]
            best[k + 1 - from] = min(best[k + 1 - from], here + single[k])
            for e in wordFirst[k]..<wordFirst[k + 1] where Int(edgeTo[e]) <= to {
                let j = Int(edgeTo[e])
                best[j - from] = min(best[j - from], here + edgeCost[e])
            }
        }
        return best[to - from]
    }
}
