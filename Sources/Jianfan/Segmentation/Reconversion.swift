
/// What the word segmenter does with a phrase whose output the configuration would convert
/// again, so that converting the output of `words` mode a second time changes nothing.
///
/// Some configurations convert a phrase into text that is itself one of their keys: s2twp
/// makes 文档 into 文件 and 文件 into 檔案, tw2sp makes 檔案 into 文件 and 文件 into 文档. Greedy
/// matching (OpenCC) then changes its own output when run again. The word segmenter settles
/// each such chain once, from the lexicon, with the same rule as a word of the output's script
/// (``WordLattice``): a phrase that the lexicon finds likelier than its conversion reads as
/// already converted and is copied as it is (tw2sp: 文件 is likelier than 文档, so 文件 stays
/// 文件, and 檔案 → 文件 is stable); otherwise a phrase whose conversion is such a word of the
/// lexicon is converted scalar by scalar, so that its output is not a key again (s2twp: 文件
/// and its form 檔案 are as likely, 文件 → 檔案 stays, and 文档 → 文檔 rather than 文件).
/// That is only where the sentence does not tell which script it is in: ``SentenceContext``
/// converts a chain as OpenCC does in a sentence of the source's script, and keeps a chain's
/// middle in one of the output's.
///
/// Each greedy phrase is classified once per span by its slot in the table, from its own
/// text only, so the decision does not depend on where a piece of text is cut.
///
/// ```swift
/// let converter = Converter(.s2twp)
/// let reconversion = Reconversion(lexicon: .embedded, tables: converter.plan.stages, scripts: nil) { text in
///     Array(converter.convert(String(decoding: text, as: UTF8.self)).utf8)
/// }
/// Array("文档".utf8).withUnsafeBytes { reconversion.classify($0) }   // .split: 文档 → 文檔, not 文件
/// ```
struct Reconversion {
    enum Kind: UInt8 {
        case unknown = 0
        /// Converted as the plan does.
        case plain
        /// Copied as it is: already converted.
        case kept
        /// Converted scalar by scalar: its output as a phrase would be converted again.
        case split
    }

    let lexicon: Lexicon
    /// The tables whose phrases are settled: each converts the text at its own stage, so a
    /// phrase of a later stage (進程 → 程序 in s2twp) is one too.
    let tables: [Table]
    /// The scripts of the source and of the output (nil: unknown, for a custom configuration).
    let scripts: WordLattice.Scripts?
    /// The plan's conversion of a piece of text on its own.
    let convert: (UnsafeRawBufferPointer) -> [UInt8]
    /// Kinds by table and slot, made at the first phrase of a table that needs them.
    private var kinds: [[UInt8]]
    /// Only text the plan makes reads as already converted.
    let values: PhraseValues

    /// Kinds found by this span, by table: handed to `memo` by ``finish()``.
    private var found: [[(Int, UInt8)]]
    private let memo: ReconversionMemo?
    /// The reading of the sentence around a chain's phrase (nil without scripts), and the
    /// length of the span the phrases are in.
    var context: SentenceContext?
    let count: Int
    /// Set beside a kind on a chain's middle: a key that the plan also makes of another phrase,
    /// and converts (文件 in s2twp and tw2sp).
    static let middle: UInt8 = 0x10
    /// Set beside a kind on a phrase that holds a shorter value of the plan (源文件 holds 文件,
    /// which s2twp makes of 文档).
    static let holdsValue: UInt8 = 0x20
    /// Set beside a kind on a join: a key of a stage that holds a scalar a later stage makes
    /// (``StageJoins``; tw2sp 社群, where 群 may be made of 羣).
    static let join: UInt8 = 0x40
    /// The plan's stages and what their order makes (only when ``joins``).
    let stages: [Table]
    let stageJoins: StageJoins?
    /// Whether `stageJoins` is there (asked at every scalar without a phrase).
    let keepsMiddles: Bool
    /// The kinds of single scalars that are chains' middles, by scalar.
    var middleKinds: [UInt32: Kind] = [:]
    /// The values' hashes, taken at the first phrase that asks.
    var valueHashes: PhraseValues.Hashes?
    /// Whether the plan converts in more than one stage: a later stage reads the earlier one's
    /// output (the chains 文档 → 文件 → 檔案 of s2twp, and its output joined into a key of its
    /// own: 源文件, 地址欄). Only then does the sentence decide (one stage's chains and joins
    /// are settled by the lexicon and the lattice, ``PhraseValues``).
    let joins: Bool

