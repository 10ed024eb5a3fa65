/// Builds a step's output from its input scalars while recording every replacement as a
/// ``Normalizer/Change`` with input offsets, so no step has to track positions itself.
struct ScalarRewriter {
    let input: [Unicode.Scalar]
    private(set) var output: [Unicode.Scalar] = []
    private(set) var changes: [Normalizer.Change] = []
    /// Everything before this input offset has been copied or replaced.
    private(set) var cursor = 0
    /// Whether the last change was made with `merging`: only such changes are extended.
    private var lastMerges = false
    init(_ text: String) {
        input = Array(text.unicodeScalars)
        output.reserveCapacity(input.count)
    }

    /// Copies the input unchanged up to `end`.
    mutating func copy(upTo end: Int) {
        precondition(end >= cursor, "rewrites must go forward")
        output.append(contentsOf: input[cursor..<end])
        cursor = end
    }

    /// Replaces `range` of the input (which must not start before the cursor) with `scalars`.
    /// With `merging`, a replacement right after a previous merging one extends it, so a run
    /// (`ＡＢＣ１２３`) is reported as one change.
    mutating func replace(
        _ range: Range<Int>, with scalars: [Unicode.Scalar], isUnverified: Bool = false, merging: Bool = false
    ) {
        copy(upTo: range.lowerBound)
        output.append(contentsOf: scalars)
        cursor = range.upperBound
        let before = Self.string(input[range])
        let after = Self.string(scalars[...])
        if merging, lastMerges, let last = changes.last, last.range.upperBound == range.lowerBound,
           last.isUnverified == isUnverified {
            changes[changes.count - 1] = Normalizer.Change(
                range: last.range.lowerBound..<range.upperBound,
                before: last.before + before, after: last.after + after, isUnverified: isUnverified)
        } else {
            changes.append(Normalizer.Change(range: range, before: before, after: after, isUnverified: isUnverified))
        }
        lastMerges = merging
    }

    /// Copies the rest of the input and returns the text and the report.
    mutating func finish(step: String) -> (text: String, report: Normalizer.StepReport) {
        copy(upTo: input.count)
        return (Self.string(output[...]), Normalizer.StepReport(step: step, changes: changes))
    }

    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}
