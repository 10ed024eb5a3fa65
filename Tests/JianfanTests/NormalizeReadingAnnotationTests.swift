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
