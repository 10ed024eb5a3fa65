/// A read-only view of one compiled table (see ``TableFormat``), over memory that outlives it.
///
/// - Complexity: a lookup costs one record read for the first scalar and, per further scalar
///   of a phrase, one filter word and (rarely more than) one cache line of hash slots; a
///   phrase's value costs one more read.
struct Table: @unchecked Sendable {
    /// The winning match at a position: `length` input bytes (0: none). Its output is
    /// `record`'s inline value when `slot` is negative, else the value that slot names.
    struct Match {
        var length: Int
        var rank: UInt8
        var record: UInt64
        var slot: Int

        /// The match of the scalar alone (`length` bytes) whose record is `record` (0: none):
        /// empty unless the scalar is itself a key.
        @inline(__always)
        init(scalarOf record: UInt64, length: Int) {
            let rank = TableFormat.rank(record)
            self.init(length: record != 0 && rank != TableFormat.noRank ? length : 0, rank: rank, record: record, slot: -1)
        }

        init(length: Int, rank: UInt8, record: UInt64, slot: Int) {
            self.length = length
            self.rank = rank
            self.record = record
            self.slot = slot
        }
    }

    let maxKeyLength: Int
    let pageIndex: UnsafePointer<UInt16>
    let pages: UnsafePointer<UInt64>
    let filter: UnsafePointer<UInt64>
    let slots: UnsafePointer<UInt64>
    let slotValues: UnsafePointer<UInt64>
    let values: UnsafePointer<UInt8>
    let filterShift: UInt64
    let hashShift: UInt64
    let slotMask: Int
    /// The ASCII bytes that start keys lie in `asciiKeyLowest...asciiKeyHighest` (none: 0x80 and
    /// 0x7F), so that runs of other ASCII are copied eight bytes at a time (``ASCIIKeys``).
    let asciiKeyLowest: UInt8
    let asciiKeyHighest: UInt8
    /// Which ASCII bytes start keys, and which of those are no key themselves (a record with no
    /// rank and no flags but ``TableFormat/hasChildren``, ``TableFormat/startsAltering`` and
    /// ``TableFormat/startsRankZero``):
    /// bit `b` of the first word for `b` below 64, else of the second (``ASCIIKeys``).
    let asciiKeyStarts: (UInt64, UInt64), asciiPrefixesOnly: (UInt64, UInt64)
    /// How many characters start a longer key (t2s: 210; s2t: 3,534).
    let phraseStarts: Int

    /// `base` must be 8-byte aligned and stay valid for the life of the process.
    init(base: UnsafeRawPointer) {
        let header = base.load(as: TableFormat.Header.self)
        let layout = TableFormat.Layout(header)
        maxKeyLength = Int(header.maxKeyLength)
        phraseStarts = Int(header.phraseStarts)
        pageIndex = (base + layout.pageIndex).assumingMemoryBound(to: UInt16.self)
        pages = (base + layout.pages).assumingMemoryBound(to: UInt64.self)
        filter = (base + layout.filter).assumingMemoryBound(to: UInt64.self)
        slots = (base + layout.slots).assumingMemoryBound(to: UInt64.self)
        slotValues = (base + layout.slotValues).assumingMemoryBound(to: UInt64.self)
        values = (base + layout.values).assumingMemoryBound(to: UInt8.self)
        filterShift = UInt64(70 - header.filterBits)
        hashShift = UInt64(64 - header.hashBits)
        slotMask = (1 << Int(header.hashBits)) - 1
        let asciiPage = pages + Int(pageIndex[0]) << 8
        let starts = (0..<128).filter { asciiPage[$0] != 0 }.map(UInt8.init)
        asciiKeyLowest = starts.min() ?? 0x80
        asciiKeyHighest = starts.max() ?? 0x7F
        func bits(_ bytes: [UInt8]) -> (UInt64, UInt64) {
            (bytes.filter { $0 < 64 }.reduce(0) { $0 | 1 << UInt64($1) },
             bytes.filter { $0 >= 64 }.reduce(0) { $0 | 1 << UInt64($1 - 64) })
        }
        asciiKeyStarts = bits(starts)
        let prefixOnly = TableFormat.present | TableFormat.hasChildren | UInt64(TableFormat.noRank) << 40
        let flagsAside = ~(TableFormat.startsAltering | TableFormat.startsRankZero)
        asciiPrefixesOnly = bits(starts.filter { asciiPage[Int($0)] & flagsAside == prefixOnly })
    }

