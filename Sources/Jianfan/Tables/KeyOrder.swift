/// Sorting entries by key without comparing arrays in most steps: each key's first three
/// scalars are packed into one 64-bit word that sorts as they do, and only keys that agree in
/// all three are compared further. OpenCC's dictionary files are not in scalar order (STPhrases,
/// 49,000 lines, is in another collation), so every file is sorted when a table is compiled.
enum KeyOrder {
    /// The first three scalars of `key`, each plus one in 21 bits (a missing one is 0), from the
    /// top: a shorter key sorts before a longer one it begins, as in ``TableBuilder/compare(_:_:)``.
    @inline(__always)
    static func prefix(_ key: [UInt32]) -> UInt64 {
        var word: UInt64 = 0
        for i in 0..<3 { word = word << 21 | (i < key.count ? UInt64(key[i]) + 1 : 0) }
        return word
    }

    /// The positions of `items` in the order of their keys; of items with the same key, in their
    /// order in `items` (a stable sort).
    static func order<T>(_ items: [T], key: (T) -> [UInt32]) -> [Int] {
        var order = items.indices.map { Item(prefix: prefix(key(items[$0])), index: Int32($0)) }
        items.withUnsafeBufferPointer { items in
            order.sort { a, b in
                if a.prefix != b.prefix { return a.prefix < b.prefix }
                // Equal prefixes: the keys agree up to their third scalar (or are equal and shorter).
                let ka = key(items[Int(a.index)]), kb = key(items[Int(b.index)])
                if ka.count > 3 || kb.count > 3, case let c = TableBuilder.compare(ka, kb), c != 0 { return c < 0 }
                return a.index < b.index
            }
        }
        return order.map { Int($0.index) }
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
