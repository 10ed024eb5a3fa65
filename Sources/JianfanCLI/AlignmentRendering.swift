import Jianfan

/// Renders an ``AlignmentReport`` for people: terminal text (ANSI colors optional) and a
/// self-contained side-by-side HTML page. JSON needs no renderer: the report is `Codable`.
enum AlignmentRendering {
    /// The report as terminal text. Each passage shows the document's text with the
    /// reference's differences inline: `[-removed-]{+added+}` (or red and green with colors).
    /// Long equal stretches are shortened to their ends.
    static func terminal(_ report: AlignmentReport, colors: Bool) -> String {
        let style = TerminalStyle(enabled: colors)
        var lines: [String] = []
        lines.append("document: \(report.document.path ?? "-") (\(report.document.length) scalars)")
        for reference in report.references {
            let c = reference.coverage
            lines.append("")
            lines.append(style.bold("reference: \(reference.path)") + " (\(reference.length) scalars)")
            lines.append("  quotes \(percent(c.documentShare)) of the document (\(c.documentQuoted) scalars); "
                + "\(percent(c.referenceShare)) of the reference comes from it (\(c.referenceFromDocument) scalars)")
            lines.append("  \(reference.passages.count) passage\(reference.passages.count == 1 ? "" : "s")")
            for (number, passage) in reference.passages.enumerated() {
                let edits = passage.isExact ? "exact" : "\(passage.edits.count) edit\(passage.edits.count == 1 ? "" : "s")"
                lines.append("")
                let document = place(passage.document, in: report.document.path ?? "-")
                lines.append("  [\(number + 1)] \(document) → \(place(passage.reference, in: reference.path))"
                    + "  (document \(passage.document.start)..<\(passage.document.end),"
                    + " reference \(passage.reference.start)..<\(passage.reference.end);"
                    + " \(passage.matched) matched, \(edits))")
                lines.append("      " + inline(passage, style: style).replacingNewlines())
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A standalone HTML page: per reference, its coverage and a two-column table of passages,
    /// the document's side marking what the reference lacks, the reference's side what it adds.
    static func html(_ report: AlignmentReport) -> String {
        var body = "<h1>\(escape(report.document.path ?? "document"))</h1>\n"
        body += "<p>\(report.document.length) Unicode scalars after normalization.</p>\n"
        for reference in report.references {
            let c = reference.coverage
            body += "<h2>\(escape(reference.path))</h2>\n<p>Quotes \(percent(c.documentShare)) of the document "
                + "(\(c.documentQuoted) scalars); \(percent(c.referenceShare)) of the reference comes from it "
                + "(\(c.referenceFromDocument) of \(reference.length) scalars). \(reference.passages.count) passages.</p>\n"
            body += "<table>\n<tr><th>Document</th><th>Reference</th></tr>\n"
            for passage in reference.passages {
                let documentSide = side(passage.document, edits: passage.edits.map { ($0.document, "del") })
                let referenceSide = side(passage.reference, edits: passage.edits.map { ($0.reference, "ins") })
                body += "<tr><td><div class=\"at\">\(at(passage.document))</div>\(documentSide)</td>"
                body += "<td><div class=\"at\">\(at(passage.reference))</div>\(referenceSide)</td></tr>\n"
            }
            body += "</table>\n"
        }
        return """
            <!DOCTYPE html>
            <html lang="zh"><head><meta charset="utf-8"><title>jianfan alignment</title>
            <style>
            body { font-family: sans-serif; margin: 2em; }
            table { border-collapse: collapse; width: 100%; table-layout: fixed; }
            td, th { border: 1px solid #ccc; padding: .5em; vertical-align: top; white-space: pre-wrap; }
            del { background: #fdd; color: #900; } ins { background: #dfd; color: #060; text-decoration: none; }
            del.empty, ins.empty { padding: 0 .15em; border-left: 2px solid currentColor; }
            .at { color: #888; font-size: smaller; }
            </style></head><body>
            \(body)</body></html>

            """
    }

    /// `file:line:col` of a span's start in its original file, as compilers print places;
    /// `file@offset` (in Unicode scalars of the normalized text) when the report has no lines.
    static func place(_ span: AlignmentReport.Span, in path: String) -> String {
        guard let source = span.source else { return "\(path)@\(span.start)" }
        return "\(path):\(source.start.line):\(source.start.column)"
    }

    /// Lines and columns of a span in its original file (`3:5–3:50`), or its offsets.
    private static func at(_ span: AlignmentReport.Span) -> String {
        guard let source = span.source else { return "\(span.start)–\(span.end)" }
        return "\(source.start.line):\(source.start.column)–\(source.end.line):\(source.end.column)"
    }

    /// The document side of a passage with each edit spelled out inline.
    private static func inline(_ passage: AlignmentReport.Passage, style: TerminalStyle) -> String {
        var result = ""
        var position = passage.document.start
        let scalars = Array(passage.document.text.unicodeScalars)
        func documentText(_ range: Range<Int>) -> String {
            String(String.UnicodeScalarView(scalars[(range.lowerBound - passage.document.start)..<(range.upperBound - passage.document.start)]))
        }
        for edit in passage.edits {
            result += elided(documentText(position..<edit.document.start), style: style)
            if !edit.document.text.isEmpty { result += style.removed(edit.document.text) }
            if !edit.reference.text.isEmpty { result += style.added(edit.reference.text) }
            position = edit.document.end
        }
        result += elided(documentText(position..<passage.document.end), style: style)
        return result
    }

    private static func elided(_ text: String, style: TerminalStyle) -> String {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count > 80 else { return text }
        return String(String.UnicodeScalarView(scalars[..<30])) + style.dim("…")
            + String(String.UnicodeScalarView(scalars[(scalars.count - 30)...]))
    }

    /// One side of a passage as HTML, the edits' spans of that side wrapped in `tag`.
    private static func side(_ span: AlignmentReport.Span, edits: [(AlignmentReport.Span, String)]) -> String {
        let scalars = Array(span.text.unicodeScalars)
        func text(_ range: Range<Int>) -> String {
            escape(String(String.UnicodeScalarView(scalars[(range.lowerBound - span.start)..<(range.upperBound - span.start)])))
        }
        var result = ""
        var position = span.start
        for (edit, tag) in edits {
            result += text(position..<edit.start)
            result += edit.text.isEmpty ? "<\(tag) class=\"empty\"></\(tag)>" : "<\(tag)>\(text(edit.range))</\(tag)>"
            position = edit.end
        }
        return result + text(position..<span.end)
    }

    private static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }

    private static func percent(_ share: Double) -> String {
        let tenths = Int((share * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }
}

/// ANSI styling, or the plain markers `[-…-]` and `{+…+}` when colors are off.
private struct TerminalStyle {
    let enabled: Bool

    func bold(_ text: String) -> String { enabled ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
    func dim(_ text: String) -> String { enabled ? "\u{1B}[2m\(text)\u{1B}[0m" : text }
    func removed(_ text: String) -> String { enabled ? "\u{1B}[9;31m\(text)\u{1B}[0m" : "[-\(text)-]" }
    func added(_ text: String) -> String { enabled ? "\u{1B}[32m\(text)\u{1B}[0m" : "{+\(text)+}" }
}

extension String {
    /// Line breaks shown as `⏎`, so each passage stays on one line of the report.
    fileprivate func replacingNewlines() -> String {
        var result = ""
        for scalar in unicodeScalars {
            switch scalar {
            case "\n": result += "⏎"
            case "\r": break
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
