/// Removes pinyin reading annotations that a web page put right after Han characters:
/// `工業(yè)和信息化部` becomes `工業和信息化部`.
///
/// An annotation is a parenthesized pinyin syllable, `(…)` or `（…）`, directly after a Han
/// character. It is removed when it is a reading of that character, which ICU's Han-Latin
/// transform checks. A valid syllable with a tone that is not ICU's default reading (polyphonic
/// characters: 行 háng/xíng, 長 cháng/zhǎng) is removed too, and reported as unverified. A syllable
/// with no tone at all is removed only when ICU confirms it, since `(a)` or `(e)` are more often
/// list markers than readings. Anything else in parentheses is content and stays:
/// `(以下簡稱《通知》)`, `(ABC)`.
///
/// ```swift
/// let (text, report) = ReadingAnnotationStep().apply(to: "銀行(háng)的發(fā)展")
/// // text == "銀行的發展", report.count == 2, report.unverified == 1 (ICU reads 行 xíng)
/// ```
public struct ReadingAnnotationStep: NormalizationStep {
    /// The step's name in reports and in `jianfan normalize --steps`: `"readings"`.
    ///
    /// ```swift
    /// normalizer.normalize(text).report(for: ReadingAnnotationStep.stepName)?.count
    /// ```
    public static let stepName = "readings"
    /// ``stepName``, as every value of this step reports it.
    ///
    /// ```swift
    /// ReadingAnnotationStep().name   // "readings"
    /// ```
    public var name: String { Self.stepName }

    /// nil when ICU lacks the transform: then no removal can be verified.
    private let transliterator: Transliterator?

    /// Opening an ICU transform parses its rules: once per process is enough.
    private static let hanLatin = try? Transliterator("Han-Latin")

    /// The step, with ICU's Han-Latin transform to check readings (opened once per process; without
    /// it, only annotations with a tone mark or digit are removed, all reported as unverified).
    ///
    /// ```swift
    /// let step = ReadingAnnotationStep()
    /// ```
    public init() {
        transliterator = Self.hanLatin
    }

    /// Normalizes `text`; the report's ranges are Unicode-scalar offsets into `text`.
    ///
    /// ```swift
    /// let (text, report) = ReadingAnnotationStep().apply(to: "發(fā)展")
    /// // text == "發展"
    /// ```
    public func apply(to text: String) -> (text: String, report: Normalizer.StepReport) {
        var rewriter = ScalarRewriter(text)
        let scalars = rewriter.input
        var readings: [UInt32: PinyinSyllable?] = [:]
        var index = 1
        while index < scalars.count {
            guard Self.isOpening(scalars[index]), ScalarClass.isHan(scalars[index - 1]),
                  let close = Self.closingIndex(in: scalars, after: index),
                  let syllable = PinyinSyllable(scalars[(index + 1)..<close])
            else {
                index += 1
                continue
            }
            let han = scalars[index - 1]
            let reading: PinyinSyllable?
            if let cached = readings[han.value] {
                reading = cached
            } else {
                reading = defaultReading(of: han)
                readings[han.value] = reading
            }
            let verified = reading.map { syllable.isReading($0) } ?? false
            if verified || syllable.tone != nil {
                rewriter.replace(index..<(close + 1), with: [], isUnverified: !verified)
                index = close + 1
            } else {
                index += 1
            }
        }
        return rewriter.finish(step: name)
    }

    /// ICU's default Mandarin reading of one Han character, if ICU has one.
    private func defaultReading(of han: Unicode.Scalar) -> PinyinSyllable? {
        guard let transliterator else { return nil }
        let latin = transliterator.transliterate(String(han))
        let trimmed = latin.unicodeScalars.filter { !$0.properties.isWhitespace }
        return PinyinSyllable(trimmed)
    }

    private static func isOpening(_ s: Unicode.Scalar) -> Bool { s == "(" || s == "（" }
    private static func isClosing(_ s: Unicode.Scalar) -> Bool { s == ")" || s == "）" }

    /// The closing parenthesis of a syllable-sized parenthetical (at most 8 scalars inside).
    private static func closingIndex(in scalars: [Unicode.Scalar], after open: Int) -> Int? {
        let limit = min(scalars.count, open + 10)
        var index = open + 1
        while index < limit {
            if isClosing(scalars[index]) { return index > open + 1 ? index : nil }
            if isOpening(scalars[index]) || ScalarClass.isLineBreak(scalars[index]) { return nil }
            index += 1
        }
        return nil
    }
}
