/// A stretch where document and reference have the same scalars.
struct ExactMatch: Hashable, Sendable {
    var document: Int
    var reference: Int
    var length: Int

    var documentEnd: Int { document + length }
    var referenceEnd: Int { reference + length }
}

extension SeedIndex {
    /// The maximal exact matches of at least ``length`` scalars between `document` and the
    /// indexed `reference`, sorted by document position, then reference position.
    ///
    /// Each k-gram hit is extended both ways as far as the texts agree; hits that fall inside a
    /// match already found on the same diagonal (reference − document offset) are skipped, so
    /// a long shared passage costs one extension, not one per position.
    ///
    /// A rare k-gram (at most `maximumOccurrences` in the reference, fewer when that would make
    /// more than one hit per scalar of the two texts: see `rareLimit`) seeds at every occurrence.
    /// A frequent one seeds only where no match covers the document yet. First where the
    /// furthest match left off: the texts most likely go on together after a small difference,
    /// so the cheapest way on (skipping `a` document and `b` reference scalars, `max(a, b)` at
    /// most `maximumGap`) is taken. Failing that, at the occurrence of the same rank as in the
    /// document (counted from the start, and from the end). Two identical repetitive texts thus
    /// align on their main diagonal, an edit inside a repetitive stretch stays one edit, and a
    /// repetitive document quoted whole is found, while the work stays linear: one search of
    /// (`maximumGap` + 1)² pairs per match, and at most two extensions per uncovered position,
    /// each failing within k scalars or covering what it compared.
    ///
    /// - Complexity: O((n + m) · `maximumOccurrences` + n / k · `maximumGap`²) for a document
    ///   of n and a reference of m scalars, plus the length of the matches found.
    func maximalMatches(of document: [UInt32], in reference: [UInt32], maximumGap: Int) -> [ExactMatch] {
        let slots = documentSlots(document)
        var seeding = Seeding(index: self, slots: slots, scalars: document.count + reference.count, maximumGap: maximumGap)
        document.withUnsafeBufferPointer { d in
            reference.withUnsafeBufferPointer { r in
                for (i, slot) in slots.enumerated() where slot >= 0 { seeding.seed(at: i, slot: Int(slot), d, r) }
            }
        }
        var matches = seeding.matches
        matches.sort { ($0.document, $0.reference) < ($1.document, $1.reference) }
        return matches
    }

    /// The slot of each k-gram of `document`, -1 for one the reference does not have.
    fileprivate func documentSlots(_ document: [UInt32]) -> [Int32] {
        var slots = [Int32](repeating: -1, count: max(0, document.count - length + 1))
        RollingHash.forEach(in: document, length: length) { i, hash in
            if let slot = slot(of: hash) { slots[i] = Int32(slot) }
        }
        return slots
    }

    /// The most occurrences a rare k-gram may have for this document: `maximumOccurrences`,
    /// lowered until following every occurrence of every rare k-gram makes at most
    /// `hitsPerScalar` hits per scalar of the two texts. Texts of a few letters (or very
    /// repetitive ones), where every k-gram recurs dozens of times, would otherwise give
    /// millions of chance matches.
    fileprivate func rareLimit(documentCounts: [Int32], budget: Int) -> Int {
        var hits = [Int](repeating: 0, count: maximumOccurrences + 1)
        for slot in 0..<slotCount where documentCounts[slot] > 0 && !isFrequent(slot) {
            hits[count(slot)] += Int(documentCounts[slot]) * count(slot)
        }
        var total = 0
        for occurrences in 1...maximumOccurrences {
            total += hits[occurrences]
            if total > budget { return max(1, occurrences - 1) }
        }
        return maximumOccurrences
    }
}

/// The state of one pass over the document's k-grams.
private struct Seeding {
    let index: SeedIndex
    var matches: [ExactMatch] = []
    /// Per diagonal, the document offset where its latest match ends.
    var covered: [Int: Int] = [:]
    var pruneAt = 1 << 16
    /// The end of the furthest match so far: the document before it is covered.
    var frontier = 0
    /// Where the match that moved the frontier ends, in both texts.
    var frontierEnd: (document: Int, reference: Int)?
    /// The document end of the last match a way on from was searched for.
    var searchedAfter = -1
    let maximumGap: Int
    /// Per slot, the document's occurrences of its k-gram: all of them, and (for frequent ones)
    /// so far.
    let documentCounts: [Int32]
    var seen: [Int32]

