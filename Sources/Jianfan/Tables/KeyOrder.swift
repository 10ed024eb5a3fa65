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

    /// The positions of `entries` in key order; of entries with the same key, in their order in
    /// `entries` (a stable sort).
    static func order(_ entries: [TableBuilder.FlatEntry]) -> [Int] {
        var items = entries.indices.map { Item(prefix: prefix(entries[$0].key), index: Int32($0)) }
        items.withUnsafeMutableBufferPointer { items in
            entries.withUnsafeBufferPointer { entries in
                items.sort { a, b in
                    if a.prefix != b.prefix { return a.prefix < b.prefix }
                    // Equal prefixes: the keys agree up to their third scalar (or are equal and shorter).
                    let ka = entries[Int(a.index)].key, kb = entries[Int(b.index)].key
                    if ka.count > 3 || kb.count > 3, case let c = TableBuilder.compare(ka, kb), c != 0 { return c < 0 }
                    return a.index < b.index
                }
            }
        }
        return items.map { Int($0.index) }
    }

    /// `entries` in key order (their keys unique, or the first of a key given first).
    static func sorted(_ entries: [TableBuilder.FlatEntry]) -> [TableBuilder.FlatEntry] {
        if isStrictlyIncreasing(entries) { return entries }
        return order(entries).map { entries[$0] }
    }

    /// Whether each key sorts after the one before it (sorted and unique).
    static func isStrictlyIncreasing(_ entries: [TableBuilder.FlatEntry]) -> Bool {
        entries.withUnsafeBufferPointer { entries in
            guard entries.count > 1 else { return true }
            for i in 1..<entries.count where TableBuilder.compare(entries[i - 1].key, entries[i].key) >= 0 { return false }
            return true
        }
    }

    private struct Item {
        var prefix: UInt64
        var index: Int32
    }
}
