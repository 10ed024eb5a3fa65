/// The likeliest reading of one window of text, as jieba's DAG route: every word of the lexicon
/// and every phrase of the configuration that matches in the window is an edge, each scalar on
/// its own is one too, and the path of least total cost (−ln p summed) wins.
///
/// A phrase of the configuration costs what ``PhraseCost`` says, never more than the best
/// reading of its own scalars: it loses only to a reading that crosses its ends, never to one
/// that splits it, so phrases like 臊子面 that no word list has stay whole.
///
/// ```swift
/// var lattice = WordLattice(lexicon: .embedded)
/// lattice.starts = offsets          // where each scalar of the window starts
/// lattice.decide(base: base, end: windowEnd, tables: [table], converted: nil, into: &ends)
/// ```
struct WordLattice {
    let lexicon: Lexicon
    /// The offset of each scalar of the window (relative to `base`).
    var starts: [Int] = []
    /// Edges of the lattice by start scalar: `to` (exclusive) and cost; phrases are flagged.
    var edgeFrom: [Int32] = [], edgeTo: [Int32] = [], edgeCost: [Float] = [], edgeKind: [UInt8] = []
    /// Edges by start scalar: phrases `phraseFirst[i]..<phraseFirst[i+1]`, then words likewise.
    var phraseFirst: [Int] = [], wordFirst: [Int] = []
    private var route: [Float] = [], next: [Int32] = [], best: [Float] = []
    /// Per scalar of the window: what it costs on its own.
    var single: [Float] = []
    /// Per position of the window: whether it falls strictly inside a phrase of the configuration.
    var inside: [Bool] = []
    private var nextKept: [Bool] = [], nextWord: [Bool] = []
    /// Per scalar of the window: 2 where it is of the output's script (``hasScripts(_:from:through:_:)``).
    var scriptBits: [UInt8] = []
    /// The hashes of the window's candidate words (by start scalar, then length) and their
    /// first slots in the lexicon, all read before any is tested so that the reads overlap.
    private var wordHashes: [UInt64] = [], wordSlots: [UInt32] = []
    static let word: UInt8 = 0, phrase: UInt8 = 1, kept: UInt8 = 2

    /// The plan's conversion of a word (to tell a word already converted by this configuration
    /// from one converted by another: see ``isConverted(_:from:through:end:_:)``).
    var convert: ((UnsafeRawBufferPointer) -> [UInt8])? = nil

    /// The text the plan makes of its phrases: a value with a scalar of the output's script
    /// is already converted even when the lexicon lacks it (岳陽, s2t's 岳阳; 岳 alone → 嶽).
    var values: PhraseValues? = nil {
        didSet { valueHashes = nil }
    }
    /// `values`' hashes, taken at the first window that asks (no lock after).
    private var valueHashes: PhraseValues.Hashes?

    /// Whether a span next to a crossed phrase may read as its conversion (``addConvertedWords(base:end:)``).
    var convertsWords = false
    /// What each span's conversion costs as a word (NaN: none), by the span's hash.
    var convertedCosts: [UInt64: Float] = [:]

    /// Whether phrases' values are looked up (``PhraseCost``; not for s2t: see there).
    var valueCosts = true

    /// Where decisions are kept when a caller asks for them (nil: not kept).
    var decisions: [Decision]? = nil

    init(lexicon: Lexicon) {
        self.lexicon = lexicon
    }

