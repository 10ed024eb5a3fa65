/// The pairs of adjacent scalars in a table's keys, distinct (what the table's filter answers
/// for the optimistic loop, and how many there are sizes it). Collected as they come and then
/// sorted by radix, where a hashed set took a cache miss for each of about 150,000 pairs (s2twp)
/// at run time. Only which pairs there are matters, not their order.
struct KeyPairs {
    /// Each pair as `a << 21 | b` (scalars have 21 bits).
    private var words: [UInt64] = []

    init(capacity: Int) { words.reserveCapacity(capacity) }

    @inline(__always)
    mutating func append(_ a: UInt32, _ b: UInt32) { words.append(UInt64(a) << 21 | UInt64(b)) }

    /// The distinct pairs, in increasing order of `a`, then `b`.
    func distinct() -> [(UInt32, UInt32)] {
        var sorted = words, spare = [UInt64](repeating: 0, count: words.count)
        // Four passes of 11 bits cover the 42 bits, least significant first (each stable).
        var counts = [Int](repeating: 0, count: 1 << 11)
        for pass in 0..<4 {
            let shift = UInt64(pass * 11)
            for i in counts.indices { counts[i] = 0 }
            for word in sorted { counts[Int(word >> shift & 0x7FF)] += 1 }
            var total = 0
            for i in counts.indices { (counts[i], total) = (total, total + counts[i]) }
            for word in sorted {
                let digit = Int(word >> shift & 0x7FF)
                spare[counts[digit]] = word
                counts[digit] += 1
            }
            swap(&sorted, &spare)
        }
        var out: [(UInt32, UInt32)] = []
        out.reserveCapacity(sorted.count)
        var previous = UInt64.max
        for word in sorted where word != previous {
            out.append((UInt32(truncatingIfNeeded: word >> 21), UInt32(truncatingIfNeeded: word & 0x1F_FFFF)))
            previous = word
        }
        return out
    }
}