    /// k-grams with more occurrences than this are frequent here (``SeedIndex/rareLimit``).
    let rareLimit: Int
    /// The budget of rare hits, per scalar of the two texts.
    static let hitsPerScalar = 1
    /// Bounds the work on a rare hit after a stretch of frequent k-grams.
    static let maximumLeftExtension = 4096
    /// How far back a frequent k-gram's match may reach into the document before the frontier.
    static let frequentLeftExtension = 64

    /// `slots`: the document's k-grams as ``SeedIndex/documentSlots(_:)`` gives them;
    /// `scalars`: the length of the two texts.
    init(index: SeedIndex, slots: [Int32], scalars: Int, maximumGap: Int) {
        self.index = index
        self.maximumGap = maximumGap
        var counts = [Int32](repeating: 0, count: index.slotCount)
        for slot in slots where slot >= 0 { counts[Int(slot)] += 1 }
        documentCounts = counts
        rareLimit = index.rareLimit(documentCounts: counts, budget: Self.hitsPerScalar * scalars)
        seen = [Int32](repeating: 0, count: index.slotCount)
    }

    mutating func seed(at i: Int, slot: Int, _ d: UnsafeBufferPointer<UInt32>, _ r: UnsafeBufferPointer<UInt32>) {
        if index.count(slot) <= rareLimit {
            index.forEachOccurrence(slot) { j in extend(i, j, leftLimit: Self.maximumLeftExtension, d, r) }
        } else {
            let rank = Int(seen[slot])
            seen[slot] += 1
            if i >= frontier, !goesOn(before: i, d, r) {
                let count = index.count(slot)
                let leftLimit = Self.frequentLeftExtension
                extend(i, index.occurrence(slot, rank: min(rank, count - 1)), leftLimit: leftLimit, d, r)
                let fromEnd = count - Int(documentCounts[slot]) + rank
                if fromEnd >= 0, fromEnd < count, fromEnd != rank {
                    extend(i, index.occurrence(slot, rank: fromEnd), leftLimit: leftLimit, d, r)
                }
            }
        }
        if covered.count > pruneAt {
            covered = covered.filter { $0.value > i }
            pruneAt = max(1 << 16, covered.count * 2)
        }
    }

    /// Searches, once per frontier match, the cheapest way on from its end that reaches past
    /// document offset `i`: skipping `a` document and `b` reference scalars, by increasing
    /// `max(a, b)` (then `|a − b|`) up to `maximumGap`. Whether it found one.
    mutating func goesOn(before i: Int, _ d: UnsafeBufferPointer<UInt32>, _ r: UnsafeBufferPointer<UInt32>) -> Bool {
        guard let end = frontierEnd, end.document != searchedAfter, i - end.document <= maximumGap else { return false }
        searchedAfter = end.document
        let k = index.length
        for cost in max(0, i - end.document)...maximumGap {
            for spread in 0...cost {
                for side in 0..<(spread == 0 ? 1 : 2) {
                    let (a, b) = side == 0 ? (cost, cost - spread) : (cost - spread, cost)
                    let x = end.document + a, y = end.reference + b
                    guard x >= i, x + k <= d.count, y + k <= r.count, d[x] == r[y] else { continue }
                    let before = frontier
                    extend(x, y, leftLimit: 0, d, r)
                    if frontier > before { return true }
                }
            }
        }
        return false
    }

    /// Extends the hit of the document's k-gram at `i` at the reference's `j` into a maximal
    /// match, unless a match on its diagonal covers it already.
    mutating func extend(
        _ i: Int, _ j: Int, leftLimit: Int, _ d: UnsafeBufferPointer<UInt32>, _ r: UnsafeBufferPointer<UInt32>
    ) {
        let diagonal = j - i
        if let end = covered[diagonal], end > i { return }
        var end = 0
        while i + end < d.count, j + end < r.count, d[i + end] == r[j + end] { end += 1 }
        guard end >= index.length else { return } // a hash collision, or a candidate that differs
        var start = 0
        while start < leftLimit, i - start > 0, j - start > 0, d[i - start - 1] == r[j - start - 1] { start += 1 }
        matches.append(ExactMatch(document: i - start, reference: j - start, length: start + end))
        covered[diagonal] = i + end
        if i + end > frontier {
            frontier = i + end
            frontierEnd = (i + end, j + end)
        }
    }
}
