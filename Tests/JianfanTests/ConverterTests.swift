import Foundation
import Testing
@testable import Jianfan

@Suite("Converter: OpenCC's results per config")
struct ConverterTests {
    @Test("hand-checked cases", arguments: ConversionCases.all)
    func handChecked(_ c: ConversionCase) {
        #expect(Converter(c.config).convert(c.input) == c.expected)
    }

    @Test("every config has at least ten hand-checked cases", arguments: Config.allCases)
    func coverage(_ config: Config) {
        #expect(ConversionCases.all.filter { $0.config == config }.count >= 10)
    }

    /// OpenCC 1.4.2's s2twp: the segmentation (by STPhrases) puts 用 with 向 and 存 with 并, so the
    /// Taiwan phrases 用户 → 使用者 and 存储 → 儲存 do not apply across those segment ends, though
    /// they do on their own.
    @Test("a later stage's phrase never spans a segment end")
    func segmentsBoundLaterStages() {
        let converter = Converter(.s2twp)
        #expect(converter.convert("用户") == "使用者")
        #expect(converter.convert("对于向用户交付软件") == "對於向用戶交付軟體")
        #expect(converter.convert("存储") == "儲存")
        #expect(converter.convert("收集并存储在中心") == "收集並存儲在中心")
        #expect(converter.convert("台式机") == "桌上型電腦")
        #expect(converter.convert("但在台式机上还有其他") == "但在臺式機上還有其他")
    }

    /// Into an empty array the output is written in the array's own storage, sized for text a
    /// little longer than its input; U盘 → 隨身碟 is 2.25 times as long, so this outgrows it, on
    /// one thread and on all cores. The result must be what appending after a byte gives.
    @Test("appending to an empty array, also past the estimated size")
    func appendingOutgrowsTheEstimate() throws {
        let input = Array(String(repeating: "U盘，", count: 100_000).utf8)   // 700 KB: cut in pieces
        let expected = Array(String(repeating: "隨身碟，", count: 100_000).utf8)
        for threads in [1, 2] {
            var converter = Converter(.s2twp)
            converter.maximumThreads = threads
            var fresh: [UInt8] = []
            var prefixed: [UInt8] = [0x41]
            try input.withUnsafeBytes { try converter.convert($0, appendingTo: &fresh) }
            try input.withUnsafeBytes { try converter.convert($0, appendingTo: &prefixed) }
            // Compared first: on a mismatch, #expect would spell out both megabyte arrays.
            let freshMatches = fresh == expected, prefixedMatches = prefixed == [0x41] + expected
            #expect(freshMatches, "\(threads) threads: \(fresh.count) bytes, \(expected.count) expected")
            #expect(prefixedMatches, "\(threads) threads: \(prefixed.count) bytes")
        }
        var small: [UInt8] = []
        try Array("头发".utf8).withUnsafeBytes { try Converter(.s2t).convert($0, appendingTo: &small) }
        #expect(small == Array("頭髮".utf8))
    }

    /// Into a caller's buffer: written in place when it is large enough to lend, through a
    /// buffer of the converter's own when it is small or the output outgrows it; nil when the
    /// result does not fit.
    @Test("converting into a caller's buffer, of every size around the result's")
    func intoCallersBuffer() throws {
        let converter = Converter(.s2twp)
        let cases: [(String, String)] = [
            ("头发", "頭髮"),
            (String(repeating: "头发，", count: 2_000), String(repeating: "頭髮，", count: 2_000)),
            (String(repeating: "U盘，", count: 2_000), String(repeating: "隨身碟，", count: 2_000)),   // outgrows a lent buffer
        ]
        for (input, expected) in cases {
            let bytes = Array(input.utf8), want = Array(expected.utf8)
            for size in [want.count - 1, want.count, want.count + 1, want.count + 2_000] {
                var target = [UInt8](repeating: 0, count: size)
                let written = try target.withUnsafeMutableBytes { out in try bytes.withUnsafeBytes { try converter.convert($0, into: out) } }
                if size < want.count {
                    #expect(written == nil, "\(want.count) bytes into \(size)")
                } else {
                    let matches = written == want.count && Array(target.prefix(want.count)) == want
                    #expect(matches, "\(want.count) bytes into \(size): \(String(describing: written))")
                }
            }
        }
        var empty: [UInt8] = []
        #expect(try empty.withUnsafeMutableBytes { out in try [UInt8]().withUnsafeBytes { try converter.convert($0, into: out) } } == 0)
    }

