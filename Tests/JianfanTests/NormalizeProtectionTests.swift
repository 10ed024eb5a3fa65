import Testing
@testable import Jianfan

/// Protected regions come out byte-identical from every step, alone and chained.
@Suite struct NormalizeProtectionTests {
    static let toTraditional = Normalizer(steps: [.readingAnnotations, .punctuationWidth, .lineRepair, .script(.s2twp)])
    static let toSimplified = Normalizer(steps: [.readingAnnotations, .punctuationWidth, .lineRepair, .script(.t2s)])

    @Test(arguments: [
        ("[头(tóu)](http://x/头(tóu))", "[頭](http://x/头(tóu))"),
        ("前\n```\nprint(\"头发\",1)\n```\n后", "前\n```\nprint(\"头发\",1)\n```\n後"),
        ("调用`f(头发,1)`即可", "呼叫`f(头发,1)`即可"),
        ("<a title=\"软件,头(tóu)\">软件</a>", "<a title=\"软件,头(tóu)\">軟體</a>"),
        ("<!-- 头发,软件 -->头发", "<!-- 头发,软件 -->頭髮"),
        ("&nbsp;中文", "&nbsp;中文"),
        ("见&#20013;,好", "見&#20013;，好"),
        ("访问https://x.cn/a?b=1,2,谢谢", "訪問https://x.cn/a?b=1,2，謝謝"),
        ("邮箱bjw.master@163.com,谢谢", "郵箱bjw.master@163.com，謝謝"),
        ("---\ntitle: 头发,软件\n---\n头发", "---\ntitle: 头发,软件\n---\n頭髮"),
        ("函数f(x)的值", "函式f(x)的值"),
    ])
    func regionsStayByteIdentical(input: String, expected: String) {
        #expect(Self.toTraditional.normalize(input).text == expected)
    }

    @Test func eachStepAloneLeavesRegionsAlone() {
        let text = "<a title=\"頭(tóu),\">x</a>`頭(tóu),`[x](http://x/頭(tóu),)&nbsp;a@b.cn,\n```\n頭(tóu),\n```\n"
        for step in Self.toSimplified.steps {
            let (result, _) = step.apply(to: text)
            #expect(result == text, "\(step.name)")
        }
    }

    @Test func asciiParenthesesStayAroundLatinContentAfterALatinWord() {
        let punctuation = PunctuationWidthStep()
        #expect(punctuation.apply(to: "函数f(x)的值").text == "函数f(x)的值")
        #expect(punctuation.apply(to: "设g(x,y)为").text == "设g(x,y)为")
        #expect(punctuation.apply(to: "公司(ABC)成立").text == "公司（ABC）成立")
        #expect(punctuation.apply(to: "函数f(中)的值").text == "函数f（中）的值")
    }
}

/// Readings of words: one syllable per Han character, written together or apart.
@Suite struct MultiSyllableReadingTests {
    let step = ReadingAnnotationStep()

    @Test(arguments: [
        ("银行(yínháng)卡", "银行卡"), ("银行(yin2hang2)卡", "银行卡"), ("我们(wǒmen)", "我们"),
        ("银行（yín háng）", "银行"), ("西安(xī'ān)", "西安"), ("中华人民共和国(zhōnghuárénmíngònghéguó)", "中华人民共和国"),
    ])
    func aReadingOfTheWordIsRemoved(input: String, expected: String) {
        #expect(step.apply(to: input).text == expected)
    }

    @Test(arguments: ["银行(ABC)", "行(yínháng)", "银行(yinhang)", "银行(hello)", "说(中国)"])
    func anythingElseStays(text: String) {
        #expect(step.apply(to: text).text == text)
    }

    @Test func aPolyphonicWordIsUnverified() throws {
        let (text, report) = step.apply(to: "银行(yínháng)")
        #expect(text == "银行")
        #expect(report.changes == [Normalizer.Change(range: 2..<11, before: "(yínháng)", after: "", isUnverified: true)])
    }
}

/// The inputs that once took superlinear time, scaled down: they must still give the right
/// result (their speed is measured by the normalization benchmark).
@Suite struct NormalizeAdversarialTests {
    @Test func aLongRunOfFullWidthLettersIsOneChange() {
        let line = String(repeating: "ＡＢＣ１２３", count: 10_000)
        let (text, report) = PunctuationWidthStep().apply(to: line)
        #expect(text == String(repeating: "ABC123", count: 10_000))
        #expect(report.changes.count == 1)
        #expect(report.changes.first?.range == 0..<60_000)
    }

    @Test func aLongLineWhoseConversionChangesItsLength() {
        let line = String(repeating: "U盘", count: 8_000)
        let (text, report) = ScriptStep(.s2twp).apply(to: line)
        #expect(text == Converter(.s2twp).convert(line))
        #expect(text == String(repeating: "隨身碟", count: 8_000))
        #expect(report.changes.count == 8_000)
        #expect(report.changes.allSatisfy { $0.before == "U盘" && $0.after == "隨身碟" })
    }

    @Test func deeplyNestedParenthesesAndLongAnnotations() {
        let nested = "中" + String(repeating: "(", count: 20_000) + "文" + String(repeating: ")", count: 20_000)
        let text = PunctuationWidthStep().apply(to: nested).text
        #expect(text == "中" + String(repeating: "（", count: 20_000) + "文" + String(repeating: "）", count: 20_000))
        let annotations = String(repeating: "中中中中中中中中(" + String(repeating: "an", count: 30) + ")", count: 500)
        #expect(ReadingAnnotationStep().apply(to: annotations).text == annotations)
    }
}
