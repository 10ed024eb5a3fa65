/// Every key of a table that matches at a position, not only the one greedy matching keeps: the
/// word segmenter's lattice holds them all.
extension Table {
    /// Calls `body` with the length in bytes of every key of two or more scalars that starts at
    /// `p` and ends by `end`, shortest first. Any rank counts: a later child of a `short_circuit`
    /// group is still a phrase of the configuration.
    ///
    /// ```swift
    /// table.forEachPhrase(at: p, end: end) { length in lengths.append(length) }
    /// ```
    @inline(__always)
    func forEachPhrase(at p: UnsafePointer<UInt8>, end: UnsafePointer<UInt8>, _ body: (Int) -> Void) {
        forEachPrefix(at: p, end: end) { length, entry in
            if (entry >> TableFormat.slotRankShift) & 7 != TableFormat.slotNoRank { body(length) }
        }
    }

    /// Calls `body` with the length and slot entry of every prefix of two scalars or more of
    /// the text at `p` (ended by `end`) that the trie holds, key or not, shortest first.
    ///
    /// ```swift
    /// table.forEachPrefix(at: p, end: end) { length, entry in lengths.append(length) }
    /// ```
    @inline(__always)
    func forEachPrefix(at p: UnsafePointer<UInt8>, end: UnsafePointer<UInt8>, _ body: (Int, UInt64) -> Void) {
        let (scalar, length) = UTF8Scalars.decode(p)
        guard record(scalar) & TableFormat.hasChildren != 0 else { return }
        var q = p + length
        var parent = scalar &+ 1
        while q < end {
            let (next, nextLength) = UTF8Scalars.decode(q)
            let key = TableFormat.transitionKey(parent: parent, scalar: next)
            let h = TableFormat.mix(key)
            // The filter answers most "no"s without a probe of the slots.
            guard mayExist(h) else { return }
            let slot = self.slot(of: key, hash: h)
            guard slot >= 0 else { return }
            let entry = slots[slot]
            q += nextLength
            body(q - p, entry)
            guard entry & TableFormat.slotMoreBit != 0 else { return }
            parent = TableFormat.firstSlotID &+ UInt32(truncatingIfNeeded: slot)
        }
    }
}

extension Table {
    /// Calls `body` with the value of every key of two or more scalars (in no order): the text
    /// the table makes of its phrases.
    ///
    /// ```swift
    /// table.forEachPhraseValue { value in values.insert(Array(value)) }
    /// ```
    func forEachPhraseValue(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        for s in 0...slotMask {
            let entry = slots[s]
            guard entry != 0, (entry >> TableFormat.slotRankShift) & 7 != TableFormat.slotNoRank else { continue }
            body(valueBytes(slot: entry))
        }
    }
}
