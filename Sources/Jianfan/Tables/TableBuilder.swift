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
        var byKey: [[UInt32]: FlatEntry] = [:]
        func add(_ entries: [DictionaryText.Entry], rank: UInt8) {
            for e in entries where byKey[e.key] == nil {
                byKey[e.key] = FlatEntry(key: e.key, rank: rank, value: e.value)
            }
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
        return byKey.values.sorted { $0.key.lexicographicallyPrecedes($1.key) }
    }

    /// Entries of a child that must not need ranks of its own (a file or a union of files).
    private func plainEntries(_ spec: DictionarySpec) throws -> [DictionaryText.Entry] {
        switch spec {
        case .file(let name, _): return try dictionary(name).entries
        case .group(.union, let children):
            var seen = Set<[UInt32]>(), out: [DictionaryText.Entry] = []
            for child in children {
                for e in try plainEntries(child) where seen.insert(e.key).inserted { out.append(e) }
            }
            return out
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

    /// Serializes sorted, unique entries into the binary table.
    package static func build(_ entries: [FlatEntry]) -> [UInt8] {
        precondition(entries.allSatisfy { $0.rank < TableFormat.slotNoRank }, "too many dictionaries in a group")
        precondition(entries.allSatisfy { !UTF8Scalars.isIDSOperator($0.key[0]) }, "a key starts with an IDS operator")
        var records: [UInt32: UInt64] = [:]                // one-scalar prefixes
        struct Prefix { var rank = TableFormat.noRank; var value: [UInt8] = []; var hasChildren = false }
        var prefixes: [[UInt32]: Prefix] = [:]             // longer prefixes
        var values: [UInt8] = []
        var maxKey = 0
        for e in entries {
            maxKey = max(maxKey, e.key.count)
            precondition(e.value.count <= 255, "value longer than 255 bytes")
            records[e.key[0], default: TableFormat.present | UInt64(TableFormat.noRank) << 40] |= 0
            for length in 1..<e.key.count {
                if length == 1 { records[e.key[0]]! |= TableFormat.hasChildren }
                else { prefixes[Array(e.key[0..<length]), default: Prefix()].hasChildren = true }
            }
            if e.key.count == 1 {
                var record = records[e.key[0]]! & (TableFormat.present | TableFormat.hasChildren)
                if e.value.count <= 4 {
                    let payload = e.value.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
                    record |= payload | TableFormat.inlineValue
                } else {
                    record |= UInt64(values.count)
                    values += e.value
                }
                records[e.key[0]] = record | UInt64(e.value.count) << 32 | UInt64(e.rank) << 40
            } else {
                prefixes[e.key, default: Prefix()].rank = e.rank
                prefixes[e.key, default: Prefix()].value = e.value
            }
        }

        // The pairs the optimistic loop asks about (`OptimisticRun.swift`): the first two scalars
        // of every altering key (whose value is not its scalars' own outputs), and every pair of
        // adjacent scalars in any key.
        var ownOutput: [UInt32: [UInt8]] = [:]
        for e in entries where e.key.count == 1 { ownOutput[e.key[0]] = e.value }
        var alteringPairs = Set<[UInt32]>(), keyPairs = Set<[UInt32]>()
        for e in entries where e.key.count > 1 {
            for i in 1..<e.key.count { keyPairs.insert([e.key[i - 1], e.key[i]]) }
            let own = e.key.flatMap { ownOutput[$0] ?? Array(String(Unicode.Scalar($0)!).utf8) }
            if own != e.value {
                alteringPairs.insert(Array(e.key[0..<2]))
                records[e.key[0]]! |= TableFormat.startsAltering
            }
        }
        let filterEntries = prefixes.count + keyPairs.count
        var alteringFilter = [UInt64](repeating: 0, count: TableFormat.alteringFilterWords)
        for pair in alteringPairs {
            let h = TableFormat.mix(TableFormat.transitionKey(parent: pair[0] + 1, scalar: pair[1]))
            alteringFilter[TableFormat.alteringWord(h)] |= TableFormat.alteringMask(h)
        }

        var hashBits = 5
        while (1 << hashBits) * 3 < prefixes.count * 4 { hashBits += 1 }   // load factor ≤ 3/4
        var filterBits = hashBits + 2                                       // at least 2 words
        while (1 << filterBits) < filterEntries * 16 { filterBits += 1 }   // ≥ 16 bits per entry
        precondition(hashBits <= 21, "too many phrases for one table")
        var slots = [UInt64](repeating: 0, count: 1 << hashBits)
        var slotValues: [UInt64] = []
        var filter = [UInt64](repeating: 0, count: (1 << filterBits) / 64)
        func addToFilter(_ key: UInt64) {
            let h = TableFormat.mix(key)
            filter[Int(h >> UInt64(70 - filterBits))] |= TableFormat.filterMask(h)
        }
        for pair in keyPairs { addToFilter(TableFormat.keyPairKey(pair[0], pair[1])) }
        var ids: [[UInt32]: UInt32] = [:]
        // Shorter prefixes first, so that a parent's id (its slot) is known before its children.
        let ordered = prefixes.keys.sorted { $0.count != $1.count ? $0.count < $1.count : $0.lexicographicallyPrecedes($1) }
        for key in ordered {
            let info = prefixes[key]!
            let parent = key.count == 2 ? key[0] + 1 : ids[Array(key.dropLast())]!
            let transition = TableFormat.transitionKey(parent: parent, scalar: key.last!)
            let h = TableFormat.mix(transition)
            addToFilter(transition)
            var slot = Int(h >> UInt64(64 - hashBits))
            while slots[slot] != 0 { slot = (slot + 1) & ((1 << hashBits) - 1) }
            let isKey = info.rank != TableFormat.noRank
            var entry = transition | (isKey ? UInt64(info.rank) : TableFormat.slotNoRank) << TableFormat.slotRankShift
                | (info.hasChildren ? TableFormat.slotMoreBit : 0)
            if isKey {
                precondition(slotValues.count < TableFormat.maxSlotValues, "too many phrases for one table")
                entry |= UInt64(slotValues.count) << TableFormat.slotValueShift
                slotValues.append(UInt64(values.count) | UInt64(info.value.count) << 32)
                values += info.value
            }
            slots[slot] = entry
            ids[key] = TableFormat.firstSlotID + UInt32(slot)
        }

        let ranked = entries.contains { $0.rank > 0 }
        for (scalar, record) in records {
            let rank = UInt8(truncatingIfNeeded: record >> 40)
            let isKey = rank != TableFormat.noRank
            let single = isKey && (record & TableFormat.inlineValue == 0 || (ranked && rank == 0))
            if single { records[scalar] = record | TableFormat.single }
        }
        for scalar in UInt32(0x2FF0)...0x2FFF {
            records[scalar] = TableFormat.present | TableFormat.single | UInt64(TableFormat.noRank) << 40
        }

        var pageOf: [Int: Int] = [:]
        for scalar in records.keys.sorted() where pageOf[Int(scalar) >> 8] == nil {
            pageOf[Int(scalar) >> 8] = pageOf.count + 1
        }
        // The pages of the punctuation between Han characters (general, CJK and full-width)
        // always exist, so that their characters have identity records (below) and the loops'
        // test for an inline value is predictable.
        for page in [0x20, 0x30, 0xFF] where pageOf[page] == nil { pageOf[page] = pageOf.count + 1 }
        let header = TableFormat.Header(
            maxKeyLength: UInt32(maxKey), firstCount: UInt32(records.count), pageCount: UInt32(pageOf.count + 1),
            hashBits: UInt32(hashBits), filterBits: UInt32(filterBits), valuesLength: UInt32(values.count),
            entryCount: UInt32(entries.count),
            phraseStarts: UInt32(records.values.filter { $0 & TableFormat.hasChildren != 0 }.count),
            slotValueCount: UInt32(slotValues.count))
        // On the pages that exist, a three-byte scalar that is not a key maps to itself in its
        // record, so that the three-byte path (`ThreeByteRun.swift`) stores any record's payload
        // without a test; these records are not counted above (they are no entries).
        for page in pageOf.keys where (0x08..<0x100).contains(page) && !(0xD8..<0xE0).contains(page) {
            for scalar in UInt32(page << 8)..<UInt32(page << 8 + 256) {
                let record = records[scalar] ?? UInt64(TableFormat.noRank) << 40
                guard UInt8(truncatingIfNeeded: record >> 40) == TableFormat.noRank else { continue }
                let bytes = Array(String(Unicode.Scalar(scalar)!).utf8)
                let payload = UInt64(bytes[0]) | UInt64(bytes[1]) << 8 | UInt64(bytes[2]) << 16
                records[scalar] = record | payload | 3 << 32 | TableFormat.inlineValue
            }
        }
        let layout = TableFormat.Layout(header)
        var out = [UInt8](repeating: 0, count: layout.end)
        out.withUnsafeMutableBytes { raw in
            raw.storeBytes(of: header, toByteOffset: 0, as: TableFormat.Header.self)
            for (page, number) in pageOf {
                raw.storeBytes(of: UInt16(number), toByteOffset: layout.pageIndex + page * 2, as: UInt16.self)
            }
            for (scalar, record) in records {
                let at = layout.pages + (pageOf[Int(scalar) >> 8]! * TableFormat.pageSize + Int(scalar & 0xFF)) * 8
                raw.storeBytes(of: record, toByteOffset: at, as: UInt64.self)
            }
            for (i, word) in alteringFilter.enumerated() {
                raw.storeBytes(of: word, toByteOffset: layout.alteringFilter + i * 8, as: UInt64.self)
            }
            for (i, word) in filter.enumerated() { raw.storeBytes(of: word, toByteOffset: layout.filter + i * 8, as: UInt64.self) }
            for (i, slot) in slots.enumerated() { raw.storeBytes(of: slot, toByteOffset: layout.slots + i * 8, as: UInt64.self) }
            for (i, value) in slotValues.enumerated() {
                raw.storeBytes(of: value, toByteOffset: layout.slotValues + i * 8, as: UInt64.self)
            }
            for (i, byte) in values.enumerated() { raw[layout.values + i] = byte }
        }
        return out
    }
}
