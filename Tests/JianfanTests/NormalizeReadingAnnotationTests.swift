import Testing
@testable import Jianfan

@Suite struct NormalizeReadingAnnotationTests {
    let step = ReadingAnnotationStep()

    @Test func removesAToneMarkedReading() {
        let (text, report) = step.apply(to: "工業(yè)和信息化部")
        #expect(text == "工業和信息化部")
        #expect(report.step == "readings")
        #expect(report.changes == [Normalizer.Change(range: 2..<6, before: "(yè)", after: "")])
        #expect(report.unverified == 0)
    }

    @Test func acceptsFullWidthParenthesesAndMixedOnes() {
        #expect(step.apply(to: "發（fā）展").text == "發展")
        #expect(step.apply(to: "發(fā）展").text == "發展")
    }

    @Test func acceptsToneDigitsAndVForÜ() {
        let (text, report) = step.apply(to: "業(ye4)綠(lǜ)綠(lv4)女(nü3)的(de5)")
        #expect(text == "業綠綠女的")
        #expect(report.count == 5)
        #expect(report.unverified == 0)
    }

    @Test func polyphonicReadingsAreRemovedButUnverified() {
        // ICU's default readings are 行 xíng and 長 zhǎng.
        let (text, report) = step.apply(to: "銀行(háng)行(xíng)長(cháng)長(zhǎng)")
        #expect(text == "銀行行長長")
        #expect(report.count == 4)
        #expect(report.unverified == 2)
        #expect(report.changes.filter(\.isUnverified).map(\.before) == ["(háng)", "(cháng)"])
    }

    @Test func aToneMarkedSyllableThatIsNotTheDefaultIsStillRemoved() {
        let (text, report) = step.apply(to: "業(yé)務")
        #expect(text == "業務")
        #expect(report.unverified == 1)
    }

    @Test func realParentheticalsStay() {
        for text in ["《通知》(以下簡稱《通知》),從", "公司(ABC)成立", "業(YE)", "業(abc)", "行(yínháng)",
                     "業()", "業(yè", "第一條(a)規定", "abc(yè)", "。(yè)", "業(\nyè)"] {
            let (result, report) = step.apply(to: text)
            #expect(result == text, "\(text)")
            #expect(report.count == 0, "\(text)")
        }
    }

    @Test func aToneLessSyllableIsRemovedOnlyWhenICUConfirmsIt() {
        #expect(step.apply(to: "的(de)人").text == "的人")
        #expect(step.apply(to: "業(ye)").text == "業")
        #expect(step.apply(to: "條(a)").text == "條(a)")
    }

    @Test func reportsOffsetsInUnicodeScalarsOfTheInput() {
        let (text, report) = step.apply(to: "😀業(yè)發(fā)")
        #expect(text == "😀業發")
        #expect(report.changes.map(\.range) == [2..<6, 7..<11])
    }

    @Test func pinyinSyllablesParse() throws {
        #expect(PinyinSyllables.all.count >= 400)
        let ye = try #require(PinyinSyllable("yè".unicodeScalars))
        #expect(ye == PinyinSyllable("ye4".unicodeScalars))
        #expect(ye == PinyinSyllable("ye\u{300}".unicodeScalars)) // combining grave
        #expect(PinyinSyllable("lv4".unicodeScalars) == PinyinSyllable("lǜ".unicodeScalars))
        #expect(PinyinSyllable("lüè".unicodeScalars)?.base == "lüe")
        #expect(PinyinSyllable("zhōng".unicodeScalars)?.tone == 1)
        #expect(PinyinSyllable("de5".unicodeScalars)?.tone == 0)
        #expect(PinyinSyllable("de".unicodeScalars)?.tone == nil)
        for invalid in ["abc", "ABC", "yèè", "ye44", "4ye", "xyz", "", "sic", "yé4", "bia"] {
            #expect(PinyinSyllable(invalid.unicodeScalars) == nil, "\(invalid)")
        }
    }
}

/// `ReadingMatch.Syllables.counts` (one pass over the positions) against the search it
/// replaced (every split tried, failures remembered), on random annotations made of syllables,
/// separators and stray letters, digits and tone marks.
@Suite struct ReadingMatchReferenceTests {
    /// Whether `content` splits into exactly `count` syllables, the `j`-th of which `accept`
    /// takes: the search the step ran before.
    static func split(_ content: ArraySlice<Unicode.Scalar>, into count: Int,
                      accepting accept: (Int, PinyinSyllable) -> Bool) -> Bool {
        var failed = Set<Int>()
        func isSeparator(_ s: Unicode.Scalar) -> Bool { s == " " || s == "'" || s == "’" || s == "-" }
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

    @Test func countsAgreeWithTheSearchOnRandomAnnotations() {
        var random = SystemRandomNumberGenerator()
        let pieces = ["yin", "háng", "xing", "zhang", "an", "e", "er", "ng", "n", "a", "ü", "lv", "4", "2", "\u{301}",
                      " ", "'", "-", "’", "x", "q", "daemon", "pipe", "zhuang", "ê", "m", "o"]
        let readings: [Unicode.Scalar] = ["銀", "行", "長", "業", "發", "安", "兒", "嗯"]
        for _ in 0..<3_000 {
            let content = Array((0..<Int.random(in: 1...7, using: &random))
                .map { _ in pieces.randomElement(using: &random)! }.joined().unicodeScalars.prefix(65))
            let word = (0..<Int.random(in: 1...8, using: &random)).map { _ in readings.randomElement(using: &random)! }
            let syllables = ReadingMatch.Syllables(content)
            let predicates: [(Int, PinyinSyllable) -> Bool] = [
                { _, _ in true },
                { _, syllable in syllable.tone != nil },
                { j, syllable in j < word.count && HanReadings.syllable(of: word[j]).map { syllable.isReading($0) } == true },
            ]
            for accept in predicates {
                let counts = syllables.counts(accepting: accept)
                for count in 1...8 {
                    let expected = Self.split(content[...], into: count, accepting: accept)
                    #expect((counts & 1 << count != 0) == expected, "\(String(String.UnicodeScalarView(content))) into \(count)")
                }
            }
        }
    }
}
