import Testing
@testable import Jianfan

/// Protected conversion: streams equal whole conversions however the input is cut, memory stays
/// bounded when a protected block never closes, phrases never cross a span's edge, and the
/// default conversion is untouched.
@Suite("Protection: protected spans in conversion")
struct ProtectionTests {
    static let fragments = [
        "头发", "后来", "计算机", "干了", " ", "\n", "\r\n", "`", "```\n", "~~~\n", "---\n", "<p title=\"", "\" class=\"", "\">",
        "</p>", "<!--", "-->", "<script>", "</script>", "<style>", "</style>", "&amp;", "&#20013;", "http://头发.cn/后来",
        "www.example.com", "a@b.cn", "-{", "}-", "zh-hans:", "zh-hant:", ";", "R|", "H|", "#", "[", "](", ")", "<", ">",
    ]

    static func randomText(_ rng: inout SplitMix64, count: Int) -> [UInt8] {
        var text: [UInt8] = []
        for _ in 0..<count { text += Array(fragments[Int(rng.next() % UInt64(fragments.count))].utf8) }
        return text
    }

    static func streamed(_ converter: Converter, _ text: [UInt8], _ rng: inout SplitMix64) throws -> [UInt8] {
        var stream = converter.makeStream()
        var out: [UInt8] = []
        var start = 0
        while start < text.count {
            let end = min(text.count, start + 1 + Int(rng.next() % 40))
            try stream.write(text[start..<end], into: &out)
            if rng.next() % 3 == 0 { stream.flush(into: &out) }   // windows end at every line then
            start = end
        }
        try stream.finish(into: &out)
        return out
    }

    @Test("Streams with random chunks and flushes equal the whole conversion, for every markup and a pattern")
    func chunkingEquivalence() throws {
        var rng = SplitMix64(seed: 0x5052_4f54)
        let protections = try Markup.allCases.map { Protection(markup: $0) } + [Protection(markup: .html, patterns: ["#\\S+", "^后来"])]
        for round in 0..<60 {
            let text = Self.randomText(&rng, count: 20 + round * 4)
            for protection in protections {
                let converter = Converter(.s2twp).protecting(protection)
                let whole = try Array(text).withUnsafeBytes { bytes -> [UInt8] in
                    var out: [UInt8] = []
                    try converter.convert(bytes, appendingTo: &out)
                    return out
                }
                #expect(try Self.streamed(converter, text, &rng) == whole, "\(protection.markup): \(String(decoding: text, as: UTF8.self))")
            }
        }
    }

    @Test("Any bytes: invalid input throws at its first bad byte, lossy streams never fail, for every markup")
    func anyBytes() throws {
        var rng = SplitMix64(seed: 0xB17E5)
        let specials = Array("<>!-{}|;:/`&#@w\"'\n\r".utf8) + [0x00, 0x80, 0xE5, 0xA4, 0xB4, 0xF0, 0xFF]
        for _ in 0..<200 {
            let bytes = (0..<Int(rng.next() % 300)).map { _ in
                rng.next() % 2 == 0 ? specials[Int(rng.next() % UInt64(specials.count))] : UInt8(truncatingIfNeeded: rng.next())
            }
            for markup in Markup.allCases {
                let converter = Converter(.s2t).protecting(try Protection(markup: markup, patterns: ["[<{].{0,3}"]))
                var out: [UInt8] = []
                let valid = String(validating: bytes, as: UTF8.self) != nil
                do {
                    try bytes.withUnsafeBytes { try converter.convert($0, appendingTo: &out) }
                    #expect(valid)
                } catch {
                    #expect(!valid)
                }
                var stream = converter.makeStream(lossy: true)
                var lossy: [UInt8] = []
                try stream.write(bytes, into: &lossy)
                try stream.finish(into: &lossy)
                #expect(String(validating: lossy, as: UTF8.self) != nil)
            }
        }
    }

    @Test("ProtectedRegions.all (8 bytes at a time to the next trigger) equals every line read on its own")
    func regionsOfEveryLine() {
        var rng = SplitMix64(seed: 0xA11)
        for _ in 0..<300 {
            let text = Self.randomText(&rng, count: Int(rng.next() % 60))
            text.withUnsafeBufferPointer { s in
                var reference: [Range<Int>] = []
                var start = 0
                while start <= s.count {
                    let end = UTF8Text.lineEnd(from: start, in: s, limit: s.count)
                    ProtectedRegions.inline(s, start..<end, into: &reference)
                    start = end + max(1, UTF8Text.breakLength(at: end, in: s, limit: s.count))
                }
                #expect(ProtectedRegions.all(s, 0..<s.count) == reference, "\(String(decoding: text, as: UTF8.self))")
            }
        }
    }

