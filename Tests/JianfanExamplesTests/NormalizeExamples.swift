import Foundation
import Testing
import Jianfan

/// The `///` examples of the normalizer and its reports, run as written (the steps' own are in
/// NormalizationStepExamples.swift).
@Suite("Examples: Normalizer and its reports")
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

    @Test("Normalizer.steps, init(steps:)")
    func steps() {
        #expect(Normalizer.standard(script: .t2s).steps.map(\.name) == ["readings", "punctuation", "script"])
        let normalizer = Normalizer(steps: [.punctuationWidth, .script(.s2t)])
        #expect(normalizer.steps.map(\.name) == ["punctuation", "script"])
        #expect(normalizer.normalize("头发,后来").text == "頭髮，後來")
    }

    @Test("Normalizer.StepNameError")
    func stepNameError() {
        #expect((try? Normalizer(stepNames: ["spelling"], script: nil)) == nil)   // nil: .unknown("spelling")
        #expect(throws: Normalizer.StepNameError.unknown("spelling")) { try Normalizer(stepNames: ["spelling"], script: nil) }
        #expect((try? Normalizer(stepNames: ["script"], script: nil)) == nil)   // nil: .scriptWithoutConfig
        #expect(throws: Normalizer.StepNameError.scriptWithoutConfig) { try Normalizer(stepNames: ["script"], script: nil) }
        #expect(Normalizer.StepNameError.unknown("x").description
            == "unknown step \"x\" (expected readings, punctuation, lines or script)")
    }

    @Test("Normalizer.normalize(_:), Result.text, Result.reports")
    func normalize() {
        let result = Normalizer.standard(script: .t2s).normalize("發(fā)展,穩定")
        #expect(result.text == "发展，稳定")   // "发展，稳定"
        #expect(Normalizer.standard().normalize("你好,世界").text == "你好，世界")   // "你好，世界"
        for report in result.reports { print(report.step, report.count) }
        #expect(result.reports.map { "\($0.step) \($0.count)" } == ["readings 1", "punctuation 1", "script 2"])
    }

    @Test("Normalizer.Change: init, JSON both ways")
    func changeCodable() throws {
        let change = Normalizer.Change(range: 2..<3, before: ",", after: "，")
        #expect(change == PunctuationWidthStep().apply(to: "你好,世界").report.changes[0])
        let json = try JSONEncoder().encode(change)
        let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        #expect(object["start"] as? Int == 2 && object["end"] as? Int == 3 && object["unverified"] as? Bool == false)
        try decode(json, expecting: change)
        try decode(Data(#"{"start":2,"end":3,"before":",","after":"，"}"#.utf8), expecting: change)   // unverified may be missing
        #expect(throws: DecodingError.self) {
            _ = try JSONDecoder().decode(Normalizer.Change.self, from: Data(#"{"start":3,"end":2,"before":"","after":""}"#.utf8))
        }
    }

    func decode(_ json: Data, expecting expected: Normalizer.Change) throws {
        let change = try JSONDecoder().decode(Normalizer.Change.self, from: json)
        #expect(change == expected)
    }

    @Test("Normalizer.StepReport.init(step:changes:)")
    func stepReportInit() {
        let report = Normalizer.StepReport(step: "mine", changes: [])
        #expect(report.step == "mine" && report.count == 0 && report.unverified == 0)
    }
}
