/// The exact hot path for runs of three-byte characters (all of the common Han characters, and
/// the full-width punctuation between them), where real text spends most of its time: greedy
/// longest match at every character. The segmented and segmenting loops (`PlainConversion.swift`,
/// `Matching.swift`, which converts segment by segment with the plain run within each) run it; so does
/// a stage without segmentation where few characters start phrases (t2s); where many do (s2t),
/// the optimistic loop (`OptimisticRun.swift`) runs it only where it needs exact matching.
///
/// Each step knows the current character's scalar and reads the next character from one
/// unaligned word: no decoding branches, no carried state to test, and few enough live values
/// that they stay in registers. Runs of ASCII between such characters are copied in words as the
/// general loop does. It hands back to the general loop at anything else: a character that is
/// not three bytes long, an ASCII byte that starts a key, a character whose record needs special
/// handling, the end of the input or of the output's room. The output is exactly the general
/// loop's.
extension Table {
    /// The scalar of the three-byte sequence in the low bytes of `word` (little-endian).
    @inline(__always)
    static func scalar3(_ word: UInt32) -> UInt32 {
        (word & 0x0F) &<< 12 | (word &>> 2) & 0xFC0 | (word &>> 16) & 0x3F
    }

    /// Whether the low three bytes of `word` are a three-byte sequence's lead and continuation
    /// bytes (valid input is assumed, so this is the whole test).
    @inline(__always)
    static func isThreeByte(_ word: UInt32) -> Bool { word & 0xC0_C0F0 == 0x80_80E0 }

    /// The character after the three-byte one at `p`, read from one word: its scalar and length
    /// when it is ASCII (1) or three bytes long (3); length 0 for any other, where a run stops.
    @inline(__always)
    static func nextInRun(_ p: UnsafePointer<UInt8>) -> (scalar: UInt32, length: Int) {
        let next = UnsafeRawPointer(p + 3).loadUnaligned(as: UInt32.self)
        if isThreeByte(next) { return (scalar3(next), 3) }
        return next & 0x80 == 0 ? (next & 0x7F, 1) : (0, 0)
    }

    /// The record of `scalar` through the page index, with `pages` at its fixed offset from it
    /// (``TableFormat/pagesAfterIndex``): one base register for both.
    @inline(__always)
    static func record(_ scalar: UInt32, pageIndex: UnsafePointer<UInt16>, pages: UnsafeRawPointer) -> UInt64 {
        pages.load(fromByteOffset: (Int(pageIndex[Int(scalar &>> 8)]) &<< 8 | Int(scalar & 0xFF)) &<< 3, as: UInt64.self)
    }

    /// Writes `m`, the winning match at the three-byte character `p`, at `o`; an empty match
    /// copies the character. Returns the input bytes converted and the bytes written.
    @inline(__always)
    func write(_ m: Match, at p: UnsafePointer<UInt8>, end: UnsafePointer<UInt8>,
               to o: UnsafeMutablePointer<UInt8>) -> (consumed: Int, written: Int) {
        if m.length == 0 {
            Table.copyScalar(from: p, length: 3, to: o, end: end)
            return (3, 3)
        }
        return (m.length, emit(m, to: o))
    }

    typealias Input = UnsafePointer<UInt8>
    typealias Output = UnsafeMutablePointer<UInt8>

