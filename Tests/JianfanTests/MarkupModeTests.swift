import Foundation
import Testing
@testable import Jianfan

/// One meaning per markup for conversion and normalization (`MarkupScanner`): in each mode,
/// every kind that mode protects comes out of every normalization step, alone and chained,
/// byte-identical, and out of a protected conversion too; `none` protects nothing. Each kind is
/// bait for the steps: a reading `头(tóu)`, ASCII punctuation between Han characters, a
/// full-width letter, Simplified text, a line break in the middle of a sentence.
@Suite("Markup modes: the same protection for normalization and conversion")
struct MarkupModeTests {
    /// A protected kind: its text, and the prose around it (which the steps do change).
    struct Kind: CustomStringConvertible {
        let name: String
        let text: String
        var description: String { name }
    }

    static let bait = "头(tóu)发,软件ＡＢ"
    static let markdown = [
        Kind(name: "front matter", text: "---\ntitle: \(bait)\n---\n"),
        Kind(name: "fenced code", text: "```\n\(bait)\n```\n"),
        Kind(name: "inline code", text: "`\(bait)`"),
        Kind(name: "tag and attributes", text: "<a title=\"\(bait)\">"),
        Kind(name: "comment", text: "<!-- \(bait) -->"),
        Kind(name: "link target", text: "](http://x/\(bait))"),
        Kind(name: "entity", text: "&nbsp;"),
        Kind(name: "URL", text: "http://x.cn/(b)"),
    ]
    static let html = [
        // Line repair would join these breaks (a Han end after a sentence end, a Han start).
        Kind(name: "tag across lines", text: "<p class=\"\(bait)。头发\n头发。\" data-x='中,文'>"),
        Kind(name: "comment across lines", text: "<!--\(bait)。注释头发\n头发中文。-->"),
        Kind(name: "script", text: "<script>var s = \"\(bait)\";\n</script>"),
        Kind(name: "style", text: "<style>p::after { content: \"\(bait)\" }</style>"),
        Kind(name: "entity", text: "&nbsp;"),
        Kind(name: "URL", text: "http://x.cn/(b)"),
    ]
    static let mediawiki = [
        Kind(name: "-{…}-", text: "-{\(bait)}-"),
        Kind(name: "variants", text: "-{zh-hans:头发,软件;zh-hant:頭髮,軟體;}-"),
    ]
    static let pattern = Kind(name: "pattern", text: "#\(bait)")

    /// The kinds in running text: each between Han characters, on a line that ends mid-sentence
    /// (line repair would join it to the next), then the pattern's kind.
    static func document(_ kinds: [Kind]) -> String {
        kinds.map { kind in
            if kind.name == "front matter" { return kind.text }   // only at the start
            return kind.text.hasSuffix("\n") ? "中文，\n" + kind.text : "见" + kind.text + "见,软件(tóu)的发展和变化是中文里常见的事情\n"
        }.joined() + "见" + pattern.text + " 软件\n"
    }

    static let steps: [(String, Normalizer)] = [
        ("readings", Normalizer(steps: [.readingAnnotations])),
        ("punctuation", Normalizer(steps: [.punctuationWidth])),
        ("lines", Normalizer(steps: [.lineRepair])),
        ("script", Normalizer(steps: [.script(.s2t)])),
        ("all", Normalizer(steps: [.readingAnnotations, .punctuationWidth, .lineRepair, .script(.s2twp)])),
    ]

