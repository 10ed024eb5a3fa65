import ArgumentParser
import Jianfan

/// Which converter `--engine` selects: Jianfan's OpenCC-exact tables, or an ICU transform.
enum EngineKind: String, ExpressibleByArgument, CaseIterable, Sendable {
    case table, icu
}

/// `--segmenter greedy|words` (see ``SegmenterChoice``).
extension SegmenterChoice: ExpressibleByArgument {}

/// A conversion from a source to a sink. Both engines conform, so reading, writing and error
/// handling are written once (see ``ConversionPump``).
protocol ByteStreamConverter {
    /// Converts everything `read` supplies, handing the result to `write`, and finishes. A read
    /// that fills less than the buffer it was given means no more input is ready (a terminal):
    /// what has arrived is converted at once.
    /// - Throws: `InvalidUTF8Error` with the offset counted from the start of the stream, or
    ///   what `read` or `write` throws.
    mutating func convert(
        reading read: (UnsafeMutableRawBufferPointer) throws -> Int,
        writing write: (UnsafeRawBufferPointer) throws -> Void
    ) throws
}

/// Reads into the stream's own window and writes the converted pieces as they are: no copies.
extension ConversionStream: ByteStreamConverter {}

/// The conversion chosen on the command line, checked before any file is touched; it starts one
/// fresh stream per input so byte offsets in messages count from the start of each file.
enum Engine: Sendable {
    case table(Converter)
    case icu(Transliterator)
    case inspection(Converter, InspectionMode)

    /// `converter` makes the table engine's converter (a built-in or a configuration file, with
    /// the user's entries); it is called only when the table engine is chosen.
    static func make(
        config: Config?,
        kind: EngineKind?,
        icuTransform: String?,
        inspection: InspectionMode? = nil,
        converter: () throws(CLIError) -> Converter
    ) throws(CLIError) -> Engine {
        // `--icu-transform X` alone means ICU; only an explicit `--engine table` contradicts it.
        switch kind ?? (icuTransform == nil ? .table : .icu) {
        case .table:
            if icuTransform != nil { throw .usage("--icu-transform needs --engine icu, not --engine table") }
            if let inspection {
                let made = try converter()
                if inspection == .segmentation && made.segmentationRecord(line: "") == nil {
                    throw .usage("\(made.name): this configuration has no segmentation step; --segmentation needs one")
                }
                return .inspection(made, inspection)
            }
            return .table(try converter())
        case .icu:
            if inspection != nil { throw .usage("--inspect, --segmentation and --ambiguities show the table engine's work, not ICU's") }
            guard let id = icuTransform ?? config.flatMap(defaultICUTransform(for:)) else {
                throw .usage(
                    "config \(config?.rawValue ?? "from a file") has no ICU counterpart; name a transform with --icu-transform ID"
                )
            }
            do {
                return .icu(try Transliterator(id))
            } catch let error as TransliteratorError where error.isICUUnavailable {
                // Not the user's ID: this system lacks ICU, and the message says what was missing.
                throw CLIError(status: .failure, message: error.description)
            } catch {
                throw .usage(
                    "unknown ICU transform '\(id)' (for example Hans-Hant or Hant-Hans; "
                        + "\(Transliterator.availableIDs.count) transforms are available)"
                )
            }
        }
    }

    /// ICU only knows the script direction, not regional variants: every `s2*` config maps to
    /// Hans-Hant and every config producing Simplified to Hant-Hans; the rest (t2tw, t2jp, …)
    /// have no ICU equivalent and need an explicit transform.
    static func defaultICUTransform(for config: Config) -> String? {
        if config.rawValue.hasPrefix("s2") { return "Hans-Hant" }
        if config.targetIsSimplified { return "Hant-Hans" }
        return nil
    }

    func makeStream(lossy: Bool) -> any ByteStreamConverter {
        switch self {
        case let .table(converter): converter.makeStream(lossy: lossy)
        case let .icu(transliterator): ICUStream(transliterator: transliterator, lossy: lossy)
        case let .inspection(converter, .ambiguities): AmbiguityStream(converter: converter, lossy: lossy)
        case let .inspection(converter, mode): InspectionStream(converter: converter, mode: mode, lossy: lossy)
        }
    }
}

extension TransliteratorError {
    var isICUUnavailable: Bool {
        if case .icuUnavailable = self { true } else { false }
    }
}