    init(lexicon: Lexicon, tables: [Table], scripts: WordLattice.Scripts?, memo: ReconversionMemo? = nil,
         count: Int = 0, joins: Bool = false, stages: [Table] = [], convert: @escaping (UnsafeRawBufferPointer) -> [UInt8]) {
        self.lexicon = lexicon
        self.stages = stages
        stageJoins = joins && scripts != nil && stages.count > 1 ? memo?.joins(for: stages) ?? StageJoins(stages: stages) : nil
        keepsMiddles = stageJoins != nil
        self.count = count
        self.joins = joins
        context = joins ? scripts.map { SentenceContext(scripts: $0) } : nil
        self.tables = tables
        self.scripts = scripts
        self.convert = convert
        self.memo = memo
        values = memo?.values(for: tables) ?? PhraseValues(tables: tables)
        kinds = Array(repeating: [], count: tables.count)
        found = Array(repeating: [], count: tables.count)
    }

    /// Hands the kinds this span found to the memo.
    func finish() {
        guard let memo else { return }
        for t in tables.indices { memo.merge(found[t], into: tables[t]) }
    }

    /// The longest phrase of any table at `p`: its length in bytes (0 when none has one), its
    /// table and its slot. `m` is the match of `tables[0]` there, found by the caller.
    func longest(_ base: UnsafePointer<UInt8>, at p: Int, first m: Table.Match, scalar: UInt32,
                 length: Int, end: Int) -> Phrase {
        var best = m.length > length ? Phrase(length: m.length, table: 0, slot: m.slot) : Phrase(length: 0, table: 0, slot: -1)
        for t in tables.indices.dropFirst() {
            let record = tables[t].record(scalar)
            guard record & TableFormat.hasChildren != 0 else { continue }
            let other = tables[t].match(base + p, scalar: scalar, length: length, record: record, end: base + end)
            if other.length > length && other.length > best.length { best = Phrase(length: other.length, table: t, slot: other.slot) }
        }
        return best
    }

    /// A phrase of one of the tables: its length in bytes, the index of its table and its slot.
    struct Phrase {
        var length: Int, table: Int, slot: Int
    }

    /// Appends the ends that settle the longest phrase of any table at `p` (`m`: the match of
    /// `tables[0]` there, found by the caller), and returns its length in bytes (at least
    /// `m.length`; 0 when no table has a phrase there and `m` is empty).
    mutating func settle(_ base: UnsafePointer<UInt8>, at p: Int, first m: Table.Match, scalar: UInt32,
                         length: Int, end: Int, into ends: inout [Int]) -> Int {
        settle(base, at: p, phrase: longest(base, at: p, first: m, scalar: scalar, length: length, end: end),
               length: length, into: &ends, or: m.length)
    }

    /// ``settle(_:at:first:scalar:length:end:into:)`` with the longest phrase at `p` found by
    /// the caller; returns its length, or `fallback` when there is none.
    @inline(__always)
    mutating func settle(_ base: UnsafePointer<UInt8>, at p: Int, phrase best: Phrase, length: Int,
                         into ends: inout [Int], or fallback: Int) -> Int {
        let (phrase, t, slot) = (best.length, best.table, best.slot)
        guard phrase > 0, slot >= 0 else {
            return keepsMiddles ? settleMiddle(base, at: p, length: length, into: &ends, or: fallback) : fallback
        }
        if kinds[t].isEmpty {
            kinds[t] = memo?.kinds(for: tables[t]) ?? []
            if kinds[t].isEmpty { kinds[t] = [UInt8](repeating: 0, count: tables[t].slotMask + 1) }
        }
        var known = kinds[t][slot]
        if known == 0 {
            let key = UnsafeRawBufferPointer(start: base + p, count: phrase)
            known = classify(key).rawValue | (isMiddle(key) ? Reconversion.middle : 0)
                | (holdsShorterValue(key) ? Reconversion.holdsValue : 0)
                | (stageJoins?.isJoin(key, stages: stages) == true ? Reconversion.join : 0)
            kinds[t][slot] = known
            found[t].append((slot, known))
        }
        var kind = Kind(rawValue: known & 0x0F) ?? .unknown
        if context != nil { kind = readBySentence(base, at: p, length: phrase, known: known, kind: kind) }
        switch kind {
        case .kept:
            ends.append(p)
            ends.append((p + phrase) | SegmentEnd.kept)
        case .split:
            ends.append(p)
            var q = p + length
            while q < p + phrase {
                ends.append(q)
                q += UTF8Scalars.decode(base + q).length
            }
        case .plain, .unknown:
            break
        }
        return phrase
    }

