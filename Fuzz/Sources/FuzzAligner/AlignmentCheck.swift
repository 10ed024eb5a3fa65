import FuzzSupport
import Jianfan

/// What any ``AlignmentReport`` must satisfy, whatever the texts.
enum AlignmentCheck {
    static func check(_ report: AlignmentReport, document: String, reference: String, minimumMatched: Int) {
        let documentScalars = Array(document.unicodeScalars)
        let referenceScalars = Array(reference.unicodeScalars)
        FuzzCheck.expect(report.document.length == documentScalars.count, "document length")
        FuzzCheck.expect(report.references.count == 1, "one result per reference")
        let result = report.references[0]
        FuzzCheck.expect(result.length == referenceScalars.count, "reference length")

        var previous: (Int, Int)?
        for passage in result.passages {
            check(passage.document, in: documentScalars, "passage document")
            check(passage.reference, in: referenceScalars, "passage reference")
            let start = (passage.document.start, passage.reference.start)
            if let previous { FuzzCheck.expect(previous <= start, "passages out of order") }
            previous = start
            FuzzCheck.expect(passage.matched >= minimumMatched, "a passage below the minimum: \(passage.matched)")
            FuzzCheck.expect(passage.matched <= min(passage.document.range.count, passage.reference.range.count),
                             "matched \(passage.matched) exceeds the passage")
            for edit in passage.edits {
                check(edit.document, in: documentScalars, "edit document")
                check(edit.reference, in: referenceScalars, "edit reference")
                FuzzCheck.expect(passage.document.range.contains(edit.document.range)
                                 && passage.reference.range.contains(edit.reference.range), "edit outside its passage")
                switch edit.kind {
                case .insertion: FuzzCheck.expect(edit.document.range.isEmpty && !edit.reference.range.isEmpty, "insertion")
                case .deletion: FuzzCheck.expect(!edit.document.range.isEmpty && edit.reference.range.isEmpty, "deletion")
                case .substitution: FuzzCheck.expect(!edit.document.range.isEmpty && !edit.reference.range.isEmpty, "substitution")
                }
            }
            if passage.edits.isEmpty {
                FuzzCheck.expect(passage.document.text == passage.reference.text, "an exact passage with different texts")
            }
        }
        let coverage = result.coverage
        FuzzCheck.expect(coverage.documentQuoted <= documentScalars.count
                         && coverage.referenceFromDocument <= referenceScalars.count, "coverage beyond the texts")
        FuzzCheck.expect((0...1).contains(coverage.documentShare) && (0...1).contains(coverage.referenceShare),
                         "coverage share outside 0...1")
    }

    /// A span lies inside its text and quotes it.
    private static func check(_ span: AlignmentReport.Span, in scalars: [Unicode.Scalar], _ what: String) {
        FuzzCheck.expect(0 <= span.start && span.start <= span.end && span.end <= scalars.count,
                         "\(what) span \(span.start)..<\(span.end) outside 0..<\(scalars.count)")
        FuzzCheck.expect(String(String.UnicodeScalarView(scalars[span.range])) == span.text,
                         "\(what) span text \(span.text.debugDescription) is not the text at \(span.range)")
    }
}
extension Range {
    /// `other` lies inside this range (an empty `other` may sit at either end).
    func contains(_ other: Range) -> Bool { lowerBound <= other.lowerBound && other.upperBound <= upperBound }
}
