internal import CJianfanUTF8

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
        try PackedEntries(entries, name: name).withView { (packed) throws(DictionaryError) -> TableBlock in
            try block(entries, packed: packed, name: name)
        }
    }

    /// ``block(_:name:)`` with the keys and values read from `packed` (the entries' own, packed).
    private static func block(_ entries: [FlatEntry], packed: PackedView, name: String) throws(DictionaryError) -> TableBlock {
        var records = ScalarMap<UInt64>(absent: 0)         // one-scalar prefixes
        var nodes: [Node] = []                             // longer prefixes, in order of creation
        var singles = ScalarMap<Int32>(absent: -1)         // one-scalar keys → their entry
        nodes.reserveCapacity(entries.count * 2)
        var values: [UInt8] = []                           // values not inline in a record
        values.reserveCapacity(packed.bytes.count)
        var maxKey = 0
        var path: [Int32] = []                             // the previous key's nodes, by length
        var previous = UnsafeBufferPointer<UInt32>(start: nil, count: 0)
        var phrases = 0
        for index in entries.indices {
            // (What the records and slots have room for, checked in packing: see ``TableLimits``.)
            let key = packed.key(index), value = packed.value(index), rank = entries[index].rank
            maxKey = max(maxKey, key.count)
            let fresh = TableFormat.present | UInt64(TableFormat.noRank) << 40
            if key.count == 1 {
                singles[key[0]] = Int32(index)
                var record = (records[key[0]] == 0 ? fresh : records[key[0]])
                    & (TableFormat.present | TableFormat.hasChildren | TableFormat.startsRankZero)
                    | (rank == 0 ? TableFormat.startsRankZero : 0)
                if value.count <= 4 {
                    let payload = value.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
                    record |= payload | TableFormat.inlineValue
                } else {
                    record |= UInt64(values.count)
                    values += value
                }
                let e = entries[index]
                records[key[0]] = record | UInt64(value.count) << 32 | UInt64(rank) << 40
                    | (e.crossable ? TableFormat.crossable | TableFormat.single : 0) | (e.openEnd ? TableFormat.openEnd : 0)
                    | (e.openStart ? TableFormat.openStart : 0)
            } else {
                phrases += 1
                records[key[0]] = (records[key[0]] == 0 ? fresh : records[key[0]]) | TableFormat.hasChildren
                    | (rank == 0 ? TableFormat.startsRankZero : 0)
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
        var keyPairs = KeyPairs(capacity: nodes.count)   // (each pair ends a prefix: no more than the nodes)
        var alteringFilter = [UInt64](repeating: 0, count: TableFormat.alteringFilterWords)
        for index in entries.indices where packed.keyStarts[index + 1] - packed.keyStarts[index] > 1 {
            let key = packed.key(index)
            for i in 1..<key.count { keyPairs.append(key[i - 1], key[i]) }
            if !isOwnOutput(index, packed: packed, singles: singles) {
                let h = TableFormat.mix(TableFormat.transitionKey(parent: key[0] + 1, scalar: key[1]))
                alteringFilter[TableFormat.alteringWord(h)] |= TableFormat.alteringMask(h)
                records[key[0]] |= TableFormat.startsAltering
            }
        }
        let pairs = keyPairs.distinct()
        let filterEntries = nodes.count + pairs.count

        var hashBits = 5
        while (1 << hashBits) * 3 < nodes.count * 4 { hashBits += 1 }     // load factor ≤ 3/4
        var filterBits = hashBits + 2                                       // at least 2 words
        while (1 << filterBits) < filterEntries * 16 { filterBits += 1 }   // ≥ 16 bits per entry
        var slots = [UInt64](repeating: 0, count: 1 << hashBits)
        var slotValues: [UInt64] = []
        var filter = [UInt64](repeating: 0, count: (1 << filterBits) / 64)
        let filterShift = UInt64(70 - filterBits)
        for pair in pairs {
            let h = TableFormat.mix(TableFormat.keyPairKey(KeyPairs.first(pair), KeyPairs.second(pair)))
            filter[Int(h >> filterShift)] |= TableFormat.filterMask(h)
        }
        // Shorter prefixes first, so that a parent's id (its slot) is known before its children;
        // of one length, in key order (the order they were made in).
        var ids = [UInt32](repeating: 0, count: nodes.count)
        let order = nodesByLength(nodes, maxLength: maxKey)
        // The hash of a node's transition (once its parent has its slot).
        func hash(_ node: Node) -> UInt64 {
            TableFormat.mix(TableFormat.transitionKey(parent: node.parent < 0 ? node.first + 1 : ids[Int(node.parent)],
                                                      scalar: node.scalar))
        }
        for k in order.indices {
            // The slot and filter word of the node eight ahead are asked for now: each is a cache
            // miss (slots of s2twp's tables take a megabyte), and they then overlap. (Where that
            // node's parent is not placed yet the hint is wasted, never wrong.)
            if k + 8 < order.count, case let ahead = hash(nodes[Int(order[k + 8])]) {
                slots.withUnsafeBufferPointer { jianfan_prefetch_for_write($0.baseAddress! + Int(ahead >> UInt64(64 - hashBits))) }
                filter.withUnsafeBufferPointer { jianfan_prefetch_for_write($0.baseAddress! + Int(ahead >> filterShift)) }
            }
            let n = Int(order[k]), node = nodes[n]
            let h = hash(node)
            let transition = TableFormat.transitionKey(parent: node.parent < 0 ? node.first + 1 : ids[Int(node.parent)],
                                                       scalar: node.scalar)
            filter[Int(h >> filterShift)] |= TableFormat.filterMask(h)
            var slot = Int(h >> UInt64(64 - hashBits))
            while slots[slot] != 0 { slot = (slot + 1) & ((1 << hashBits) - 1) }
            let isKey = node.entry >= 0
            var entry = transition | (isKey ? UInt64(entries[Int(node.entry)].rank) : TableFormat.slotNoRank) << TableFormat.slotRankShift
                | (node.hasChildren ? TableFormat.slotMoreBit : 0)
            if isKey {
                let e = entries[Int(node.entry)], value = packed.value(Int(node.entry))
                entry |= UInt64(slotValues.count) << TableFormat.slotValueShift
                slotValues.append(UInt64(values.count) | UInt64(value.count) << 32
                                  | (e.crossable ? TableFormat.slotValueCrossable : 0)
                                  | (e.openEnd ? TableFormat.slotValueOpenEnd : 0)
                                  | (e.openStart ? TableFormat.slotValueOpenStart : 0))
                values += value
            }
            slots[slot] = entry
            ids[n] = TableFormat.firstSlotID + UInt32(slot)
        }

        let ranked = entries.contains { $0.rank > 0 }
        var singleScalars: [UInt32] = []
        records.forEach { scalar, record in
            let rank = TableFormat.rank(record)
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

    /// Whether entry `index`'s value is what its scalars become on their own (each its
    /// one-scalar entry's value, or itself): such a phrase alters nothing.
    private static func isOwnOutput(_ index: Int, packed: PackedView, singles: ScalarMap<Int32>) -> Bool {
        let value = packed.value(index)
        var at = 0
        for scalar in packed.key(index) {
            if case let i = singles[scalar], i >= 0 {
                let own = packed.value(Int(i))
                guard at + own.count <= value.count else { return false }
                for k in own.indices where value[at + k] != own[k] { return false }
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
    private static func nodesByLength(_ nodes: [Node], maxLength: Int) -> [Int32] {
        var start = [Int](repeating: 0, count: maxLength + 2)
        for node in nodes { start[Int(node.length) + 1] += 1 }
        for length in 1..<start.count { start[length] += start[length - 1] }
        var order = [Int32](repeating: 0, count: nodes.count)
        for (i, node) in nodes.enumerated() {
            order[start[Int(node.length)]] = Int32(i)
            start[Int(node.length)] += 1
        }
        return order
    }
}
