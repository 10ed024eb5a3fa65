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
        if !verifying, let count = counts.first(where: { Self.split(content[...], into: $0) { _, syllable in syllable.tone != nil } }) {
            (characters, isVerified) = (count, false)
            return
        }
        for count in counts where Self.split(content[...], into: count, accepting: { _, _ in true }) {
            let characters = Array(word.suffix(count))
            // First a reading ICU confirms syllable by syllable (asked only for syllables that
            // parse), else one with a tone on each.
            if Self.split(content[...], into: count, accepting: { j, syllable in
                reading(characters[j]).map { syllable.isReading($0) } ?? false
            }) {
                (self.characters, isVerified) = (count, true)
                return
            }
            if Self.split(content[...], into: count, accepting: { _, syllable in syllable.tone != nil }) {
                (self.characters, isVerified) = (count, false)
                return
            }
        }
        return nil
    }

    /// Whether `content` splits into exactly `count` syllables, the `j`-th of which `accept`
    /// takes. Failures are remembered, so an adversarial content costs at most
    /// (scalars × syllables × 8) parses.
    static func split(
        _ content: ArraySlice<Unicode.Scalar>, into count: Int, accepting accept: (Int, PinyinSyllable) -> Bool
    ) -> Bool {
        var failed = Set<Int>()
        func search(_ start: Int, _ left: Int) -> Bool {
            var from = start
            while from < content.endIndex, isSeparator(content[from]) { from += 1 }
            let index = count - left
            if left == 1 { return PinyinSyllable(content[from...]).map { accept(index, $0) } ?? false }
            let key = from * 16 + left
            guard !failed.contains(key), content.endIndex - from >= left else { return false }
            for length in 1...min(8, content.endIndex - from - 1) {
                guard let syllable = PinyinSyllable(content[from..<(from + length)]), accept(index, syllable) else { continue }
                if search(from + length, left - 1) { return true }
            }
            failed.insert(key)
            return false
        }
        return search(content.startIndex, count)
    }

    private static func isSeparator(_ s: Unicode.Scalar) -> Bool { s == " " || s == "'" || s == "’" || s == "-" }
}
