import Foundation
import Testing

/// `--markup` and `--protect` end to end: what each markup keeps byte for byte, files by
/// extension (a tree included), and a pattern ICU rejects.
@Suite("Protected spans: --markup and --protect")
struct ProtectionCLITests {
    private func convert(_ text: String, _ arguments: [String]) throws -> RunResult {
        let dir = try TemporaryDirectory()
        return try CLI.run(arguments, stdin: Array(text.utf8), in: dir.url)
    }

    @Test("markdown: front matter, fenced and inline code, link targets, HTML attributes, entities, URLs, e-mail stay")
    func markdown() throws {
        let input = "---\ntitle: 头发\n---\n头发 `头发` [头发](http://头发.cn/头发)\n"
            + "<span title=\"头发\">头发</span> &nbsp; https://example.com/a?b 头发 t.f@example.com\n"
            + "```\n头发\n```\n~~~\n头发\n"   // an unclosed fence runs to the end
        let result = try convert(input, ["-c", "s2t", "--markup", "markdown"])
        #expect(result.status == 0)
        #expect(result.stdoutText == "---\ntitle: 头发\n---\n頭髮 `头发` [頭髮](http://头发.cn/头发)\n"
            + "<span title=\"头发\">頭髮</span> &nbsp; https://example.com/a?b 頭髮 t.f@example.com\n"
            + "```\n头发\n```\n~~~\n头发\n")
    }

    @Test("html: tags and attributes, comments across lines, script and style, entities, URLs; alt and title convert")
    func html() throws {
        let input = "<!DOCTYPE html>\n<p class=\"头发\" title=\"头发&amp;后来\"\n   data-x='头发'>头发&amp;后来</p>\n"
            + "<!-- 头发\n头发 -->\n<script>var s = \"头发\";\n</script><style>p::after { content: \"头发\" }</style>头发\n"
        let result = try convert(input, ["-c", "s2t", "--markup", "html"])
        #expect(result.status == 0)
        #expect(result.stdoutText == "<!DOCTYPE html>\n<p class=\"头发\" title=\"頭髮&amp;後來\"\n   data-x='头发'>頭髮&amp;後來</p>\n"
            + "<!-- 头发\n头发 -->\n<script>var s = \"头发\";\n</script><style>p::after { content: \"头发\" }</style>頭髮\n")
    }

    @Test("mediawiki: -{…}- unconverted without markers; variants by target, with fallbacks")
    func mediawiki() throws {
        let input = "头发-{头发}-头发 -{zh-hans:计算机;zh-hant:電腦;}- -{zh-cn:计算机;zh-hk:電腦;}- -{R|头发}--{H|zh-cn:x;zh-tw:y}- -{头发\n"
        let tw = try convert(input, ["-c", "s2twp", "--markup", "mediawiki"])
        #expect(tw.status == 0)
        #expect(tw.stdoutText == "頭髮头发頭髮 電腦 電腦 头发 -{頭髮\n")
        let cn = try convert("-{zh-hans:计算机;zh-hant:電腦;}- -{zh-tw:電腦}-\n", ["-c", "t2s", "--markup", "mediawiki"])
        #expect(cn.stdoutText == "计算机 电脑\n")   // no Simplified variant: the first one, converted
        let plain = try convert("头发-{头发}-\n", ["-c", "s2t"])
        #expect(plain.stdoutText == "頭髮-{頭髮}-\n")   // no --markup: markers are text
    }

    @Test("--protect: matches stay, repeatable, per line; a bad pattern is a usage error naming ICU's error and offset")
    func patterns() throws {
        let result = try convert("头发 #头发 后来 [[头发]]\n^头发\n", ["-c", "s2t", "--protect", "#\\w+", "--protect", "\\[\\[.*?\\]\\]", "--protect", "^\\^头发$"])
        #expect(result.status == 0)
        #expect(result.stdoutText == "頭髮 #头发 後來 [[头发]]\n^头发\n")
        // The markups' URLs are ASCII (a URL stops at its first other character); a pattern keeps IRIs.
        let iri = try convert("见 https://zh.wikipedia.org/wiki/头发 头发\n", ["-c", "s2t", "--markup", "markdown", "--protect", "https?://\\S+"])
        #expect(iri.stdoutText == "見 https://zh.wikipedia.org/wiki/头发 頭髮\n")
        let bad = try convert("头发\n", ["-c", "s2t", "--protect", "[a-"])
        #expect(bad.status == 2)
        #expect(bad.stdout.isEmpty)
        #expect(bad.stderr.contains("--protect: invalid regular expression '[a-' (U_REGEX_INVALID_RANGE at offset 3)"))
        let icu = try convert("头发\n", ["-c", "s2t", "--engine", "icu", "--markup", "html"])
        #expect(icu.status == 2)
    }

    @Test("normalize: .html files have no fenced blocks, .md files do; --markup overrides; content decides for the rest")
    func normalizeByExtension() throws {
        let dir = try TemporaryDirectory()
        let fenced = "```\n中文,中文\n```\n"
        try dir.write("a.md", fenced)
        try dir.write("a.html", fenced)
        try dir.write("a.txt", "<!doctype html>\n" + fenced)
        #expect(try CLI.run(["normalize", "--steps", "punctuation", "a.md"], in: dir.url).stdoutText == fenced)
        #expect(try CLI.run(["normalize", "--steps", "punctuation", "a.html"], in: dir.url).stdoutText == "```\n中文，中文\n```\n")
        #expect(try CLI.run(["normalize", "--steps", "punctuation", "--markup", "markdown", "a.html"], in: dir.url).stdoutText == fenced)
        #expect(try CLI.run(["normalize", "--steps", "punctuation", "a.txt"], in: dir.url).stdoutText
            == "<!doctype html>\n```\n中文，中文\n```\n")
        #expect(try CLI.run(["normalize", "--steps", "punctuation"], stdin: Array(fenced.utf8), in: dir.url).stdoutText == fenced)
    }

    @Test("normalize --markup: each mode's kinds come out of every step byte-identical; none protects nothing; --protect")
    func normalizeModes() throws {
        let bait = "头(tóu)发,软件ＡＢ"
        let kinds: [(String, [String])] = [
            ("markdown", ["`\(bait)`", "<a title=\"\(bait)\">", "<!-- \(bait) -->", "](http://x/\(bait))", "&nbsp;", "http://x.cn/(b)"]),
            ("html", ["<p class=\"\(bait)。头发\n头发。\" data-x='中,文'>", "<!--\(bait)。注释头发\n头发中文。-->", "<script>var s = \"\(bait)\";\n</script>",
                      "&nbsp;", "http://x.cn/(b)"]),
            ("mediawiki", ["-{\(bait)}-", "-{zh-hans:头发,软件;zh-hant:頭髮,軟體;}-"]),
        ]
        let steps = ["--steps", "readings,punctuation,lines", "--to", "traditional", "--protect", "#\\S+"]
        for (markup, texts) in kinds {
            let input = texts.map { "见" + $0 + "见,软件的发展和变化是中文里常见的事情\n" }.joined() + "见#\(bait) 软件\n"
            let result = try convert(input, ["normalize", "--markup", markup] + steps)
            #expect(result.status == 0)
            for text in texts + ["#\(bait)"] { #expect(result.stdoutText.contains(text), "\(markup): \(text)") }
            #expect(result.stdoutText.contains("見,軟體") == false)   // the prose around them changed
            let none = try convert(input, ["normalize", "--markup", "none"] + steps)
            for text in texts { #expect(!none.stdoutText.contains(text), "none: \(text)") }
            #expect(none.stdoutText.contains("#\(bait)"))
        }
        let bad = try convert("头发\n", ["normalize", "--protect", "[a-"])
        #expect(bad.status == 2)
        #expect(bad.stdout.isEmpty)
        #expect(bad.stderr.contains("--protect: invalid regular expression '[a-' (U_REGEX_INVALID_RANGE at offset 3)"))
    }

    @Test("normalize and convert of a >1 MiB line with no break: the whole line's conversion")
    func longLine() throws {
        let line = String(repeating: "头发", count: (1 << 20) * 3 / 2 / 6) + "\n"
        let expected = String(repeating: "頭髮", count: (1 << 20) * 3 / 2 / 6) + "\n"
        #expect(try convert(line, ["normalize", "--to", "traditional"]).stdoutText == expected)
        #expect(try convert(line, ["-c", "s2t", "--markup", "markdown"]).stdoutText == expected)
    }

    @Test("files: .md and .html by extension, in a tree too; --markup overrides; standard input is none")
    func byExtension() throws {
        let dir = try TemporaryDirectory()
        try FileManager.default.createDirectory(at: dir.file("src/sub"), withIntermediateDirectories: true)
        let markdown = "头发 `头发`\n"
        let html = "<b title=\"头发\" class=\"头发\">头发</b>\n"
        try dir.write("src/a.md", Array(markdown.utf8))
        try dir.write("src/sub/b.HTML", Array(html.utf8))
        try dir.write("src/c.txt", Array(markdown.utf8))
        let tree = try CLI.run(["-c", "s2t", "src", "--output-dir", "out"], in: dir.url)
        #expect(tree.status == 0)
        #expect(try dir.readText("out/a.md") == "頭髮 `头发`\n")
        #expect(try dir.readText("out/sub/b.HTML") == "<b title=\"頭髮\" class=\"头发\">頭髮</b>\n")
        #expect(try dir.readText("out/c.txt") == "頭髮 `頭髮`\n")
        let file = try CLI.run(["-c", "s2t", "-i", "src/a.md"], in: dir.url)
        #expect(file.stdoutText == "頭髮 `头发`\n")
        let none = try CLI.run(["-c", "s2t", "--markup", "none", "src/a.md"], in: dir.url)
        #expect(none.stdoutText == "頭髮 `頭髮`\n")
        let stdin = try CLI.run(["-c", "s2t"], stdin: Array(markdown.utf8), in: dir.url)
        #expect(stdin.stdoutText == "頭髮 `頭髮`\n")
        let explicit = try CLI.run(["-c", "s2t", "--markup", "markdown", "src", "--output-dir", "out2"], in: dir.url)
        #expect(explicit.status == 0)
        #expect(try dir.readText("out2/c.txt") == "頭髮 `头发`\n")
        #expect(try dir.readText("out2/sub/b.HTML") == "<b title=\"头发\" class=\"头发\">頭髮</b>\n")   // Markdown keeps a tag whole
        let inPlace = try CLI.run(["-c", "s2t", "--in-place", "src/a.md"], in: dir.url)
        #expect(inPlace.status == 0)
        #expect(try dir.readText("src/a.md") == "頭髮 `头发`\n")
    }
}
