import Foundation
import Jianfan
@testable import Jianfan
import Testing

/// The detector's verdicts, its incremental use, and its character sets against the converters.
@Suite("Script detector")
struct ScriptDetectorTests {
    @Test("verdicts on short texts", arguments: [
        ("这个软件很好", ScriptDetector.Script.simplified, nil as ScriptDetector.Region?),
        ("這個軟體很好", .traditional, nil),
        ("這個軟體裡面", .traditional, .taiwan),
        ("這個軟件説明", .traditional, .hongKong),
        ("这个和這個", .mixed, nil),
        ("中文", .none, nil),
        ("hello", .none, nil),
        ("これは日本語の文章です", .japanese, nil),
        ("東京都の鉄道", .japanese, nil),
    ])
    func verdicts(text: String, script: ScriptDetector.Script, region: ScriptDetector.Region?) {
        let verdict = ScriptDetector.detect(text)
        #expect(verdict.script == script, "\(text): \(verdict)")
        #expect(verdict.region == region, "\(text): \(verdict)")
    }

    @Test("counts: one vote per occurrence; a minority of a tenth or less does not make it mixed")
    func counts() {
        let verdict = ScriptDetector.detect(String(repeating: "这", count: 10) + "這")
        #expect(verdict.counts.simplified == 10)
        #expect(verdict.counts.traditional == 1)
        #expect(verdict.counts.han == 11)
        #expect(verdict.script == .simplified)
        #expect(ScriptDetector.detect(String(repeating: "这", count: 8) + "這").script == .mixed)
    }

    @Test("a character split across chunks counts once; the verdict is there after any chunk")
    func incremental() throws {
        let text = Array("头发後來の这个".utf8)
        for cut in 0...text.count {
            var detector = ScriptDetector()
            text[..<cut].withUnsafeBytes { detector.feed($0) }
            text[cut...].withUnsafeBytes { detector.feed($0) }
            #expect(detector.counts == ScriptDetector.detect("头发後來の这个").counts, "cut at \(cut)")
        }
        var byteByByte = ScriptDetector()
        for byte in text { [byte].withUnsafeBytes { byteByByte.feed($0) } }
        #expect(byteByByte.counts.han == 6)
        #expect(byteByByte.counts.kana == 1)
        var prefix = ScriptDetector()
        prefix.feed("头发")
        #expect(prefix.verdict.script == .simplified)
    }

    @Test("invalid UTF-8 is skipped, the characters around it counted")
    func invalidBytes() {
        var detector = ScriptDetector()
        ([0xE8, 0xBF, 0x99, 0xFF, 0xE8, 0x41, 0xE5, 0x80, 0x8B] as [UInt8]).withUnsafeBytes { detector.feed($0) }
        #expect(detector.counts.simplified == 1)   // 这
        #expect(detector.counts.traditional == 1)  // 個
    }

    @Test("every Simplified-only character is changed by s2t and kept by t2s; Traditional-only the other way")
    func setsAgreeWithConverters() {
        let s2t = Converter(.s2t), t2s = Converter(.t2s)
        let simplified = ScriptEvidenceTable.simplifiedOnly.filter { !$0.isWhitespace }
        let traditional = ScriptEvidenceTable.traditionalOnly.filter { !$0.isWhitespace }
        #expect(simplified.count > 3000)
        #expect(traditional.count > 3000)
        // One character a line: no phrase can span two.
        func lines(_ text: String) -> [Substring] { text.split(separator: "\n", omittingEmptySubsequences: false) }
        let simplifiedLines = simplified.map(String.init).joined(separator: "\n")
        let traditionalLines = traditional.map(String.init).joined(separator: "\n")
        let changedByS2T = zip(lines(simplifiedLines), lines(s2t.convert(simplifiedLines))).filter { $0 != $1 }.count
        let keptByT2S = zip(lines(simplifiedLines), lines(t2s.convert(simplifiedLines))).filter { $0 == $1 }.count
        #expect(changedByS2T == simplified.count)
        #expect(keptByT2S == simplified.count)
        let changedByT2S = zip(lines(traditionalLines), lines(t2s.convert(traditionalLines))).filter { $0 != $1 }.count
        #expect(changedByT2S == traditional.count)
        // Taiwan's forms are what t2tw writes: converting them to Taiwan's standard keeps them.
        let taiwan = ScriptEvidenceTable.taiwan.filter { !$0.isWhitespace }.map(String.init).joined(separator: "\n")
        #expect(Converter(.t2tw).convert(taiwan) == taiwan)
    }

    @Test("the seeds: 001 is the Traditional notice (Taiwan forms), the others Simplified news")
    func seeds() throws {
        let expected: [String: ScriptDetector.Script] = [
            "000_aa6772dc82afe11c.txt": .simplified, "001_f0669431c2f3313a.txt": .traditional,
            "002_7030ff37d4fe984f.txt": .simplified, "003_88105dcff76d5796.txt": .simplified,
            "004_c94b25b35698020a.txt": .simplified,
        ]
        for name in Fixtures.names {
            let verdict = ScriptDetector.detect(try Fixtures.text(name))
            #expect(verdict.script == expected[name], "\(name)")
            // Their conversions by OpenCC's configs are detected as what those configs write.
            let text = try Fixtures.text(name)
            #expect(ScriptDetector.detect(Converter(.s2t).convert(Converter(.t2s).convert(text))).region == nil)
            #expect(ScriptDetector.detect(Converter(.s2hk).convert(Converter(.t2s).convert(text))).region != .taiwan, "\(name)")
            #expect(ScriptDetector.detect(Converter(.t2s).convert(text)).script == .simplified, "\(name)")
        }
        // All seeds together hold enough regional forms for a region.
        let simplified = Converter(.t2s).convert(try Fixtures.names.map { try Fixtures.text($0) }.joined())
        #expect(ScriptDetector.detect(Converter(.s2hk).convert(simplified)).region == .hongKong)
        #expect(ScriptDetector.detect(Converter(.s2tw).convert(simplified)).region == .taiwan)
        #expect(ScriptDetector.detect(Converter(.s2t).convert(simplified)).script == .traditional)
    }
}
