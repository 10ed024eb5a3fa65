/// Finds runs of ASCII bytes that start no key of a table, eight bytes at a time: a byte `x`
/// below 0x80 is in `lowest...highest` exactly when `x + (0x80 - lowest)` has its high bit set
/// and `x + (0x7F - highest)` has not (no carry leaves a byte below 0x80). A byte in the range
/// that starts no key (s2twp's keys start with `B`, `P`, `S` and `U`: `C` is one) is looked up
/// in a bitmap and copied without leaving the run; so is one that starts keys but is no key
/// itself when the filter says that the ASCII byte after it continues none (`S` before `t`,
/// where the key is `SQL注入`).
struct ASCIIKeys {
    let lowest: UInt8, highest: UInt8
    let addLowest: UInt64, addHighest: UInt64
    /// Bit `b` (of the first word below 64, else of the second) of `starts`: ASCII byte `b`
    /// starts a key; of `prefixesOnly`: it starts keys but is no key itself.
    let starts: (UInt64, UInt64), prefixesOnly: (UInt64, UInt64)
    let filter: UnsafePointer<UInt64>, filterShift: UInt64
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highBits: UInt64 = 0x8080_8080_8080_8080

    init(_ table: Table) {
        lowest = table.asciiKeyLowest
        highest = table.asciiKeyHighest
        addLowest = UInt64(0x80 - Int(lowest)) &* ASCIIKeys.ones
        addHighest = UInt64(0x7F - Int(min(highest, 0x7F))) &* ASCIIKeys.ones
        (starts, prefixesOnly) = (table.asciiKeyStarts, table.asciiPrefixesOnly)
        (filter, filterShift) = (table.filter, table.filterShift)
    }

    @inline(__always)
    static func bit(_ set: (UInt64, UInt64), _ b: UInt8) -> Bool {
        ((b < 64 ? set.0 : set.1) &>> UInt64(b & 63)) & 1 != 0
    }

    /// Whether the run must stop at ASCII byte `p[at]` (in the key range), `p[at + 1]` being
    /// readable when `at + 1 < available`: it starts a key that may match here.
    @inline(__always)
    func stops(_ p: UnsafePointer<UInt8>, at: Int, available: Int) -> Bool {
        let b = p[at]
        guard ASCIIKeys.bit(starts, b) else { return false }
        guard ASCIIKeys.bit(prefixesOnly, b), at + 1 < available, p[at + 1] < 0x80 else { return true }
        let h = TableFormat.mix(TableFormat.transitionKey(parent: UInt32(b) &+ 1, scalar: UInt32(p[at + 1])))
        let mask = TableFormat.filterMask(h)
        return filter[Int(truncatingIfNeeded: h &>> filterShift)] & mask == mask
    }

    /// How many bytes at `p` (at most `room`, stopping before `end`) are ASCII outside the key
    /// range, copied to `o`, which has slack.
    @inline(__always)
    func run(_ p: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>, to o: UnsafeMutablePointer<UInt8>, room: Int) -> Int {
        let available = min(end - p, room)
        var n = 0
        while n + 8 <= available {
            let word = UnsafeRawPointer(p + n).loadUnaligned(as: UInt64.self)
            UnsafeMutableRawPointer(o + n).storeBytes(of: word, as: UInt64.self)
            let inRange = (word &+ addLowest) & ~(word &+ addHighest)
            let stop = (word | inRange) & ASCIIKeys.highBits
            if stop != 0 {
                let at = n + stop.trailingZeroBitCount >> 3
                if p[at] >= 0x80 || stops(p, at: at, available: available) { return at }
                n = at + 1   // copied by the word store above
                continue
            }
            n += 8
        }
        while n < available {
            let b = p[n]
            if b >= 0x80 || (b >= lowest && b <= highest && stops(p, at: n, available: available)) { break }
            o[n] = b
            n += 1
        }
        return n
    }
}
