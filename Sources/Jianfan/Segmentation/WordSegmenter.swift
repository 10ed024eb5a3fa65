/// A segmenter that chooses between overlapping phrases by how likely each reading is, where
/// OpenCC's greedy longest match can be wrong (被发明 → 被髮明, 少数组织 → 少陣列織).
///
/// Most text never meets the lattice. The segmenter runs greedy matching over the first table
/// of the plan and opens a window only where the likeliest reading could convert differently:
/// around a contested phrase (``Contest``), and around a scalar of the output's script next to
/// one that the plan would convert again (text already converted: 陸游 in s2t, 運算子 in
/// s2twp). A window reaches on each side to the nearest position that no key of the plan may
/// span and that no word of the lexicon runs across (or that is not between two ideographs), so
/// the likeliest reading inside it is that of the whole text; the piece cutters of the
/// parallel and streaming paths cut only at a sentence's end (``allowsCut(between:and:)``),
/// which is such a position too and keeps a sentence whole for ``SentenceContext``, so
/// decisions never change with the pieces. In a window, ``WordLattice`` finds the likeliest
/// reading (jieba's DAG route over the configuration's phrases and a word lexicon with
/// frequencies): a segment end is placed wherever it cuts through a phrase, and a word it reads
/// as already converted is copied as it is. Each other segment is converted by the plan on
/// its own, except a phrase whose output the plan would convert again (``Reconversion``). In
/// s2t over the real-text corpus, windows hold under 3% of the ideographs.
///
/// ```swift
/// let converter = Converter(.s2t, segmenter: .words)
/// converter.convert("这种机器是在十九世纪被发明的")   // "這種機器是在十九世紀被發明的"
/// ```
struct WordSegmenter: Segmenter {
    let lexicon: Lexicon
    /// What every span has learned about the plan's phrases (``Reconversion``).
    let memo = ReconversionMemo()

    init(lexicon: Lexicon = .embedded) {
        self.lexicon = lexicon
    }

    /// A piece of the parallel and streaming paths ends only where a sentence does
    /// (``SentenceContext``): a chain's phrase reads as its whole sentence.
    @inline(__always)
    func allowsCut(between previous: UInt32, and next: UInt32) -> Bool {
        SentenceContext.endsSentence(after: previous, before: next)
    }

    /// After a line break, 。, ！ or ？ a sentence ends whatever follows; after `.`, `!` or `?`
    /// only before a space, which has not arrived yet.
    @inline(__always)
    func allowsCut(after previous: UInt32) -> Bool {
        SentenceContext.endsSentence(after: previous)
    }

    /// Words of the lexicon run across any two ideographs: a window never ends between two.
    @inline(__always)
    static func separates(_ previous: UInt32, _ next: UInt32) -> Bool {
        !(isIdeograph(previous) && isIdeograph(next))
    }

    /// CJK unified and compatibility ideographs, every plane.
    @inline(__always)
    static func isIdeograph(_ c: UInt32) -> Bool {
        (c &- 0x3400) < 0x6C00 || (c &- 0xF900) < 0x200 || (c &- 0x20000) < 0x20000
    }

    func segmentEnds(_ span: UnsafeBufferPointer<UInt8>, plan: Plan, into ends: inout [Int]) {
        var decisions: [WordLattice.Decision]? = nil
        segmentEnds(span, plan: plan, into: &ends, decisions: &decisions)
    }

