import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Jianfan

/// `normalize` without `--against`: each input streamed through the steps on its own (line
/// repair never joins two files), to standard output, one `-o` file or back into itself.
extension NormalizeCommand {
    /// The JSON format `--json` writes, one line per input.
    static let jsonVersion = 1

    /// Normalizes each input in order into `sink`. A failing input is reported and skipped, as
    /// for conversion to standard output, unless `stopOnError` (one output file: all or nothing).
    func normalizeAll(_ normalizer: Normalizer, into sink: any OutputSink, stopOnError: Bool) throws -> ExitStatus {
        var status = ExitStatus.success
        for path in inputs {
            do {
                let input = try InputFile(path: path)
                try normalize(input, with: normalizer, into: sink)
            } catch let error as CLIError {
                if stopOnError { throw error }
                error.report()
                status = status.combined(with: error.status)
            }
        }
        return status
    }

    /// Rewrites each input with its normalization, atomically; a failure leaves that file as
    /// it was and the others are still done.
    func rewriteInPlace(_ normalizer: Normalizer) -> ExitStatus {
        AtomicFileOutput.rewriteEach(inputs) { input, output in try normalize(input, with: normalizer, into: output) }
    }

    /// One input through a stream of its own. Reports are recorded only for `--stats` and
    /// `--json`; the script detector reads the input only for `--stats`.
    private func normalize(_ input: InputFile, with normalizer: Normalizer, into sink: any OutputSink) throws {
        defer { ProgressMeter.current?.nextFile() }
        var normalizer = normalizer
        normalizer.markup = markup ?? (input.path == "-" ? nil : Markup(path: input.path))
        var stream = normalizer.makeStream(lossy: lossy, reporting: stats || json)
        let target = stats ? ScriptNote.target(of: targetConfig) : nil
        var detector = target.map { _ in ScriptDetector() }
        let name = input.displayName
        let text = json ? JSONStringWriter(sink) : nil
        if json {
            try sink.write(Array("{\"version\":\(Self.jsonVersion),\"file\":\(Self.jsonString(name)),\"text\":\"".utf8))
        }
        do {
            try stream.normalize(
                reading: { buffer in
                    let count = try input.read(into: buffer)
                    ProgressMeter.current?.advance(count)
                    if detector != nil { detector!.feed(UnsafeRawBufferPointer(rebasing: buffer[..<count])) }
                    return count
                },
                writing: { bytes in
                    if let text { try text.write(bytes) } else { try sink.write(bytes) }
                })
        } catch let error as InvalidUTF8Error {
            throw CLIError.invalidUTF8(name, offset: error.offset)
        }
        let reports = stream.reports
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            try sink.write(Array("\",\"reports\":".utf8) + Array(try encoder.encode(reports)) + Array("}\n".utf8))
        }
        if stats {
            Self.printStats(reports, for: name)
            if let target, let detector { StandardError.write(ScriptNote.line(for: detector.verdict, target: target, path: name)) }
        }
    }

    static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars { out += JSONStringWriter.escape(scalar) ?? String(scalar) }
        return out + "\""
    }
}

/// Writes text into a JSON string as it streams: `"`, `\` and control characters escaped,
/// everything else (UTF-8 included) as it is.
final class JSONStringWriter {
    private let sink: any OutputSink
    private var buffer: [UInt8] = []

    init(_ sink: any OutputSink) { self.sink = sink }

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        buffer.removeAll(keepingCapacity: true)
        buffer.reserveCapacity(bytes.count + bytes.count / 16)
        for b in bytes {
            if b >= 0x20 && b != 0x22 && b != 0x5C {
                buffer.append(b)
            } else {
                buffer.append(contentsOf: Self.escape(Unicode.Scalar(b))!.utf8)
            }
        }
        try sink.write(buffer)
    }

    /// The JSON escape of an ASCII control character, `"` or `\`; nil for any other scalar.
    static func escape(_ scalar: Unicode.Scalar) -> String? {
        switch scalar {
        case "\"": "\\\""
        case "\\": "\\\\"
        case "\n": "\\n"
        case "\r": "\\r"
        case "\t": "\\t"
        default:
            scalar.value < 0x20 ? "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                + String(scalar.value, radix: 16) : nil
        }
    }
}
