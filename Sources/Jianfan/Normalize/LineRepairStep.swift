/// Joins line breaks that split a sentence, as page breaks of a copied article do:
/// `持\n\n续释放` becomes `持续释放`. A break after the end of a sentence is never joined.
///
/// A break (with any blank lines around it) is joined when all of these hold:
/// - the line before ends mid-sentence: with a Han character, `，` or `、`;
/// - the line after starts with a Han character, not indented;
/// - both lines look like running text, not headings: each contains a sentence end (`。！？；`) or
///   is at least ``minimumBodyLength`` scalars long, and the one before is no Markdown heading,
///   quote or table row;
/// - the last clause of the line before has no spaces, which in Chinese text marks a byline or
///   a photo credit (`新华社记者 程敏摄`).
///
/// Front matter and code blocks are left alone, and so is a line that starts with a protected
/// region (a tag, a URL) or is longer than ``NormalizationStream/windowSize``. Line breaks may be
/// `\n`, `\r\n` or `\r`. Blank lines of more than ``blankLimit`` bytes are never joined across.
///
/// In a stream the step holds back the last line that may still be joined, and the blank
/// lines after it (at most ``NormalizationStream/windowSize`` plus ``blankLimit`` bytes), until
/// the next line shows whether it continues the sentence.
///
/// ```swift
/// let (text, report) = LineRepairStep().apply(to: "坚持聚焦重点。政策效应持\n\n续释放。\n\n下一段。")
/// // text == "坚持聚焦重点。政策效应持续释放。\n\n下一段。", report.count == 1
/// ```
public struct LineRepairStep: NormalizationStep {
    /// The step's name in reports and in `jianfan normalize --steps`: `"lines"`.
    ///
    /// ```swift
    /// normalizer.normalize(text).report(for: LineRepairStep.stepName)?.count
    /// ```
    public static let stepName = "lines"
    /// ``stepName``, as every value of this step reports it.
    ///
    /// ```swift
    /// LineRepairStep().name   // "lines"
    /// ```
    public var name: String { Self.stepName }

    /// Lines shorter than this without a sentence end are taken for headings.
    public let minimumBodyLength: Int

    /// A step that takes lines shorter than `minimumBodyLength` Unicode scalars, with no sentence end,
    /// for headings, and never joins them.
    ///
    /// ```swift
    /// let step = LineRepairStep(minimumBodyLength: 40)   // stricter: a line with no sentence end needs 40 scalars
    /// ```
    public init(minimumBodyLength: Int = 24) {
        self.minimumBodyLength = minimumBodyLength
    }

    /// Normalizes `text`; the report's ranges are Unicode-scalar offsets into `text`.
    ///
    /// ```swift
    /// let (text, report) = LineRepairStep().apply(to: "坚持聚焦重点。政策效应持\n\n续释放。")
    /// // text == "坚持聚焦重点。政策效应持续释放。" (a line of five scalars with no sentence end,
    /// // "政策效应持" alone, would be taken for a heading and kept)
    /// ```
    public func apply(to text: String) -> (text: String, report: Normalizer.StepReport) {
        Normalizer(steps: [self]).applyOne(to: text)
    }

    func makeRunner(reporting: Bool) -> any StepRunner {
        LineRepairRunner(minimumBodyLength: minimumBodyLength, reporting: reporting)
    }

    /// A joined line runs on into the next window: windows go one at a time.
    func windowRunner() -> (any StepRunner)? { nil }

    /// Blank lines longer than this (in bytes, breaks included) between two lines keep them apart:
    /// this bounds what a stream holds back (see ``NormalizationStream``).
    ///
    /// ```swift
    /// LineRepairStep.blankLimit   // 65_536
    /// ```
    public static let blankLimit = 1 << 16
}
