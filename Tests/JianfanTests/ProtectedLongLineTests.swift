import Testing
@testable import Jianfan

/// A line over 1 MiB with no line break, in a protected conversion and in a normalization: its
/// windows are cut where the conversion cannot change, so the output is the whole text's. The
/// line is made of two-character phrases whose conversion differs from their characters' one by
/// one (头发 頭髮 but 发 發; 软件 軟體 in s2twp but 件 件), with no space, `，` or `。`: every
/// scalar boundary a cut could take splits a phrase or joins two.
@Suite("Protected long lines: windows cut where the conversion cannot change")
struct ProtectedLongLineTests {
    /// `unit` repeated (its first cut by the text alone falls inside a unit, since 2²⁰ is no
    /// multiple of 6), then the units in random order.
    static func line(bytes: Int, seed: UInt64, unit: String) -> String {
        var rng = SplitMix64(seed: seed)
        let units = ["头发", "软件", "后来", "干了", "发现", "计算机"]
        var text = String(repeating: unit, count: (1 << 20) * 5 / 4 / unit.utf8.count)
        text.reserveCapacity(bytes + 16)
        while text.utf8.count < bytes { text += units[Int(rng.next() % UInt64(units.count))] }
        return text
    }

    /// The conversion of `text` in the parts the text alone would cut it into (no plan): the
    /// cut that used to be taken.
    static func convertedInTextCuts(_ text: String, _ converter: Converter, size: Int) -> String {
        let bytes = Array(text.utf8)
        var out = ""
        var start = 0
        bytes.withUnsafeBufferPointer { s in
            while start < s.count {
                let rest = UnsafeBufferPointer(rebasing: s[start...])
                let end = rest.count > size ? WindowCutter.partCut(rest, size) : rest.count
                out += converter.convert(String(decoding: rest[0..<end], as: UTF8.self))
                start += end
            }
        }
        return out
    }

    @Test("Protected conversion of a >1 MiB line equals the whole line's conversion, streamed too",
          arguments: [Config.s2t, .s2twp])
    func protectedConversion(_ config: Config) throws {
        let text = Self.line(bytes: (1 << 20) * 5 / 2, seed: 0x4C4F_4E47, unit: config == .s2t ? "头发" : "软件")
        let plain = Converter(config)
        let whole = plain.convert(text)
        // The test can fail: cut by its text alone, the line converts otherwise.
        #expect(Self.convertedInTextCuts(text, plain, size: 1 << 20) != whole)
        for protection in [Protection(markup: .markdown), Protection(markup: .html), try Protection(patterns: ["#\\w+"])] {
            let converter = plain.protecting(protection)
            #expect(converter.convert(text) == whole, "\(config), \(protection.markup)")
            var stream = converter.makeStream()
            var out: [UInt8] = []
            let bytes = Array(text.utf8)
            var start = 0
            while start < bytes.count {
                let end = min(bytes.count, start + 300_007)
                try stream.write(bytes[start..<end], into: &out)
                start = end
            }
            try stream.finish(into: &out)
            #expect(out == Array(whole.utf8), "\(config), \(protection.markup), streamed")
        }
    }

    @Test("Normalization's script step on a >1 MiB line equals the whole line's conversion")
    func normalization() {
        for config in [Config.s2t, .s2twp] {
            let text = Self.line(bytes: (1 << 20) * 3 / 2, seed: 0x4E4F_524D, unit: config == .s2t ? "头发" : "软件")
            let normalizer = Normalizer(steps: [.script(config)])
            #expect(normalizer.normalize(text).text == Converter(config).convert(text), "\(config)")
        }
    }

    @Test("Without a conversion, a long line is still cut after a space, ， or 。 near the window's end")
    func textCuts() {
        let text = Array((String(repeating: "头发", count: 300) + "，" + String(repeating: "头发", count: 100)).utf8)
        text.withUnsafeBufferPointer { s in
            #expect(WindowCutter.partCut(s, 2000) == 1803)   // after the ，(300 × 6 + 3)
            #expect(WindowCutter.partCut(s, 1000) == 999)    // none near: the last scalar boundary
            let plan = Converter(.s2t).plan
            #expect(WindowCutter.partCut(s, 2000, plans: [plan]) == 1803)
            let cut = WindowCutter.partCut(s, 1000, plans: [plan])
            #expect(cut % 6 == 0 && cut > 0 && cut <= 1000)   // between two 头发
        }
    }
}

/// A protected region where a long line's window would be cut is not split: the cut goes before it.
@Suite("Protected long lines: regions are not split")
struct ProtectedRegionCutTests {
    /// 头发 repeated, with a URL, a code span or a pattern's match across every possible cut
    /// near `size`: a region split at the cut would leave its tail converted.
    @Test("A URL, a code span or a pattern's match across the cut stays whole", arguments: [
        ("http://x.cn/" + String(repeating: "a", count: 5000), Protection(markup: .markdown)),
        ("`" + String(repeating: "头发", count: 900) + "`", Protection(markup: .markdown)),
        ("#" + String(repeating: "头发", count: 900), try! Protection(patterns: ["#\\w+"])),
    ])
    func regionAcrossTheCut(_ region: String, _ protection: Protection) throws {
        let size = 1 << 20
        let head = String(repeating: "头发", count: (size - 2000) / 6)
        let text = head + region + " " + String(repeating: "头发", count: 1000)
        let converter = Converter(.s2t).protecting(protection)
        let expected = Converter(.s2t).convert(head) + region + " " + String(repeating: "頭髮", count: 1000)
        #expect(converter.convert(text) == expected)
        var normalizer = Normalizer(steps: [.script(.s2t)])
        normalizer.markup = protection.markup == .none ? Markup.none : .markdown
        try normalizer.protect(patterns: protection.patterns)
        #expect(normalizer.normalize(text).text == expected)
    }
}
