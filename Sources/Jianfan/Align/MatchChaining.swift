/// Groups exact matches into passages: runs of matches that go forward in both texts with small
/// gaps between them, the gaps being the quote's small differences.
///
/// Greedy, in document order: each match continues the open chain it is closest to, or starts a
/// chain. A reference that puts its own words between two parts of a quote (a gap wider than
/// `maximumGap`) yields two passages, each found wherever it sits.
struct MatchChaining {
    let maximumGap: Int

    struct Chain {
        var matches: [ExactMatch]
        var documentStart: Int { matches[0].document }
        var referenceStart: Int { matches[0].reference }
        var documentEnd: Int { matches[matches.count - 1].documentEnd }
        var referenceEnd: Int { matches[matches.count - 1].referenceEnd }
        var matched: Int { matches.reduce(0) { $0 + $1.length } }
    }

    /// `matches` sorted by document position.
    ///
    /// A match can only continue a chain whose last diagonal (reference − document offset) is
    /// within `maximumGap` of its own, so open chains are kept in buckets of diagonals and each
    /// match looks at three buckets, not at every open chain: repetitive texts with many
    /// matches side by side stay linear.
    func chains(_ matches: [ExactMatch]) -> [Chain] {
        var chains: [Chain] = []
        var open = OpenChains(width: maximumGap + 1)
        for match in matches {
            var best: (chain: Int, trimmed: ExactMatch, gap: Int)?
            var isRedundant = false
            open.forEachChain(near: match.reference - match.document, openAt: match.document - maximumGap, in: chains) { index in
                let chain = chains[index]
                // A match that overlaps the chain's end (repeated text) is trimmed to follow it.
                let overlap = max(0, chain.documentEnd - match.document, chain.referenceEnd - match.reference)
                if overlap >= match.length {
                    if match.reference >= chain.referenceStart, match.referenceEnd <= chain.referenceEnd {
                        isRedundant = true // already inside this chain in both texts
                    }
                    return
                }
                let trimmed = ExactMatch(
                    document: match.document + overlap, reference: match.reference + overlap,
                    length: match.length - overlap)
                let documentGap = trimmed.document - chain.documentEnd
                let referenceGap = trimmed.reference - chain.referenceEnd
                guard documentGap <= maximumGap, referenceGap <= maximumGap else { return }
                let gap = max(documentGap, referenceGap)
                // The lowest index wins a tie: the chain that started first.
                if best == nil || (gap, index) < (best!.gap, best!.chain) { best = (index, trimmed, gap) }
            }
            if let best {
                let last = chains[best.chain].matches[chains[best.chain].matches.count - 1]
                chains[best.chain].matches.append(best.trimmed)
                let diagonal = best.trimmed.reference - best.trimmed.document
                if diagonal != last.reference - last.document { open.insert(best.chain, diagonal: diagonal) }
            } else if !isRedundant {
                chains.append(Chain(matches: [match]))
                open.insert(chains.count - 1, diagonal: match.reference - match.document)
            }
        }
        return chains
    }

    /// Drops chains that repeat a longer one: both their document span and their reference
    /// span lie mostly (more than half) inside it. Chains that share only one side are kept: a
    /// passage the reference quotes twice, or a document passage repeated and quoted once.
    static func removingRepeats(_ chains: [Chain]) -> [Chain] {
        let order = chains.indices.sorted { chains[$0].documentStart < chains[$1].documentStart }
        var dropped = Set<Int>()
        for (position, i) in order.enumerated() where !dropped.contains(i) {
            for j in order[(position + 1)...] {
                let a = chains[i], b = chains[j]
                if b.documentStart >= a.documentEnd { break }
                if dropped.contains(j) { continue }
                let (small, large) = a.matched < b.matched ? (i, j) : (j, i)
                let s = chains[small], l = chains[large]
                if mostlyInside(s.documentStart..<s.documentEnd, l.documentStart..<l.documentEnd),
                   mostlyInside(s.referenceStart..<s.referenceEnd, l.referenceStart..<l.referenceEnd) {
                    dropped.insert(small)
                    if small == i { break }
                }
            }
        }
        return chains.indices.filter { !dropped.contains($0) }.map { chains[$0] }
    }

    private static func mostlyInside(_ inner: Range<Int>, _ outer: Range<Int>) -> Bool {
        let shared = max(0, min(inner.upperBound, outer.upperBound) - max(inner.lowerBound, outer.lowerBound))
        return shared * 2 > inner.count
    }
}

/// The chains that later matches may continue, by the diagonal of their last match, in buckets
/// `width` diagonals wide. A chain moves to another bucket when it grows; the entry it leaves
/// behind is dropped when its bucket is next visited, as are chains that ended too long ago.
private struct OpenChains {
    let width: Int
    private var buckets: [Int: [(chain: Int, diagonal: Int)]] = [:]

    init(width: Int) { self.width = width }

    private func bucket(_ diagonal: Int) -> Int {
        diagonal >= 0 ? diagonal / width : -((-diagonal + width - 1) / width)
    }

    mutating func insert(_ chain: Int, diagonal: Int) {
        buckets[bucket(diagonal), default: []].append((chain, diagonal))
    }

    /// Calls `body` with each chain whose last diagonal is within `width` of `diagonal` and
    /// whose document end is at least `openAt`; forgets the others it sees in those buckets.
    mutating func forEachChain(
        near diagonal: Int, openAt: Int, in chains: [MatchChaining.Chain], _ body: (Int) -> Void
    ) {
        let middle = bucket(diagonal)
        for key in (middle - 1)...(middle + 1) {
            guard buckets[key] != nil else { continue }
            buckets[key]!.removeAll { entry in // in place: the bucket is not copied
                let chain = chains[entry.chain]
                let last = chain.matches[chain.matches.count - 1]
                return chain.documentEnd < openAt || last.reference - last.document != entry.diagonal
            }
            guard let entries = buckets[key], !entries.isEmpty else { buckets[key] = nil; continue }
            for entry in entries { body(entry.chain) }
        }
    }
}