    /// ``segmentEnds(_:plan:into:)``, appending each window's choice to `decisions` unless it
    /// is nil (for ``Converter/segments(of:)``).
    func segmentEnds(_ span: UnsafeBufferPointer<UInt8>, plan: Plan, into ends: inout [Int],
                     decisions: inout [WordLattice.Decision]?) {
        guard let base = span.baseAddress, span.count > 0 else { return }
        // Tables whose phrases enter the lattice (each once), and tables whose key pairs bound
        // a window.
        var phraseTables: [Table] = []
        for table in plan.fused.map({ [$0] }) ?? (plan.stages + [plan.segmentation].compactMap { $0 })
        where !phraseTables.contains(where: { $0.slots == table.slots }) {
            phraseTables.append(table)
        }
        let boundaryTables: [Table] = plan.boundaryTable.map { [$0] } ?? phraseTables
        let greedy = phraseTables[0]
        let asciiKeys = greedy.asciiKeyStarts
        func asciiStarts(_ b: UInt8) -> Bool { (b < 64 ? asciiKeys.0 >> b : asciiKeys.1 >> (b - 64)) & 1 != 0 }
        var contest = Contest(tables: phraseTables, lexicon: lexicon)
        var lattice = WordLattice(lexicon: lexicon)
        lattice.decisions = decisions
        let count = span.count, end = base + count
        let scripts = contest.scripts()
        // Made at the first word that needs it: most text has none.
        var buffers: (Scratch, ByteBuffer)?
        let convert: (UnsafeRawBufferPointer) -> [UInt8] = { word in
            if buffers == nil { buffers = (Scratch(), ByteBuffer(capacity: 256)) }
            let (scratch, out) = buffers!
            out.removeAll()
            plan.convertSpan(word, into: out, scratch: scratch)
            return Array(out.bytes)
        }
        if scripts != nil { lattice.convert = convert }
        lattice.valueCosts = plan.stages.count > 1 || scripts?.target != ScriptEvidence.traditional
        var reconversion = Reconversion(lexicon: lexicon, tables: phraseTables, scripts: scripts, memo: memo, count: count,
                                        joins: plan.stages.count > 1, stages: plan.stages, convert: convert)
        lattice.values = reconversion.values
        let slowPath = phraseTables.count > 1 || reconversion.keepsMiddles
        // Window ends: words of the output's script are kept only with scripts.
        let target = scripts?.target ?? 0
        let keptValues = scripts != nil ? reconversion.values : nil
        // Plans of more than one stage read a span next to a crossed phrase as converted too.
        let convertedWords = scripts != nil && plan.stages.count > 1 ? convert : nil
        lattice.convertsWords = convertedWords != nil
        func edge(_ from: Int, _ step: Int) -> Int {
            windowEdge(base, count: count, from: from, step: step, tables: boundaryTables, values: keptValues, target: target,
                       convert: convertedWords)
        }
        let classes = ScriptEvidence.classes
        // Greedy matching of the first table; a window opens around each contested phrase, and
        // around a scalar of the output's script that has a converting scalar near it.
        var p = 0, floor = 0
        // The ends the lattice chose in a window, taken out of `ends` (a slice of it kept
        // while `ends` shrinks would copy the whole array).
        var chosen: [Int] = []
        func decide(_ from: Int, _ to: Int) {
            lattice.starts.removeAll(keepingCapacity: true)
            var q = from
            while q < to {
                lattice.starts.append(q)
                q += UTF8Scalars.decode(base + q).length
            }
            let mark = ends.count
            lattice.decide(base: base, end: to, tables: phraseTables, converted: scripts, into: &ends)
            // Phrases inside the segments the lattice chose are settled as elsewhere.
            chosen.removeAll(keepingCapacity: true)
            chosen.append(contentsOf: ends[mark...])
            ends.removeSubrange(mark...)
            var start = from
            for e in chosen {
                let offset = e & ~SegmentEnd.kept
                if e & SegmentEnd.kept == 0 { reconversion.settle(base, from: start, to: offset, into: &ends) }
                ends.append(e)
                start = offset
            }
            reconversion.settle(base, from: start, to: to, into: &ends)
            floor = to
        }
        while p < count {
            let b = base[p]
            if b < 0x80 && !asciiStarts(b) {
                p += 1
                // Eight ASCII bytes at a time where no ASCII byte starts a key.
                if asciiKeys == (0, 0) {
                    while p + 8 <= count && UnsafeRawPointer(base + p).loadUnaligned(as: UInt64.self) & ASCIIKeys.highBits == 0 { p += 8 }
                }
                continue
            }
            let scalar: UInt32, length: Int
            if b < 0x80 { (scalar, length) = (UInt32(b), 1) } else { (scalar, length) = UTF8Scalars.decode(base + p) }
            if let scripts, scalar < ScriptEvidence.limit, classes[Int(scalar)] & scripts.target != 0,
               let (from, to) = convertingNear(base, at: p, floor: floor, count: count, contest: &contest) {
                let windowEnd = edge(to, 1)
                decide(edge(from, -1), windowEnd)
                p = windowEnd
                continue
            }
            let record = greedy.record(scalar)
            // (Where a later stage makes a scalar an earlier converts, each is settled: StageJoins.)
            guard record & TableFormat.hasChildren != 0 || slowPath else { p += length; continue }
            let m = record & TableFormat.hasChildren != 0
                ? greedy.match(base + p, scalar: scalar, length: length, record: record, end: end)
                : Table.Match(length: 0, rank: 0, record: 0, slot: -1)
            // The longest phrase of any stage: a later stage's phrase (tw2sp 於單 → 於单, where
            // 用於 crosses it) is contested as the first's is.
            let phrase = reconversion.longest(base, at: p, first: m, scalar: scalar, length: length, end: count)
            if phrase.length > length
                && (contest.isContested(base, from: p, match: Table.Match(length: phrase.length, rank: m.rank, record: m.record, slot: phrase.slot), end: count)
                    || (target != 0 && holdsScript(base, from: p, to: p + phrase.length, target)
                        && crossesValue(base, from: p, to: p + phrase.length, count: count, values: keptValues!, target: target))) {
                let to = edge(p + phrase.length, 1)
                decide(edge(p, -1), to)
                p = to
            } else {
                p += max(length, reconversion.settle(base, at: p, phrase: phrase, length: length, into: &ends, or: m.length))
            }
        }
        ends.append(count)
        reconversion.finish()
        decisions = lattice.decisions
    }

