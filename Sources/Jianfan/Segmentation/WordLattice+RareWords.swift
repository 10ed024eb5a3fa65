/// Words too rare to cut a long phrase: a word of the lexicon seen less often than the
/// lexicon's median word of its length does not cut a phrase of the configuration of three
/// scalars or more that converts unlike its scalars one by one.
///
/// jieba's counts are noisy at the bottom: half of its words of two scalars were counted fewer
/// than 8 times, half of those of three or four scalars fewer than 3 (`compile-words.py
/// --binding` prints the medians). A phrase of three scalars that the lexicon lacks costs what
/// its scalars cost apart (``PhraseCost``), so without this rule s2t's 大统历 → 大統曆 (a
/// calendar, which jieba lacks) lost to 大统 + 历志 (历志: 4) in 大统历志 and made 大統歷志.
/// A phrase that its scalars would convert to the same text can be cut freely: cutting it
/// changes nothing.
///
/// Phrases of two scalars are left to the lattice: many are no words but pairs that pick a
/// character's form (是只 → 是隻, 表转 → 錶轉), and with them the rule cost 1 to 4 lines per
/// configuration where the references found words mode closer on the real-text corpus (转储,
/// 4, in 为每个表转储; 几斗, 7, in 谷米长几斗). As it is, it costs 2 of s2twp's 668 (接收数据,
/// 2, against 数据报; 程序界面, 2, against 引导程序) and none elsewhere.
///
/// ```swift
/// Converter(.s2t, segmenter: .words).convert("大统历志")   // "大統曆志"
/// ```
extension WordLattice {
    /// The cost (−ln p) above which a word of `scalars` scalars is seen less often than the
    /// lexicon's median word of its length: −ln(8 / total) for two scalars, −ln(3 / total)
    /// for three and four (jieba 0.42.1's total: 60,101,967), each plus half a step of the
    /// lexicon's cost codes, so that a word of median frequency is not rare.
    ///
    /// ```swift
    /// WordLattice.rareCost(scalars: 2)   // 15.86: a word of two scalars counted fewer than 8 times
    /// ```
    static func rareCost(scalars: Int) -> Float {
        scalars <= 2 ? 15.86 : 16.84
    }

    /// Takes out of the route each word of the lexicon (not a phrase of `tables`) rarer than
    /// ``rareCost(scalars:)`` that crosses an end of a phrase of three scalars or more that
    /// converts unlike its scalars. Called once the phrases are costed; out of line, so that the
    /// lattice's own loops are compiled as before (inlined, words s2t took 1.01–1.03 of the CPU).
    @inline(never)
    mutating func dropRareCrossings(base: UnsafePointer<UInt8>, end: Int, tables: [Table]) {
        let n = starts.count
        for e in phraseFirst[0]..<phraseFirst[n] where edgeTo[e] - edgeFrom[e] >= 3 {
            let (i, j) = (Int(edgeFrom[e]), Int(edgeTo[e]))
            var converts: Bool?
            // Words that start before the phrase and end inside it, or start inside it and end after it.
            for a in max(0, i - Lexicon.maxScalars + 1)..<j where a != i {
                for w in wordFirst[a]..<wordFirst[a + 1] where edgeKind[w] == WordLattice.word {
                    let b = Int(edgeTo[w])
                    guard a < i ? b > i && b < j : b > j, edgeCost[w] > WordLattice.rareCost(scalars: b - a) else { continue }
                    if converts == nil {
                        let key = UnsafeRawBufferPointer(start: base + starts[i], count: (j < n ? starts[j] : end) - starts[i])
                        converts = tables.contains { !$0.convertsAsScalars(key) }
                    }
                    if converts! { edgeCost[w] = .infinity }
                }
            }
        }
    }
}

extension Table {
    /// Whether the phrase `key` converts to its scalars' outputs one after another (true too
    /// when `key` is no phrase of the table).
    ///
    /// ```swift
    /// Array("大统历".utf8).withUnsafeBytes { table.convertsAsScalars($0) }   // false: 大統曆, not 大統歷
    /// ```
    func convertsAsScalars(_ key: UnsafeRawBufferPointer) -> Bool {
        guard let value = phraseValue(of: key), let p = key.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return true }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 264) { buffer in
            let o = buffer.baseAddress!
            var q = 0, at = 0
            while q < key.count {
                let (scalar, length) = UTF8Scalars.decode(p + q)
                let m = Table.Match(scalarOf: record(scalar), length: length)
                let count: Int
                if m.length == 0 {
                    o.update(from: p + q, count: length)
                    count = length
                } else {
                    count = emit(m, to: o)
                }
                guard at + count <= value.count, (0..<count).allSatisfy({ o[$0] == value[at + $0] }) else { return false }
                at += count
                q += length
            }
            return at == value.count
        }
    }
}
