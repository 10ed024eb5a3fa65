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

    /// The entries of `spec`, one per key, sorted by key. `known` holds the flattened entries of
    /// specs done before, by signature (a group's children are often another plan's dictionaries).
    package func flatten(_ spec: DictionarySpec, known: [String: [FlatEntry]] = [:]) throws -> [FlatEntry] {
        guard case .group(.shortCircuit, let children) = spec else { return try plain(spec, known: known) }
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
        return TableBuilder.merge(try flat.enumerated().map { i, child in
            try plain(child, known: known).map { FlatEntry(key: $0.key, rank: UInt8(i), value: $0.value) }
        })
    }

    /// The sorted, unique entries (rank 0) of a spec that must not need ranks of its own: a
    /// file, or a union of files (the earlier child wins a key).
    private func plain(_ spec: DictionarySpec, known: [String: [FlatEntry]]) throws -> [FlatEntry] {
        if let entries = known[spec.signature] { return entries }
        switch spec {
        case .file(let name, _):
            return TableBuilder.firstOfEachKey(try dictionary(name).entries.map { FlatEntry(key: $0.key, rank: 0, value: $0.value) })
        case .group(.union, let children):
            return TableBuilder.merge(try children.map { try plain($0, known: known) })
        case .group(.shortCircuit, let children) where children.count == 1:
            return try plain(children[0], known: known)
        case .group:
            throw DictionaryError.unsupportedConfig(spec.signature, reason: "a short_circuit group inside a union group is not supported")
        }
    }

    /// One entry per key, sorted by key: of entries with the same key, the earliest in `entries`.
    /// (A stable sort of the positions, then one pass; no hashing of keys.)
    package static func firstOfEachKey(_ entries: [FlatEntry]) -> [FlatEntry] {
        // A dictionary file is most often sorted already.
        if zip(entries, entries.dropFirst()).allSatisfy({ compare($0.key, $1.key) < 0 }) { return entries }
        let order = entries.indices.sorted { a, b in
            let c = compare(entries[a].key, entries[b].key)
            return c != 0 ? c < 0 : a < b
        }
        var out: [FlatEntry] = []
        out.reserveCapacity(entries.count)
        for i in order where out.last?.key != entries[i].key { out.append(entries[i]) }
        return out
    }

    /// Sorted, unique lists merged into one: of entries with the same key, the one of the
    /// earliest list.
    static func merge(_ lists: [[FlatEntry]]) -> [FlatEntry] {
        if lists.count == 1 { return lists[0] }
        var out: [FlatEntry] = []
        out.reserveCapacity(lists.reduce(0) { $0 + $1.count })
        var next = [Int](repeating: 0, count: lists.count)
        while true {
            var best = -1
            for (l, list) in lists.enumerated() where next[l] < list.count {
                if best < 0 || compare(list[next[l]].key, lists[best][next[best]].key) < 0 { best = l }
            }
            guard best >= 0 else { return out }
            let entry = lists[best][next[best]]
            for (l, list) in lists.enumerated() where next[l] < list.count && list[next[l]].key == entry.key { next[l] += 1 }
            out.append(entry)
        }
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

    private func dictionary(_ name: String) throws -> DictionaryText {
        guard let d = dictionaries[name] else { throw DictionaryError.missingDictionary(name) }
        return d
    }
}
