/// Removes pinyin reading annotations that a web page put right after Han characters:
/// `工業(yè)和信息化部` becomes `工業和信息化部`, `銀行(yínháng)卡` becomes `銀行卡`.
///
/// An annotation is a parenthesized reading, `(…)` or `（…）`, directly after Han characters:
/// one pinyin syllable per character (`ReadingMatch.swift`: up to 8, written together, with
/// tone marks or digits, or apart). It is removed when it reads those characters, as ICU's
/// Han-Latin transform reads them (a table taken from ICU 72.1, `HanReadings.swift`). Syllables
/// that all carry a tone but are not all ICU's default reading (polyphonic characters:
/// 行 háng/xíng, 長 cháng/zhǎng) are removed too, and reported as unverified. A toneless
/// annotation is removed only when ICU confirms it, since `(a)` or `(e)` are more often list
/// markers than readings. Anything else in parentheses is content and stays: `(以下簡稱《通知》)`,
/// `(ABC)`; so do annotations that touch a protected region (a link target, code, a tag: what
/// the text's markup protects, `MarkupScanner.swift`).
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

    /// The step, with ICU's Han-Latin readings to check annotations (an embedded table: no ICU
    /// is opened).
    ///
    /// ```swift
    /// let step = ReadingAnnotationStep()
    /// ```
    public init() {}

    /// Normalizes `text`; the report's ranges are Unicode-scalar offsets into `text`.
    ///
    /// ```swift
    /// let (text, report) = ReadingAnnotationStep().apply(to: "發(fā)展")
    /// // text == "發展"
    /// ```
    public func apply(to text: String) -> (text: String, report: Normalizer.StepReport) {
        Normalizer(steps: [self]).applyOne(to: text)
    }

    func makeRunner(reporting: Bool) -> any StepRunner {
        Runner(reporting: reporting)
    }

    /// The step in a stream: finds `(` and `（` after Han characters, byte by byte.
    final class Runner: StepRunner {
        private var recorder: ChangeRecorder
        private var inputScalars = 0
        private var spare = SpareBytes()
        /// The annotations to remove from the window being processed, and whether unverified.
        private var removals: [(range: Range<Int>, unverified: Bool)] = []

        init(reporting: Bool) {
            recorder = ChangeRecorder(isOn: reporting)
        }

        var changes: [Normalizer.Change] { recorder.changes }

        func finish() -> TextWindow? { nil }

        func recycle(_ bytes: [UInt8]) { spare.keep(bytes) }

        func process(_ window: TextWindow) -> [TextWindow] {
            recorder.begin(base: inputScalars)
            let spans = window.spans()
            removals.removeAll(keepingCapacity: true)
            var protection = WindowProtection(window.protected)
            window.bytes.withUnsafeBufferPointer { s in
                for (span, _) in spans { findAnnotations(s, span, &protection) }
            }
            guard !removals.isEmpty else {
                // Nothing to remove (most windows): the window goes on as it came, uncopied.
                if recorder.isOn { inputScalars = window.bytes.withUnsafeBufferPointer { recorder.offset(of: $0.count, in: $0) } }
                return [window]
            }
            var writer = WindowWriter(capacity: window.bytes.count, reusing: &spare, protecting: window.protected)
            window.bytes.withUnsafeBufferPointer { s in
                var next = 0
                for (span, block) in spans {
                    var copied = span.lowerBound
                    while next < removals.count, removals[next].range.upperBound <= span.upperBound {
                        let (removal, unverified) = removals[next]
                        writer.copy(s, copied..<removal.lowerBound)
                        recorder.record(s, removal, after: "", unverified: unverified)
                        copied = removal.upperBound
                        next += 1
                    }
                    writer.copy(s, copied..<span.upperBound)
                    if let block { writer.copyBlock(s, block) }
                }
                if recorder.isOn { inputScalars = recorder.offset(of: s.count, in: s) }
            }
            return [writer.window(endsLine: window.endsLine)]
        }

        /// Appends to `removals` the annotations of `s[span]` to remove, in order. A decision
        /// reads only the input, so the output is written after, and only if there is one.
        private func findAnnotations(_ s: UnsafeBufferPointer<UInt8>, _ span: Range<Int>, _ protection: inout WindowProtection) {
            var i = span.lowerBound
            while true {
                // `(`, or 0xEF, the first byte of `（`.
                i = UTF8Text.first(in: s, from: i, limit: span.upperBound, anyOf: Self.openings)
                guard i < span.upperBound else { break }
                let openLength: Int
                if s[i] == 0x28 {
                    openLength = 1
                } else if i + 2 < span.upperBound, s[i + 1] == 0xBC, s[i + 2] == 0x88 {
                    openLength = 3
                } else {
                    i += 1
                    continue
                }
                guard let (removal, unverified) = annotation(s, at: i, openLength: openLength, span, &protection) else {
                    i += openLength
                    continue
                }
                removals.append((removal, unverified))
                i = removal.upperBound
            }
        }

        private static let openings = ByteSet(0x28, 0xEF)

        private static func mayBePinyin(_ s: Unicode.Scalar) -> Bool {
            switch s.value {
            case 0x61...0x7A, 0x30...0x35, 0x20, 0x27, 0x2D, 0x2019, 0xE0...0xFC, 0x101...0x1DC, 0x1E3F, 0x1EBF, 0x1EC1,
                 0x300...0x30C: true
            default: false
            }
        }

        /// The bytes of the annotation opening at `open`, if it is a reading to remove.
        private func annotation(
            _ s: UnsafeBufferPointer<UInt8>, at open: Int, openLength: Int, _ span: Range<Int>,
            _ protection: inout WindowProtection
        ) -> (Range<Int>, Bool)? {
            var word: [Unicode.Scalar] = []
            var wordStart = open
            while word.count < ReadingMatch.maximumSyllables,
                  let (scalar, start) = UTF8Text.scalar(in: s, before: wordStart, floor: span.lowerBound),
                  ScalarClass.isHan(scalar) {
                word.append(scalar)
                wordStart = start
            }
            guard !word.isEmpty else { return nil }
            word.reverse()
            var content: [Unicode.Scalar] = []
            var i = open + openLength
            var close: Int?
            while i < span.upperBound, content.count <= 64 {
                let (scalar, length) = UTF8Text.scalar(in: s, at: i)
                if scalar == ")" || scalar == "）" { close = i + length; break }
                if scalar == "(" || scalar == "（" || scalar == "\n" || scalar == "\r" { return nil }
                content.append(scalar)
                i += length
            }
            // Only letters, tone marks and digits, and separators, can spell a reading: anything
            // else is content, known without asking ICU.
            guard let close, !content.isEmpty, content.allSatisfy(Self.mayBePinyin) else { return nil }
            if protection.range(at: open) != nil || protection.overlaps(wordStart..<close) { return nil }
            let match = ReadingMatch(content: content, word: word, verifying: recorder.isOn, reading: HanReadings.syllable(of:))
            guard let match else { return nil }
            return (open..<close, !match.isVerified)
        }
    }
}
