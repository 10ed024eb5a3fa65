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
    /// What a run bounds or records besides converting, as the general loop of the stage would.
    enum RunMode {
        /// A stage without segmentation.
        case plain
        /// The last stage of a segmented conversion: no phrase crosses a segment end.
        case segmented
        /// A segmenting stage: records the output offset of every segment end.
        case segmenting
        /// A fused table (`FusedRun.swift`): a plain stage whose run phrases stay within their run.
        case fused
        /// A staged table (`StagedRun.swift`): segmenting, and the last stage's output written.
        case staged
    }

    /// The segment bookkeeping a run shares with its loop; only its mode's part is used.
    struct RunState {
        /// `.segmented`: the segment ends (offsets from `origin`), of which `segment` is the
        /// first not behind the run.
        var origin: UnsafePointer<UInt8>
        var segmentEnds = UnsafeBufferPointer<Int>(start: nil, count: 0)
        var segment = 0
        /// `.segmenting`: where the output offsets of segment ends count from, and whether
        /// output since the last segment end belongs to a segment still open.
        var outBase: UnsafeMutablePointer<UInt8>
        var runOpen = false
        /// `.staged`: the last unit end no later-stage phrase crosses (input offset from `origin`,
        /// output offset from `outBase`), and whether a crossable unit (``TableFormat/crossable``)
        /// came after it; the run returns right after such a unit.
        var safeIn = 0
        var safeOut = 0
        var crossed = false

        /// The end of the segment holding `p` (`.segmented`).
        @inline(__always)
        mutating func segmentEnd(at p: UnsafePointer<UInt8>) -> UnsafePointer<UInt8> {
            while origin + segmentEnds[segment] <= p && segment + 1 < segmentEnds.count { segment += 1 }
            return origin + segmentEnds[segment]
        }
    }

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

    /// Converts from `p` (a three-byte character no later than `end - 8`) for as long as the
    /// run allows, writing at `o`, which must be below `limit`. Returns with `p` at the first
    /// character it did not convert: an ASCII byte that starts a key, a character of another
    /// length, one whose record is ``TableFormat/single``, or (segmenting)
    /// a key of rank 0, which is a segment of its own.
    ///
    /// `ends` receives the output offsets of segment ends (`.segmenting` only).
    ///
    /// Each mode and way of testing for phrases (see ``prefersRecordFirst(_:_:)``) has its own
    /// copy of the loop, out of line, so that each keeps its values in registers.
    @inline(__always)
    func convertThreeByteRun(_ p: inout UnsafePointer<UInt8>, _ o: inout UnsafeMutablePointer<UInt8>,
                             end: UnsafePointer<UInt8>, limit: UnsafeMutablePointer<UInt8>,
                             state: inout RunState, ends: inout [Int], mode: RunMode, recordFirst: Bool) {
        switch (mode, recordFirst) {
        case (.plain, false): runPlain(&p, &o, end, limit, &state, &ends)
        case (.plain, true): runPlainRecordFirst(&p, &o, end, limit, &state, &ends)
        case (.segmented, false): runSegmented(&p, &o, end, limit, &state, &ends)
        case (.segmented, true): runSegmentedRecordFirst(&p, &o, end, limit, &state, &ends)
        case (.segmenting, false): runSegmenting(&p, &o, end, limit, &state, &ends)
        case (.segmenting, true): runSegmentingRecordFirst(&p, &o, end, limit, &state, &ends)
        case (.fused, _): runFused(&p, &o, end, limit, &state, &ends, stop: end)
        case (.staged, false): runStaged(&p, &o, end, limit, &state, &ends)
        case (.staged, true): runStagedRecordFirst(&p, &o, end, limit, &state, &ends)
        }
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

    @inline(__always)
    /// The loop of every mode (its copies are in `ThreeByteRunModes.swift`).
    func run(_ pIn: inout UnsafePointer<UInt8>, _ oIn: inout UnsafeMutablePointer<UInt8>,
             _ end: UnsafePointer<UInt8>, _ limit: UnsafeMutablePointer<UInt8>,
             _ state: inout RunState, _ ends: inout [Int], _ mode: RunMode, recordFirst: Bool,
             stop: UnsafePointer<UInt8>) {
        var p = pIn, o = oIn
        // `.staged`: the last safe unit end (``RunState/safeIn``), kept in registers.
        var safeP = state.origin + state.safeIn, safeO = state.outBase + state.safeOut
        defer {
            (pIn, oIn) = (p, o)
            if mode == .staged { (state.safeIn, state.safeOut) = (safeP - state.origin, safeO - state.outBase) }
        }
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
            if !recordFirst || record & TableFormat.hasChildren != 0 {
                key = TableFormat.transitionKey(parent: scalar &+ 1, scalar: nextScalar)
                h = TableFormat.mix(key)
                let mask = TableFormat.filterMask(h)
                let passes = filter[Int(truncatingIfNeeded: h &>> filterShift)] & mask == mask
                continues = (record &>> TableFormat.hasChildrenBit) & (passes ? 1 : 0) != 0   // hasChildren, and the filter agrees
            }
            let special = record & TableFormat.single != 0
                || ((mode == .segmenting || mode == .staged) && (record &>> 40) & 0xFF == 0 && record != 0)
            if !continues && !special {
                if record & TableFormat.inlineValue != 0 {
                    // A key's value, or the character itself (see ``TableBuilder``).
                    UnsafeMutableRawPointer(o).storeBytes(of: UInt32(truncatingIfNeeded: record), as: UInt32.self)
                    o += Int(truncatingIfNeeded: (record &>> 32) & 0xFF)
                } else {
                    // A page without keys.
                    UnsafeMutableRawPointer(o).storeBytes(of: UnsafeRawPointer(p).loadUnaligned(as: UInt32.self), as: UInt32.self)
                    o += 3
                }
                if mode == .segmenting { state.runOpen = true }
                if mode == .staged && record & TableFormat.openEnd == 0 { (safeP, safeO) = (q, o) }
            } else {
                if special { return }
                var m = walk(p, length: 3, record: record, key: key, hash: h, after: q + nextLength, end: end,
                             fused: mode == .fused || mode == .segmenting || mode == .staged)
                if mode == .segmented && m.length > 3 {
                    // The segment is looked up only for a phrase (most walks find none): one that
                    // crosses the segment's end is matched again within the segment.
                    let segmentEnd = state.segmentEnd(at: p)
                    if p + m.length > segmentEnd {
                        m = q < segmentEnd
                            ? walk(p, length: 3, record: record, key: key, hash: h, after: q + nextLength, end: segmentEnd)
                            : Match(scalarOf: record, length: 3)
                    }
                }
                if mode == .segmenting && m.length > 0 && m.rank == 0 && state.runOpen { ends.append(o - state.outBase) }
                let before = o
                let (length, written) = write(m, at: p, end: end, to: o)
                o += written
                if mode == .staged {
                    if m.length > 0 && m.rank != 0 && isCrossable(m) {
                        // Nothing crosses its start: a safe end.
                        if !isOpenStart(m) { (safeP, safeO) = (p, before) }
                        if p != safeP || isOpenEnd(m) {
                            // A window of more than this unit: the general loop goes on to the
                            // next safe end and converts again.
                            state.crossed = true
                            p += length
                            return
                        }
                    }
                    if m.length == 0 || m.rank == 0 || !isOpenEnd(m) { (safeP, safeO) = (p + length, o) }
                }
                if mode == .segmenting {
                    state.runOpen = m.length == 0 || m.rank != 0
                    if !state.runOpen { ends.append(o - state.outBase) }
                }
                if length > 3 {
                    // Past a phrase: the next character is not known yet.
                    p += length
                    if p > safeEnd || o >= limit || p > stop { return }
                    let word = UnsafeRawPointer(p).loadUnaligned(as: UInt32.self)
                    if !Table.isThreeByte(word) { return }
                    scalar = Table.scalar3(word)
                    continue
                }
            }
            p = q
            if p > safeEnd || o >= limit || p > stop { return }
            if nextLength == 1 {
                // Copy the ASCII that follows as the general loop would, and go on if it ends
                // at a three-byte character.
                let n = asciiKeys.run(p, end, to: o, room: limit - o)
                p += n
                o += n
                if mode == .segmenting && n > 0 { state.runOpen = true }
                if mode == .staged && n > 0 { (safeP, safeO) = (p, o) }
                if n == 0 || p > safeEnd || o >= limit || p > stop { return }
                let word = UnsafeRawPointer(p).loadUnaligned(as: UInt32.self)
                if !Table.isThreeByte(word) { return }
                scalar = Table.scalar3(word)
                continue
            }
            scalar = nextScalar
        }
    }
}
