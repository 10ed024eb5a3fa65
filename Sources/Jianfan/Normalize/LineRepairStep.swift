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
/// Front matter and code blocks are left alone. Line breaks may be `\n`, `\r\n` or `\r`.
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
        var rewriter = ScalarRewriter(text)
        let s = rewriter.input
        let protected = ProtectedRegions(s)
        var previous: Range<Int>? // the last non-blank line, trailing blanks trimmed
        for line in ProtectedRegions.lines(s) {
            let content = trimmed(line, in: s)
            guard !content.isEmpty else { continue }
            defer { previous = content }
            guard let before = previous, !protected[before.lowerBound], !protected[content.lowerBound],
                  content.lowerBound == line.lowerBound, // indented: a new paragraph
                  endsMidSentence(before, in: s), ScalarClass.isHan(s[content.lowerBound]),
                  isRunningText(before, in: s, isBefore: true), isRunningText(content, in: s, isBefore: false)
            else { continue }
            rewriter.replace(before.upperBound..<content.lowerBound, with: [])
        }
        return rewriter.finish(step: name)
    }

    /// The line without trailing blanks; empty when the line is blank.
    private func trimmed(_ line: Range<Int>, in s: [Unicode.Scalar]) -> Range<Int> {
        var end = line.upperBound
        while end > line.lowerBound, ScalarClass.isHorizontalSpace(s[end - 1]) { end -= 1 }
        return line.lowerBound..<end
    }

    private func endsMidSentence(_ line: Range<Int>, in s: [Unicode.Scalar]) -> Bool {
        let last = s[line.upperBound - 1]
        return ScalarClass.isHan(last) || last == "，" || last == "、"
    }

    private func isRunningText(_ line: Range<Int>, in s: [Unicode.Scalar], isBefore: Bool) -> Bool {
        let first = s[line.lowerBound]
        if isBefore, first == "#" || first == ">" || first == "|" { return false }
        let lastEnd = line.reversed().first { Self.isSentenceEnd(s[$0]) }
        guard lastEnd != nil || line.count >= minimumBodyLength else { return false }
        if isBefore {
            let clause = (lastEnd.map { $0 + 1 } ?? line.lowerBound)..<line.upperBound
            if clause.contains(where: { ScalarClass.isHorizontalSpace(s[$0]) }) { return false }
        }
        return true
    }

    private static func isSentenceEnd(_ s: Unicode.Scalar) -> Bool {
        s == "。" || s == "！" || s == "？" || s == "；"
    }
}
