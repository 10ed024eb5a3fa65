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
    func maximalMatches(of document: [UInt32], in reference: [UInt32]) -> [ExactMatch] {
        var matches: [ExactMatch] = []
        /// Per diagonal, the document offset where its latest match ends.
        var covered: [Int: Int] = [:]
        var pruneAt = 1 << 16
        let maximumLeftExtension = 4096 // bounds the work on runs of k-grams over the occurrence cap
        document.withUnsafeBufferPointer { d in
            reference.withUnsafeBufferPointer { r in
                RollingHash.forEach(in: document, length: length) { i, hash in
                    forEachOccurrence(of: hash) { j in
                        let diagonal = j - i
                        if let end = covered[diagonal], end > i { return }
                        var start = 0
                        while start < maximumLeftExtension, i - start > 0, j - start > 0,
                              d[i - start - 1] == r[j - start - 1] { start += 1 }
                        var end = 0
                        while i + end < d.count, j + end < r.count, d[i + end] == r[j + end] { end += 1 }
                        guard end >= length else { return } // a hash collision
                        matches.append(ExactMatch(document: i - start, reference: j - start, length: start + end))
                        covered[diagonal] = i + end
                    }
                    if covered.count > pruneAt {
                        covered = covered.filter { $0.value > i }
                        pruneAt = max(1 << 16, covered.count * 2)
                    }
                }
            }
        }
        matches.sort { ($0.document, $0.reference) < ($1.document, $1.reference) }
        return matches
    }
}
