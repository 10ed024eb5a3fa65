/// Whether a converter can convert the string fields of JSON text where they stand, inside the
/// line, in their escaped form (`jianfan --jsonl`): the whole line in one call, as plain text,
/// with every byte outside the strings copied because no key or value of the plan could touch it.
///
/// That holds when the plan's tables keep the syntax around a string and the escapes inside it
/// apart from the text:
/// - no key holds a quote, a backslash, a line feed, a carriage return or a tab, so no match
///   runs across a string's end (into the next field) or across an escape, just as no match runs
///   across the line feed between the texts of the field-by-field path;
/// - no key starts with `n`, `r` or `t`, so that after `\n`, `\r` or `\t` (whose decoded form,
///   a control character, is in no key) the text converts as it would after the decoded one;
/// - no key is ASCII only, so the JSON syntax and ASCII strings outside the fields stay as they
///   are (keys such as `SQL注入` are fine: their non-ASCII part never occurs outside a string);
/// - no value holds a quote, a backslash, a control character, U+2028, U+2029 or an IDS operator
///   (U+2FF0…U+2FFF), so a converted field never needs an escape it did not have, and no later
///   stage sees a description sequence that was not in the input.
/// The OpenCC configurations all qualify (their ASCII keys are upper-case words like `SQL注入`
/// and `PN结`); a user's entries or a configuration file may not, and then the caller converts
/// each field on its own. The words segmenter and protected markup also rule it out.
extension Converter {
    /// Whether the string fields of a JSON line convert in place (see above). The built-in
    /// configurations' tables all qualify (a test checks them with ``tablesKeepJSONStringsApart``,
    /// so a start does not fault in their pages for it); a user's entries or a configuration
    /// file are checked on their tables, in well under a millisecond.
    ///
    /// ```swift
    /// Converter(.s2t).convertsJSONStringsInPlace   // true
    /// ```
    package var convertsJSONStringsInPlace: Bool {
        guard protection.isEmpty, plan.segmenter == nil else { return false }
        return config != nil && plan.overrides == nil || tablesKeepJSONStringsApart
    }

    /// The check of ``convertsJSONStringsInPlace`` on the plan's tables, whatever they are.
    package var tablesKeepJSONStringsApart: Bool {
        // In no key at all: the plan's cutter knows every scalar its keys hold (a user's too).
        guard [0x22, 0x5C, 0x0A, 0x0D, 0x09].allSatisfy({ plan.cutter.endsIsolating[$0] }) else { return false }
        var tables = plan.normalization + plan.stages
        tables += [plan.segmentation, plan.fused, plan.segmentingStage, plan.overrides?.table].compactMap { $0 }
        return tables.allSatisfy { $0.keepsJSONStringsApart }
    }
}

extension Table {
    /// The conditions above that this table's keys (no ASCII-only key, none starting with a
    /// quote, a backslash, `n`, `r` or `t`) and values meet.
    var keepsJSONStringsApart: Bool {
        let starts: [UInt32] = [0x22, 0x5C, 0x6E, 0x72, 0x74]   // " \ n r t
        if starts.contains(where: { record($0) != 0 }) { return false }
        // ASCII-only keys: the trie followed from each ASCII start through ASCII transitions.
        var nodes = (UInt32(0)..<0x80).filter { record($0) != 0 }
        if nodes.contains(where: { Match(scalarOf: record($0), length: 1).length > 0 }) { return false }
        nodes = nodes.filter { record($0) & TableFormat.hasChildren != 0 }.map { $0 + 1 }
        for _ in 1..<max(1, maxKeyLength) where !nodes.isEmpty {
            var next: [UInt32] = []
            for parent in nodes {
                for scalar in UInt32(0)..<0x80 {
                    let key = TableFormat.transitionKey(parent: parent, scalar: scalar)
                    let slot = slot(of: key, hash: TableFormat.mix(key))
                    guard slot >= 0 else { continue }
                    if (slots[slot] >> TableFormat.slotRankShift) & 7 != TableFormat.slotNoRank { return false }
                    next.append(TableFormat.firstSlotID + UInt32(slot))
                }
            }
            nodes = next
        }
        // Values: the one-scalar keys' inline ones, and all the others, which lie end to end in
        // the values section (each valid UTF-8, so no sequence looked for spans two of them).
        for high in 0..<TableFormat.pageIndexCount where pageIndex[high] != 0 {
            for low in 0..<TableFormat.pageSize {
                var record = pages[Int(pageIndex[high]) << 8 | low]
                guard record & TableFormat.inlineValue != 0, Match(scalarOf: record, length: 1).length > 0 else { continue }
                let count = min(TableFormat.valueLength(record), 4)
                if !withUnsafeBytes(of: &record, { Table.isFieldSafe(UnsafeRawBufferPointer(rebasing: $0[..<count])) }) { return false }
            }
        }
        let header = (UnsafeRawPointer(pageIndex) - MemoryLayout<TableFormat.Header>.size).load(as: TableFormat.Header.self)
        return Table.isFieldSafe(UnsafeRawBufferPointer(start: values, count: Int(header.valuesLength)))
    }

    /// Whether a value (UTF-8) holds no quote, backslash, control character, U+2028, U+2029
    /// or IDS operator: what a JSON string would escape, or a later stage read as a sequence.
    static func isFieldSafe(_ value: UnsafeRawBufferPointer) -> Bool {
        var i = 0
        while i < value.count {
            let byte = value[i]
            if byte < 0x20 || byte == 0x22 || byte == 0x5C { return false }
            if byte == 0xE2, i + 2 < value.count {
                let second = value[i + 1], third = value[i + 2]
                if second == 0x80 && (third == 0xA8 || third == 0xA9) { return false }
                if second == 0xBF && third >= 0xB0 { return false }
            }
            i += 1
        }
        return true
    }
}