    /// Converts from `p` (a three-byte character no later than `end - 8`) for as long as the
    /// run allows, writing at `o`, which must be below `limit`. Returns with `p` at the first
    /// character it did not convert: an ASCII byte that starts a key, a character of another
    /// length, one whose record is ``TableFormat/single``, a key of rank 0 where the mode ends
    /// at segments (a segment of its own), or where `mode` returns.
    ///
    /// One copy for each mode and way of testing for phrases (`ThreeByteRunModes.swift`).
    @inline(never)
    func run<Mode: RunMode, Test: PhraseTest>(_ pIn: inout Input, _ oIn: inout Output, _ end: Input, _ limit: Output,
                                              _ modeIn: inout Mode, _: Test.Type) {
        // The mode's state too is a local value while the loop runs, kept in registers.
        var p = pIn, o = oIn, mode = consume modeIn
        defer { (pIn, oIn, modeIn) = (p, o, mode) }
        let pageIndex = self.pageIndex, filter = self.filter, filterShift = self.filterShift
        // The pages follow the index at a fixed offset (``TableFormat/Layout``): one base register.
        let pages = UnsafeRawPointer(pageIndex) + TableFormat.pagesAfterIndex
        let safeEnd = end - 8   // a word may be read at the next character
        let asciiKeys = ASCIIKeys(self)
        var scalar = Table.scalar3(UnsafeRawPointer(p).loadUnaligned(as: UInt32.self))
        while true {
            let record = Table.record(scalar, pageIndex: pageIndex, pages: pages)
            let q = p + 3
            let (nextScalar, nextLength) = Table.nextInRun(p)
            if nextLength == 0 { return }
            var continues = false
            var key: UInt64 = 0, h: UInt64 = 0
            if !Test.recordFirst || record & TableFormat.hasChildren != 0 {
                key = TableFormat.transitionKey(parent: scalar &+ 1, scalar: nextScalar)
                h = TableFormat.mix(key)
                let mask = TableFormat.filterMask(h)
                let passes = filter[Int(truncatingIfNeeded: h &>> filterShift)] & mask == mask
                continues = (record &>> TableFormat.hasChildrenBit) & (passes ? 1 : 0) != 0   // hasChildren, and the filter agrees
            }
            let special = record & TableFormat.single != 0
                || (Mode.endsAtSegments && TableFormat.rank(record) == 0 && record != 0)
            if !continues && !special {
                if record & TableFormat.inlineValue != 0 {
                    // A key's value, or the character itself (see ``TableBuilder``).
                    UnsafeMutableRawPointer(o).storeBytes(of: UInt32(truncatingIfNeeded: record), as: UInt32.self)
                    o += TableFormat.valueLength(record)
                } else {
                    // A page without keys.
                    UnsafeMutableRawPointer(o).storeBytes(of: UnsafeRawPointer(p).loadUnaligned(as: UInt32.self), as: UInt32.self)
                    o += 3
                }
                mode.wroteUnit(endingAt: q, output: o, safe: record & TableFormat.openEnd == 0)
            } else {
                if special { return }
                var m = walk(p, length: 3, record: record, key: key, hash: h, after: q + nextLength, end: end,
                             fused: Mode.keepsPhrasesInRuns)
                if m.length > 3, let phraseEnd = mode.phraseEnd(at: p), p + m.length > phraseEnd {
                    // The bound is looked up only for a phrase (most walks find none): one that
                    // crosses it is matched again within it.
                    m = q < phraseEnd
                        ? walk(p, length: 3, record: record, key: key, hash: h, after: q + nextLength, end: phraseEnd)
                        : Match(scalarOf: record, length: 3)
                }
                let before = o
                let (length, written) = write(m, at: p, end: end, to: o)
                o += written
                if mode.wrote(m, at: p, length: length, output: before, o, table: self) {
                    p += length
                    return
                }
                if length > 3 {
                    // Past a phrase: the next character is not known yet.
                    p += length
                    if p > safeEnd || o >= limit || mode.returns(at: p) { return }
                    let word = UnsafeRawPointer(p).loadUnaligned(as: UInt32.self)
                    if !Table.isThreeByte(word) { return }
                    scalar = Table.scalar3(word)
                    continue
                }
            }
            p = q
            if p > safeEnd || o >= limit || mode.returns(at: p) { return }
            if nextLength == 1 {
                // Copy the ASCII that follows as the general loop would, and go on if it ends
                // at a three-byte character.
                let n = asciiKeys.run(p, end, to: o, room: limit - o)
                p += n
                o += n
                if n > 0 { mode.wroteUnit(endingAt: p, output: o, safe: true) }
                if n == 0 || p > safeEnd || o >= limit || mode.returns(at: p) { return }
                let word = UnsafeRawPointer(p).loadUnaligned(as: UInt32.self)
                if !Table.isThreeByte(word) { return }
                scalar = Table.scalar3(word)
                continue
            }
            scalar = nextScalar
        }
    }
}
