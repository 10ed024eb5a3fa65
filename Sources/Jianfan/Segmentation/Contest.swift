/// Where the likeliest reading could convert differently from greedy matching: the test that
/// lets the word segmenter leave almost all text to the fast loops.
///
/// Greedy matching takes the longest phrase `G` at a position. The likeliest reading can only
/// change the output by cutting inside such a `G`, and it cuts inside `G` only when some other
/// edge of the lattice crosses one of `G`'s ends (a phrase never loses to a split of itself,
/// see ``WordLattice``). A cut inside `G` changes nothing either when `G` converts as its
/// scalars do one by one and no other key starts inside it. So a phrase is *contested* when
///
/// 1. a key of the configuration starts strictly inside it and runs past its end, or
/// 2. it converts unlike its scalars (or holds a shorter key), and a word of the lexicon
///    crosses one of its ends.
///
/// Only the windows that hold a contested phrase get a lattice; in real text that is about one
/// phrase in a dozen (s2t: 27,700 of 343,000 phrases in the real-text corpus; 被发 in 被发明 is
/// one, held against 发明) (``WordSegmenter``).
struct Contest {
    let tables: [Table]
    let lexicon: Lexicon
    /// Offsets of the scalars of the phrase under test, and one more (its end).
    private var starts: [Int] = []
    private var output: [UInt8] = [UInt8](repeating: 0, count: 512)

    init(tables: [Table], lexicon: Lexicon) {
        self.tables = tables
        self.lexicon = lexicon
    }

    /// Whether the phrase `[from, from + length)` of `base` (the greedy match of `tables[0]`,
    /// two scalars or more) is contested; `end` bounds the text that may be read.
    mutating func isContested(_ base: UnsafePointer<UInt8>, from p: Int, match m: Table.Match, end: Int) -> Bool {
        let e = p + m.length
        starts.removeAll(keepingCapacity: true)
        var q = p
        while q < e {
            starts.append(q)
            q += UTF8Scalars.decode(base + q).length
        }
        let n = starts.count
        // Keys inside: one that runs past the end is a crossing; a shorter one makes the
        // phrase convert differently when cut.
        var holdsKey = false
        for k in 0..<n {
            for table in tables {
                var crosses = false
                table.forEachPhrase(at: base + starts[k], end: base + end) { length in
                    if starts[k] + length > e { crosses = k > 0 } else if k > 0 || starts[k] + length < e { holdsKey = true }
                }
                if crosses { return true }
            }
        }
        if !holdsKey && tables.count == 1 && convertsAsScalars(base, match: m) { return false }
        return wordCrosses(base, phraseEnd: e, end: end)
    }

    /// Whether the phrase's output is its scalars' outputs one after another.
    private mutating func convertsAsScalars(_ base: UnsafePointer<UInt8>, match m: Table.Match) -> Bool {
        let table = tables[0]
        return output.withUnsafeMutableBufferPointer { buffer -> Bool in
            let o = buffer.baseAddress!
            let count = table.emit(m, to: o)
            guard count <= 240 else { return false }
            var at = 256
            for k in 0..<starts.count {
                let (scalar, length) = UTF8Scalars.decode(base + starts[k])
                let record = table.record(scalar)
                let rank = TableFormat.rank(record)
                if record == 0 || rank == TableFormat.noRank {
                    (o + at).update(from: base + starts[k], count: length)
                    at += length
                } else {
                    at += table.emit(record: record, to: o + at)
                }
                if at - 256 > count || at > 500 { return false }
            }
            guard at - 256 == count else { return false }
            for i in 0..<count where o[i] != o[256 + i] { return false }
            return true
        }
    }

    /// Whether `table` converts the scalar at `q` (`length` bytes) to anything else on its own,
    /// or a phrase of it may start there.
    mutating func converts(_ table: Table, at q: UnsafePointer<UInt8>, scalar: UInt32, length: Int) -> Bool {
        let record = table.record(scalar)
        if record & TableFormat.hasChildren != 0 { return true }
        guard record != 0 && TableFormat.rank(record) != TableFormat.noRank else { return false }
        return output.withUnsafeMutableBufferPointer { buffer in
            let o = buffer.baseAddress!
            let count = table.emit(record: record, to: o)
            guard count == length else { return true }
            for i in 0..<count where o[i] != q[i] { return true }
            return false
        }
    }

    /// The scripts of the text the tables convert and of their output (``WordLattice/Scripts``),
    /// told by 发 and 發: nil when they convert neither.
    mutating func scripts() -> WordLattice.Scripts? {
        func converts(_ scalar: UInt32) -> Bool {
            let utf8 = Array(String(Unicode.Scalar(scalar)!).utf8)
            return utf8.withUnsafeBufferPointer { bytes in
                tables.contains { self.converts($0, at: bytes.baseAddress!, scalar: scalar, length: bytes.count) }
            }
        }
        if converts(0x53D1) { return WordLattice.Scripts(source: ScriptEvidence.simplified, target: ScriptEvidence.traditional) }
        if converts(0x767C) { return WordLattice.Scripts(source: ScriptEvidence.traditional, target: ScriptEvidence.simplified) }
        return nil
    }

    /// Whether a word of the lexicon starts before the phrase and ends inside it, or starts
    /// inside it and ends after it.
    private func wordCrosses(_ base: UnsafePointer<UInt8>, phraseEnd e: Int, end: Int) -> Bool {
        lexicon.holdsWord(base, across: e, lower: starts[1], upper: end,
                          orAcross: starts[0], lower: 0, upper: starts[starts.count - 1])
    }
}
