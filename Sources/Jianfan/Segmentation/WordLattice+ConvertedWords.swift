/// Words that only the converted text has: where a word of the lexicon runs into a phrase of
/// the configuration, the text before the phrase is read as the second conversion will read it.
///
/// The lexicon holds each word in the forms the plans make, not in every variant a source may
/// spell. tw2sp's 標簽 (a variant of 標籤) is no word of it, so 標簽字串 read as 標 + 簽字 + 串
/// cuts the phrase 字串 (→ 字符串) and makes 标签字串; converted again, that text is 标签 + 字串
/// and becomes 标签字符串. A span that ends where a crossed phrase starts, or starts where one
/// ends, and that the lexicon lacks, costs what its conversion costs when the lexicon has that:
/// 標簽 as 标签, and the reading is the second conversion's.
///
/// Here too: whether a word of the window already reads as converted, which the lattice keeps
/// as it is (``isConverted(_:from:through:end:_:)``).
///
/// ```swift
/// Converter(.tw2sp, segmenter: .words).convert("帶空格的標簽字串")   // "带空格的标签字符串"
/// ```
extension WordLattice {
    /// Adds a word edge for each span of up to ``Lexicon/maxScalars`` scalars next to a phrase
    /// that a word of the lexicon crosses (the span on the word's side), when the lexicon lacks
    /// the span and has the plan's conversion of it. Called once the word edges are in place.
    mutating func addConvertedWords(base: UnsafePointer<UInt8>, end: Int) {
        guard let convert else { return }
        let n = starts.count
        func offset(_ i: Int) -> Int { i < n ? starts[i] : end }
        /// Whether a word of the lexicon runs across the position between scalars `k − 1` and `k`.
        func crossed(_ k: Int) -> Bool {
            for a in max(0, k - Lexicon.maxScalars + 1)..<k {
                for e in wordFirst[a]..<wordFirst[a + 1] where Int(edgeTo[e]) > k { return true }
            }
            return false
        }
        var extra: [(from: Int, to: Int, cost: Float)] = []
        func consider(_ from: Int, _ to: Int) {
            guard from >= 0, to <= n, to - from >= 2,
                  !(wordFirst[from]..<wordFirst[from + 1]).contains(where: { Int(edgeTo[$0]) == to }),
                  !extra.contains(where: { $0.from == from && $0.to == to }) else { return }
            let span = UnsafeRawBufferPointer(start: base + starts[from], count: offset(to) - starts[from])
            var h = Lexicon.Hash()
            h.add(base + starts[from], count: span.count)
            let cost: Float
            if let known = convertedCosts[h.value] {
                cost = known
            } else {
                let again = convert(span)
                cost = again.elementsEqual(span) ? .nan : lexicon.cost(of: again) ?? .nan
                if convertedCosts.count >= 1 << 14 { convertedCosts.removeAll(keepingCapacity: true) }
                convertedCosts[h.value] = cost
            }
            guard !cost.isNaN else { return }
            extra.append((from, to, cost))
        }
        for e in phraseFirst[0]..<phraseFirst[n] {
            let (i, j) = (Int(edgeFrom[e]), Int(edgeTo[e]))
            if i > 0 && crossed(i) {
                for from in max(0, i - Lexicon.maxScalars)..<i - 1 { consider(from, i) }
            }
            if j + 2 <= n && crossed(j) {
                for to in j + 2...min(n, j + Lexicon.maxScalars) { consider(j, to) }
            }
        }
        guard !extra.isEmpty else { return }
        // Into the edges of their start (word edges are grouped by start).
        for (from, to, cost) in extra.sorted(by: { $0.from > $1.from }) {
            let at = wordFirst[from + 1]
            edgeFrom.insert(Int32(from), at: at); edgeTo.insert(Int32(to), at: at)
            edgeCost.insert(cost, at: at); edgeKind.insert(WordLattice.word, at: at)
            for k in from + 1...n { wordFirst[k] += 1 }
        }
    }

