import Testing
@testable import Jianfan

/// The table compiler's fast helpers against the plain ways they replace, on random keys that
/// share long prefixes, repeat, and hold scalars from 0 to U+10FFFF: sorting by packed
/// prefix (``KeyOrder``), pairs counted by radix sort (``KeyPairs``), a dictionary's entries
/// made in key order (``DictionaryText``), and phrase look-up by binary search
/// (``FusedTable/Reference``).
@Suite("Table compiler: fast sorting, pairs and look-ups match the plain ones")
struct KeyOrderTests {
    /// Keys of 1…6 scalars from a small alphabet (so that many share prefixes and repeat),
    /// with the smallest and largest scalars in it.
    static func keys(_ count: Int, seed: UInt64) -> [[UInt32]] {
        var random = SplitMix64(seed: seed)
        let alphabet: [UInt32] = [0, 1, 0x41, 0x4E00, 0x4E01, 0x9FFF, 0x20000, 0x10FFFF]
        return (0..<count).map { _ in
            (0..<Int.random(in: 1...6, using: &random)).map { _ in alphabet.randomElement(using: &random)! }
        }
    }

    static func entries(_ keys: [[UInt32]]) -> [TableBuilder.FlatEntry] {
        keys.enumerated().map { TableBuilder.FlatEntry(key: $1, rank: 0, value: Array("\($0)".utf8)) }
    }

    @Test("the order is the stable sort by key", arguments: [1, 2, 3] as [UInt64])
    func order(seed: UInt64) {
        let keys = Self.keys(3000, seed: seed)
        let expected = keys.indices.sorted { a, b in
            keys[a] == keys[b] ? a < b : keys[a].lexicographicallyPrecedes(keys[b])
        }
        #expect(KeyOrder.order(Self.entries(keys), key: \.key) == expected)
        let flat = keys.flatMap { $0 }
        var ends: [Int] = []
        for key in keys { ends.append((ends.last ?? 0) + key.count) }
        let fromMemory = flat.withUnsafeBufferPointer { flat in
            KeyOrder.order(count: keys.count) { i in UnsafeBufferPointer(rebasing: flat[(i == 0 ? 0 : ends[i - 1])..<ends[i]]) }
        }
        #expect(fromMemory == expected)
        #expect(KeyOrder.sorted(Self.entries(keys)).map(\.key) == expected.map { keys[$0] })
    }

    @Test("a parsed dictionary's order is its keys' stable order, its entries in file order")
    func dictionaryOrder() throws {
        let keys = Self.keys(2000, seed: 4).map { $0.map { $0 < 0x20 ? $0 + 0x4E02 : $0 } }   // no tab, no line end
        let text = keys.enumerated().map { i, key in
            String(String.UnicodeScalarView(key.compactMap(Unicode.Scalar.init))) + "\tv\(i) w\n"
        }.joined()
        let dictionary = try DictionaryText(parsing: text, name: "random")
        #expect(dictionary.entries.map(\.key) == keys)
        #expect(dictionary.entries.enumerated().allSatisfy { $1.value == Array("v\($0)".utf8) })
        #expect(dictionary.order == keys.indices.sorted { a, b in
            keys[a] == keys[b] ? a < b : keys[a].lexicographicallyPrecedes(keys[b])
        })
        // The first entry of each key, in key order.
        let flat = TableBuilder.firstOfEachKey(dictionary)
        var seen = Set<[UInt32]>()
        let firsts = keys.indices.filter { seen.insert(keys[$0]).inserted }
        #expect(flat.map(\.key) == firsts.map { keys[$0] }.sorted { $0.lexicographicallyPrecedes($1) })
        #expect(flat.allSatisfy { e in e.value == Array("v\(keys.firstIndex(of: e.key)!)".utf8) })
    }

    @Test("key pairs: each distinct pair once, in order", arguments: [5, 6] as [UInt64])
    func pairs(seed: UInt64) {
        var pairs = KeyPairs(capacity: 10)
        var expected = Set<[UInt32]>()
        for key in Self.keys(5000, seed: seed) where key.count > 1 {
            for i in 1..<key.count {
                pairs.append(key[i - 1], key[i])
                expected.insert([key[i - 1], key[i]])
            }
        }
        let distinct = pairs.distinct().map { [KeyPairs.first($0), KeyPairs.second($0)] }
        #expect(distinct == expected.sorted { $0.lexicographicallyPrecedes($1) })
    }

    @Test("a stage's greedy conversion finds the longest key of the lowest rank, as a scan does")
    func reference() {
        var random = SplitMix64(seed: 7)
        var seen = Set<[UInt32]>()
        let entries = Self.keys(1500, seed: 8).filter { seen.insert($0).inserted }.map { key in
            TableBuilder.FlatEntry(key: key, rank: UInt8.random(in: 0...2, using: &random), value: Array("<\(key.count)>".utf8))
        }
        let stage = FusedTable.Reference(entries)
        for text in Self.keys(300, seed: 9).map({ $0 + $0 + $0 }) {
            var expected: [UInt8] = [], i = 0
            while i < text.count {
                // The plain way: every key that starts here; the lowest rank, then the longest.
                let best = entries.filter { $0.key.count <= text.count - i && Array(text[i..<i + $0.key.count]) == $0.key }
                    .min { ($0.rank, -$0.key.count) < ($1.rank, -$1.key.count) }
                if let best {
                    expected += best.value
                    i += best.key.count
                } else {
                    UTF8.encode(Unicode.Scalar(text[i])!) { expected.append($0) }
                    i += 1
                }
            }
            #expect(stage.convert(text) == expected, "\(text)")
        }
    }
}
