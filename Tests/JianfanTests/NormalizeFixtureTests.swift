import Foundation
import Testing
@testable import Jianfan

/// Acceptance on the real documents in Tests/Fixtures.
@Suite struct NormalizeFixtureTests {
    let toSimplified = Normalizer(steps: [.readingAnnotations, .punctuationWidth, .lineRepair, .script(.t2s)])

    // 001: an official notice in Traditional script, with pinyin after many characters and
    // ASCII punctuation.
    @Test func notice001ToSimplified() throws {
        let result = toSimplified.normalize(try NormalizeFixtures.text("001"))
        let readings = try #require(result.report(for: "readings"))
        #expect(readings.count == 196)
        #expect(readings.unverified == 0)
        #expect(readings.changes.allSatisfy { $0.after.isEmpty && $0.before.hasPrefix("(") })
        #expect(try #require(result.report(for: "punctuation")).count == 63) // 58 `,` 2 `:` 1 `;` 1 `(` 1 `)`
        #expect(try #require(result.report(for: "lines")).count == 0)

        let text = result.text
        #expect(!text.contains("(yè)") && !text.contains("(fā)"))
        #expect(text.firstRange(of: /\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/) == nil)
        #expect(text.contains("（以下简称《通知》）"))
        #expect(!text.contains("(") && !text.contains(")"))
        #expect(Self.asciiPunctuationBetweenCJK(in: text).isEmpty)
        #expect(text.contains("17项"))
        #expect(text.contains("〔2022〕160号"))
        #expect(text.contains("原文如下："))
        // Needs the real conversion engine:
        #expect(text.contains("关于巩固回升向好趋势加力振作工业经济的通知"))
        #expect(text.hasPrefix("工业和信息化部、国家发展改革委、国务院国资委21日联合印发《关于"))
    }

    // 003: already Simplified; only its ASCII punctuation changes, one scalar for one.
    @Test func document003ChangesOnlyPunctuation() throws {
        let original = try NormalizeFixtures.text("003")
        let result = toSimplified.normalize(original)
        #expect(result.reports.map(\.step) == ["readings", "punctuation", "lines", "script"])
        // 211 `,` 25 `(` 25 `)` 14 `:` 1 `;` — all of them in CJK text.
        #expect(result.reports.map(\.count) == [0, 276, 0, 0])
        let before = Array(original.unicodeScalars), after = Array(result.text.unicodeScalars)
        #expect(before.count == after.count)
        let fullWidth: [Unicode.Scalar: Unicode.Scalar] = [",": "，", ":": "：", ";": "；", "(": "（", ")": "）"]
        for (a, b) in zip(before, after) where a != b {
            #expect(fullWidth[a] == b, "\(a) became \(b)")
        }
        #expect(result.text.contains("联系邮箱：bjwmaster@163.com。"))
    }

    // 004: Markdown with front matter, HTML and URLs; already Simplified.
    @Test func document004KeepsMarkupByteIdentical() throws {
        let original = try NormalizeFixtures.text("004")
        let result = toSimplified.normalize(original)
        #expect(result.reports.map(\.count) == [0, 2, 0, 0]) // `(来源：工信部)` → `（来源：工信部）`
        #expect(result.text.contains("（来源：工信部）"))

        let originalLines = original.split(separator: "\n", omittingEmptySubsequences: false)
        let resultLines = result.text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(originalLines.count == resultLines.count)
        #expect(originalLines.prefix(7) == resultLines.prefix(7)) // the front matter, `---` to `---`
        #expect(originalLines[6] == "---")

        for pattern in [/<[^<>\n]+>/, /(?:https?:)?\/\/[^\s)<>"]+/] {
            let before = original.matches(of: pattern).map { String($0.output) }
            let after = result.text.matches(of: pattern).map { String($0.output) }
            #expect(!before.isEmpty)
            #expect(before == after)
        }
    }

    // 000 and 002 (news reports): no annotations; page-break splits are joined.
    @Test func newsReportsGetTheirSplitSentencesJoined() throws {
        let news000 = toSimplified.normalize(try NormalizeFixtures.text("000"))
        #expect(news000.reports.map(\.count) == [0, 0, 4, 0])
        #expect(news000.text.contains("政策叠加组合效应持续释放"))
        #expect(news000.text.contains("畅通投诉反映渠道"))
        #expect(news000.text.contains("\n\n受外部不确定不稳定因素较多等影响")) // paragraphs stay apart

        let news002 = toSimplified.normalize(try NormalizeFixtures.text("002"))
        #expect(news002.report(for: "punctuation")?.count == 12) // 5 `(` 5 `)` 2 `?`
        #expect(news002.text.contains("先后建成上线"))
        #expect(news002.text.contains("位置\n\n受外部")) // a heading is not joined to its paragraph
    }

    /// ASCII `,` `:` `;` with a CJK scalar on both sides.
    static func asciiPunctuationBetweenCJK(in text: String) -> [Int] {
        let s = Array(text.unicodeScalars)
        return s.indices.dropFirst().dropLast().filter { i in
            [",", ":", ";"].contains(s[i]) && ScalarClass.isStrongCJK(s[i - 1]) && ScalarClass.isStrongCJK(s[i + 1])
        }
    }
}
