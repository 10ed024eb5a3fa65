import Foundation
import Testing
@testable import Jianfan

@Suite struct NormalizerTests {
    @Test func runsStepsInOrderAndReportsEach() {
        let normalizer = Normalizer(steps: [.readingAnnotations, .punctuationWidth, .lineRepair])
        let result = normalizer.normalize("業(yè)務,ＡＢ")
        #expect(result.text == "業務，AB")
        #expect(result.reports.map(\.step) == ["readings", "punctuation", "lines"])
        #expect(result.reports.map(\.count) == [1, 2, 0])
        // Each report's ranges refer to its own input: "業務,ＡＢ" for the punctuation step.
        #expect(result.report(for: "punctuation")?.changes.map(\.range) == [2..<3, 3..<5])
        #expect(result.changedAnything)
    }

    @Test func anEmptyChainChangesNothing() {
        let result = Normalizer(steps: []).normalize("原文,不变")
        #expect(result.text == "原文,不变")
        #expect(result.reports.isEmpty)
        #expect(!result.changedAnything)
    }

    @Test func edgeCasesDoNotTrap() {
        let normalizer = Normalizer(steps: [.readingAnnotations, .punctuationWidth, .lineRepair])
        for text in ["", "(", ")", ",", "業(", "業(y", "---", "---\n", "```", "<", "]", "](", "\n\n", "\r", "中\r\n\r\n"] {
            #expect(normalizer.normalize(text).text.unicodeScalars.count <= text.unicodeScalars.count + 1, "\(text)")
        }
        #expect(normalizer.normalize("中(").text == "中（")
        #expect(Aligner().align(document: "", references: [("empty", "")]).references[0].passages.isEmpty)
        #expect(Aligner().align(document: "短", references: [("r", "短")]).references[0].coverage.documentShare == 0)
    }

    @Test func stepsAreFoundByName() throws {
        let normalizer = try Normalizer(stepNames: ["readings", "punctuation", "lines", "script"], script: .t2s)
        #expect(normalizer.steps.map(\.name) == ["readings", "punctuation", "lines", "script"])
        #expect(throws: Normalizer.StepNameError.unknown("spelling")) {
            try Normalizer(stepNames: ["spelling"], script: nil)
        }
        #expect(throws: Normalizer.StepNameError.scriptWithoutConfig) {
            try Normalizer(stepNames: ["script"], script: nil)
        }
        #expect(Normalizer.standard(script: .s2t, repairLines: true).steps.map(\.name)
            == ["readings", "punctuation", "lines", "script"])
        #expect(Normalizer.standard().steps.map(\.name) == ["readings", "punctuation"])
    }

    @Test func reportsEncodeAsJSON() throws {
        let report = Normalizer.StepReport(
            step: "readings", changes: [.init(range: 2..<6, before: "(yè)", after: "", isUnverified: true)])
        let decoded = try JSONDecoder().decode(Normalizer.StepReport.self, from: JSONEncoder().encode(report))
        #expect(decoded == report)
        #expect(decoded.unverified == 1)
    }

    // Needs the real conversion engine.
    @Test func scriptStepConvertsAndReportsRuns() {
        let (text, report) = ScriptStep(.t2s).apply(to: "工業經濟\n發展")
        #expect(text == "工业经济\n发展")
        #expect(report.step == "script")
        #expect(report.changes == [
            Normalizer.Change(range: 1..<4, before: "業經濟", after: "业经济"), // one run
            Normalizer.Change(range: 5..<6, before: "發", after: "发"),
        ])
    }

    @Test func scriptStepWorksWithAnyConfig() {
        #expect(ScriptStep(.s2t).apply(to: "头发").text == "頭髮")
        #expect(ScriptStep(.s2twp).apply(to: "鼠标").text == "滑鼠")
        #expect(ScriptStep(.t2s).apply(to: "简体").report.count == 0)
    }

    // Needs the real conversion engine: `U盘` becomes `隨身碟` (a segment of its own).
    @Test func scriptChangesSurviveALengthChange() {
        let (text, report) = ScriptStep(.s2twp).apply(to: "头发\n插U盘了")
        #expect(text == "頭髮\n插隨身碟了")
        #expect(report.changes == [
            Normalizer.Change(range: 0..<2, before: "头发", after: "頭髮"),
            Normalizer.Change(range: 4..<6, before: "U盘", after: "隨身碟"),
        ])
        #expect(report.changes.map(\.line) == [1, 2])
        #expect(report.changes.map(\.column) == [1, 2])
    }
}

/// The examples in the documentation comments, checked.
@Suite struct NormalizeDocumentationExampleTests {
    @Test func examplesHold() {
        #expect(PunctuationWidthStep().apply(to: "你好,世界").text == "你好，世界")
        #expect(PunctuationWidthStep().apply(to: "原文如下:(一)會議於10:30開始,見ＡＢＣ").text
            == "原文如下：（一）會議於10:30開始，見ABC")
        let reading = ReadingAnnotationStep().apply(to: "銀行(háng)的發(fā)展")
        #expect(reading.text == "銀行的發展" && reading.report.count == 2 && reading.report.unverified == 1)
        let lines = LineRepairStep().apply(to: "坚持聚焦重点。政策效应持\n\n续释放。\n\n下一段。")
        #expect(lines.text == "坚持聚焦重点。政策效应持续释放。\n\n下一段。" && lines.report.count == 1)
        let normalizer = Normalizer(steps: [.readingAnnotations, .punctuationWidth, .script(.t2s)])
        let result = normalizer.normalize("發(fā)展,穩(wěn)定")
        #expect(result.report(for: "readings")?.count == 2)
        // Needs the real conversion engine:
        #expect(result.text == "发展，稳定")
        let script = ScriptStep(.t2s).apply(to: "工業經濟，發展")
        #expect(script.text == "工业经济，发展" && script.report.count == 2)
    }
}
