/// The last step of serializing a table (``TableBuilder/block(_:name:)``): its parts, made,
/// laid out in one block of memory.
extension TableBuilder {
    /// Lays the parts out as ``TableFormat`` says: the pages that hold records, with identity
    /// records for the three-byte scalars on them, then the filters, slots and values.
    static func serialize(records: ScalarMap<UInt64>, maxKey: Int, entryCount: Int, hashBits: Int, filterBits: Int,
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
                guard TableFormat.rank(record) == TableFormat.noRank else { continue }
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
