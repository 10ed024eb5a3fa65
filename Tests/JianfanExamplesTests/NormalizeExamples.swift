import Testing
import Jianfan

/// The `///` examples of the normalizer and its steps, run as written.
@Suite("Examples: Normalizer and its steps")
struct NormalizeExamples {
    @Test("Normalizer")
    func normalizer() {
        let normalizer = Normalizer(steps: [.readingAnnotations, .punctuationWidth, .script(.t2s)])
        let result = normalizer.normalize("發(fā)展,穩(wěn)定")
        #expect(result.text == "发展，稳定")
        #expect(result.report(for: "readings")?.count == 2)
    }

    @Test("Normalizer.standard(script:repairLines:)")
    func standard() {
        let normalizer = Normalizer.standard(script: .t2s, repairLines: true)
        #expect(normalizer.steps.map(\.name) == ["readings", "punctuation", "lines", "script"])
    }

    @Test("Normalizer.init(stepNames:script:)")
    func stepNames() throws {
        let normalizer = try Normalizer(stepNames: ["readings", "script"], script: .t2s)
        #expect(normalizer.steps.map(\.name) == ["readings", "script"])
    }

    @Test("NormalizationStep")
    func step() {
        let (text, report) = PunctuationWidthStep().apply(to: "你好,世界")
        #expect(text == "你好，世界" && report.count == 1)
    }

    @Test("NormalizationReport.Change")
    func change() {
        let (_, report) = PunctuationWidthStep().apply(to: "你好,世界")
        let change = report.changes[0]
        print(change.range, change.before, "→", change.after)   // 2..<3 , → ，
        #expect(change.range == 2..<3 && change.before == "," && change.after == "，")
    }

    @Test("NormalizationReport.StepReport")
    func stepReport() {
        let normalizer = Normalizer(steps: [.readingAnnotations])
        let text = "銀行(háng)的發(fā)展"
        let report = normalizer.normalize(text).reports[0]
        print("\(report.step): \(report.count) changes, \(report.unverified) unverified")
        #expect(report.step == "readings" && report.count == 2 && report.unverified == 1)
    }

    @Test("ReadingAnnotationStep")
    func readings() {
        let (text, report) = ReadingAnnotationStep().apply(to: "銀行(háng)的發(fā)展")
        #expect(text == "銀行的發展" && report.count == 2 && report.unverified == 1)
    }

    @Test("PunctuationWidthStep")
    func punctuation() {
        let (text, _) = PunctuationWidthStep().apply(to: "原文如下:(一)會議於10:30開始,見ＡＢＣ")
        #expect(text == "原文如下：（一）會議於10:30開始，見ABC")
    }

    @Test("LineRepairStep")
    func lines() {
        let (text, report) = LineRepairStep().apply(to: "坚持聚焦重点。政策效应持\n\n续释放。\n\n下一段。")
        #expect(text == "坚持聚焦重点。政策效应持续释放。\n\n下一段。" && report.count == 1)
    }

    @Test("ScriptStep")
    func script() {
        let (text, report) = ScriptStep(.t2s).apply(to: "工業經濟，發展")
        #expect(text == "工业经济，发展" && report.count == 2)
        #expect(report.changes.map(\.before) == ["業經濟", "發"])
    }
}