    /// Whether the word `from...through` reads as already converted: it holds a scalar of
    /// `scripts.target`, and converting it again makes no likelier
    /// word of the lexicon. (運算子 in s2twp, s2twp's own form of 运算符, becomes 運運算元, the
    /// form of the rarer 运算子: kept. 錄像帶, s2t's form of 录像带, becomes 錄影帶, s2twp's form
    /// of the same word, as likely: converted.)
    func isConverted(_ base: UnsafePointer<UInt8>, from: Int, through: Int, end: Int, _ scripts: Scripts) -> Bool {
        guard hasScripts(base, from: from, through: through, scripts) else { return false }
        let to = through + 1 < starts.count ? starts[through + 1] : end
        guard let convert else { return true }
        let again = convert(UnsafeRawBufferPointer(start: base + starts[from], count: to - starts[from]))
        var h = Lexicon.Hash(), word = Lexicon.Hash()
        for b in again { h.add(b) }
        word.add(base + starts[from], count: to - starts[from])
        guard let againCost = lexicon.cost(h) else { return true }
        return (lexicon.cost(word) ?? .infinity) < againCost
    }

    /// Whether the word holds a scalar of the output's script. It may hold scalars of the
    /// source script too: a phrase of the plan keeps some (岳阳 → 岳陽 in s2t, where 岳 alone
    /// becomes 嶽), and the lexicon has the forms it makes.
    func hasScripts(_ base: UnsafePointer<UInt8>, from: Int, through: Int, _ scripts: Scripts) -> Bool {
        (from...through).contains { scriptBits[$0] == 2 }
    }
}

extension WordLattice {
    /// The offset of each scalar of `bytes` (UTF-8), then its count.
    static func scalarStarts(_ bytes: [UInt8]) -> [Int] {
        var starts: [Int] = []
        bytes.withUnsafeBufferPointer { out in
            var q = 0
            while q < out.count { starts.append(q); q += UTF8Scalars.decode(out.baseAddress! + q).length }
        }
        starts.append(bytes.count)
        return starts
    }
}

extension WordSegmenter {
    /// Whether a span of two to ``Lexicon/maxScalars`` scalars across `x` ends where a phrase
    /// may start (`startsPhrase` of its first scalar) and converts to a word of the lexicon that
    /// differs from it (標簽 → 标签): a window that starts at `x` could leave out a reading of
    /// ``WordLattice/addConvertedWords(base:end:)``.
    func holdsConvertedWord(_ base: UnsafePointer<UInt8>, across x: Int, count: Int,
                            convert: (UnsafeRawBufferPointer) -> [UInt8], startsPhrase: (UInt32) -> Bool) -> Bool {
        var before: [Int] = [], after: [Int] = []
        var a = x
        while a > 0 && before.count < Lexicon.maxScalars - 1 {
            a -= 1
            while a > 0 && base[a] & 0xC0 == 0x80 { a -= 1 }
            guard WordSegmenter.isIdeograph(UTF8Scalars.decode(base + a).scalar) else { break }
            before.append(a)
        }
        var b = x
        while b < count && after.count < Lexicon.maxScalars - 1 {
            let (scalar, length) = UTF8Scalars.decode(base + b)
            guard WordSegmenter.isIdeograph(scalar) else { break }
            b += length
            after.append(b)
        }
        guard let first = before.last, let last = after.last,
              after.contains(where: { $0 < count && startsPhrase(UTF8Scalars.decode(base + $0).scalar) }) else { return false }
        // One conversion of the whole neighbourhood; its spans are read from it when it keeps
        // one scalar for each (most text), else each span is converted on its own.
        let converted = convert(UnsafeRawBufferPointer(start: base + first, count: last - first))
        let outStarts = WordLattice.scalarStarts(converted)
        let byScalar = outStarts.count == before.count + after.count + 1
        for (i, from) in before.enumerated() {
            for (k, to) in after.prefix(Lexicon.maxScalars - 1 - i).enumerated() {
                let span = UnsafeRawBufferPointer(start: base + from, count: to - from)
                let again = byScalar ? converted[outStarts[before.count - 1 - i]..<outStarts[before.count + k + 1]] : convert(span)[...]
                guard !again.elementsEqual(span) else { continue }
                var h = Lexicon.Hash()
                again.withUnsafeBufferPointer { if let b = $0.baseAddress { h.add(b, count: $0.count) } }
                if lexicon.cost(h) != nil { return true }
            }
        }
        return false
    }
}