    /// Keeps the scalar at `p` when it is a chain's middle (``keepsMiddle(_:at:length:into:)``)
    /// and no phrase is there: returns `length` then, else `fallback`.
    @inline(never)
    private mutating func settleMiddle(_ base: UnsafePointer<UInt8>, at p: Int, length: Int, into ends: inout [Int],
                                       or fallback: Int) -> Int {
        fallback <= length && keepsMiddle(base, at: p, length: length, into: &ends) ? length : fallback
    }

    /// Settles every phrase that greedy matching finds in `[from, to)`.
    mutating func settle(_ base: UnsafePointer<UInt8>, from: Int, to: Int, into ends: inout [Int]) {
        var p = from
        while p < to {
            let (scalar, length) = UTF8Scalars.decode(base + p)
            let record = tables[0].record(scalar)
            let m = record & TableFormat.hasChildren != 0
                ? tables[0].match(base + p, scalar: scalar, length: length, record: record, end: base + to)
                : Table.Match(length: 0, rank: 0, record: 0, slot: -1)
            p += max(length, settle(base, at: p, first: m, scalar: scalar, length: length, end: to, into: &ends))
        }
    }

    /// The kind of a phrase, given as its text. Only the lexicon's evidence changes what the
    /// plan does: without a word for both readings, a phrase converts as the plan says (岳阳 →
    /// 岳陽 in s2t though 岳 alone → 嶽; 阿斯利康 → 阿斯特捷利康 in s2twp).
    func classify(_ key: UnsafeRawBufferPointer) -> Kind {
        let value = convert(key)
        if value.elementsEqual(key) { return .plain }
        if !holdsSource(key) && compare(Array(key), value) == .some(true) && isValue(key) { return .kept }
        let again = value.withUnsafeBytes { convert($0) }
        if again == value { return .plain }
        // The value is the plan's output, so of the output's script even where it holds a
        // scalar of the source script that a phrase keeps.
        return compare(value, again) == .some(false) ? .split : .plain
    }

    /// Whether the lexicon finds `word` likelier than what converting it makes (it then reads
    /// as already converted); nil when it lacks either.
    func compare(_ word: [UInt8], _ converted: [UInt8]) -> Bool? {
        guard let cost = lexicon.cost(of: word), let convertedCost = lexicon.cost(of: converted) else { return nil }
        return cost < convertedCost
    }

    /// Whether the plan makes `text` of a phrase (檔案 → 文件 in tw2sp; 核心 is made of none,
    /// and its conversion 内核 stays).
    func isValue(_ text: UnsafeRawBufferPointer) -> Bool {
        var h = Lexicon.Hash()
        h.add(text.baseAddress!.assumingMemoryBound(to: UInt8.self), count: text.count)
        return values.contains(h)
    }

    /// Whether the text holds a scalar of the source script: text that is not converted yet
    /// (資料 in tw2sp) is never kept.
    func holdsSource(_ text: UnsafeRawBufferPointer) -> Bool {
        guard let scripts else { return false }
        return String(decoding: text, as: UTF8.self).unicodeScalars.contains {
            $0.value < ScriptEvidence.limit && ScriptEvidence.classes[Int($0.value)] & scripts.source != 0
        }
    }
}
