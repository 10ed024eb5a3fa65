/// What one ``TableFormat`` table can hold, checked before a table is built so that a user's
/// dictionary beyond it is an error that names it, never a stopped process.
///
/// The limits come from the 64-bit slot (`parent(22) | scalar(21) | rank(3) | more(1) |
/// value(17)`): at most 131,071 keys of two scalars or more, and at most 1,572,864 prefixes of
/// two scalars or more (the slots of 2^21, three quarters full). OpenCC's largest dictionary,
/// STPhrases, has about 49,000 phrases; a short_circuit group of more than 6 dictionaries is
/// resolved to one rank before it gets here (``TableBuilder/resolvingRanks(_:)``).
enum TableLimits {
    /// Keys of two scalars or more: the values a slot can index.
    static let phrases = TableFormat.maxSlotValues - 1
    /// Prefixes of two scalars or more: slots of 2^21 at a load of at most 3/4.
    static let prefixes = (1 << 21) * 3 / 4

    /// Why the entry `e` cannot be in a table, or nil when it can.
    @inline(__always)
    static func violation(of e: TableBuilder.FlatEntry) -> String? {
        guard let first = e.key.first else { return "a key may not be empty" }
        if UTF8Scalars.isIDSOperator(first) {
            return "a key may not start with an ideographic description character"
        }
        guard e.rank < TableFormat.slotNoRank else { return "a table holds at most \(TableFormat.slotNoRank) ranks" }
        guard e.value.count <= DictionaryText.longestValue else { return DictionaryText.tooLong }
        return nil
    }

    /// Why a table of `phrases` keys of two scalars or more, with `prefixes` distinct prefixes of
    /// two scalars or more, cannot be, or nil when it can.
    static func violation(phrases: Int, prefixes: Int) -> String? {
        if phrases > TableLimits.phrases {
            return "\(phrases) keys of two characters or more; one table holds at most \(TableLimits.phrases)"
        }
        if prefixes > TableLimits.prefixes {
            return "\(prefixes) distinct prefixes of two characters or more; one table holds at most \(TableLimits.prefixes)"
        }
        return nil
    }

    /// Why `entries` (sorted, unique) cannot be one table, or nil when they can (what
    /// ``TableBuilder/block(_:name:)`` finds as it builds).
    static func violation(_ entries: [TableBuilder.FlatEntry]) -> String? {
        var phrases = 0, prefixes = 0
        var previous: [UInt32] = []
        for e in entries {
            if let reason = violation(of: e) { return reason }
            if e.key.count > 1 {
                phrases += 1
                // The prefixes this key adds after the ones it shares with the previous key.
                var shared = 0
                while shared < min(previous.count, e.key.count) && previous[shared] == e.key[shared] { shared += 1 }
                prefixes += max(0, e.key.count - max(shared, 1))
            }
            previous = e.key
        }
        return violation(phrases: phrases, prefixes: prefixes)
    }
}
