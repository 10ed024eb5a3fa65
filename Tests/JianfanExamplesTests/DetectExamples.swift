import Testing
import Jianfan

/// The `///` examples of ``ScriptDetector``, run as written.
@Suite("Examples: ScriptDetector")
struct DetectExamples {
    @Test("ScriptDetector")
    func detector() {
        var detector = ScriptDetector()
        detector.feed("这个软件")
        #expect(detector.verdict.script == .simplified)   // .simplified
        #expect(ScriptDetector.detect("這個軟體裡").region == .taiwan)   // .taiwan
        #expect(ScriptDetector.detect("他説這條綫").region == .hongKong)
    }

    @Test("ScriptDetector.Verdict")
    func verdict() {
        let verdict = ScriptDetector.detect("头发")
        #expect(verdict.script == .simplified)   // .simplified
        #expect(verdict.counts.simplified == 2)   // 2
        #expect(verdict.counts.traditional == 0 && verdict.region == nil)
    }

    @Test("ScriptDetector.detect(_:)")
    func detect() {
        #expect(ScriptDetector.detect("これは日本語です").script == .japanese)   // .japanese
        #expect(ScriptDetector.detect("中文").script == .none)   // characters both scripts write
    }

    @Test("ScriptDetector.feed(_:), a string")
    func feedString() {
        var detector = ScriptDetector()
        detector.feed("這是")
        #expect(detector.verdict.script == .traditional && detector.counts.traditional == 1)   // 這; 是 is both
    }

    @Test("ScriptDetector.feed(_:), bytes: a character split across chunks counts once")
    func feedBytes() {
        let text = Array("這個軟體裡".utf8)
        var whole = ScriptDetector()
        text.withUnsafeBytes { whole.feed($0) }
        for cut in 1..<text.count {
            var detector = ScriptDetector()
            for bytes in [Array(text[..<cut]), Array(text[cut...])] {
                bytes.withUnsafeBytes { detector.feed($0) }
            }
            #expect(detector.verdict == whole.verdict)
        }
        #expect(whole.verdict.region == .taiwan && whole.counts.han == 5)
    }
}
