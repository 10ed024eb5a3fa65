import Testing
@testable import Jianfan

@Suite struct NormalizePunctuationWidthTests {
    let step = PunctuationWidthStep()

    private func normalized(_ text: String) -> String { step.apply(to: text).text }

    @Test func asciiPunctuationInCJKTextBecomesFullWidth() {
        #expect(normalized("原文如下:一,二;三?四!") == "原文如下：一，二；三？四！")
        #expect(normalized("旗县(市、区)均为") == "旗县（市、区）均为")
        #expect(normalized("(一)精准划定") == "（一）精准划定")
        #expect(normalized("“十四五”,规划") == "“十四五”，规划")
        #expect(normalized("什么?!") == "什么？！")
    }

    @Test func reportsEachConvertedScalar() {
        let (_, report) = step.apply(to: "印发(以下简称《通知》),从")
        #expect(report.step == "punctuation")
        #expect(report.changes.map(\.range) == [2..<3, 11..<12, 12..<13])
        #expect(report.changes.map(\.after) == ["（", "）", "，"])
    }

    @Test func aParenthesizedLatinWordInChineseTextIsConvertedAsAPair() {
        #expect(normalized("公司(ABC)成立") == "公司（ABC）成立")
        #expect(normalized("He said (ABC) twice.") == "He said (ABC) twice.")
    }

    @Test func nonCJKTextIsLeftAlone() {
        for text in [
            "Hello, world: yes; no? ok!", "version 2.0 at 10:30", "升级到2.0版本", "今天10:30开会",
            "共1,000人", "https://a.b/c?d=1,2", "f(x) = (a, b)", "<http://a.b/?q=1,2>",
        ] {
            #expect(normalized(text) == text, "\(text)")
            #expect(step.apply(to: text).report.count == 0, "\(text)")
        }
    }

    @Test func urlsInChineseTextAreUntouched() {
        #expect(normalized("见https://a.b/c?d=1,2,谢谢") == "见https://a.b/c?d=1,2，谢谢")
        #expect(normalized("访问www.example.com/a?b=1,c=2!谢谢") == "访问www.example.com/a?b=1,c=2！谢谢")
        #expect(normalized("访问www.example.com/a?b=1,c=2!") == "访问www.example.com/a?b=1,c=2!") // no CJK after it
    }

    @Test func markupIsUntouched() {
        #expect(normalized("<a title=\"说明:好\">链接,见</a>") == "<a title=\"说明:好\">链接，见</a>")
        #expect(normalized("[返回首页](//finews.withounder.com/(a))") == "[返回首页](//finews.withounder.com/(a))")
        #expect(normalized("图片![图](x.png)") == "图片![图](x.png)")
        let frontMatter = "---\ntitle: \"标题:副标题\"\ntags: 新闻,财经\n---\n正文:开始"
        #expect(normalized(frontMatter) == "---\ntitle: \"标题:副标题\"\ntags: 新闻,财经\n---\n正文：开始")
        let code = "说明:\n```\nlet a = f(中文,2)\n```\n完"
        #expect(normalized(code) == "说明：\n```\nlet a = f(中文,2)\n```\n完")
    }

    @Test func fullWidthLettersAndDigitsBecomeHalfWidth() {
        let (text, report) = step.apply(to: "型号ＡＢＣ１２３和ｘ")
        #expect(text == "型号ABC123和x")
        #expect(report.changes == [
            Normalizer.Change(range: 2..<8, before: "ＡＢＣ１２３", after: "ABC123"),
            Normalizer.Change(range: 9..<10, before: "ｘ", after: "x"),
        ])
    }

    @Test func fullWidthPunctuationAndIdeographicSpaceStay() {
        let text = "　　第一，（二）：三；％＃"
        #expect(normalized(text) == text)
    }
}
