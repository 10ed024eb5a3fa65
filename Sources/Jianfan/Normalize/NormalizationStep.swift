/// One normalization: takes a text, returns the text it makes and a report of what it changed.
///
/// Steps are independent values: use one alone, or chain several in a ``Normalizer``.
///
/// ```swift
/// let (text, report) = PunctuationWidthStep().apply(to: "你好,世界")
/// // text == "你好，世界", report.count == 1
/// ```
public protocol NormalizationStep: Sendable {
    /// The short name used in reports and by `jianfan normalize --steps`, e.g. `"punctuation"`.
    var name: String { get }

    /// Normalizes `text`. The report's ranges are Unicode-scalar offsets into `text`.
    func apply(to text: String) -> (text: String, report: Normalizer.StepReport)
}

extension NormalizationStep where Self == ReadingAnnotationStep {
    /// Removes pinyin reading annotations such as `業(yè)` (see ``ReadingAnnotationStep``).
    public static var readingAnnotations: ReadingAnnotationStep { ReadingAnnotationStep() }
}

extension NormalizationStep where Self == PunctuationWidthStep {
    /// Full-width punctuation in CJK text, half-width Latin letters and digits
    /// (see ``PunctuationWidthStep``).
    public static var punctuationWidth: PunctuationWidthStep { PunctuationWidthStep() }
}

extension NormalizationStep where Self == LineRepairStep {
    /// Joins line breaks that split a sentence (see ``LineRepairStep``).
    public static var lineRepair: LineRepairStep { LineRepairStep() }
}

extension NormalizationStep where Self == ScriptStep {
    /// Converts the script with the core ``Converter`` (see ``ScriptStep``).
    public static func script(_ config: Config) -> ScriptStep { ScriptStep(config) }
}
