/// The hot path of a stage without segmentation where many characters start phrases (s2t: 71%
/// of Han characters in real text; see ``Table/prefersRecordFirst(_:_:)``): converts each
/// character on its own, and matches phrases only where one could change the output.
///
/// Most phrases of a table are written exactly as their characters would be on their own
/// (s2t: 39,450 of 49,794; `头发` is not one of them, since on its own `发` is `發`). Greedy
/// longest match decides which phrases match, but the output differs from the characters' own
/// outputs only inside a match of an *altering* key. So the loop writes each character's own
/// output and asks one filter question per character: "may an altering key start here?"
/// (``TableFormat/startsAltering`` on the record, and the pair's bit in the filter). Where one
/// may, it backs up to the last position that is certainly a boundary of the greedy matches and
/// matches exactly from there (the three-byte loop of `ThreeByteRun.swift`) until past that
/// position, rewriting what it wrote since.
///
/// A position is certainly a boundary when no key holds the two characters around it (the
/// filter's key-pair bits: no match can span it), where the run began, and wherever the exact
/// loop stopped. In real text such boundaries are a character or two apart, and an altering key
/// may start at about 3% of the characters (s2t), where the exact loop took a phrase walk at 18%.
/// The output is exactly the exact loop's.
extension Table {
    /// Converts from `p` (a three-byte character no later than `end - 8`, at a boundary of the
    /// greedy matches) like the plain three-byte run (the fused run, with a fused table), writing
    /// at `o` (below `limit`). Returns at a boundary of the greedy matches, before the first
    /// character it did not convert.
    ///
    /// One copy of the loop for each kind of table (``PlainRun``, ``FusedRun``), as the
    /// three-byte runs have.
    @inline(never)
    func convertOptimistically<Phrases: RunMode>(_ pIn: inout Input, _ oIn: inout Output, end: Input, limit: Output,
                                                 _: Phrases.Type) {
        var p = pIn, o = oIn
        defer { (pIn, oIn) = (p, o) }
        let pageIndex = self.pageIndex
        let altering = UnsafeRawPointer(pageIndex) + TableFormat.alteringFilterAfterIndex
        let pages = UnsafeRawPointer(pageIndex) + TableFormat.pagesAfterIndex
        let safeEnd = end - 8   // a word may be read at the next character
        let asciiKeys = ASCIIKeys(self)
        var boundary = p   // the last position known to be a boundary of the greedy matches
        var scalar = Table.scalar3(UnsafeRawPointer(p).loadUnaligned(as: UInt32.self))
        while true {
            var mayAlter = false
            while true {
                let record = Table.record(scalar, pageIndex: pageIndex, pages: pages)
                let (nextScalar, nextLength) = Table.nextInRun(p)
                if nextLength == 0 { break }
                let h = TableFormat.mix(TableFormat.transitionKey(parent: scalar &+ 1, scalar: nextScalar))
                let mask = TableFormat.alteringMask(h)
                let passes: UInt64 = altering.load(fromByteOffset: TableFormat.alteringWord(h) &<< 3, as: UInt64.self) & mask == mask ? 1 : 0
                if ((record &>> TableFormat.startsAlteringBit) & passes) | ((record &>> TableFormat.singleBit) & 1) != 0 {
                    // An altering key may start here (or the record needs the general loop).
                    mayAlter = record & TableFormat.single == 0
                    break
                }
                o += Table.emitSingle(record: record, from: p, length: 3, to: o)   // no branch on the page
                p += 3
                if p > safeEnd || o >= limit { break }
                if nextLength == 1 {
                    let n = asciiKeys.run(p, end, to: o, room: limit - o)
                    p += n
                    o += n
                    if n == 0 || p > safeEnd || o >= limit { break }
                    let word = UnsafeRawPointer(p).loadUnaligned(as: UInt32.self)
                    if !Table.isThreeByte(word) { break }
                    scalar = Table.scalar3(word)
                    continue
                }
                scalar = nextScalar
            }

            if mayAlter && (p == boundary || !keyMaySpan(p, scalar: scalar)) {
                // `p` is a certain boundary (94% of the stops in s2twp text): one exact step here,
                // as the exact loop would take it, with no back-up and no call to it.
                let record = Table.record(scalar, pageIndex: pageIndex, pages: pages)
                let (nextScalar, nextLength) = Table.nextInRun(p)
                let key = TableFormat.transitionKey(parent: scalar &+ 1, scalar: nextScalar)
                let h = TableFormat.mix(key)
                let m = record & TableFormat.hasChildren != 0 && mayExist(h)
                    ? walk(p, length: 3, record: record, key: key, hash: h, after: p + 3 + nextLength, end: end,
                           fused: Phrases.keepsPhrasesInRuns)
                    : Match(scalarOf: record, length: 3)
                let (consumed, written) = write(m, at: p, end: end, to: o)
                p += consumed
                o += written
                if p > safeEnd || o >= limit { return }
                let word = UnsafeRawPointer(p).loadUnaligned(as: UInt32.self)
                if !Table.isThreeByte(word) { return }
                boundary = p
                scalar = Table.scalar3(word)
                continue
            }

            // Stopped at `p`: back up to a certain boundary, then match exactly up to `p` (and past
            // it when an altering key may start there).
            let stop = p
            var (s, os) = certainBoundary(before: p, output: o, notBefore: boundary, end: end)
            // ASCII the run copied starts no key that can match here: its own output, and a
            // boundary after it.
            while s < stop && s.pointee < 0x80 { (s, os) = (s + 1, os + 1) }
            if s == stop && !mayAlter { return }
            if s > safeEnd || os >= limit {
                (p, o) = (s, os)   // the general loop goes on exactly from here
                return
            }
            (p, o) = (s, os)
            var mode = UntilStop<Phrases>(stop: stop)
            run(&p, &o, end, limit, &mode, FilterFirst.self)
            if p <= stop || p > safeEnd || o >= limit { return }
            let word = UnsafeRawPointer(p).loadUnaligned(as: UInt32.self)
            if !Table.isThreeByte(word) { return }
            boundary = p
            scalar = Table.scalar3(word)
        }
    }

