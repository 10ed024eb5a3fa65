/// Serializes sorted, unique entries into one ``TableFormat`` table: ahead of time for the
/// built-in blob, and at run time for a user's configuration, so it works from the sorted keys
/// alone. The trie of longer prefixes comes from one pass over the keys (a key shares with the
/// one before it the nodes of their common prefix), and no key is ever hashed as an array:
/// compiling every table of s2twp from text takes a few tens of milliseconds.
extension TableBuilder {
    /// A prefix of two scalars or more.
    private struct Node {
        /// The node of the prefix one scalar shorter, or -1 when that is the key's first scalar.
        var parent: Int32
        var length: Int32
        var first: UInt32
        var scalar: UInt32
        /// The entry whose key this prefix is, or -1.
        var entry: Int32 = -1
        var hasChildren = false
    }

    /// Serializes sorted, unique entries into the binary table.
    /// - Throws: ``DictionaryError/tooLarge(_:reason:)`` naming `name` beyond ``TableLimits``.
    package static func build(_ entries: [FlatEntry], name: String = "table") throws(DictionaryError) -> [UInt8] {
        try block(entries, name: name).bytes
    }

    /// The table of sorted, unique entries, in memory of its own (what a plan compiled at run
    /// time keeps: no copy).
    /// - Throws: ``DictionaryError/tooLarge(_:reason:)`` naming `name` beyond ``TableLimits``.
    static func block(_ entries: [FlatEntry], name: String) throws(DictionaryError) -> TableBlock {
        var records = ScalarMap<UInt64>(absent: 0)         // one-scalar prefixes
        var nodes: [Node] = []                             // longer prefixes, in order of creation
        var singles = ScalarMap<Int32>(absent: -1)         // one-scalar keys → their entry
        nodes.reserveCapacity(entries.count * 2)
        var values: [UInt8] = []                           // values not inline in a record
        values.reserveCapacity(entries.reduce(0) { $0 + ($1.value.count > 4 || $1.key.count > 1 ? $1.value.count : 0) })
        var maxKey = 0
        var path: [Int32] = []                             // the previous key's nodes, by length
        var previous: [UInt32] = []
        var phrases = 0
        for (index, e) in entries.enumerated() {
            // (What the records and slots have room for: see ``TableLimits``.)
            if let reason = TableLimits.violation(of: e) { throw DictionaryError.tooLarge(name, reason: reason) }
            let key = e.key
            maxKey = max(maxKey, key.count)
            let fresh = TableFormat.present | UInt64(TableFormat.noRank) << 40
            if key.count == 1 {
                singles[key[0]] = Int32(index)
                var record = (records[key[0]] == 0 ? fresh : records[key[0]])
                    & (TableFormat.present | TableFormat.hasChildren | TableFormat.startsRankZero)
                    | (e.rank == 0 ? TableFormat.startsRankZero : 0)
                if e.value.count <= 4 {
                    let payload = e.value.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
                    record |= payload | TableFormat.inlineValue
                } else {
                    record |= UInt64(values.count)
                    values += e.value
                }
                records[key[0]] = record | UInt64(e.value.count) << 32 | UInt64(e.rank) << 40
                    | (e.crossable ? TableFormat.crossable | TableFormat.single : 0) | (e.openEnd ? TableFormat.openEnd : 0)
                    | (e.openStart ? TableFormat.openStart : 0)
            } else {
                phrases += 1
                records[key[0]] = (records[key[0]] == 0 ? fresh : records[key[0]]) | TableFormat.hasChildren
                    | (e.rank == 0 ? TableFormat.startsRankZero : 0)
                // Keys are sorted and unique: this one shares the nodes of its common prefix
                // with the previous key and needs new ones after it.
                var shared = 0
                while shared < min(previous.count, key.count) && previous[shared] == key[shared] { shared += 1 }
                if path.count <= key.count { path += repeatElement(-1, count: key.count + 1 - path.count) }
                for length in max(shared + 1, 2)..<max(shared + 1, 2, key.count + 1) {  // (none for a repeated key)
                    nodes.append(Node(parent: length == 2 ? -1 : path[length - 1], length: Int32(length),
                                      first: key[0], scalar: key[length - 1]))
                    path[length] = Int32(nodes.count - 1)
                }
                for length in 2..<key.count { nodes[Int(path[length])].hasChildren = true }
                nodes[Int(path[key.count])].entry = Int32(index)
            }
            previous = key
        }
        if let reason = TableLimits.violation(phrases: phrases, prefixes: nodes.count) {
            throw DictionaryError.tooLarge(name, reason: reason)
        }

        // The pairs the optimistic loop asks about (`OptimisticRun.swift`): the first two scalars
        // of every altering key (whose value is not its scalars' own outputs), and every pair of
        // adjacent scalars in any key.
        var keyPairs = Set<UInt64>(minimumCapacity: nodes.count)
        var alteringFilter = [UInt64](repeating: 0, count: TableFormat.alteringFilterWords)
        for e in entries where e.key.count > 1 {
            for i in 1..<e.key.count { keyPairs.insert(UInt64(e.key[i - 1]) << 32 | UInt64(e.key[i])) }
            if !isOwnOutput(e, singles: singles, entries: entries) {
                let h = TableFormat.mix(TableFormat.transitionKey(parent: e.key[0] + 1, scalar: e.key[1]))
                alteringFilter[TableFormat.alteringWord(h)] |= TableFormat.alteringMask(h)
                records[e.key[0]] |= TableFormat.startsAltering
            }
        }
        let filterEntries = nodes.count + keyPairs.count

        var hashBits = 5
        while (1 << hashBits) * 3 < nodes.count * 4 { hashBits += 1 }     // load factor ≤ 3/4
        var filterBits = hashBits + 2                                       // at least 2 words
        while (1 << filterBits) < filterEntries * 16 { filterBits += 1 }   // ≥ 16 bits per entry
        var slots = [UInt64](repeating: 0, count: 1 << hashBits)
        var slotValues: [UInt64] = []
        var filter = [UInt64](repeating: 0, count: (1 << filterBits) / 64)
        func addToFilter(_ key: UInt64) {
            let h = TableFormat.mix(key)
            filter[Int(h >> UInt64(70 - filterBits))] |= TableFormat.filterMask(h)
        }
        for pair in keyPairs { addToFilter(TableFormat.keyPairKey(UInt32(pair >> 32), UInt32(truncatingIfNeeded: pair))) }
        // Shorter prefixes first, so that a parent's id (its slot) is known before its children;
        // of one length, in key order (the order they were made in).
        var ids = [UInt32](repeating: 0, count: nodes.count)
        for n in nodesByLength(nodes, maxLength: maxKey) {
            let node = nodes[n]
            let parent = node.parent < 0 ? node.first + 1 : ids[Int(node.parent)]
            let transition = TableFormat.transitionKey(parent: parent, scalar: node.scalar)
            let h = TableFormat.mix(transition)
            addToFilter(transition)
            var slot = Int(h >> UInt64(64 - hashBits))
            while slots[slot] != 0 { slot = (slot + 1) & ((1 << hashBits) - 1) }
            let isKey = node.entry >= 0
            var entry = transition | (isKey ? UInt64(entries[Int(node.entry)].rank) : TableFormat.slotNoRank) << TableFormat.slotRankShift
                | (node.hasChildren ? TableFormat.slotMoreBit : 0)
            if isKey {
                let value = entries[Int(node.entry)].value
                entry |= UInt64(slotValues.count) << TableFormat.slotValueShift
                slotValues.append(UInt64(values.count) | UInt64(value.count) << 32
                                  | (entries[Int(node.entry)].crossable ? TableFormat.slotValueCrossable : 0)
                                  | (entries[Int(node.entry)].openEnd ? TableFormat.slotValueOpenEnd : 0)
                                  | (entries[Int(node.entry)].openStart ? TableFormat.slotValueOpenStart : 0))
                values += value
            }
            slots[slot] = entry
            ids[n] = TableFormat.firstSlotID + UInt32(slot)
        }

        let ranked = entries.contains { $0.rank > 0 }
        var singleScalars: [UInt32] = []
        records.forEach { scalar, record in
            let rank = UInt8(truncatingIfNeeded: record >> 40)
            let isKey = rank != TableFormat.noRank
            let single = isKey && (record & TableFormat.inlineValue == 0 || (ranked && rank == 0))
            if single { singleScalars.append(scalar) }
        }
        for scalar in singleScalars { records[scalar] |= TableFormat.single }
        for scalar in UInt32(0x2FF0)...0x2FFF {
            records[scalar] = TableFormat.present | TableFormat.single | UInt64(TableFormat.noRank) << 40
        }
        return serialize(records: records, maxKey: maxKey, entryCount: entries.count, hashBits: hashBits,
                         filterBits: filterBits, alteringFilter: alteringFilter, filter: filter, slots: slots,
                         slotValues: slotValues, values: values)
    }