    /// Appends to `ends` the positions (relative to `base`) inside the window `[starts[0], end)`
    /// where the likeliest reading cuts through a phrase of `tables`, and around each word it
    /// keeps as it is (its end marked ``SegmentEnd/kept``; only with `converted`). Appends
    /// nothing when the window holds an IDS (copied whole by the plan).
    mutating func decide(base: UnsafePointer<UInt8>, end: Int, tables: [Table], converted: Scripts?, into ends: inout [Int]) {
        let n = starts.count
        let windowEnd = base + end
        edgeFrom.removeAll(keepingCapacity: true); edgeTo.removeAll(keepingCapacity: true)
        edgeCost.removeAll(keepingCapacity: true); edgeKind.removeAll(keepingCapacity: true)
        // Phrases of the configuration (lengths in bytes → end scalars).
        var anyPhrase = false
        phraseFirst.removeAll(keepingCapacity: true); wordFirst.removeAll(keepingCapacity: true)
        for i in 0..<n {
            phraseFirst.append(edgeFrom.count)
            let p = base + starts[i]
            if p.pointee == 0xE2 && p[1] == 0xBF && p[2] >= 0xB0 { return }   // an IDS operator
            for table in tables {
                table.forEachPhrase(at: p, end: windowEnd) { length in
                    var j = i + 1
                    while j < n && starts[j] < starts[i] + length { j += 1 }
                    edgeFrom.append(Int32(i)); edgeTo.append(Int32(j)); edgeCost.append(0); edgeKind.append(WordLattice.phrase)
                    anyPhrase = true
                }
            }
        }
        phraseFirst.append(edgeFrom.count)
        // Which scalars are of the source or the output's script: a window without one of the
        // output's script (most) has no word to keep.
        var converted = converted
        if let scripts = converted {
            scriptBits.removeAll(keepingCapacity: true)
            var anyTarget = false
            for i in 0..<n {
                let scalar = UTF8Scalars.decode(base + starts[i]).scalar
                let bits = scalar < ScriptEvidence.limit ? ScriptEvidence.classes[Int(scalar)] : 0
                let mark: UInt8 = bits & scripts.source != 0 ? 1 : bits & scripts.target != 0 ? 2 : 0
                anyTarget = anyTarget || mark == 2
                scriptBits.append(mark)
            }
            if !anyTarget { converted = nil }
        }
        guard anyPhrase || converted != nil else { return }
        // Words of the lexicon, and single scalars.
        single.removeAll(keepingCapacity: true)
        single.append(contentsOf: repeatElement(0, count: n))
        // Values of the plan may be longer than the lexicon's words.
        if converted != nil, valueHashes == nil, let values { valueHashes = values.hashes() }
        let keptHashes = converted != nil ? valueHashes : nil
        let reach = keptHashes != nil ? PhraseValues.maxScalars : Lexicon.maxScalars
        wordHashes.removeAll(keepingCapacity: true)
        for i in 0..<n {
            var h = Lexicon.Hash()
            for j in i..<min(n, i + reach) {
                let from = starts[j], to = j + 1 < n ? starts[j + 1] : end
                h.add(base + from, count: to - from)
                wordHashes.append(h.value)
            }
        }
        // Through pointers: an append's uniqueness check (a call) between two reads kept them apart.
        wordSlots.removeAll(keepingCapacity: true)
        wordSlots.append(contentsOf: repeatElement(0, count: wordHashes.count))
        wordHashes.withUnsafeBufferPointer { hashes in wordSlots.withUnsafeMutableBufferPointer { slots in
            for k in hashes.indices { slots[k] = lexicon.firstSlot(Lexicon.Hash(value: hashes[k])) }
        } }
        var w = 0
        for i in 0..<n {
            wordFirst.append(edgeFrom.count)
            for j in i..<min(n, i + reach) {
                let h = Lexicon.Hash(value: wordHashes[w]), first = wordSlots[w]
                w += 1
                let cost = j - i < Lexicon.maxScalars ? lexicon.cost(h, first: first) : nil
                if j == i {
                    single[i] = cost ?? lexicon.unknownCost
                } else if let cost {
                    let kind = converted.map { isConverted(base, from: i, through: j, end: end, $0) } == true ? WordLattice.kept : WordLattice.word
                    edgeFrom.append(Int32(i)); edgeTo.append(Int32(j + 1)); edgeCost.append(cost); edgeKind.append(kind)
                } else if let keptHashes, keptHashes.contains(h), hasScripts(base, from: i, through: j, converted!) {
                    // Costed below as the best reading of its scalars: it wins their tie.
                    edgeFrom.append(Int32(i)); edgeTo.append(Int32(j + 1)); edgeCost.append(.infinity); edgeKind.append(WordLattice.kept)
                }
            }
        }
        wordFirst.append(edgeFrom.count)
        if anyPhrase && convertsWords { addConvertedWords(base: base, end: end) }
        var boundPairs: [(from: Int, cost: Float)] = []
        for e in wordFirst[0]..<edgeFrom.count where edgeCost[e] == .infinity {
            edgeCost[e] = innerCost(from: Int(edgeFrom[e]), to: Int(edgeTo[e]))
            if edgeTo[e] - edgeFrom[e] == 2 { bindKeptPair(e, base: base, end: end, into: &boundPairs) }
        }
        // Phrase costs (``PhraseCost``), never more than the best reading inside the phrase.
        for e in edgeKind.indices where edgeKind[e] == WordLattice.phrase {
            let (i, j) = (Int(edgeFrom[e]), Int(edgeTo[e]))
            let inner = innerCost(from: i, to: j), byteEnd = j < n ? starts[j] : end
            var h = Lexicon.Hash()
            h.add(base + starts[i], count: byteEnd - starts[i])
            if let word = lexicon.cost(h), word < inner {
                edgeCost[e] = word   // most phrases: a word of the lexicon
            } else {
                let key = UnsafeRawBufferPointer(start: base + starts[i], count: byteEnd - starts[i])
                // Without values to look up, only a phrase that may bind costs less than its inside.
                let mayBind = j - i == 2 || PhraseCost.binding(scalars: j - i) > 0
                edgeCost[e] = !valueCosts && !mayBind ? inner
                    : PhraseCost.cost(of: key, scalars: single[i..<j], inner: inner, tables: tables, lexicon: lexicon, values: valueCosts)
                if j - i == 2 && edgeCost[e] < inner { boundPairs.append((i, edgeCost[e])) }
            }
        }
        if !boundPairs.isEmpty { capPhrases(by: boundPairs) }
        dropRareCrossings(base: base, end: end, tables: tables)
        // Route from the end: route[i] is the least cost of reading `i..<n`; ties go to the
        // longer edge (jieba's order), and a phrase wins a tie with a word of the same span.
        route.removeAll(keepingCapacity: true); route.append(contentsOf: repeatElement(.infinity, count: n + 1))
        next.removeAll(keepingCapacity: true); next.append(contentsOf: repeatElement(0, count: n + 1))
        nextKept.removeAll(keepingCapacity: true); nextKept.append(contentsOf: repeatElement(false, count: n + 1))
        nextWord.removeAll(keepingCapacity: true); nextWord.append(contentsOf: repeatElement(false, count: n + 1))
        route[n] = 0
        for i in stride(from: n - 1, through: 0, by: -1) {
            route[i] = single[i] + route[i + 1]
            next[i] = Int32(i + 1)
            // Phrases first: a phrase wins a tie with a word (or a kept word) of its span.
            for pass in 0..<2 {
                for e in pass == 0 ? phraseFirst[i]..<phraseFirst[i + 1] : wordFirst[i]..<wordFirst[i + 1] {
                    let j = Int(edgeTo[e])
                    let c = edgeCost[e] + route[j]
                    if c < route[i] || (c == route[i] && j > Int(next[i])) {
                        route[i] = c
                        next[i] = Int32(j)
                        nextKept[i] = edgeKind[e] == WordLattice.kept
                        nextWord[i] = edgeKind[e] == WordLattice.word
                    }
                }
            }
        }
        // Cuts of the best path that fall strictly inside some phrase (elsewhere greedy
        // matching makes the same cut by itself).
        inside.removeAll(keepingCapacity: true)
        inside.append(contentsOf: repeatElement(false, count: n + 1))
        for e in edgeKind.indices where edgeKind[e] == WordLattice.phrase {
            for c in Int(edgeFrom[e]) + 1..<Int(edgeTo[e]) { inside[c] = true }
        }
        if decisions != nil { keepDecision(end: end) }
        var i = 0
        while i < n {
            let j = Int(next[i])
            if nextKept[i] {
                ends.append(starts[i])
                ends.append((j < n ? starts[j] : end) | SegmentEnd.kept)
            } else {
                if nextWord[i] && j - i >= 4 { cutCompound(from: i, to: j, into: &ends) }
                if j < n && inside[j] { ends.append(starts[j]) }
            }
            i = j
        }
    }

    /// Appends this window's ``Decision``: the best path, and the path of the longest phrase
    /// at each position (else one scalar).
    private mutating func keepDecision(end: Int) {
        let n = starts.count
        func offset(_ i: Int) -> Int { i < n ? starts[i] : end }
        var chosen: [Int] = [], greedy: [Int] = [], greedyCost: Float = 0
        var i = 0
        while i < n { i = Int(next[i]); chosen.append(offset(i)) }
        i = 0
        while i < n {
            var j = i + 1, cost = single[i]
            for e in phraseFirst[i]..<phraseFirst[i + 1] where Int(edgeTo[e]) > j { (j, cost) = (Int(edgeTo[e]), edgeCost[e]) }
            greedyCost += cost
            greedy.append(offset(j))
            i = j
        }
        decisions!.append(Decision(window: starts[0]..<end, chosen: chosen, chosenCost: route[0], greedy: greedy, greedyCost: greedyCost))
    }

    /// The least cost of reading `from..<to` with words of the lexicon and single scalars.
    mutating func innerCost(from: Int, to: Int) -> Float {
        best.removeAll(keepingCapacity: true)
        best.append(contentsOf: repeatElement(.infinity, count: to - from + 1))
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
