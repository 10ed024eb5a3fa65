/// Every k-scalar substring (k-gram) of a reference, hashed into an open-addressing table, so
/// that each k-gram of a document finds its occurrences in the reference in constant time.
///
/// The occurrences of one k-gram sit together in one array, in text order, so a caller can ask
/// for all of them or for the r-th one. k-grams that occur more than `maximumOccurrences` times
/// (runs of one character, repeated boilerplate) are *frequent*: following every occurrence of
/// each would make repetitive texts quadratic, so `maximalMatches(of:in:maximumGap:)` anchors
/// them on a few chosen occurrences only.
struct SeedIndex {
    let length: Int
    let maximumOccurrences: Int
    private let keys: [UInt64]
    /// Per slot, where its k-gram's occurrences start in `positions`; -1 for an empty slot.
    private let firsts: [Int32]
    private let counts: [Int32]
    /// The starts of every k-gram, grouped by k-gram, ascending within a group.
    private let positions: [Int32]
    private let mask: Int

    /// The number of slots; slot numbers are below it.
    var slotCount: Int { keys.count }

    init(_ text: [UInt32], length: Int, maximumOccurrences: Int) {
        self.length = length
        self.maximumOccurrences = maximumOccurrences
        let gramCount = max(0, text.count - length + 1)
        var capacity = 16
        while capacity < gramCount * 2 { capacity <<= 1 }
        let mask = capacity - 1
        var keys = [UInt64](repeating: 0, count: capacity)
        var counts = [Int32](repeating: 0, count: capacity)
        var slots = [Int32](repeating: 0, count: gramCount)
        RollingHash.forEach(in: text, length: length) { position, hash in
            var slot = Int(truncatingIfNeeded: RollingHash.mix(hash)) & mask
            while counts[slot] > 0, keys[slot] != hash { slot = (slot + 1) & mask }
            keys[slot] = hash
            counts[slot] += 1
            slots[position] = Int32(slot)
        }
        // A counting sort of the positions by slot: each group ends up in text order.
        var firsts = [Int32](repeating: -1, count: capacity)
        var next = [Int32](repeating: 0, count: capacity)
        var total: Int32 = 0
        for slot in 0..<capacity where counts[slot] > 0 {
            firsts[slot] = total
            next[slot] = total
            total += counts[slot]
        }
        var positions = [Int32](repeating: 0, count: gramCount)
        for position in 0..<gramCount {
            let slot = Int(slots[position])
            positions[Int(next[slot])] = Int32(position)
            next[slot] += 1
        }
        self.keys = keys
        self.firsts = firsts
        self.counts = counts
        self.positions = positions
        self.mask = mask
    }

    /// The slot of the k-gram whose hash is `hash`, or nil if the reference has no such k-gram.
    /// Equal hashes are not proof of equal text: callers compare the scalars.
    func slot(of hash: UInt64) -> Int? {
        var slot = Int(truncatingIfNeeded: RollingHash.mix(hash)) & mask
        while counts[slot] > 0 {
            if keys[slot] == hash { return slot }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// How often the slot's k-gram occurs in the reference.
    func count(_ slot: Int) -> Int { Int(counts[slot]) }

    /// Whether the slot's k-gram occurs more than `maximumOccurrences` times.
    func isFrequent(_ slot: Int) -> Bool { counts[slot] > maximumOccurrences }

    /// The start of the `rank`-th occurrence (from 0, in text order) of the slot's k-gram.
    func occurrence(_ slot: Int, rank: Int) -> Int { Int(positions[Int(firsts[slot]) + rank]) }

    /// Calls `body` with each start of the slot's k-gram in the reference, in text order.
    func forEachOccurrence(_ slot: Int, _ body: (Int) -> Void) {
        let first = Int(firsts[slot])
        for index in first..<(first + Int(counts[slot])) { body(Int(positions[index])) }
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
