/// A chain of ``NormalizationStep``s, run in order, each on the previous one's output.
///
/// ```swift
/// let normalizer = Normalizer(steps: [.readingAnnotations, .punctuationWidth, .script(.t2s)])
/// let result = normalizer.normalize("發(fā)展,穩(wěn)定")
/// result.text                                   // "发展，稳定"
/// result.report(for: "readings")?.count         // 2
/// ```
public struct Normalizer: Sendable {
    /// The steps, in the order ``normalize(_:reporting:)`` runs them.
    ///
    /// ```swift
    /// Normalizer.standard(script: .t2s).steps.map(\.name)   // ["readings", "punctuation", "script"]
    /// ```
    public let steps: [any NormalizationStep]
    /// The text's markup, which decides what no step touches, as for a conversion protecting
    /// it (``Markup``): nothing for ``Markup/none``; front matter, fenced and inline code, tags,
    /// comments, link targets, entities, URLs and e-mail addresses for ``Markup/markdown``;
    /// tags (but the text of `alt`, `title`, `aria-label`), comments, `<script>`/`<style>`,
    /// entities, URLs and e-mail addresses for ``Markup/html``; `-{…}-` spans, markers included,
    /// for ``Markup/mediawiki`` (a normalization keeps markup as written). nil (the default)
    /// decides by the text's start (``Markup/init(sniffing:)``): HTML there, else Markdown.
    ///
    /// ```swift
    /// var normalizer = Normalizer.standard(script: .t2s)
    /// normalizer.markup = Markup(path: "page.html")   // .html: a ``` line is text
    /// ```
    public var markup: Markup?
    /// ICU regular expressions whose matches no step touches, in any markup (as `--protect`
    /// does for a conversion, ``Protection/patterns``); set with ``protect(patterns:)``.
    ///
    /// ```swift
    /// Normalizer.standard().patterns   // []
    /// ```
    public private(set) var patterns: [String] = []

    /// A chain of these steps, each run on the previous one's output; any order, repeats allowed.
    ///
    /// ```swift
    /// let normalizer = Normalizer(steps: [.punctuationWidth, .script(.s2t)])
    /// ```
    public init(steps: [any NormalizationStep]) {
        self.steps = steps
    }

    /// Leaves the matches of these ICU regular expressions (each within one line) byte-identical
    /// through every step, as ``Protection/patterns`` does for a conversion.
    ///
    /// ```swift
    /// var normalizer = Normalizer.standard(script: .s2t)
    /// try normalizer.protect(patterns: ["#\\w+"])   // hashtags stay as written
    /// normalizer.normalize("头发 #头发").text   // "頭髮 #头发"
    /// ```
    /// - Throws: ``ProtectionError`` for a pattern ICU rejects; the patterns are then unchanged.
    public mutating func protect(patterns: [String]) throws(ProtectionError) {
        _ = try Protection(patterns: patterns)
        self.patterns = patterns
    }

    /// The cleaning steps (readings, punctuation; line repair if asked), then the script
    /// conversion when a configuration is given.
    ///
    /// ```swift
    /// let normalizer = Normalizer.standard(script: .t2s, repairLines: true)
    /// ```
    public static func standard(script config: Config? = nil, repairLines: Bool = false) -> Normalizer {
        var steps: [any NormalizationStep] = [ReadingAnnotationStep(), PunctuationWidthStep()]
        if repairLines { steps.append(LineRepairStep()) }
        if let config { steps.append(ScriptStep(config)) }
        return Normalizer(steps: steps)
    }

    /// The steps by the names `jianfan normalize --steps` takes, in the order given:
    /// `readings`, `punctuation`, `lines`, and `script` (which needs a configuration).
    ///
    /// ```swift
    /// let normalizer = try Normalizer(stepNames: ["readings", "script"], script: .t2s)
    /// ```
    public init(stepNames: [String], script config: Config?) throws(StepNameError) {
        var steps: [any NormalizationStep] = []
        for name in stepNames {
            switch name.lowercased() {
            case ReadingAnnotationStep.stepName, "reading", "annotations": steps.append(ReadingAnnotationStep())
            case PunctuationWidthStep.stepName, "width": steps.append(PunctuationWidthStep())
            case LineRepairStep.stepName, "line-repair": steps.append(LineRepairStep())
            case ScriptStep.stepName:
                guard let config else { throw .scriptWithoutConfig }
                steps.append(ScriptStep(config))
            default:
                throw .unknown(name)
            }
        }
        self.init(steps: steps)
    }

    /// Why ``init(stepNames:script:)`` refused a list of names.
    public enum StepNameError: Error, Equatable, Sendable, CustomStringConvertible {
        /// A name that is none of the four; the name as given.
        ///
        /// ```swift
        /// try? Normalizer(stepNames: ["spelling"], script: nil)   // nil: .unknown("spelling")
        /// ```
        case unknown(String)
        /// `script` was named but no configuration was given.
        ///
        /// ```swift
        /// try? Normalizer(stepNames: ["script"], script: nil)   // nil: .scriptWithoutConfig
        /// ```
        case scriptWithoutConfig

        /// The reason, in words (the command line adds which of its options to use).
        ///
        /// ```swift
        /// Normalizer.StepNameError.unknown("x").description
        /// // unknown step "x" (expected readings, punctuation, lines or script)
        /// ```
        public var description: String {
            switch self {
            case .unknown(let name):
                "unknown step \"\(name)\" (expected readings, punctuation, lines or script)"
            case .scriptWithoutConfig:
                "the script step needs a configuration to convert with"
            }
        }
    }

    /// Runs every step in order, a window of whole lines at a time (as a
    /// ``NormalizationStream`` does: the result is the same), and reports each step's changes
    /// unless `reporting` is false (then the reports are empty, and cost nothing).
    ///
    /// ```swift
    /// let result = Normalizer.standard(script: .t2s).normalize("發(fā)展,穩定")
    /// result.text   // "发展，稳定"
    /// ```
    /// - Complexity: O(n) in the length of `text`.
    public func normalize(_ text: String, reporting: Bool = true) -> Result {
        var stream = makeStream(reporting: reporting)
        var output: [UInt8] = []
        var text = text
        text.withUTF8 { utf8 in
            // A String's UTF-8 is valid by construction: neither call can throw.
            try? stream.write(utf8, into: &output)
        }
        try? stream.finish(into: &output)
        return Result(text: String(decoding: output, as: UTF8.self), reports: stream.reports)
    }

    /// A stream that normalizes chunks of UTF-8 as they come, with bounded memory; with
    /// `reporting`, the steps record their changes for ``NormalizationStream/reports``.
    ///
    /// ```swift
    /// var stream = Normalizer.standard(script: .t2s).makeStream()
    /// ```
    public func makeStream(lossy: Bool = false, reporting: Bool = false) -> NormalizationStream {
        NormalizationStream(normalizer: self, lossy: lossy, reporting: reporting)
    }

    /// The one step's result, as ``NormalizationStep/apply(to:)`` returns it.
    func applyOne(to text: String) -> (text: String, report: StepReport) {
        let result = normalize(text)
        return (result.text, result.reports[0])
    }
}
