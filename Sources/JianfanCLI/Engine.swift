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

    static func make(
        config: Config,
        kind: EngineKind,
        icuTransform: String?,
        includeTofuRiskDictionaries: Bool,
        segmenter: SegmenterChoice = .greedy
    ) throws(CLIError) -> Engine {
        switch kind {
        case .table:
            if icuTransform != nil { throw .usage("--icu-transform needs --engine icu") }
            return .table(Converter(config, includeTofuRiskDictionaries: includeTofuRiskDictionaries).segmenting(segmenter))
        case .icu:
            guard let id = icuTransform ?? defaultICUTransform(for: config) else {
                throw .usage(
                    "config \(config.rawValue) has no ICU counterpart; name a transform with --icu-transform ID"
                )
            }
            do {
                return .icu(try Transliterator(id))
            } catch let TransliteratorError.unknownID(_, icuError) where Transliterator.availableIDs.isEmpty {
                // No transform at all: ICU itself could not be loaded, and the message says why.
                throw CLIError(status: .failure, message: icuError)
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
        }
    }
}
