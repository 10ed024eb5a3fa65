/// Gives CJK text its own punctuation and Latin text its own letters:
///
/// - ASCII `,` `:` `;` `?` `!` `(` `)` next to CJK text become `，` `：` `；` `？` `！` `（` `）`;
///   a parenthesized pair is converted together when its content or either outside neighbour is CJK.
/// - Full-width Latin letters and digits (`ＡＢＣ１２３`) become ASCII (`ABC123`).
///
/// Text that is not CJK stays as it is: Latin sentences, decimals (`2.0`), times and numbers
/// between digits (`10:30`, `1,000`), a pair of parentheses around ASCII-only content right
/// after a Latin letter or digit (`函数f(x)的值`), and every protected region — URLs such as
/// `https://a.b/c?d=1,2`, HTML tags and entities (`&nbsp;`), inline code, Markdown link
/// targets, e-mail addresses, front matter, code blocks.
///
/// ```swift
/// let (text, _) = PunctuationWidthStep().apply(to: "原文如下:(一)會議於10:30開始,見ＡＢＣ")
/// // text == "原文如下：（一）會議於10:30開始，見ABC"
/// ```
public struct PunctuationWidthStep: NormalizationStep {
    /// The step's name in reports and in `jianfan normalize --steps`: `"punctuation"`.
    ///
    /// ```swift
    /// normalizer.normalize(text).report(for: PunctuationWidthStep.stepName)?.count
    /// ```
    public static let stepName = "punctuation"
    /// ``stepName``, as every value of this step reports it.
    ///
    /// ```swift
    /// PunctuationWidthStep().name   // "punctuation"
    /// ```
    public var name: String { Self.stepName }

    /// The step; it has no settings.
    ///
    /// ```swift
    /// let normalizer = Normalizer(steps: [PunctuationWidthStep()])
    /// ```
    public init() {}

    /// Normalizes `text`; the report's ranges are Unicode-scalar offsets into `text`.
    ///
    /// ```swift
    /// let (text, report) = PunctuationWidthStep().apply(to: "你好,世界")
    /// // text == "你好，世界"
    /// ```
    public func apply(to text: String) -> (text: String, report: Normalizer.StepReport) {
        Normalizer(steps: [self]).applyOne(to: text)
    }

    func makeRunner(reporting: Bool) -> any StepRunner { PunctuationRunner(reporting: reporting) }
}