    @Test func configNames() {
        #expect(Config(name: "s2t") == .s2t)
        #expect(Config(name: "s2twp.json") == .s2twp)
        #expect(Config(name: "/usr/share/opencc/TW2SP.json") == .tw2sp)
        #expect(Config(name: "s2x") == nil)
        #expect(Config.allCases.count == 16)
    }

    @Test("tofu-risk dictionaries are left out unless asked for, as the OpenCC CLI does")
    func tofuRisk() {
        #expect(Converter(.t2s).convert("遱鄟") == "遱鄟")
        #expect(Converter(.t2s, includeTofuRiskDictionaries: true).convert("遱鄟") == "𫐷𫑘")
        #expect(Converter(.s2t, includeTofuRiskDictionaries: true).convert("头发") == "頭髮")
    }

    @Test("short_circuit: an earlier dictionary's match beats a later dictionary's longer one")
    func shortCircuit() {
        // s2twp's second stage: TWPhrases before TWVariantsPhrases before TWVariants.
        #expect(Converter(.s2twp).convert("鼠标和软件") == "滑鼠和軟體")
        // Segmentation confines the second stage to each segment: 打印机 is one segment.
        #expect(Converter(.s2twp).convert("打印机") == "印表機")
    }

    @Test("ideographic description sequences are copied whole; an unfinished one is not")
    func ids() {
        #expect(Converter(.s2t).convert("⿰发后 发展") == "⿰发后 發展")
        #expect(Converter(.s2t).convert("⿰发\n后发") == "⿰发\n後發")   // the operand may be a line break
        #expect(Converter(.s2t).convert("⿰发") == "⿰發")               // cut off by the end: no IDS
    }

    @Test("bytes that are not converted are kept: BOM, CRLF, NUL, astral, variation selectors, markup")
    func bytesPreserved() {
        let input = "\u{FEFF}<p class=\"x\">头发\r\n</p>\0𠮷发\u{FE00}后\u{E0100} a&amp;b\r\n"
        let expected = "\u{FEFF}<p class=\"x\">頭髮\r\n</p>\0𠮷發\u{FE00}後\u{E0100} a&amp;b\r\n"
        for config in [Config.s2t, .s2twp] { #expect(Converter(config).convert(input) == expected) }
        #expect(Converter(.t2s).convert("") == "")
    }

    @Test("runs of ASCII are copied in words, and still stop at every ASCII byte that starts a key")
    func asciiRuns() {
        // s2twp's Taiwan phrases have keys that start with ASCII (U盘, SQL注入, PN结); s2t has none
        // among its first stage's single characters. Every offset modulo the 8-byte word is tried.
        for pad in 0..<17 {
            let a = String(repeating: "a", count: pad), z = String(repeating: "z~", count: pad)
            #expect(Converter(.s2twp).convert(a + "U盘" + z) == a + "隨身碟" + z)
            #expect(Converter(.s2twp).convert(a + "TU盘" + z + "SQL注入攻击") == a + "T隨身碟" + z + "SQL隱碼攻擊")
            #expect(Converter(.s2t).convert(a + "头发" + z + "\r\n" + a) == a + "頭髮" + z + "\r\n" + a)
            #expect(Converter(.t2s).convert(a + "\u{7F}頭髮" + z) == a + "\u{7F}头发" + z)
        }
        // A key's later scalars may be ASCII too: only where a key starts matters.
        #expect(Converter(.tw2sp).convert("xxxxxxxxSQL隱碼攻擊") == "xxxxxxxxSQL注入")
        // Bytes that start keys only, before bytes that continue none, stay in the run (OpenCC
        // 1.4.2 gives the same).
        for pad in 0..<9 {
            let a = String(repeating: "a", count: pad)
            #expect(Converter(.s2twp).convert(a + "SQLite and SQL注入, Sx B超 PN结 PNG U盘 Unix BSD")
                    == a + "SQLite and SQL隱碼攻擊, Sx 超音波 PN接面 PNG 隨身碟 Unix BSD")
        }
    }

