import FuzzSupport
import Jianfan

/// Checks a step's report against the texts before and after the step.
enum ReportReplay {
    /// The changes, applied to `before` in order, must rebuild `after`.
    static func check(_ report: Normalizer.StepReport, from before: String, to after: String) {
        let scalars = Array(before.unicodeScalars)
        var rebuilt = String.UnicodeScalarView()
        var position = 0
        for change in report.changes {
            let range = change.range
            FuzzCheck.expect(range.lowerBound >= position && range.upperBound <= scalars.count,
                             "\(report.step): change \(range) out of order or past \(scalars.count) scalars")
            FuzzCheck.expect(String(String.UnicodeScalarView(scalars[range])) == change.before,
                             "\(report.step): change \(range) quotes \(change.before.debugDescription)")
            rebuilt.append(contentsOf: scalars[position..<range.lowerBound])
            rebuilt.append(contentsOf: change.after.unicodeScalars)
            position = range.upperBound
        }
        rebuilt.append(contentsOf: scalars[position...])
        FuzzCheck.expect(String(rebuilt) == after,
                         "\(report.step): replaying \(report.count) changes on \(before.debugDescription) "
                         + "gives \(String(rebuilt).debugDescription), the step gave \(after.debugDescription)")
    }
}
