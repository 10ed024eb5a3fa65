/// Sorting entries by key without comparing arrays in most steps: each key's first three
/// scalars are packed into one 64-bit word that sorts as they do (by radix), and only keys that
/// agree in all three are compared further. OpenCC's dictionary files are not in scalar order (STPhrases,
/// 49,000 lines, is in another collation), so every file is sorted when a table is compiled.
enum KeyOrder {
    /// The first three scalars of `key`, each plus one in 21 bits (a missing one is 0), from the
    /// top: a shorter key sorts before a longer one it begins, as in ``TableBuilder/compare(_:_:)``.
    @inline(__always)
    static func prefix(_ key: [UInt32]) -> UInt64 {
        key.withUnsafeBufferPointer { prefix($0) }
    }

    /// ``prefix(_:)`` of a key in memory.
    @inline(__always)
    static func prefix(_ key: UnsafeBufferPointer<UInt32>) -> UInt64 {
        var word: UInt64 = 0
        for i in 0..<3 { word = word << 21 | (i < key.count ? UInt64(key[i]) + 1 : 0) }
        return word
    }

    /// The positions of `items` in the order of their keys; of items with the same key, in their
    /// order in `items` (a stable sort).
    static func order<T>(_ items: [T], key: (T) -> [UInt32]) -> [Int] {
        items.withUnsafeBufferPointer { items in
            sortedPositions(items.indices.map { Item(prefix: prefix(key(items[$0])), index: Int32($0)) }) { a, b in
                TableBuilder.compare(key(items[a]), key(items[b]))
            }
        }
    }

    /// The positions of `count` keys in key order (stably), each key given as scalars in memory.
    static func order(count: Int, key: (Int) -> UnsafeBufferPointer<UInt32>) -> [Int] {
        sortedPositions((0..<count).map { Item(prefix: prefix(key($0)), index: Int32($0)) }) { a, b in
            TableBuilder.compare(key(a), key(b))
        }
    }

    /// The items' positions sorted by prefix, then by `compare` where two prefixes are equal and
    /// a key is longer than three scalars, then by position. The prefixes are sorted by radix
    /// (six stable passes of 11 bits: a comparison sort with a closure took three times as
    /// long on STPhrases); only a run of equal prefixes of three scalars is sorted by `compare`.
    private static func sortedPositions(_ items: consuming [Item], compare: (Int, Int) -> Int) -> [Int] {
        var sorted = radixSorted(items, passes: 6) { $0.prefix }
        // Equal prefixes: the keys agree up to their third scalar (or are equal and shorter).
        var start = 0
        while start < sorted.count {
            var end = start + 1
            while end < sorted.count && sorted[end].prefix == sorted[start].prefix { end += 1 }
            if end - start > 1 && sorted[start].prefix & 0x1F_FFFF != 0 {
                sorted[start..<end].sort { a, b in
                    let c = compare(Int(a.index), Int(b.index))
                    return c != 0 ? c < 0 : a.index < b.index
                }
            }
            start = end
        }
        return sorted.map { Int($0.index) }
    }

    /// `items` sorted stably by `key`, 11 bits a pass, least significant first (`passes` of
    /// them cover `11 × passes` bits).
    static func radixSorted<T>(_ items: consuming [T], passes: Int, key: (T) -> UInt64) -> [T] {
        var sorted = items
        guard let first = sorted.first else { return sorted }
        var spare = [T](repeating: first, count: sorted.count)
        var counts = [Int](repeating: 0, count: 1 << 11)
        for pass in 0..<passes {
            let shift = UInt64(pass * 11)
            sorted.withUnsafeBufferPointer { from in
                spare.withUnsafeMutableBufferPointer { to in
                    counts.withUnsafeMutableBufferPointer { counts in
                        counts.update(repeating: 0)
                        for item in from { counts[Int(key(item) >> shift & 0x7FF)] += 1 }
                        var total = 0
                        for i in counts.indices { (counts[i], total) = (total, total + counts[i]) }
                        for item in from {
                            let digit = Int(key(item) >> shift & 0x7FF)
                            to[counts[digit]] = item
                            counts[digit] += 1
                        }
                    }
                }
            }
            swap(&sorted, &spare)
        }
        return sorted
    }

    /// `entries` in key order (their keys unique, or the first of a key given first).
    static func sorted(_ entries: [TableBuilder.FlatEntry]) -> [TableBuilder.FlatEntry] {
        if isStrictlyIncreasing(entries, key: \.key) { return entries }
        return order(entries, key: \.key).map { entries[$0] }
    }

    /// Whether each key sorts after the one before it (sorted and unique).
    static func isStrictlyIncreasing<T>(_ items: [T], key: (T) -> [UInt32]) -> Bool {
        items.withUnsafeBufferPointer { items in
            guard items.count > 1 else { return true }
            for i in 1..<items.count where TableBuilder.compare(key(items[i - 1]), key(items[i])) >= 0 { return false }
            return true
        }
    }

    private struct Item {
        var prefix: UInt64
        var index: Int32
    }
}
