/// Converts the script with the core ``Converter``, under any ``Config``.
///
/// Protected regions (code, tags and their attributes, URLs, front matter: see
/// ``PunctuationWidthStep``) are copied as they are; the text between them is converted, each
/// stretch on its own, so no phrase spans markup.
///
/// The report lists each run of converted scalars as one change, so a log shows what the
/// conversion touched, e.g. `經濟` → `经济`. A line whose conversion changed its length is mapped
/// through the converter's segments (``Converter/segments(of:)``): a segment that kept its length
/// is compared scalar by scalar, any other is one change.
///
/// ```swift
/// let (text, report) = ScriptStep(.t2s).apply(to: "工業經濟，發展")
/// // text == "工业经济，发展", report.count == 2 (業經濟 → 业经济, 發 → 发)
/// ```
public struct ScriptStep: NormalizationStep {
    /// The step's name in reports and in `jianfan normalize --steps`: `"script"`.
    ///
    /// ```swift
    /// normalizer.normalize(text).report(for: ScriptStep.stepName)?.count
    /// ```
    public static let stepName = "script"
    /// ``stepName``, as every value of this step reports it.
    ///
    /// ```swift
    /// ScriptStep(.t2s).name   // "script"
    /// ```
    public var name: String { Self.stepName }
    /// The converter the step runs.
    ///
    /// ```swift
    /// ScriptStep(.t2s).converter.name   // "t2s"
    /// ```
    public let converter: Converter

    /// A step that converts with `config` (the converter is built at once: that costs nothing).
    ///
    /// ```swift
    /// let toSimplified = ScriptStep(.tw2sp)
    /// ```
    public init(_ config: Config) {
        converter = Converter(config)
    }

    /// Normalizes `text`; the report's ranges are Unicode-scalar offsets into `text`.
    ///
    /// ```swift
    /// let (text, report) = ScriptStep(.t2s).apply(to: "經濟")
    /// // text == "经济"
    /// ```
    public func apply(to text: String) -> (text: String, report: Normalizer.StepReport) {
        Normalizer(steps: [self]).applyOne(to: text)
    }

    func makeRunner(reporting: Bool) -> any StepRunner { ScriptRunner(converter: converter, reporting: reporting) }

    func windowRunner() -> (any StepRunner)? {
        var converter = converter
        converter.maximumThreads = 1
        return ScriptRunner(converter: converter, reporting: false)
    }
}
