/// Converts the script with the core ``Converter``, under any ``Config``.
///
/// The report lists each run of converted scalars as one change, so a log shows what the
/// conversion touched, e.g. `經濟` → `经济`.
///
/// ```swift
/// let (text, report) = ScriptStep(.t2s).apply(to: "工業經濟，發展")
/// // text == "工业经济，发展", report.count == 2 (業經濟 → 业经济, 發 → 发)
/// ```
public struct ScriptStep: NormalizationStep {
    /// The step's name in reports and in `jianfan normalize --steps`: `"script"`.
    ///
    /// ```swift
    /// normalizer.normalize(text).report(for: ScriptStep.stepName)?.count
    /// ```
    public static let stepName = "script"
    /// ``stepName``, as every value of this step reports it.
    ///
    /// ```swift
    /// ScriptStep(.t2s).name   // "script"
    /// ```
    public var name: String { Self.stepName }
    /// The converter the step runs.
    ///
    /// ```swift
    /// ScriptStep(.t2s).converter.name   // "t2s"
    /// ```
    public let converter: Converter

    /// A step that converts with `config` (the converter is built at once: that costs nothing).
    ///
    /// ```swift
    /// let toSimplified = ScriptStep(.tw2sp)
    /// ```
    public init(_ config: Config) {
        converter = Converter(config)
    }

    /// Normalizes `text`; the report's ranges are Unicode-scalar offsets into `text`.
    ///
    /// ```swift
    /// let (text, report) = ScriptStep(.t2s).apply(to: "經濟")
    /// // text == "经济"
    /// ```
    public func apply(to text: String) -> (text: String, report: Normalizer.StepReport) {
        let converted = converter.convert(text)
        guard converted != text else { return (text, Normalizer.StepReport(step: name, changes: [])) }
        return (converted, Normalizer.StepReport(step: name, changes: Self.changes(from: text, to: converted)))
    }

    /// The changed runs between a text and its conversion. Conversion never crosses a line
    /// break (no dictionary entry holds one), so lines are compared one by one: position by
    /// position when the conversion kept their length, by a banded alignment otherwise.
    static func changes(from original: String, to converted: String) -> [Normalizer.Change] {
        let a = original.unicodeScalars.map(\.value), b = converted.unicodeScalars.map(\.value)
        let linesA = lineRanges(a), linesB = lineRanges(b)
        guard linesA.count == linesB.count else {
            return differences(a[...], b[...], offsetA: 0, offsetB: 0, a, b)
        }
        var changes: [Normalizer.Change] = []
        for (lineA, lineB) in zip(linesA, linesB) where !a[lineA].elementsEqual(b[lineB]) {
            changes += differences(a[lineA], b[lineB], offsetA: lineA.lowerBound, offsetB: lineB.lowerBound, a, b)
        }
        return changes
    }

    private static func differences(
        _ lineA: ArraySlice<UInt32>, _ lineB: ArraySlice<UInt32>, offsetA: Int, offsetB: Int,
        _ a: [UInt32], _ b: [UInt32]
    ) -> [Normalizer.Change] {
        var runs: [LocalAlignment.Difference] = []
        if lineA.count == lineB.count {
            var i = 0
            let x = Array(lineA), y = Array(lineB)
            while i < x.count {
                guard x[i] != y[i] else { i += 1; continue }
                var end = i + 1
                while end < x.count, x[end] != y[end] { end += 1 }
                runs.append(.init(a: i..<end, b: i..<end))
                i = end
            }
        } else {
            runs = LocalAlignment.differences(lineA, lineB)
        }
        return runs.map { run in
            let rangeA = (offsetA + run.a.lowerBound)..<(offsetA + run.a.upperBound)
            let rangeB = (offsetB + run.b.lowerBound)..<(offsetB + run.b.upperBound)
            return Normalizer.Change(range: rangeA, before: string(a[rangeA]), after: string(b[rangeB]))
        }
    }

    private static func lineRanges(_ s: [UInt32]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        for (i, value) in s.enumerated() where value == 0x0A {
            ranges.append(start..<i)
            start = i + 1
        }
        ranges.append(start..<s.count)
        return ranges
    }

    private static func string(_ values: ArraySlice<UInt32>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: values.lazy.compactMap(Unicode.Scalar.init))
        return String(view)
    }
}
