/// Compiles a ``DictionarySpec`` (a dictionary or a group of them) into one ``TableFormat`` table.
///
/// Groups are flattened ahead of time: `union` children merge with the earlier child winning a
/// duplicate key, and each child of a `short_circuit` group keeps its index as the entries' rank.
/// The result matches exactly what OpenCC's group lookup does at run time.
package struct TableBuilder {
    package struct FlatEntry: Equatable, Sendable {
        package var key: [UInt32]
        package var rank: UInt8
        package var value: [UInt8]
    }

    let dictionaries: [String: DictionaryText]

    package init(dictionaries: [String: DictionaryText]) {
        self.dictionaries = dictionaries
    }

    /// The entries of `spec`, one per key, sorted by key.
    package func flatten(_ spec: DictionarySpec) throws -> [FlatEntry] {
        var all: [FlatEntry] = []
        func add(_ entries: [DictionaryText.Entry], rank: UInt8) {
            all.reserveCapacity(all.count + entries.count)
            for e in entries { all.append(FlatEntry(key: e.key, rank: rank, value: e.value)) }
        }
        switch spec {
        case .file(let name, _):
            add(try dictionary(name).entries, rank: 0)
        case .group(.union, let children):
            for child in children { add(try plainEntries(child), rank: 0) }
        case .group(.shortCircuit, let children):
            // A short_circuit group inside a short_circuit group is the same as its children in
            // its place: the first child that matches wins either way.
            func spliced(_ specs: [DictionarySpec]) -> [DictionarySpec] {
                specs.flatMap { spec -> [DictionarySpec] in
                    if case .group(.shortCircuit, let inner) = spec { return spliced(inner) }
                    return [spec]
                }
            }
            let flat = spliced(children)
            guard flat.count < Int(TableFormat.slotNoRank) else {
                throw DictionaryError.unsupportedConfig(spec.signature, reason:
                    "at most \(TableFormat.slotNoRank - 1) dictionaries in a short_circuit group, nested ones included")
            }
            for (i, child) in flat.enumerated() { add(try plainEntries(child), rank: UInt8(i)) }
        }
        return TableBuilder.firstOfEachKey(all)
    }

    /// One entry per key, sorted by key: of entries with the same key, the earliest in `entries`.
    /// (A stable sort of the positions, then one pass; no hashing of keys.)
    package static func firstOfEachKey(_ entries: [FlatEntry]) -> [FlatEntry] {
        let order = entries.indices.sorted { a, b in
            let c = compare(entries[a].key, entries[b].key)
            return c != 0 ? c < 0 : a < b
        }
        var out: [FlatEntry] = []
        out.reserveCapacity(entries.count)
        for i in order where out.last?.key != entries[i].key { out.append(entries[i]) }
        return out
    }

    /// -1, 0 or 1 as `a` sorts before, equal to or after `b` (lexicographically).
    package static func compare(_ a: [UInt32], _ b: [UInt32]) -> Int {
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                for i in 0..<min(a.count, b.count) where a[i] != b[i] { return a[i] < b[i] ? -1 : 1 }
                return a.count == b.count ? 0 : a.count < b.count ? -1 : 1
            }
        }
    }

    /// Entries of a child that must not need ranks of its own (a file or a union of files), in
    /// order: of two with the same key, the earlier wins (``firstOfEachKey(_:)``).
    private func plainEntries(_ spec: DictionarySpec) throws -> [DictionaryText.Entry] {
        switch spec {
        case .file(let name, _): return try dictionary(name).entries
        case .group(.union, let children):
            return try children.flatMap { try plainEntries($0) }
        case .group(.shortCircuit, let children) where children.count == 1:
            return try plainEntries(children[0])
        case .group:
            throw DictionaryError.unsupportedConfig(spec.signature, reason: "a short_circuit group inside a union group is not supported")
        }
    }

    private func dictionary(_ name: String) throws -> DictionaryText {
        guard let d = dictionaries[name] else { throw DictionaryError.missingDictionary(name) }
        return d
    }
}
