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
    ///
    /// In a ``Normalizer``, a step of your own is given each stretch of text between what the
    /// markup and patterns protect (``Normalizer/markup``, ``Normalizer/patterns``) in one
    /// window of whole lines at a time (see ``NormalizationStream``); the built-in steps work
    /// on bytes in place.
    func apply(to text: String) -> (text: String, report: Normalizer.StepReport)
}

/// A step that runs on bytes in a stream (every built-in step).
protocol StreamingStep: NormalizationStep {
    func makeRunner(reporting: Bool) -> any StepRunner
    /// A runner for one worker of a ``WindowBatch`` (no report, one core); nil for a step that
    /// carries state from one window to the next, whose windows must go one at a time.
    func windowRunner() -> (any StepRunner)?
}

extension StreamingStep {
    func windowRunner() -> (any StepRunner)? { makeRunner(reporting: false) }
}

extension ReadingAnnotationStep: StreamingStep {}
extension PunctuationWidthStep: StreamingStep {}
extension LineRepairStep: StreamingStep {}
extension ScriptStep: StreamingStep {}

extension NormalizationStep {
    /// The step's state in a stream: its own for a built-in step, ``apply(to:)`` per span for
    /// any other.
    func runner(reporting: Bool) -> any StepRunner {
        if let streaming = self as? any StreamingStep { return streaming.makeRunner(reporting: reporting) }
        return CustomStepRunner(step: self, reporting: reporting)
    }
}

/// A step of the caller's own in a stream: ``NormalizationStep/apply(to:)`` on each stretch of
/// text between blocks and protected ranges (which it copies), its report moved to the step's
/// whole input.
final class CustomStepRunner: StepRunner {
    private let step: any NormalizationStep
    private var recorder: ChangeRecorder
    private var inputScalars = 0

    init(step: any NormalizationStep, reporting: Bool) {
        self.step = step
        recorder = ChangeRecorder(isOn: reporting)
    }

    var changes: [Normalizer.Change] { recorder.changes }

    func finish() -> TextWindow? { nil }

    func process(_ window: TextWindow) -> [TextWindow] {
        var writer = WindowWriter(capacity: window.bytes.count, protecting: window.protected)
        recorder.begin(base: inputScalars)
        window.bytes.withUnsafeBufferPointer { s in
            var next = 0
            for (span, block) in window.spans() {
                var start = span.lowerBound
                while start < span.upperBound {
                    while next < window.protected.count, window.protected[next].upperBound <= start { next += 1 }
                    let protected = next < window.protected.count && window.protected[next].lowerBound < span.upperBound
                        ? window.protected[next] : span.upperBound..<span.upperBound
                    apply(s, start..<protected.lowerBound, &writer)
                    writer.copy(s, protected)
                    start = protected.upperBound
                }
                if let block { writer.copyBlock(s, block) }
            }
            if recorder.isOn { inputScalars = recorder.offset(of: s.count, in: s) }
        }
        return [writer.window(endsLine: window.endsLine)]
    }

    /// The step on `s[stretch]`, text no protected range holds.
    private func apply(_ s: UnsafeBufferPointer<UInt8>, _ stretch: Range<Int>, _ writer: inout WindowWriter) {
        guard !stretch.isEmpty else { return }
        let (text, report) = step.apply(to: UTF8Text.string(s, stretch))
        writer.bytes.append(contentsOf: text.utf8)
        if recorder.isOn {
            let base = recorder.offset(of: stretch.lowerBound, in: s)
            for change in report.changes { recorder.append(change.shifted(by: base)) }
        }
    }
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
