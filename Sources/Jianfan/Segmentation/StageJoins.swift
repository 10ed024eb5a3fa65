/// Text that a later stage of a plan makes and an earlier stage would convert: what OpenCC's
/// stages make of their own output when it is converted again, one scalar at a time.
///
/// A stage converts the text the stages before it made, never the other way round. So a
/// scalar that a later stage makes of another and an earlier stage converts on its own is a
/// chain's middle of one scalar (s2tw: TWVariants makes 么 of 幺, and s2t makes 么 into 麼, so
/// OpenCC turns 六幺 into 六么, then 六麼; tw2sp: TSCharacters makes 么 of 麼, and TWVariantsRev
/// makes 么 into 幺). And a key of a stage that holds a scalar a later stage makes is a *join*:
/// text the plan may make, which only a second conversion would find (tw2sp: TSCharacters makes
/// 群 of 羣, so 社羣 becomes 社群, a key of TWPhrasesRev: 社群 → 社区). ``Reconversion`` reads
/// both as already converted where their sentence says so (``SentenceContext``).
///
/// ```swift
/// let joins = StageJoins(stages: Converter(.s2tw).plan.stages)
/// joins.isMiddle(0x4E48)   // true: 么
/// ```
struct StageJoins: Sendable {
    /// For each scalar below ``ScriptEvidence/limit``, one more than the last stage that makes
    /// it of another scalar (0: none does).
    private let madeBy: [UInt8]
    /// One bit per scalar: made by a stage, converted by an earlier one.
    private let middles: [UInt64]

    init(stages: [Table]) {
        let limit = Int(ScriptEvidence.limit)
        var madeBy = [UInt8](repeating: 0, count: limit)
        var middles = [UInt64](repeating: 0, count: limit / 64)
        var buffer = [UInt8](repeating: 0, count: 512)
        buffer.withUnsafeMutableBufferPointer { out in
            let o = out.baseAddress!
            /// The scalar `table` makes of `s` on its own, when it makes one scalar and not `s`.
            func single(_ table: Table, _ s: UInt32) -> UInt32? {
                let record = table.record(s)
                guard record != 0, TableFormat.rank(record) != TableFormat.noRank else { return nil }
                let count = table.emit(record: record, to: o)
                guard count > 0, count <= 4 else { return nil }
                let (made, length) = UTF8Scalars.decode(o)
                return length == count && made != s ? made : nil
            }
            for (t, table) in stages.enumerated().dropFirst() {
                for s in UInt32(0x80)..<ScriptEvidence.limit {
                    if let made = single(table, s), made < ScriptEvidence.limit { madeBy[Int(made)] = UInt8(t + 1) }
                }
            }
            for c in 0..<limit where madeBy[c] > 1 {
                if stages[..<Int(madeBy[c] - 1)].contains(where: { single($0, UInt32(c)) != nil }) {
                    middles[c >> 6] |= 1 << UInt64(c & 63)
                }
            }
        }
        self.madeBy = madeBy
        self.middles = middles
    }

    /// Whether a later stage makes `scalar` of another and an earlier one converts it.
    @inline(__always)
    func isMiddle(_ scalar: UInt32) -> Bool {
        scalar < ScriptEvidence.limit && middles[Int(scalar >> 6)] >> UInt64(scalar & 63) & 1 != 0
    }

    /// Whether `key` (UTF-8) is a key of one of `stages` that holds a scalar a later stage makes.
    ///
    /// ```swift
    /// let stages = Converter(.tw2sp).plan.stages
    /// Array("社群".utf8).withUnsafeBytes { StageJoins(stages: stages).isJoin($0, stages: stages) }   // true
    /// ```
    func isJoin(_ key: UnsafeRawBufferPointer, stages: [Table]) -> Bool {
        guard let base = key.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return false }
        var latest = 0
        var q = 0
        while q < key.count {
            let (scalar, length) = UTF8Scalars.decode(base + q)
            if scalar < ScriptEvidence.limit { latest = max(latest, Int(madeBy[Int(scalar)])) }
            q += length
        }
        // Made by stage `latest − 1`: a join when a stage before it has the key.
        return latest > 1 && stages[..<(latest - 1)].contains { $0.phraseValue(of: key) != nil }
    }
}