    /// Whether `e`'s value is what its scalars become on their own (each its one-scalar entry's
    /// value, or itself): such a phrase alters nothing.
    private static func isOwnOutput(_ e: FlatEntry, singles: ScalarMap<Int32>, entries: [FlatEntry]) -> Bool {
        let value = e.value
        var at = 0
        for scalar in e.key {
            if case let i = singles[scalar], i >= 0 {
                let own = entries[Int(i)].value
                guard at + own.count <= value.count, value[at..<at + own.count].elementsEqual(own) else { return false }
                at += own.count
            } else {
                var same = true
                UTF8.encode(Unicode.Scalar(scalar)!) { byte in
                    if at < value.count && value[at] == byte { at += 1 } else { same = false }
                }
                guard same else { return false }
            }
        }
        return at == value.count
    }

    /// The indices of `nodes` ordered by length, in their order within a length.
    private static func nodesByLength(_ nodes: [Node], maxLength: Int) -> [Int] {
        var start = [Int](repeating: 0, count: maxLength + 2)
        for node in nodes { start[Int(node.length) + 1] += 1 }
        for length in 1..<start.count { start[length] += start[length - 1] }
        var order = [Int](repeating: 0, count: nodes.count)
        for (i, node) in nodes.enumerated() {
            order[start[Int(node.length)]] = i
            start[Int(node.length)] += 1
        }
        return order
    }

