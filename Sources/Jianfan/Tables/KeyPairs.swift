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

    /// The distinct pairs, in increasing order of `a`, then `b`, each as `a << 21 | b`
    /// (``first(_:)``, ``second(_:)``). Sorted in place, with one spare array.
    consuming func distinct() -> [UInt64] {
        let all = words
        words = []
        // Four passes of 11 bits cover the 42 bits.
        var sorted = KeyOrder.radixSorted(all, passes: 4) { $0 }
        var kept = 0
        for i in sorted.indices where kept == 0 || sorted[i] != sorted[kept - 1] {
            sorted[kept] = sorted[i]
            kept += 1
        }
        sorted.removeLast(sorted.count - kept)
        return sorted
    }

    @inline(__always) static func first(_ pair: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: pair >> 21) }
    @inline(__always) static func second(_ pair: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: pair & 0x1F_FFFF) }
}
