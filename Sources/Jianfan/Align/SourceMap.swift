/// Maps offsets in a normalized text back to lines and columns of the original one, from the
/// changes the ``Normalizer``'s steps report.
///
/// Each step's report says which scalars of its input it replaced by what; read backwards,
/// the reports take an offset of the final text to the original. Inside a change the offset is
/// scaled to the change's two lengths (a start rounded down, an end rounded up); a removal
/// (a reading annotation, a joined line break) lies before a span that starts where it was, and
/// after one that ends there.
///
/// ```swift
/// let original = "第一行\n業(yè)務,很好"
/// let result = Normalizer.standard(script: .t2s).normalize(original)
/// let map = SourceMap(original: original, steps: result.reports)
/// map.locate(4..<6).start   // line 2, column 1: 业务 comes from 業(yè)務
/// map.locate(4..<6).end     // line 2, column 7: just past 務
/// ```
public struct SourceMap: Sendable {
    /// Per step, in the order they ran: its changes as output and input ranges.
    private let steps: [[Segment]]
    /// Offsets where lines start in the original; the first is past a byte-order mark.
    private let lineStarts: [Int]
    private let originalLength: Int

    private struct Segment: Sendable {
        /// Where the change's replacement sits in the step's output.
        var output: Range<Int>
        /// The scalars it replaced in the step's input.
        var input: Range<Int>
    }

    /// A map for `original`, normalized by steps that reported `steps` (in the order they ran,
    /// as ``Normalizer/Result/reports`` has them). With no reports, offsets are the original's.
    ///
    /// ```swift
    /// let identity = SourceMap(original: text)
    /// ```
    ///
    /// - Complexity: O(n + c) for n scalars and c changes.
    public init(original: String, steps: [Normalizer.StepReport] = []) {
        var lineStarts = [0]
        var length = 0
        for scalar in original.unicodeScalars {
            length += 1
            if scalar == "\n" { lineStarts.append(length) } else if length == 1, scalar == "\u{FEFF}" { lineStarts[0] = 1 }
        }
        self.lineStarts = lineStarts
        originalLength = length
        self.steps = steps.map { report in
            var shift = 0
            return report.changes.map { change in
                let replacement = change.after.unicodeScalars.count
                let output = (change.range.lowerBound + shift)..<(change.range.lowerBound + shift + replacement)
                shift += replacement - change.range.count
                return Segment(output: output, input: change.range)
            }
        }
    }

    /// Where the normalized text's `range` was in the original: the places of its first scalar
    /// and just past its last one.
    ///
    /// ```swift
    /// let source = map.locate(passage.document.range)
    /// print("notice.txt:\(source.start.line):\(source.start.column)")
    /// ```
    public func locate(_ range: Range<Int>) -> AlignmentReport.SourceSpan {
        let start = original(range.lowerBound, isEnd: false)
        let end = range.isEmpty ? start : max(start, original(range.upperBound, isEnd: true))
        return AlignmentReport.SourceSpan(start: location(start), end: location(end))
    }

    /// The original offset of a normalized one, through the steps backwards.
    private func original(_ offset: Int, isEnd: Bool) -> Int {
        var position = offset
        for segments in steps.reversed() { position = Self.input(of: position, isEnd: isEnd, segments) }
        return min(max(0, position), originalLength)
    }

    /// The input offset of one step for its output offset `p`.
    private static func input(of p: Int, isEnd: Bool, _ segments: [Segment]) -> Int {
        // The last change that starts at or before p (a start), or before p (an end).
        var low = 0, high = segments.count
        while low < high {
            let middle = (low + high) / 2
            let start = segments[middle].output.lowerBound
            if isEnd ? start < p : start <= p { low = middle + 1 } else { high = middle }
        }
        guard low > 0 else { return p }
        let segment = segments[low - 1]
        guard p < segment.output.upperBound || (isEnd && p == segment.output.upperBound) else {
            return p - segment.output.upperBound + segment.input.upperBound
        }
        let into = p - segment.output.lowerBound, outputCount = segment.output.count, inputCount = segment.input.count
        let scaled = isEnd ? (into * inputCount + outputCount - 1) / outputCount : into * inputCount / outputCount
        return segment.input.lowerBound + scaled
    }

    private func location(_ offset: Int) -> AlignmentReport.Location {
        var low = 0, high = lineStarts.count
        while low < high {
            let middle = (low + high) / 2
            if lineStarts[middle] <= offset { low = middle + 1 } else { high = middle }
        }
        let line = max(1, low)
        return AlignmentReport.Location(offset: offset, line: line, column: max(1, offset - lineStarts[line - 1] + 1))
    }
}