    @Test("CJK compatibility ideographs are normalized first, as OpenCC's pre-step does")
    func compatibilityNormalization() {
        // U+F900 豈 is a compatibility ideograph of U+8C48 豈.
        // (Compared as scalars: Swift's String equality treats the two as canonically equal.)
        #expect(Array(Converter(.t2s).convert("\u{F900}").unicodeScalars) == ["\u{5C82}"])   // 豈 → 岂
        #expect(Array(Converter(.s2t).convert("\u{F900}后").unicodeScalars) == ["\u{8C48}", "\u{5F8C}"])
        // One inside a complete IDS is copied with it; one after the IDS is normalized.
        #expect(Array(Converter(.s2t).convert("⿰\u{F900}木").unicodeScalars) == Array("⿰\u{F900}木".unicodeScalars))
        #expect(Array(Converter(.s2t).convert("⿰木木\u{F900}").unicodeScalars) == Array("⿰木木\u{8C48}".unicodeScalars))
        // Far from any IDS, in longer text (copied around it in runs), and an astral one.
        let long = String(repeating: "汉字 and ASCII，", count: 40)
        // (U+2F800 丽 is U+4E3D 丽, which s2t then writes 麗.)
        let expected = Converter(.s2t).convert(long + "\u{8C48}" + long + "\u{4E3D}")
        #expect(expected.unicodeScalars.last == "\u{9E97}")
        #expect(Array(Converter(.s2t).convert(long + "\u{F900}" + long + "\u{2F800}").unicodeScalars)
                == Array(expected.unicodeScalars))
    }

    @Test("a phrase written as its characters are still decides where the next phrase may start")
    func unalteringPhrasesStillSegment() {
        // 午后 → 午後 is what its characters give on their own, but greedy matching takes it, so
        // 后土 and 后制 (后制 → 後製) never match after it. OpenCC 1.4.2 gives the same.
        #expect(Converter(.s2t).convert("午后土") == "午後土")
        #expect(Converter(.s2t).convert("后土") == "后土")
        #expect(Converter(.s2t).convert("午后制") == "午後制")
        #expect(Converter(.s2t).convert("后制") == "後製")
        #expect(Converter(.s2t).convert("ab午后制，后制") == "ab午後制，後製")
    }

    @Test("a large input converted on all cores equals the single-threaded result")
    func parallelEqualsSerial() throws {
        var corpus = try Fixtures.corpus(times: 60)   // about 3 MB, cut into 1 MB pieces
        // with a compatibility ideograph (U+F900) before a line break every 100 KB or so
        for offset in stride(from: corpus.count - 1, to: 0, by: -100_000) {
            if let i = corpus[..<offset].lastIndex(of: 0x0A) { corpus.insert(contentsOf: [0xEF, 0xA4, 0x80], at: i) }
        }
        for config in [Config.s2t, .s2twp, .tw2sp] {
            var serial = Converter(config)
            serial.maximumThreads = 1
            var a: [UInt8] = [], b: [UInt8] = []
            corpus.withUnsafeBytes { serial.convert(unsafeValidatedUTF8: $0, appendingTo: &a) }
            corpus.withUnsafeBytes { Converter(config).convert(unsafeValidatedUTF8: $0, appendingTo: &b) }
            #expect(a == b, "\(config)")
            // One thread converts large inputs in pieces too: the same bytes as in one piece.
            let whole = ByteBuffer()
            corpus.withUnsafeBytes { serial.plan.convert($0, into: whole, scratch: Scratch()) }
            #expect(a == Array(whole.bytes), "\(config)")
            #expect(a.count > 3_000_000)
        }
    }

    @Test("converting into a caller's buffer")
    func intoBuffer() throws {
        let input = Array("后来".utf8)
        var output = [UInt8](repeating: 0, count: 16)
        let written = try input.withUnsafeBytes { i in try output.withUnsafeMutableBytes { try Converter(.s2t).convert(i, into: $0) } }
        #expect(written == 6)
        #expect(Array(output[0..<6]) == Array("後來".utf8))
        var small = [UInt8](repeating: 0, count: 2)
        #expect(try input.withUnsafeBytes { i in try small.withUnsafeMutableBytes { try Converter(.s2t).convert(i, into: $0) } } == nil)
    }

    @Test("one Converter shared by many tasks")
    func concurrentUse() async {
        let converter = Converter(.s2twp)
        let inputs = ConversionCases.simplified
        let expected = inputs.map { converter.convert($0) }
        await withTaskGroup(of: Bool.self) { group in
            for t in 0..<32 {
                group.addTask {
                    (0..<50).allSatisfy { i in converter.convert(inputs[(t + i) % inputs.count]) == expected[(t + i) % inputs.count] }
                }
            }
            for await ok in group { #expect(ok) }
        }
    }

    @Test("the embedded tables are exactly what Data/ compiles to today")
    func embeddedTablesMatchData() throws {
        let compiled = try TableSetCompiler(dataDirectory: Fixtures.packageRoot.appendingPathComponent("Data")).compile()
        let embedded = TableSet.embeddedBlob
        #expect(compiled.count == embedded.count)
        #expect(compiled.elementsEqual(embedded), "run `swift run jianfan-tables` after changing Data/")
    }
}
