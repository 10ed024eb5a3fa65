import Testing
import Jianfan

/// The `///` examples of the four normalization steps, run as written: each one alone, by its
/// name in a ``Normalizer``'s reports, and with its settings.
@Suite("Examples: ReadingAnnotationStep, PunctuationWidthStep, LineRepairStep, ScriptStep")
struct NormalizationStepExamples {
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

    @Test("ReadingAnnotationStep: name, init, apply(to:)")
    func readingMembers() {
        let normalizer = Normalizer(steps: [.readingAnnotations])
        let text = "銀行(háng)的發(fā)展"
        #expect(normalizer.normalize(text).report(for: ReadingAnnotationStep.stepName)?.count == 2)
        #expect(ReadingAnnotationStep().name == "readings")   // "readings"
        let step = ReadingAnnotationStep()
        #expect(step.apply(to: text).text == "銀行的發展")
        do {
            let (text, report) = ReadingAnnotationStep().apply(to: "發(fā)展")
            #expect(text == "發展" && report.count == 1 && report.unverified == 0)   // text == "發展"
        }
    }

    @Test("PunctuationWidthStep: name, init")
    func punctuationMembers() {
        let normalizer = Normalizer(steps: [PunctuationWidthStep()])
        let text = "你好,世界"
        #expect(normalizer.normalize(text).report(for: PunctuationWidthStep.stepName)?.count == 1)
        #expect(PunctuationWidthStep().name == "punctuation")   // "punctuation"
    }

    @Test("LineRepairStep: name, init(minimumBodyLength:), apply(to:)")
    func lineMembers() {
        let normalizer = Normalizer(steps: [LineRepairStep()])
        let text = "坚持聚焦重点。政策效应持\n\n续释放。"
        #expect(normalizer.normalize(text).report(for: LineRepairStep.stepName)?.count == 1)
        #expect(LineRepairStep().name == "lines")   // "lines"
        let step = LineRepairStep(minimumBodyLength: 40)   // stricter: a line with no sentence end needs 40 scalars
        // A line of 30 scalars with no sentence end: running text by default, a heading for `step`.
        let thirty = String(repeating: "政策效应持续", count: 5) + "\n续释放。"
        #expect(LineRepairStep().apply(to: thirty).report.count == 1 && step.apply(to: thirty).report.count == 0)
        #expect(step.apply(to: text).report.count == 1)   // a sentence end before: still joined
        do {
            let (text, report) = LineRepairStep().apply(to: "坚持聚焦重点。政策效应持\n\n续释放。")
            #expect(text == "坚持聚焦重点。政策效应持续释放。" && report.count == 1)
        }
    }

    @Test("ScriptStep: name, converter, init, apply(to:)")
    func scriptMembers() {
        let normalizer = Normalizer(steps: [ScriptStep(.t2s)])
        let text = "工業經濟，發展"
        #expect(normalizer.normalize(text).report(for: ScriptStep.stepName)?.count == 2)
        #expect(ScriptStep(.t2s).name == "script")   // "script"
        #expect(ScriptStep(.t2s).converter.name == "t2s")   // "t2s"
        let toSimplified = ScriptStep(.tw2sp)
        #expect(toSimplified.apply(to: "軟體").text == "软件")
        do {
            let (text, report) = ScriptStep(.t2s).apply(to: "經濟")
            #expect(text == "经济" && report.changes.map(\.after) == ["经济"])   // text == "经济"
        }
    }
}
