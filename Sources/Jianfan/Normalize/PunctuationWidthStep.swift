/// Gives CJK text its own punctuation and Latin text its own letters:
///
/// - ASCII `,` `:` `;` `?` `!` `(` `)` next to CJK text become `，` `：` `；` `？` `！` `（` `）`;
///   a parenthesized pair is converted together when its content or either outside neighbour is CJK.
/// - Full-width Latin letters and digits (`ＡＢＣ１２３`) become ASCII (`ABC123`).
///
/// Text that is not CJK stays as it is: Latin sentences, decimals (`2.0`), times and numbers
/// between digits (`10:30`, `1,000`), and every protected region — URLs such as
/// `https://a.b/c?d=1,2`, HTML tags, Markdown link targets, front matter, code blocks.
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
        var rewriter = ScalarRewriter(text)
        let s = rewriter.input
        let protected = ProtectedRegions(s)
        let parentheses = convertedParentheses(s, protected)
        for i in s.indices where !protected[i] {
            let scalar = s[i]
            if let wide = Self.fullWidth[scalar] {
                rewriter.copy(upTo: i) // the context check reads the output before `i`
                let convert = scalar == "(" || scalar == ")"
                    ? parentheses.contains(i)
                    : isCJKContext(at: i, in: s, converted: rewriter.output)
                if convert { rewriter.replace(i..<(i + 1), with: [wide]) }
            } else if let narrow = Self.halfWidth(scalar) {
                rewriter.replace(i..<(i + 1), with: [narrow], merging: true)
            }
        }
        return rewriter.finish(step: name)
    }

    /// Offsets of the `(` and `)` to convert: pairs matched on one line, converted when the
    /// content or a neighbour is CJK; unmatched ones when a neighbour is.
    private func convertedParentheses(_ s: [Unicode.Scalar], _ protected: ProtectedRegions) -> Set<Int> {
        var converted = Set<Int>()
        for line in ProtectedRegions.lines(s) {
            var open: [Int] = []
            var unmatched: [Int] = []
            for i in line where !protected[i] {
                if s[i] == "(" {
                    open.append(i)
                } else if s[i] == ")" {
                    guard let start = open.popLast() else { unmatched.append(i); continue }
                    let content = s[(start + 1)..<i].contains(where: ScalarClass.isStrongCJK)
                    if content || neighbourIsCJK(s, from: start - 1, step: -1)
                        || neighbourIsCJK(s, from: i + 1, step: 1) {
                        converted.insert(start)
                        converted.insert(i)
                    }
                }
            }
            for i in open + unmatched
            where neighbourIsCJK(s, from: i - 1, step: -1) || neighbourIsCJK(s, from: i + 1, step: 1) {
                converted.insert(i)
            }
        }
        return converted
    }

    /// Whether the ASCII punctuation at `i` sits in CJK text. The scalar before it is read from
    /// the output so far, where earlier punctuation has already been converted.
    private func isCJKContext(at i: Int, in s: [Unicode.Scalar], converted output: [Unicode.Scalar]) -> Bool {
        let before = i > 0 ? s[i - 1] : nil
        let after = i + 1 < s.count ? s[i + 1] : nil
        if let before, let after, ScalarClass.isASCIIDigit(before), ScalarClass.isASCIIDigit(after) {
            return false // 10:30, 1,000, 1;2
        }
        if s[i] == "!", after == "[" { return false } // Markdown image
        return neighbourIsCJK(output, from: output.count - 1, step: -1) || neighbourIsCJK(s, from: i + 1, step: 1)
    }

    /// Looks from `index` in direction `step`, past ambiguous punctuation (quotes, dashes), for a
    /// scalar that decides; true if that one is CJK.
    private func neighbourIsCJK(_ s: [Unicode.Scalar], from index: Int, step: Int) -> Bool {
        var i = index
        var skipped = 0
        while i >= 0, i < s.count, skipped <= 3 {
            if ScalarClass.isStrongCJK(s[i]) { return true }
            guard ScalarClass.isAmbiguousPunctuation(s[i]) else { return false }
            i += step
            skipped += 1
        }
        return false
    }

    private static let fullWidth: [Unicode.Scalar: Unicode.Scalar] = [
        ",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）",
    ]

    /// `Ａ`–`Ｚ`, `ａ`–`ｚ`, `０`–`９` to ASCII.
    private static func halfWidth(_ s: Unicode.Scalar) -> Unicode.Scalar? {
        switch s.value {
        case 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A: Unicode.Scalar(s.value - 0xFEE0)
        default: nil
        }
    }
}
