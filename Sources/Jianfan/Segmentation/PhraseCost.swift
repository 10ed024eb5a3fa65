/// What a phrase of the configuration costs in the word lattice (``WordLattice``): how
/// strongly it holds against a word of the lexicon that crosses it.
///
/// A phrase says that its scalars are one word, and which word: its value, the same word in
/// the output's script. So a phrase costs
///
/// 1. what the lexicon says of it or of its value, the likelier of the two (tw2sp 乙太網 →
///    以太網, which the lexicon has, holds against 網絡 in 乙太網絡; s2twp 全角 costs what 全形
///    does, so that 全角字符 is read as its output 全形字符 will be read again); else
/// 2. for four scalars or more, the cost of its scalars one by one less the binding of the
///    lexicon's median word of as many scalars (``binding(scalars:)``): a long word the lexicon
///    lacks but the configuration knows binds its scalars as a typical word does (s2hk's
///    無線新聞 → 無綫新聞 holds against 新聞台 in 無線新聞台); for two scalars of content, not
///    grammar, the same, but never likelier than the lexicon's upper-quartile word
///    (``pairBinding(_:scalars:lexicon:)``: s2t 周线 → 週線 holds against 线图 in 周线图);
///
/// and never more than the best reading of its own scalars, so it loses only to a reading
/// that crosses its ends. The values are looked up only where the lexicon finds the phrase no
/// likelier than that reading (most phrases are words of the lexicon, and cost what it says),
/// and not for a plan of one stage into Traditional (s2t): the lexicon's Traditional forms are
/// s2t's own output, so a value is a word of the lexicon where its key is, at the same cost
/// (on the real-text corpus, looking them up changed no s2t line and cost 3% of its CPU).
///
/// ```swift
/// PhraseCost.binding(scalars: 4)   // 19.84: half of jieba's four-scalar words bind less
/// ```
enum PhraseCost {
    /// The median, over jieba 0.42.1's words of four to eight scalars, of the cost of the
    /// word's scalars one by one less the cost of the word (how much likelier the lexicon finds
    /// the word than its scalars apart; `compile-words.py --binding` prints them; about eight
    /// more a scalar). Longer phrases take the eight-scalar figure. Phrases of three scalars
    /// get none: many of OpenCC's are no words but spans that pick a character's form (元数据 →
    /// 後設資料), and given the median of their length (11.38) they held against the words that
    /// greedy matching hides (数据): on the real-text corpus the references found words mode
    /// closer on 5 fewer s2t and 12 fewer s2twp lines, for one of OpenCC's regression cases
    /// (大统历志, kept instead by ``WordLattice/dropRareCrossings(base:end:tables:)``: 历志 is a
    /// rare word). Pairs of scalars get theirs from ``pairBinding(_:scalars:lexicon:)``.
    private static let medians: [Float] = [0, 0, 0, 0, 19.84, 27.51, 35.59, 44.09, 52.94]

    /// The binding of a median word of `scalars` scalars (0 for one).
    ///
    /// ```swift
    /// PhraseCost.binding(scalars: 2)   // 0: a pair of scalars gets none
    /// ```
    static func binding(scalars: Int) -> Float {
        medians[min(max(scalars, 0), medians.count - 1)]
    }

    /// The cost of the phrase `key` of one of `tables`, whose scalars' best reading costs
    /// `inner`: the lexicon's cost of the key where it finds the key likelier than that; else
    /// the least of that, the lexicon's costs of its values (unless `values` is false), and,
    /// with none, the sum of `scalars` (its scalars' costs) less their binding.
    ///
    /// ```swift
    /// let cost = Array("无线新闻".utf8).withUnsafeBytes {
    ///     PhraseCost.cost(of: $0, scalars: [9, 9, 9, 9], inner: 30, tables: [table], lexicon: .embedded)
    /// }   // 36 − 19.84: no word of the lexicon is 无线新闻 or 無線新聞
    /// ```
    @inline(__always)
    static func cost(of key: UnsafeRawBufferPointer, scalars: ArraySlice<Float>, inner: Float, tables: [Table],
                     lexicon: Lexicon, values: Bool = true) -> Float {
        var h = Lexicon.Hash()
        h.add(key.baseAddress!.assumingMemoryBound(to: UInt8.self), count: key.count)
        let known = lexicon.cost(h) ?? .infinity
        // Only a phrase the lexicon finds no likelier than its scalars asks for its values.
        if known < inner { return known }
        return min(inner, lookingUpValues(key, known: known, scalars: scalars, tables: values ? tables : [], lexicon: lexicon))
    }

    /// The rest of ``cost(of:scalars:inner:tables:lexicon:)``, out of line: few phrases get here.
    @inline(never)
    private static func lookingUpValues(_ key: UnsafeRawBufferPointer, known: Float, scalars: ArraySlice<Float>,
                                        tables: [Table], lexicon: Lexicon) -> Float {
        var known = known
        for table in tables {
            if let cost = valueCost(key, in: table, lexicon: lexicon) { known = min(known, cost) }
        }
        guard known == .infinity else { return known }
        let apart = scalars.reduce(0, +)
        return apart - (scalars.count == 2 ? pairBinding(key, scalars: apart, lexicon: lexicon) : binding(scalars: scalars.count))
    }

    /// The lexicon's cost of the value `table` gives the key `key` (two scalars or more), or nil
    /// when the key is no phrase of the table, or its value is the key, or no word of the lexicon.
    ///
    /// ```swift
    /// let cost = Array("乙太網".utf8).withUnsafeBytes {
    ///     PhraseCost.valueCost($0, in: table, lexicon: .embedded)   // the cost of 以太網
    /// }
    /// ```
    static func valueCost(_ key: UnsafeRawBufferPointer, in table: Table, lexicon: Lexicon) -> Float? {
        guard let value = table.phraseValue(of: key), !value.elementsEqual(key) else { return nil }
        var h = Lexicon.Hash()
        h.add(value.baseAddress!, count: value.count)
        return lexicon.cost(h)
    }
}

extension Table {
    /// The value of the key `key` (two scalars or more; any rank), or nil when it is no key.
    ///
    /// ```swift
    /// let value = Array("乙太網".utf8).withUnsafeBytes { table.phraseValue(of: $0) }   // 以太網
    /// ```
    func phraseValue(of key: UnsafeRawBufferPointer) -> UnsafeBufferPointer<UInt8>? {
        guard let p = key.baseAddress?.assumingMemoryBound(to: UInt8.self), key.count > 0 else { return nil }
        var value: UnsafeBufferPointer<UInt8>?
        forEachPrefix(at: p, end: p + key.count) { length, entry in
            if length == key.count, (entry >> TableFormat.slotRankShift) & 7 != TableFormat.slotNoRank {
                value = valueBytes(slot: entry)
            }
        }
        return value
    }
}
