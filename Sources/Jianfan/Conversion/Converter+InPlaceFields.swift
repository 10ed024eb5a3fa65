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
    /// Whether the string fields of a JSON line convert in place (see above): checked on the
    /// plan's tables, about a millisecond, so the caller asks once.
    ///
    /// ```swift
    /// Converter(.s2t).convertsJSONStringsInPlace   // true
    /// ```
    package var convertsJSONStringsInPlace: Bool {
        guard protection.isEmpty, plan.segmenter == nil else { return false }
        var tables = plan.normalization + plan.stages
        tables += [plan.segmentation, plan.fused, plan.segmentingStage, plan.overrides?.table].compactMap { $0 }
        return tables.allSatisfy { $0.keepsJSONStringsApart }
    }
}

extension Table {
    /// The conditions above, for this table's keys and values.
    var keepsJSONStringsApart: Bool {
        let syntax: [UInt32] = [0x22, 0x5C, 0x0A, 0x0D, 0x09]
        let escapeLetters: [UInt32] = [0x6E, 0x72, 0x74]   // n r t
        if (syntax + escapeLetters).contains(where: { record($0) != 0 }) { return false }
        // One-scalar prefixes: an ASCII key, or a value that would need an escape.
        var asciiNodes = Set<UInt32>()
        for scalar in UInt32(0)..<0x80 where record(scalar) != 0 {
            if Match(scalarOf: record(scalar), length: 1).length > 0 { return false }
            asciiNodes.insert(scalar + 1)
        }
        for high in 0..<TableFormat.pageIndexCount where pageIndex[high] != 0 {
            for low in 0..<TableFormat.pageSize {
                let record = pages[Int(pageIndex[high]) << 8 | low]
                guard Match(scalarOf: record, length: 1).length > 0 else { continue }
                let count = Int((record >> 32) & 0xFF)
                if record & TableFormat.inlineValue != 0 {
                    var inline = UInt32(truncatingIfNeeded: record)
                    let safe = withUnsafeBytes(of: &inline) { Table.isFieldSafe(UnsafeRawBufferPointer(rebasing: $0[..<min(count, 4)])) }
                    if !safe { return false }
                } else if !Table.isFieldSafe(UnsafeRawBufferPointer(start: values + Int(record & 0xFFFF_FFFF), count: count)) {
                    return false
                }
            }
        }
        // Longer keys: a quote or the like anywhere, a value that would need an escape, and the
        // ASCII transitions, followed from the ASCII one-scalar prefixes below.
        var asciiSlots: [(node: UInt32, parent: UInt32, isKey: Bool)] = []
        for slot in 0...slotMask {
            let entry = slots[slot]
            guard entry != 0 else { continue }
            let scalar = UInt32(truncatingIfNeeded: entry & ((1 << TableFormat.scalarBits) - 1))
            if syntax.contains(scalar) { return false }
            let isKey = (entry >> TableFormat.slotRankShift) & 7 != TableFormat.slotNoRank
            if isKey {
                let value = slotValues[Int(truncatingIfNeeded: entry >> TableFormat.slotValueShift)]
                let bytes = UnsafeRawBufferPointer(start: values + Int(value & 0xFFFF_FFFF), count: Int(value >> 32))
                if !Table.isFieldSafe(bytes) { return false }
            }
            if scalar < 0x80 {
                let parent = UInt32(truncatingIfNeeded: (entry & TableFormat.keyMask) >> TableFormat.scalarBits)
                asciiSlots.append((TableFormat.firstSlotID + UInt32(slot), parent, isKey))
            }
        }
        // A key all of whose scalars are ASCII: a chain of ASCII transitions from an ASCII start.
        var grew = true
        while grew {
            grew = false
            for slot in asciiSlots where asciiNodes.contains(slot.parent) && !asciiNodes.contains(slot.node) {
                if slot.isKey { return false }
                asciiNodes.insert(slot.node)
                grew = true
            }
        }
        return true
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