    @Test("An unclosed fence or comment is copied as it streams: output keeps up with input")
    func boundedMemory() throws {
        let line = Array("头发后来头发后来\n".utf8)
        for (markup, opening) in [(Markup.markdown, "```\n"), (.html, "<!--\n")] {
            var stream = Converter(.s2t).protecting(markup).makeStream()
            var out: [UInt8] = []
            var written = Array(opening.utf8)
            try stream.write(written, into: &out)
            let chunk = Array([[UInt8]](repeating: line, count: 4096).joined())
            for _ in 0..<48 {   // 48 × 100 KB
                try stream.write(chunk, into: &out)
                written += chunk
            }
            #expect(written.count - out.count < 2 << 20, "\(markup): \(written.count - out.count) bytes held")
            try stream.finish(into: &out)
            #expect(out == written)
        }
    }

    @Test("Phrases never cross a protected span's edge; text with nothing protected converts as before")
    func edges() throws {
        let s2t = Converter(.s2t)
        #expect(s2t.convert("头发") == "頭髮")
        #expect(s2t.protecting(.mediawiki).convert("头-{}-发") == "頭發")   // 头 and 发 apart
        #expect(s2t.protecting(.html).convert("头<b>发</b>") == "頭<b>發</b>")
        let plain = "头发干了，后来。\r\n\u{FEFF}中\u{0}文\n"
        for markup in Markup.allCases {
            #expect(s2t.protecting(markup).convert(plain) == s2t.convert(plain))
        }
        #expect(s2t.protecting(Protection.none).convert(plain) == s2t.convert(plain))
    }

    @Test("MediaWiki variants: the target's, its fallbacks, then the first converted; flags")
    func wikiVariants() {
        let text = "-{zh-hans:计算机;zh-hant:電腦;}-|-{zh-hk:電腦;zh-cn:计算机}-|-{zh-tw:電腦}-|-{A|zh-hans:软件;zh-tw:軟體}-|-{T|标题}-|-{D|zh-cn:a}-"
        #expect(Converter(.s2t).protecting(.mediawiki).convert(text) == "電腦|電腦|電腦|軟體||zh-cn:a")
        #expect(Converter(.s2hk).protecting(.mediawiki).convert(text) == "電腦|電腦|電腦|軟體||zh-cn:a")
        #expect(Converter(.t2s).protecting(.mediawiki).convert(text) == "计算机|计算机|电脑|软件||zh-cn:a")
        #expect(Converter(.tw2sp).protecting(.mediawiki).convert(text) == "计算机|计算机|电脑|软件||zh-cn:a")
    }

    @Test("Bad patterns throw with ICU's error and offset")
    func badPattern() {
        #expect(throws: ProtectionError.self) { try Protection(patterns: ["(unclosed"]) }
        do {
            _ = try Protection(patterns: ["ok", "a{2,1}"])
            Issue.record("accepted a{2,1}")
        } catch {
            #expect(error.pattern == "a{2,1}")
            #expect(error.reason.hasPrefix("U_REGEX_"))
            #expect(error.offset != nil)
        }
    }

    @Test("Normalize: fences are blocks in Markdown, text in HTML (whose scanner is conversion's); by default the text's start decides")
    func normalizeMarkup() {
        let fenced = "```\n中文,中文\n```\n"
        var normalizer = Normalizer(steps: [.punctuationWidth])
        #expect(normalizer.normalize(fenced).text == fenced)   // no markup given, no HTML start: Markdown's blocks
        #expect(normalizer.normalize("<!DOCTYPE html>\n" + fenced).text == "<!DOCTYPE html>\n```\n中文，中文\n```\n")
        normalizer.markup = .markdown
        #expect(normalizer.normalize("<!DOCTYPE html>\n" + fenced).text == "<!DOCTYPE html>\n" + fenced)
        normalizer.markup = .html
        #expect(normalizer.normalize(fenced).text == "```\n中文，中文\n```\n")
        // HTML's scanner, as conversion's: a title is text people read; other attributes are kept.
        #expect(normalizer.normalize("<b title=\"中文,中文\" class=\"中文,中文\">中文,中文</b>").text
            == "<b title=\"中文，中文\" class=\"中文,中文\">中文，中文</b>")
    }

    @Test("Markup by extension and by content")
    func markupChoice() {
        #expect(Markup(path: "a/b.markdown") == .markdown)
        #expect(Markup(path: "a.HTM") == .html)
        #expect(Markup(path: "a.md/b") == nil)
        #expect(Markup(path: "md") == nil)
        #expect(Markup(sniffing: Array("\u{FEFF}\n  <HTML lang=zh>".utf8)) == .html)
        #expect(Markup(sniffing: Array("头发 <html>".utf8)) == nil)
        #expect(Markup(sniffing: Array("----\n".utf8)) == .markdown)
        #expect(Markup(sniffing: Array("--- a\n".utf8)) == nil)
    }
}
