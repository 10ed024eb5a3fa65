import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Jianfan

/// `jianfan normalize --against`: the document and its references normalized whole, aligned,
/// and the report rendered for a terminal, as JSON or as HTML.
extension NormalizeCommand {
    /// With `--against`: the document and the references normalized whole, then aligned.
    func align(_ normalizer: Normalizer) throws {
        let file = inputs[0]
        let source = try Self.read(file, lossy: lossy)
        let document = normalizer.normalize(source)
        if stats { Self.printStats(document.reports, for: file) }
        var references: [(path: String, text: String)] = []
        var maps: [SourceMap?] = []
        for path in against {
            let original = try Self.read(path, lossy: lossy)
            let normalized = normalizer.normalize(original)
            if stats { Self.printStats(normalized.reports, for: path) }
            references.append((path, normalized.text))
            maps.append(SourceMap(original: original, steps: normalized.reports))
        }
        let aligner = Aligner(maximumGap: maximumGap, minimumMatched: minimumMatch)
        let report = aligner.align(document: document.text, references: references, documentPath: file)
            .locating(document: SourceMap(original: source, steps: document.reports), references: maps)
        if let html { try Self.write(AlignmentRendering.html(report), to: html) }
        let text: String
        if json {
            text = try Self.encode(report) + "\n"
        } else {
            let colored = color == .always || (color == .auto && output == nil && Self.standardOutputIsColorTerminal)
            text = AlignmentRendering.terminal(report, colors: colored)
        }
        try Self.write(text, to: output)
    }

    private static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    private static var standardOutputIsColorTerminal: Bool {
        isatty(1) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }
}
