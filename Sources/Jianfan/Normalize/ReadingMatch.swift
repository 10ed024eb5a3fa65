/// Whether a parenthesized text reads the Han characters before it: one pinyin syllable per
/// character (`發(fā)`, `銀行(yínháng)`, `銀行(yin2 hang2)`), syllables written together or
/// apart (space, `'` or `-` between them).
struct ReadingMatch {
    /// How many characters before the parenthesis the annotation reads.
    let characters: Int
    /// Every syllable is ICU's default reading of its character.
    let isVerified: Bool

    /// The longest annotation tried, in syllables.
    static let maximumSyllables = 8

    /// The reading `content` gives of the last characters of `word`, trying one character, then
    /// two, …; nil when it is no reading to remove. `reading` is ICU's reading of a character.
    ///
    /// Removed: a reading every syllable of which ICU confirms, or one whose syllables all carry
    /// a tone (a polyphonic character: unverified). A toneless one ICU does not confirm stays,
    /// as `(a)` and `(e)` are more often list markers.
    ///
    /// Without `verifying`, a reading with a tone on each syllable is removed without asking ICU
    /// (the result is the same; only ``isVerified`` is then false, for a report nobody asked for).
    init?(content: [Unicode.Scalar], word: [Unicode.Scalar], verifying: Bool = true,
          reading: (Unicode.Scalar) -> PinyinSyllable?) {
        guard !content.isEmpty, !word.isEmpty else { return nil }
        let counts = 1...min(word.count, Self.maximumSyllables)
        let syllables = Syllables(content)
        // Most parenthesized words that get here are English (`(daemon)`, `(pipe)`): no split
        // into syllables at all, known from one pass.
        let splittable = syllables.counts { _, _ in true }
        guard counts.contains(where: { splittable & 1 << $0 != 0 }) else { return nil }
        let toned = syllables.counts { _, syllable in syllable.tone != nil }
        if !verifying, let count = counts.first(where: { toned & 1 << $0 != 0 }) {
            (characters, isVerified) = (count, false)
            return
        }
        for count in counts where splittable & 1 << count != 0 {
            let characters = Array(word.suffix(count))
            // First a reading ICU confirms syllable by syllable (asked only for syllables that
            // parse), else one with a tone on each.
            if syllables.counts(upTo: count, accepting: { j, syllable in
                reading(characters[j]).map { syllable.isReading($0) } ?? false
            }) & 1 << count != 0 {
                (self.characters, isVerified) = (count, true)
                return
            }
            if toned & 1 << count != 0 {
                (self.characters, isVerified) = (count, false)
                return
            }
        }
        return nil
    }

    /// Every syllable `content` may hold, parsed once: the ways to split it are then found by
    /// one pass over its positions per question, not by trying splits (an annotation is asked
    /// up to three questions for each of up to eight counts).
    struct Syllables {
        /// `parsed[start * 8 + length - 1]`: the syllable `content[start..<(start + length)]`.
        private let parsed: [PinyinSyllable?]
        /// `next[i]`: the first position from `i` on that is no separator.
        private let next: [Int]
        private let count: Int

        init(_ content: [Unicode.Scalar]) {
            count = content.count
            var next = Array(0...count)
            for i in content.indices.reversed() where ReadingMatch.isSeparator(content[i]) { next[i] = next[i + 1] }
            self.next = next
            var parsed = [PinyinSyllable?](repeating: nil, count: count * 8)
            for start in content.indices where next[start] == start {
                for length in 1...min(8, count - start) {
                    parsed[start * 8 + length - 1] = PinyinSyllable(content[start..<(start + length)])
                }
            }
            self.parsed = parsed
        }

        /// The numbers of syllables (bit `k` for `k`, at most 8) that `content` splits into
        /// exactly, separators skipped before each syllable, the `j`-th syllable being one
        /// `accept` takes; only splits of up to `limit` syllables are tried.
        /// - Complexity: O(scalars × 8) calls of `accept` at most, per count.
        func counts(upTo limit: Int = ReadingMatch.maximumSyllables, accepting accept: (Int, PinyinSyllable) -> Bool) -> UInt16 {
            // reached[i]: bit k when content[..<i] splits into k syllables.
            var reached = [UInt16](repeating: 0, count: count + 1)
            reached[0] = 1
            for position in 0..<count where reached[position] != 0 {
                let start = next[position]
                guard start < count else { continue }
                for length in 1...min(8, count - start) {
                    guard let syllable = parsed[start * 8 + length - 1] else { continue }
                    var ways = reached[position] & (1 << limit - 1)
                    while ways != 0 {
                        let k = ways.trailingZeroBitCount
                        ways &= ways - 1
                        if accept(k, syllable) { reached[start + length] |= 1 << (k + 1) }
                    }
                }
            }
            return reached[count]
        }
    }

    static func isSeparator(_ s: Unicode.Scalar) -> Bool { s == " " || s == "'" || s == "’" || s == "-" }
}
