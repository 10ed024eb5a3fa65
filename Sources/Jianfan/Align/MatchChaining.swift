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
    func chains(_ matches: [ExactMatch]) -> [Chain] {
        var chains: [Chain] = []
        var open: [Int] = [] // indices into `chains`, of chains that later matches may continue
        for match in matches {
            open.removeAll { chains[$0].documentEnd + maximumGap < match.document }
            var best: (chain: Int, trimmed: ExactMatch, gap: Int)?
            var isRedundant = false
            for index in open {
                let chain = chains[index]
                // A match that overlaps the chain's end (repeated text) is trimmed to follow it.
                let overlap = max(0, chain.documentEnd - match.document, chain.referenceEnd - match.reference)
                if overlap >= match.length {
                    if match.reference >= chain.referenceStart, match.referenceEnd <= chain.referenceEnd {
                        isRedundant = true // already inside this chain in both texts
                    }
                    continue
                }
                let trimmed = ExactMatch(
                    document: match.document + overlap, reference: match.reference + overlap,
                    length: match.length - overlap)
                let documentGap = trimmed.document - chain.documentEnd
                let referenceGap = trimmed.reference - chain.referenceEnd
                guard documentGap <= maximumGap, referenceGap <= maximumGap else { continue }
                let gap = max(documentGap, referenceGap)
                if best == nil || gap < best!.gap { best = (index, trimmed, gap) }
            }
            if let best {
                chains[best.chain].matches.append(best.trimmed)
            } else if !isRedundant {
                chains.append(Chain(matches: [match]))
                open.append(chains.count - 1)
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