    /// The scalars up to three before and after the one at `p` (none before `floor`), when one
    /// of them is converted on its own or may start a phrase: text of the output's script with
    /// something that would convert it again.
    private func convertingNear(_ base: UnsafePointer<UInt8>, at p: Int, floor: Int, count: Int,
                                contest: inout Contest) -> (Int, Int)? {
        var from = p, to = p + UTF8Scalars.decode(base + p).length
        var converting = false
        for _ in 0..<Lexicon.maxScalars - 1 where from > floor {
            from -= 1
            while from > floor && base[from] & 0xC0 == 0x80 { from -= 1 }
            let (scalar, length) = UTF8Scalars.decode(base + from)
            if !converting { converting = contest.tables.contains { contest.converts($0, at: base + from, scalar: scalar, length: length) } }
        }
        for _ in 0..<Lexicon.maxScalars - 1 where to < count {
            let (scalar, length) = UTF8Scalars.decode(base + to)
            if !converting { converting = contest.tables.contains { contest.converts($0, at: base + to, scalar: scalar, length: length) } }
            to += length
        }
        return converting ? (from, to) : nil
    }

    /// Whether a scalar of `[from, to)` is of the `target` script class.
    private func holdsScript(_ base: UnsafePointer<UInt8>, from: Int, to: Int, _ target: UInt8) -> Bool {
        var q = from
        while q < to {
            let (scalar, length) = UTF8Scalars.decode(base + q)
            if scalar < ScriptEvidence.limit && ScriptEvidence.classes[Int(scalar)] & target != 0 { return true }
            q += length
        }
        return false
    }

    /// Whether text that the plan makes of another phrase runs across an end of the phrase
    /// `[from, to)` (one that holds a scalar of the output's script): converted text the phrase
    /// would convert again (s2twp 句柄 → 控制代碼, where 代碼 alone → 程式碼).
    private func crossesValue(_ base: UnsafePointer<UInt8>, from: Int, to: Int, count: Int,
                              values: PhraseValues, target: UInt8) -> Bool {
        values.holdsValue(base, across: from, lower: 0, upper: count, target: target)
            || values.holdsValue(base, across: to, lower: 0, upper: count, target: target)
    }

    /// The nearest window boundary from `from` (a scalar start) going `step` (−1 or 1) scalar by
    /// scalar, or an end of the text: a position that no key of `tables` may hold and that
    /// either ``separates(_:_:)`` or no word of the lexicon, none of `values` (the plan's
    /// phrase values, where words of the output's script are kept) and, with `convert` on the
    /// left, no span whose conversion is a word
    /// (``holdsConvertedWord(_:across:count:convert:startsPhrase:)``) runs across. No edge
    /// of the lattice crosses it, so the likeliest reading of the window is that of the whole text.
    private func windowEdge(_ base: UnsafePointer<UInt8>, count: Int, from: Int, step: Int, tables: [Table],
                            values: PhraseValues?, target: UInt8, convert: ((UnsafeRawBufferPointer) -> [UInt8])?) -> Int {
        var x = from
        while x > 0 && x < count {
            var before = x - 1
            while before > 0 && base[before] & 0xC0 == 0x80 { before -= 1 }
            let previous = UTF8Scalars.decode(base + before).scalar, next = UTF8Scalars.decode(base + x)
            if !tables.contains(where: { $0.keyMayHold(previous, next.scalar) })
                && (WordSegmenter.separates(previous, next.scalar)
                    || (!lexicon.holdsWord(base, across: x, lower: 0, upper: count)
                        && values?.holdsValue(base, across: x, lower: 0, upper: count, target: target) != true
                        && (step > 0 || convert.map({ !holdsConvertedWord(base, across: x, count: count, convert: $0, startsPhrase: { s in
                            tables.contains { $0.record(s) & TableFormat.hasChildren != 0 } }) }) != false))) {
                return x
            }
            x = step < 0 ? before : x + next.length
        }
        return x
    }
}