    /// Lays the parts out as ``TableFormat`` says: the pages that hold records, with identity
    /// records for the three-byte scalars on them, then the filters, slots and values.
    private static func serialize(records: ScalarMap<UInt64>, maxKey: Int, entryCount: Int, hashBits: Int, filterBits: Int,
                                  alteringFilter: [UInt64], filter: [UInt64], slots: [UInt64],
                                  slotValues: [UInt64], values: [UInt8]) -> TableBlock {
        var records = records
        var pageOf: [Int: Int] = [:]
        for page in records.pages.sorted() { pageOf[page] = pageOf.count + 1 }
        var count = 0, phraseStarts = 0
        records.forEach { _, record in
            count += 1
            if record & TableFormat.hasChildren != 0 { phraseStarts += 1 }
        }
        // The pages of the punctuation between Han characters (general, CJK and full-width)
        // always exist, so that their characters have identity records (below) and the loops'
        // test for an inline value is predictable.
        for page in [0x20, 0x30, 0xFF] where pageOf[page] == nil { pageOf[page] = pageOf.count + 1 }
        let header = TableFormat.Header(
            maxKeyLength: UInt32(maxKey), firstCount: UInt32(count), pageCount: UInt32(pageOf.count + 1),
            hashBits: UInt32(hashBits), filterBits: UInt32(filterBits), valuesLength: UInt32(values.count),
            entryCount: UInt32(entryCount),
            phraseStarts: UInt32(phraseStarts),
            slotValueCount: UInt32(slotValues.count))
        // On the pages that exist, a three-byte scalar that is not a key maps to itself in its
        // record, so that the three-byte path (`ThreeByteRun.swift`) stores any record's payload
        // without a test; these records are not counted above (they are no entries).
        for page in pageOf.keys where (0x08..<0x100).contains(page) && !(0xD8..<0xE0).contains(page) {
            for scalar in UInt32(page << 8)..<UInt32(page << 8 + 256) {
                let record = records[scalar] == 0 ? UInt64(TableFormat.noRank) << 40 : records[scalar]
                guard UInt8(truncatingIfNeeded: record >> 40) == TableFormat.noRank else { continue }
                let payload = UInt64(0xE0 | scalar >> 12) | UInt64(0x80 | scalar >> 6 & 0x3F) << 8
                    | UInt64(0x80 | scalar & 0x3F) << 16
                records[scalar] = record | payload | 3 << 32 | TableFormat.inlineValue
            }
        }
        let layout = TableFormat.Layout(header)
        let out = TableBlock(count: layout.end)
        let raw = out.bytesForWriting
        raw.storeBytes(of: header, toByteOffset: 0, as: TableFormat.Header.self)
        for (page, number) in pageOf {
            raw.storeBytes(of: UInt16(number), toByteOffset: layout.pageIndex + page * 2, as: UInt16.self)
        }
        for (page, number) in pageOf {
            for (i, record) in records.page(page).enumerated() {
                raw.storeBytes(of: record, toByteOffset: layout.pages + (number * TableFormat.pageSize + i) * 8, as: UInt64.self)
            }
        }
        func store(_ words: [UInt64], at offset: Int) {
            for (i, word) in words.enumerated() { raw.storeBytes(of: word, toByteOffset: offset + i * 8, as: UInt64.self) }
        }
        store(alteringFilter, at: layout.alteringFilter)
        store(filter, at: layout.filter)
        store(slots, at: layout.slots)
        store(slotValues, at: layout.slotValues)
        for (i, byte) in values.enumerated() { raw[layout.values + i] = byte }
        return out
    }
}
