import Testing
@testable import Jianfan
@testable import JianfanCLI

/// The `///` examples of protected conversion: ``Markup``, ``Protection``, ``ProtectionError``,
/// `Converter.protecting`, and the command line's ``ProtectionChoice``.
@Suite("Examples: Markup, Protection, Converter.protecting")
struct ProtectionExamples {
    @Test("Markup by path and by content")
    func markup() {
        #expect(Markup(path: "notes/README.md") == .markdown)
        #expect(Markup(path: "index.xhtml") == .html)
        #expect(Markup(path: "a.txt") == nil)   // nil: the extension says nothing
        #expect(Markup(path: "Guide.MD") == .markdown)
        #expect(Markup(sniffing: Array("<!DOCTYPE html>\n<p>头发</p>".utf8)) == .html)
        #expect(Markup(sniffing: Array("---\ntitle: 头发\n---\n".utf8)) == .markdown)
    }

    @Test("Protection: markup and patterns")
    func protection() throws {
        let markdown = Converter(.s2t).protecting(Protection(markup: .markdown))
        #expect(markdown.convert("头发 `头发` [头发](http://头发.cn)") == "頭髮 `头发` [頭髮](http://头发.cn)")
        let patterns = try Protection(patterns: ["#\\w+"])   // hashtags stay as written
        #expect(Converter(.s2t).protecting(patterns).convert("头发 #头发") == "頭髮 #头发")
        #expect(Protection(markup: .html).markup == .html)
        #expect(try Protection(patterns: ["\\d+号"]).patterns == ["\\d+号"])
        #expect(Protection.none.isEmpty)
        do {
            let protection = Protection(markup: .mediawiki)
            #expect(protection.markup == .mediawiki)
        }
        do {
            let protection = try Protection(markup: .markdown, patterns: ["\\$[^$]+\\$"])   // TeX math too
            #expect(Converter(.s2t).protecting(protection).convert("头发 $头发$") == "頭髮 $头发$")
        }
        #expect(!Protection(markup: .html).isEmpty)
    }

    @Test("ProtectionError: pattern, reason, offset, description")
    func error() {
        do {
            _ = try Protection(patterns: ["[a-"])
            Issue.record("accepted [a-")
        } catch let error {
            print(error.pattern)   // "[a-"
            #expect(error.pattern == "[a-")
            print(error.reason)
            #expect(error.reason == "U_REGEX_INVALID_RANGE")
            #expect(error.offset == 3)
            print(error.description)
            #expect(error.description == "invalid regular expression '[a-' (U_REGEX_INVALID_RANGE at offset 3)")
        }
    }

    @Test("Converter.protecting and .protection")
    func protecting() {
        #expect(Converter(.s2t).protecting(Protection(markup: .html)).protection.markup == .html)
        let wiki = Converter(.s2twp).protecting(Protection(markup: .mediawiki))
        #expect(wiki.convert("-{zh-hans:计算机;zh-hant:電腦;}-与-{头发}-") == "電腦與头发")
        #expect(Converter(.s2t).protecting(Protection(markup: .html)).convert("<p title=\"头发\" class=\"头发\">头发</p>")
            == "<p title=\"頭髮\" class=\"头发\">頭髮</p>")
        #expect(Converter(.s2t).protecting(.markdown).convert("```\n头发\n```\n头发\n") == "```\n头发\n```\n頭髮\n")
    }

    @Test("Normalizer.markup")
    func normalizerMarkup() {
        var normalizer = Normalizer.standard(script: .t2s)
        normalizer.markup = Markup(path: "page.html")   // .html: a ``` line is text
        #expect(normalizer.markup == .html)
    }

    @Test("Normalizer.patterns and protect(patterns:)")
    func normalizerPatterns() throws {
        #expect(Normalizer.standard().patterns == [])
        var normalizer = Normalizer.standard(script: .s2t)
        try normalizer.protect(patterns: ["#\\w+"])   // hashtags stay as written
        #expect(normalizer.normalize("头发 #头发").text == "頭髮 #头发")
        #expect(normalizer.patterns == ["#\\w+"])
        #expect(throws: ProtectionError.self) { try normalizer.protect(patterns: ["[a-"]) }
        #expect(normalizer.patterns == ["#\\w+"])
    }

    @Test("ProtectionChoice: --markup, --protect, extensions")
    func choice() throws {
        let choice = try ProtectionChoice(markup: nil, patterns: ["#\\w+"])
        #expect(choice.protection(for: "a/b.md").markup == .markdown)
        #expect(choice.protection(for: "-").markup == .none)
        #expect(choice.protection(for: "a/b.md").patterns == ["#\\w+"])
    }
}
