/// Compiles a ``DictionarySpec`` (a dictionary or a group of them) into one ``TableFormat`` table.
///
/// Groups are flattened ahead of time: `union` children merge with the earlier child winning a
/// duplicate key, and each child of a `short_circuit` group keeps its index as the entries' rank
/// (a group of more than 6, or one inside a union, is resolved to one rank instead).
/// The result matches exactly what OpenCC's group lookup does at run time.
package struct TableBuilder {
    package struct FlatEntry: Equatable, Sendable {
        // (The two arrays first, then the bytes: 24 bytes an entry, not 32.)
        package var key: [UInt32]
        package var value: [UInt8]
        package var rank: UInt8
        /// A later stage's phrase may match across this key's output (``TableFormat/crossable``).
        package var crossable = false
        /// A later stage's phrase may match across this key's end (``TableFormat/openEnd``).
        package var openEnd = false
        /// A later stage's phrase may match across this crossable key's start (``TableFormat/openStart``).
        package var openStart = false

        package init(key: [UInt32], rank: UInt8, value: [UInt8], crossable: Bool = false, openEnd: Bool = false,
                     openStart: Bool = false) {
            (self.key, self.value, self.rank) = (key, value, rank)
            (self.crossable, self.openEnd, self.openStart) = (crossable, openEnd, openStart)
        }
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
        func ranked(_ children: ArraySlice<DictionarySpec>, after first: [FlatEntry] = []) throws -> [FlatEntry] {
            // (Each child's entries take its rank as they are merged: no copy of the lists first.)
            let offset = first.isEmpty ? 0 : 1
            return TableBuilder.merge([first] + (try children.map { try plain($0, known: known) }),
                                      ranks: [nil] + children.indices.map { UInt8($0 - children.startIndex + offset) })
        }
        if flat.count < Int(TableFormat.slotNoRank) { return try ranked(flat[...]) }
        // A table holds ranks 0…6; a longer group (OpenCC has no limit) is resolved here, up to
        // 254 children at a time after the ones resolved before (short_circuit is associative).
        var resolved: [FlatEntry] = []
        for start in stride(from: 0, to: flat.count, by: 254) {
            resolved = TableBuilder.resolvingRanks(try ranked(flat[start..<min(start + 254, flat.count)], after: resolved))
        }
        return resolved
    }

    /// Entries of one rank (0) that a greedy longest match reads as a `short_circuit` group reads
    /// `ranked` (sorted, unique, any number of ranks): a key is dropped when a shorter key that is
    /// its prefix has a lower rank, since that one wins wherever both match. Of the keys left,
    /// the ranks along any chain of prefixes only fall as keys grow, so the longest match is the
    /// group's match (the lowest rank, then the longest).
    ///
    /// In key order, the keys that are prefixes of a key are the ones on a stack of the keys
    /// before it that it extends: one pass, no hashing.
    static func resolvingRanks(_ ranked: [FlatEntry]) -> [FlatEntry] {
        var out: [FlatEntry] = []
        out.reserveCapacity(ranked.count)
        var prefixes: [(key: [UInt32], lowest: UInt8)] = []
        for e in ranked {
            while let top = prefixes.last, !(top.key.count < e.key.count && e.key.starts(with: top.key)) {
                prefixes.removeLast()
            }
            let lowest = prefixes.last?.lowest ?? .max
            if lowest >= e.rank { out.append(FlatEntry(key: e.key, rank: 0, value: e.value)) }
            prefixes.append((e.key, min(lowest, e.rank)))
        }
        return out
    }

    /// The sorted, unique entries (rank 0) of a spec as one dictionary: a file, a union (the
    /// earlier child wins a key), or a short_circuit group with its ranks resolved.
    private func plain(_ spec: DictionarySpec, known: [String: [FlatEntry]]) throws -> [FlatEntry] {
        if case .group(.shortCircuit, let children) = spec, children.count > 1 {
            // Inside a union: what the group matches is its longest match once its ranks are
            // resolved, and the union takes the longest of its children's.
            return TableBuilder.resolvingRanks(try known[spec.signature] ?? flatten(spec, known: known))
        }
        if let entries = known[spec.signature] { return entries }
        switch spec {
        case .file(let name, _):
            return TableBuilder.firstOfEachKey(try dictionary(name))
        case .group(.union, let children):
            return TableBuilder.merge(try children.map { try plain($0, known: known) })
        case .group(.shortCircuit, let children):
            return try children.first.map { try plain($0, known: known) } ?? []
        }
    }

    /// One entry per key (rank 0), sorted by key: of entries with the same key, the earliest in
    /// the dictionary. (A stable sort of the positions — made as the file was parsed — then one
    /// pass; no hashing of keys: ``KeyOrder``.)
    package static func firstOfEachKey(_ dictionary: DictionaryText) -> [FlatEntry] {
        let entries = dictionary.entries
        var out: [FlatEntry] = []
        out.reserveCapacity(entries.count)
        for i in dictionary.order ?? KeyOrder.order(entries, key: \.key) where out.last?.key != entries[i].key {
            out.append(FlatEntry(key: entries[i].key, rank: 0, value: entries[i].value))
        }
        return out
    }

    /// Sorted, unique lists merged into one: of entries with the same key, the one of the
    /// earliest list. The entries of list `l` take rank `ranks[l]` where that is given (and no
    /// marks, as new entries).
    static func merge(_ lists: [[FlatEntry]], ranks: [UInt8?] = []) -> [FlatEntry] {
        if lists.contains(where: \.isEmpty) {
            // (Empty lists left out, so that two lists and one take the paths below.)
            let kept = lists.indices.filter { !lists[$0].isEmpty }
            return merge(kept.map { lists[$0] }, ranks: kept.map { $0 < ranks.count ? ranks[$0] : nil })
        }
        @inline(__always) func ranked(_ e: FlatEntry, of l: Int) -> FlatEntry {
            guard l < ranks.count, let rank = ranks[l] else { return e }
            return FlatEntry(key: e.key, rank: rank, value: e.value)
        }
        if lists.isEmpty { return [] }
        if lists.count == 1 && ranks.allSatisfy({ $0 == nil }) { return lists[0] }
        var out: [FlatEntry] = []
        out.reserveCapacity(lists.reduce(0) { $0 + $1.count })
        if lists.count == 2 {
            // (The common case: two lists, one comparison an entry.)
            let a = lists[0], b = lists[1]
            var i = 0, j = 0
            while i < a.count && j < b.count {
                let c = compare(a[i].key, b[j].key)
                if c <= 0 {
                    out.append(ranked(a[i], of: 0))
                    i += 1
                    if c == 0 { j += 1 }
                } else {
                    out.append(ranked(b[j], of: 1))
                    j += 1
                }
            }
            for e in a[i...] { out.append(ranked(e, of: 0)) }
            for e in b[j...] { out.append(ranked(e, of: 1)) }
            return out
        }
        var next = [Int](repeating: 0, count: lists.count)
        while true {
            var best = -1
            for (l, list) in lists.enumerated() where next[l] < list.count {
                if best < 0 || compare(list[next[l]].key, lists[best][next[best]].key) < 0 { best = l }
            }
            guard best >= 0 else { return out }
            let entry = lists[best][next[best]]
            for (l, list) in lists.enumerated() where next[l] < list.count && list[next[l]].key == entry.key { next[l] += 1 }
            out.append(ranked(entry, of: best))
        }
    }

    /// -1, 0 or 1 as `a` sorts before, equal to or after `b` (lexicographically).
    package static func compare(_ a: [UInt32], _ b: [UInt32]) -> Int {
        a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in compare(a, b) } }
    }

    /// ``compare(_:_:)`` for keys in memory.
    @inline(__always)
    static func compare(_ a: UnsafeBufferPointer<UInt32>, _ b: UnsafeBufferPointer<UInt32>) -> Int {
        for i in 0..<min(a.count, b.count) where a[i] != b[i] { return a[i] < b[i] ? -1 : 1 }
        return a.count == b.count ? 0 : a.count < b.count ? -1 : 1
    }

    private func dictionary(_ name: String) throws -> DictionaryText {
        guard let d = dictionaries[name] else { throw DictionaryError.missingDictionary(name) }
        return d
    }
}