    /// Whether a key may hold both the three-byte character at `p` (`scalar`) and the one before
    /// it, which is ASCII or three bytes long: ``certainBoundary(before:output:notBefore:end:)``,
    /// one step back.
    @inline(__always)
    func keyMaySpan(_ p: UnsafePointer<UInt8>, scalar current: UInt32) -> Bool {
        let before = p[-1]
        let previous = before < 0x80
            ? UInt32(before) : Table.scalar3(UnsafeRawPointer(p - 3).loadUnaligned(as: UInt32.self))
        return keyMayHold(previous, current)
    }

    /// Whether a key may hold the adjacent scalars `a b` (the filter's key-pair bits).
    @inline(__always)
    func keyMayHold(_ a: UInt32, _ b: UInt32) -> Bool { mayExist(TableFormat.mix(TableFormat.keyPairKey(a, b))) }

    /// The last position at or before `p` that is certainly a boundary of the greedy matches, no
    /// earlier than `floor` (one), and the output position that the characters' own outputs
    /// since then put it at (`o` is `p`'s). Every character in `[floor, p)` was converted on its
    /// own: three-byte characters, and ASCII that starts no key that can match there.
    @inline(never)
    func certainBoundary(before p: UnsafePointer<UInt8>, output o: UnsafeMutablePointer<UInt8>,
                         notBefore floor: UnsafePointer<UInt8>, end: UnsafePointer<UInt8>)
        -> (UnsafePointer<UInt8>, UnsafeMutablePointer<UInt8>) {
        guard p < end else { return (p, o) }   // no match reaches past the end
        var s = p, os = o
        var current = s.pointee < 0x80 ? UInt32(s.pointee) : UTF8Scalars.decode(s).0
        while s > floor {
            var c = s - 1
            while c.pointee & 0xC0 == 0x80 { c -= 1 }
            let previous = c.pointee < 0x80 ? UInt32(c.pointee) : Table.scalar3(UnsafeRawPointer(c).loadUnaligned(as: UInt32.self))
            if !keyMayHold(previous, current) { break }
            let record = self.record(previous)
            os -= previous < 0x80 ? 1 : (record & TableFormat.inlineValue != 0 ? TableFormat.valueLength(record) : 3)
            s = c
            current = previous
        }
        return (s, os)
    }
}
