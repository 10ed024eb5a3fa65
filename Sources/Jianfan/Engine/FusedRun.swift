/// A segmented two-stage plan (s2twp, s2tw, s2hk, s2hkp) converted in one pass over its fused table
/// (``FusedTable``): the loops of a plain stage, optimistic where many characters start phrases,
/// plus one case. Where the filter lets a pair through, no first-stage phrase matches, and a run
/// phrase may start there (a second-stage phrase, such as s2twp's `軟件` → `軟體`), the run is
/// converted exactly as OpenCC's two stages would: ``Fusion/convertRun(at:end:limit:to:)``.
///
/// This gives OpenCC's output: a first-stage phrase is a segment, and its fused value is both
/// stages applied to it; a character in a run is written as its two stages make it on its own,
/// unless a second-stage phrase matches at a character of the run and stays inside the run.
///
/// A class, so that the loops pass it by reference: it holds three tables.
final class Fusion: Sendable {
    /// The fused table, and the two stages it stands for.
    let table: Table, first: Table, second: Table

    init(table: Table, first: Table, second: Table) {
        (self.table, self.first, self.second) = (table, first, second)
    }

    /// Converts at `p`, a character of a run (no first-stage phrase matches there), as the second
    /// stage would over the first stage's output of the run: its longest match, not reaching
    /// past the run's end (where a first-stage phrase matches, or an IDS begins) nor `limit`.
    /// Writes at `o` (which has slack) and returns the input bytes converted (at least one
    /// character) and the bytes written. `end` bounds the first stage's phrases.
    @inline(never)
    func convertRun(at p: UnsafePointer<UInt8>, end: UnsafePointer<UInt8>, limit: UnsafePointer<UInt8>? = nil,
                    to o: UnsafeMutablePointer<UInt8>) -> (consumed: Int, written: Int) {
        let limit = limit ?? end
        let (c0, l0) = UTF8Scalars.decode(p)
        // The second stage's walk over the first stage's output, one input character at a time.
        let s0 = firstOutput(c0)
        let record = second.record(s0)
        let rank = UInt8(truncatingIfNeeded: record &>> 40)
        var best = record != 0 && rank != TableFormat.noRank ? l0 : 0, bestRank = rank, bestSlot = -1
        var q = p + l0, parent = s0 &+ 1
        while q < limit {
            let (c, l) = UTF8Scalars.decode(q)
            if UTF8Scalars.isIDSOperator(c) { break }
            let r = first.record(c)
            if r != 0 && UInt8(truncatingIfNeeded: r &>> 40) == 0 { break }   // a phrase of its own
            let key = TableFormat.transitionKey(parent: parent, scalar: firstOutput(c, record: r))
            let h = TableFormat.mix(key)
            if !second.mayExist(h) { break }
            let slot = second.slot(of: key, hash: h)
            if slot < 0 { break }
            let entry = second.slots[slot]
            q += l
            let rank = UInt8(truncatingIfNeeded: (entry &>> TableFormat.slotRankShift) & 7)
            if rank != UInt8(TableFormat.slotNoRank) && (best == 0 || rank <= bestRank) {
                (best, bestRank, bestSlot) = (q - p, rank, slot)
            }
            if entry & TableFormat.slotMoreBit == 0 { break }
            parent = TableFormat.firstSlotID &+ UInt32(truncatingIfNeeded: slot)
        }
        if bestSlot < 0 {
            // The character on its own: the fused table's record has its output.
            let own = table.record(c0)
            if own & TableFormat.inlineValue != 0 {
                UnsafeMutableRawPointer(o).storeBytes(of: UInt32(truncatingIfNeeded: own), as: UInt32.self)
                return (l0, Int(truncatingIfNeeded: (own &>> 32) & 0xFF))
            }
            for i in 0..<l0 { o[i] = p[i] }
            return (l0, l0)
        }
        // The characters after the first must be in the run: no first-stage phrase may match at
        // any of them. Where one does, the run ends there: match again before it.
        var at = p + l0
        while at < p + best {
            let (c, l) = UTF8Scalars.decode(at)
            let phrase = table.match(at, scalar: c, length: l, record: table.record(c), end: end)
            if phrase.length > 0 && phrase.rank == 0 { return convertRun(at: p, end: end, limit: at, to: o) }
            at += l
        }
        return (best, second.emit(Table.Match(length: best, rank: bestRank, record: 0, slot: bestSlot), to: o))
    }

    /// The scalar the first stage writes for `scalar` in a run: its entry's (one scalar), or itself.
    @inline(__always)
    func firstOutput(_ scalar: UInt32) -> UInt32 { firstOutput(scalar, record: first.record(scalar)) }

    @inline(__always)
    func firstOutput(_ scalar: UInt32, record: UInt64) -> UInt32 {
        guard record != 0 && UInt8(truncatingIfNeeded: record &>> 40) != TableFormat.noRank else { return scalar }
        let word = UInt32(truncatingIfNeeded: record)
        let b0 = word & 0xFF
        if b0 < 0x80 { return b0 }
        if b0 < 0xE0 { return (b0 & 0x1F) << 6 | (word >> 8) & 0x3F }
        if b0 < 0xF0 { return Table.scalar3(word) }
        return (b0 & 0x07) << 18 | ((word >> 8) & 0x3F) << 12 | ((word >> 16) & 0x3F) << 6 | (word >> 24) & 0x3F
    }
}

extension Table {
    /// Converts `[start, end)` into `out` with this fused table (`fusion.table`).
    /// - Precondition: the input is valid UTF-8.
    func convert(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>, into out: ByteBuffer, fusion: Fusion) {
        convert(start, end, into: out, segmentEnds: UnsafeBufferPointer(start: nil, count: 0), segmented: false,
                recordFirst: false, fusion: fusion)
    }

    /// Whether a run phrase of a fused table may start with the characters `a b`.
    @inline(__always)
    func runPhraseMayStart(_ a: UInt32, _ b: UInt32) -> Bool {
        mayExist(TableFormat.mix(TableFormat.pairKey(a, b, domain: TableFormat.runPhraseDomain)))
    }
}