    /// Whether the loop over `[start, end)` should test each character's record before looking
    /// at the next character: yes when few characters of the text start a phrase (t2s: 12% of
    /// Han characters in real text), so that the branch is well predicted and most characters
    /// skip the next one; no when many do (s2t: 71%; the Taiwan phrases of s2twp: 38%, in no
    /// predictable order), so that the filter is asked for every character without a branch.
    /// Decided on the first 128 non-ASCII characters (about 1% of a 64 KB piece's time).
    func prefersRecordFirst(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> Bool {
        if phraseStarts == 0 { return true }
        var p = start, sampled = 0, starting = 0
        while p < end && sampled < 128 {
            if p.pointee < 0x80 { p += 1; continue }
            let (scalar, length) = UTF8Scalars.decode(p)
            if p + length > end { break }
            sampled += 1
            if record(scalar) & TableFormat.hasChildren != 0 { starting += 1 }
            p += length
        }
        return starting * 5 < sampled
    }

    /// The record of the one-scalar prefix `scalar` (0: not in the table).
    @inline(__always)
    func record(_ scalar: UInt32) -> UInt64 {
        pages[Int(pageIndex[Int(scalar >> 8)]) << 8 | Int(scalar & 0xFF)]
    }

    /// The winning match at `p`, whose first scalar has `record`, given the transition to the
    /// next scalar (`key`, hashed to `hash`, ending at `q`) that the filter let through; not
    /// reaching past `end`. Kept out of line: most characters never get here.
    @inline(never)
    func walk(_ p: UnsafePointer<UInt8>, length: Int, record: UInt64, key firstKey: UInt64,
              hash firstHash: UInt64, after q0: UnsafePointer<UInt8>, end: UnsafePointer<UInt8>) -> Match {
        let rank = TableFormat.rank(record)
        var best = Match(length: rank == TableFormat.noRank ? 0 : length, rank: rank, record: record, slot: -1)
        var key = firstKey, h = firstHash, q = q0
        while true {
            let slot = self.slot(of: key, hash: h)
            if slot < 0 { return best }
            let entry = slots[slot]
            let rank = UInt8(truncatingIfNeeded: (entry >> TableFormat.slotRankShift) & 7)
            // A lower rank is an earlier child of a short_circuit group: it beats any longer
            // match of a later child; within one rank the longer match wins.
            if rank != UInt8(TableFormat.slotNoRank) && (best.length == 0 || rank <= best.rank) {
                best = Match(length: q - p, rank: rank, record: 0, slot: slot)
            }
            if entry & TableFormat.slotMoreBit == 0 || q >= end { return best }
            let (next, nextLength) = UTF8Scalars.decode(q)
            key = TableFormat.transitionKey(parent: TableFormat.firstSlotID &+ UInt32(truncatingIfNeeded: slot), scalar: next)
            h = TableFormat.mix(key)
            if !mayExist(h) { return best }
            q += nextLength
        }
    }

    /// The slot of the transition `key`, hashed to `h`; -1 when it does not exist.
    @inline(__always)
    func slot(of key: UInt64, hash h: UInt64) -> Int {
        var slot = Int(truncatingIfNeeded: h &>> hashShift)
        var entry = slots[slot]
        while entry & TableFormat.keyMask != key {
            if entry == 0 { return -1 }
            slot = (slot &+ 1) & slotMask
            entry = slots[slot]
        }
        return slot
    }

    /// Writes the output of `m` at `o` (which has slack) and returns its length.
    @inline(__always)
    func emit(_ m: Match, to o: UnsafeMutablePointer<UInt8>) -> Int {
        if m.slot < 0 { return emit(record: m.record, to: o) }
        let value = slotValue(slots[m.slot])
        return copyValue(offset: Int(truncatingIfNeeded: value & 0xFFFF_FFFF), count: TableFormat.valueLength(value), to: o)
    }

    /// The `slotValues` word of a key's slot `entry`: offset(32) | length(8) << 32, and a
    /// staged table's marks above (``TableFormat/slotValueCrossable`` and the two after it).
    @inline(__always)
    func slotValue(_ entry: UInt64) -> UInt64 {
        slotValues[Int(truncatingIfNeeded: entry &>> TableFormat.slotValueShift)]
    }

    /// The value bytes of a key's slot `entry` (its marks left out).
    ///
    /// ```swift
    /// let bytes = table.valueBytes(slot: entry)   // e.g. the UTF-8 of 軟體
    /// ```
    func valueBytes(slot entry: UInt64) -> UnsafeBufferPointer<UInt8> {
        let value = slotValue(entry)
        return UnsafeBufferPointer(start: values + Int(truncatingIfNeeded: value & 0xFFFF_FFFF),
                                   count: TableFormat.valueLength(value))
    }

    @inline(__always)
    func emit(record: UInt64, to o: UnsafeMutablePointer<UInt8>) -> Int {
        let count = TableFormat.valueLength(record)
        if record & TableFormat.inlineValue != 0 {
            UnsafeMutableRawPointer(o).storeBytes(of: UInt32(truncatingIfNeeded: record), as: UInt32.self)
            return count
        }
        return copyValue(offset: Int(truncatingIfNeeded: record & 0xFFFF_FFFF), count: count, to: o)
    }

    @inline(__always)
    private func copyValue(offset: Int, count: Int, to o: UnsafeMutablePointer<UInt8>) -> Int {
        if count <= 8 {
            // Values are padded by 8 bytes and the output has slack: one word store.
            UnsafeMutableRawPointer(o).storeBytes(
                of: UnsafeRawPointer(values + offset).loadUnaligned(as: UInt64.self), as: UInt64.self)
        } else {
            o.update(from: values + offset, count: count)
        }
        return count
    }
}