    @Test("Each step, alone and chained, leaves each protected kind byte-identical, in each mode",
          arguments: [(Markup.markdown, markdown), (.html, html), (.mediawiki, mediawiki)])
    func everyStepKeepsEveryKind(_ markup: Markup, _ kinds: [Kind]) throws {
        let text = Self.document(kinds)
        for (name, base) in Self.steps {
            var normalizer = base
            normalizer.markup = markup
            try normalizer.protect(patterns: ["#\\S+"])
            let output = normalizer.normalize(text).text
            for kind in kinds + [Self.pattern] {
                #expect(output.contains(kind.text), "\(markup), \(name): \(kind) in \(output)")
            }
            if name == "all" { #expect(output != text) }   // the prose around them did change
        }
    }

    @Test("none protects nothing but the patterns: every kind is bait again")
    func noneProtectsNothing() throws {
        var normalizer = Self.steps.last!.1
        normalizer.markup = Markup.none
        let text = Self.document(Self.markdown + Self.html + Self.mediawiki)
        #expect(!normalizer.normalize(text).text.contains(Self.pattern.text))
        try normalizer.protect(patterns: ["#\\S+"])
        let output = normalizer.normalize(text).text
        #expect(output.contains(Self.pattern.text))
        for kind in Self.markdown + Self.html + Self.mediawiki {
            #expect(!output.contains(kind.text), "none: \(kind) kept in \(output)")
        }
        // Line repair alone joins the breaks inside HTML's kinds when nothing protects them.
        var lines = Normalizer(steps: [.lineRepair])
        lines.markup = Markup.none
        let joined = lines.normalize(Self.document(Self.html)).text
        for kind in Self.html where kind.name.hasSuffix("across lines") {
            #expect(joined.contains(kind.text.replacingOccurrences(of: "\n", with: "")), "none: \(kind) not joined")
        }
    }

    @Test("Conversion protects the same kinds in each mode (MediaWiki's spans rendered)")
    func conversionKeepsTheSameKinds() throws {
        for (markup, kinds) in [(Markup.markdown, Self.markdown), (.html, Self.html)] {
            let converter = Converter(.s2t).protecting(try Protection(markup: markup, patterns: ["#\\S+"]))
            let output = converter.convert(Self.document(kinds))
            for kind in kinds + [Self.pattern] { #expect(output.contains(kind.text), "\(markup): \(kind)") }
        }
        let wiki = Converter(.s2t).protecting(.mediawiki).convert(Self.document(Self.mediawiki))
        #expect(wiki.contains(Self.bait + "見") && wiki.contains("頭髮,軟體"))
    }

    @Test("HTML's readable attributes are text in both commands; a fence is text in HTML")
    func readableAttributes() {
        var normalizer = Normalizer(steps: [.punctuationWidth, .script(.s2t)])
        normalizer.markup = .html
        #expect(normalizer.normalize("<img alt=\"头发,软件\" src=\"头发,x\">\n```\n头发,软件\n```\n").text
            == "<img alt=\"頭髮，軟件\" src=\"头发,x\">\n```\n頭髮，軟件\n```\n")
        #expect(Converter(.s2t).protecting(.html).convert("<img alt=\"头发\" src=\"头发\">") == "<img alt=\"頭髮\" src=\"头发\">")
    }

    @Test("Streams with small windows and random chunks equal the whole text, in each mode; HTML's state crosses windows")
    func streamsEqualWholeText() throws {
        var rng = SplitMix64(seed: 0x4D41_524B)
        let text = Array(Self.document(Self.markdown + Self.html + Self.mediawiki).utf8)
        let kinds: [Markup: [Kind]] = [.markdown: Self.markdown, .html: Self.html, .mediawiki: Self.mediawiki, .none: []]
        for markup in Markup.allCases {
            var normalizer = Self.steps.last!.1
            normalizer.markup = markup
            try normalizer.protect(patterns: ["#\\S+"])
            let whole = normalizer.normalize(String(decoding: text, as: UTF8.self)).text
            for windowSize in [48, 200] {
                var stream = NormalizationStream(normalizer: normalizer, lossy: false, reporting: false, windowSize: windowSize, threads: 2)
                var out: [UInt8] = []
                var start = 0
                while start < text.count {
                    let end = min(text.count, start + 1 + Int(rng.next() % 64))
                    try stream.write(text[start..<end], into: &out)
                    start = end
                }
                try stream.finish(into: &out)
                let output = String(decoding: out, as: UTF8.self)
                // Windows of whole lines change nothing; 48 bytes cut the longer lines into parts.
                if windowSize == 200 { #expect(output == whole, "\(markup)") }
                #expect(output.contains(Self.pattern.text), "\(markup), \(windowSize)")
                if markup == .html || windowSize == 200 {
                    for kind in kinds[markup]! { #expect(output.contains(kind.text), "\(markup), \(windowSize): \(kind)") }
                }
            }
        }
    }

    @Test("Random markup through every mode: streams in random chunks equal the whole text; tiny windows never fail")
    func randomMarkup() throws {
        var rng = SplitMix64(seed: 0x5241_4E44)
        let fragments = ProtectionTests.fragments + ["(tóu)", ",", "ＡＢ", "。", "头发中文。", "\n\n"]
        for round in 0..<40 {
            var text: [UInt8] = []
            for _ in 0..<(20 + round * 5) { text += Array(fragments[Int(rng.next() % UInt64(fragments.count))].utf8) }
            for markup in Markup.allCases {
                var normalizer = Self.steps.last!.1
                normalizer.markup = markup
                try normalizer.protect(patterns: ["#\\S+"])
                let whole = Array(normalizer.normalize(String(decoding: text, as: UTF8.self)).text.utf8)
                for windowSize in [NormalizationStream.windowSize, 16] {
                    var stream = NormalizationStream(normalizer: normalizer, lossy: true, reporting: false, windowSize: windowSize, threads: 2)
                    var out: [UInt8] = []
                    var start = 0
                    while start < text.count {
                        let end = min(text.count, start + 1 + Int(rng.next() % 40))
                        try stream.write(text[start..<end], into: &out)
                        if rng.next() % 4 == 0 { stream.flush(into: &out) }
                        start = end
                    }
                    try stream.finish(into: &out)
                    if windowSize > 16 { #expect(out == whole, "\(markup): \(String(decoding: text, as: UTF8.self))") }
                }
            }
        }
    }
}
