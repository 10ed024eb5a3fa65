/// Every k-scalar substring (k-gram) of a reference, hashed into an open-addressing table, so
/// that each k-gram of a document finds its occurrences in the reference in constant time.
///
/// k-grams that occur more than `maximumOccurrences` times (runs of one character, repeated
/// boilerplate) are not reported: they cannot tell where a passage comes from, and following all
/// of them would make repetitive texts quadratic.
struct SeedIndex {
    let length: Int
    let maximumOccurrences: Int
    private let keys: [UInt64]
    /// The last occurrence of each slot's k-gram; earlier ones follow through `previous`.
    private let heads: [Int32]
    private let counts: [Int32]
    private let previous: [Int32]
    private let mask: Int

    init(_ text: [UInt32], length: Int, maximumOccurrences: Int) {
        self.length = length
        self.maximumOccurrences = maximumOccurrences
        let gramCount = max(0, text.count - length + 1)
        var capacity = 16
        while capacity < gramCount * 2 { capacity <<= 1 }
        mask = capacity - 1
        var keys = [UInt64](repeating: 0, count: capacity)
        var heads = [Int32](repeating: -1, count: capacity)
        var counts = [Int32](repeating: 0, count: capacity)
        var previous = [Int32](repeating: -1, count: gramCount)
        RollingHash.forEach(in: text, length: length) { position, hash in
            var slot = Int(truncatingIfNeeded: RollingHash.mix(hash)) & (capacity - 1)
            while heads[slot] >= 0, keys[slot] != hash { slot = (slot + 1) & (capacity - 1) }
            keys[slot] = hash
            previous[position] = heads[slot]
            heads[slot] = Int32(position)
            counts[slot] += 1
        }
        self.keys = keys
        self.heads = heads
        self.counts = counts
        self.previous = previous
    }

    /// Calls `body` with each start of a k-gram of the reference whose hash is `hash`, latest
    /// first; nothing if there are more than `maximumOccurrences`. Equal hashes are not proof
    /// of equal text: callers compare the scalars.
    func forEachOccurrence(of hash: UInt64, _ body: (Int) -> Void) {
        var slot = Int(truncatingIfNeeded: RollingHash.mix(hash)) & mask
        while heads[slot] >= 0 {
            if keys[slot] == hash {
                guard counts[slot] <= maximumOccurrences else { return }
                var position = heads[slot]
                while position >= 0 {
                    body(Int(position))
                    position = previous[Int(position)]
                }
                return
            }
            slot = (slot + 1) & mask
        }
    }
}

/// A polynomial hash of every k-gram, updated in O(1) per position (wrapping 64-bit arithmetic).
enum RollingHash {
    private static let base: UInt64 = 0x100_0000_01B3 // odd, so powers never vanish mod 2^64

    /// Calls `body(start, hash)` for each k-gram of `text`, in order.
    static func forEach(in text: [UInt32], length k: Int, _ body: (Int, UInt64) -> Void) {
        guard k > 0, text.count >= k else { return }
        var power: UInt64 = 1 // base^(k-1)
        for _ in 1..<k { power &*= base }
        var hash: UInt64 = 0
        for i in 0..<k { hash = hash &* base &+ UInt64(text[i]) &+ 1 }
        body(0, hash)
        var start = 1
        while start + k <= text.count {
            hash = (hash &- (UInt64(text[start - 1]) &+ 1) &* power) &* base &+ UInt64(text[start + k - 1]) &+ 1
            body(start, hash)
            start += 1
        }
    }

    /// Spreads a polynomial hash over the table's low bits (the splitmix64 finalizer).
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
