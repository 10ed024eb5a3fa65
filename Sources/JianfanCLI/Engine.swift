import ArgumentParser
import Jianfan

/// Which converter `--engine` selects: Jianfan's OpenCC-exact tables, or an ICU transform.
enum EngineKind: String, ExpressibleByArgument, CaseIterable, Sendable {
    case table, icu
}

/// A conversion fed a chunk at a time. Both engines conform, so reading, writing and error
/// handling are written once (see ``ConversionPump``).
protocol ByteStreamConverter {
    /// Converts what can be converted of `chunk`; the rest waits for more input or `finish`.
    /// - Throws: `InvalidUTF8Error` with the offset counted from the start of the stream.
    mutating func convert(_ chunk: ArraySlice<UInt8>, into output: inout [UInt8]) throws
    mutating func finish(into output: inout [UInt8]) throws
    /// Converts now what has been held back only for more input (input arrives a line at a time).
    mutating func flush(into output: inout [UInt8])
}

extension ConversionStream: ByteStreamConverter {
    mutating func convert(_ chunk: ArraySlice<UInt8>, into output: inout [UInt8]) throws {
        try write(chunk, into: &output)
    }
}

/// The conversion chosen on the command line, checked before any file is touched; it starts one
/// fresh stream per input so byte offsets in messages count from the start of each file.
enum Engine: Sendable {
    case table(Converter)
    case icu(Transliterator)

    static func make(
        config: Config,
        kind: EngineKind,
        icuTransform: String?,
        includeTofuRiskDictionaries: Bool
    ) throws(CLIError) -> Engine {
        switch kind {
        case .table:
            if icuTransform != nil { throw .usage("--icu-transform needs --engine icu") }
            return .table(Converter(config, includeTofuRiskDictionaries: includeTofuRiskDictionaries))
        case .icu:
            guard let id = icuTransform ?? defaultICUTransform(for: config) else {
                throw .usage(
                    "config \(config.rawValue) has no ICU counterpart; name a transform with --icu-transform ID"
                )
            }
            do {
                return .icu(try Transliterator(id))
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
