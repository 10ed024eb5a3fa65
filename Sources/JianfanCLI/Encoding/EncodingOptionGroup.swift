import ArgumentParser
import Jianfan

/// `--from-encoding` and `--to-encoding`, as a group `jianfan convert` includes.
///
/// ```sh
/// jianfan -c s2t -i gb.txt --from-encoding GB18030 --to-encoding Big5-HKSCS -o big5.txt
/// jianfan -c t2s --in-place notes/        # each file keeps its own encoding
/// ```
struct EncodingOptionGroup: ParsableArguments {
    @Option(
        name: .customLong("from-encoding"),
        help: ArgumentHelp(
            "The inputs' encoding, by an ICU converter name (GB18030, GBK, Big5, Big5-HKSCS, Shift_JIS, EUC-JP, UTF-16LE, UTF-32…), or auto: a byte order mark decides UTF-8/16/32, valid UTF-8 is UTF-8, else ICU's detector picks GB18030 or Big5.",
            valueName: "encoding"
        ),
        completion: .list(["auto"] + Self.commonNames)
    )
    var fromEncoding = "auto"

    @Option(
        name: .customLong("to-encoding"),
        help: ArgumentHelp(
            "The output's encoding (an ICU converter name). Default: UTF-8 for standard output and -o; with --in-place and --output-dir each file keeps its own.",
            valueName: "encoding"
        ),
        completion: .list(Self.commonNames)
    )
    var toEncoding: String?

    /// The names shells complete; ICU knows many more (and their aliases).
    static let commonNames = [
        "UTF-8", "GB18030", "GBK", "Big5", "Big5-HKSCS", "Shift_JIS", "EUC-JP", "EUC-KR",
        "UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE",
    ]

    /// The options checked: an unknown name is a usage error (status 2); ICU missing where it
    /// is needed is a failure (status 1).
    func request() throws(CLIError) -> EncodingRequest {
        let from: EncodingRequest.Input = fromEncoding.lowercased() == "auto" ? .auto : .fixed(try Self.encoding(fromEncoding))
        return EncodingRequest(from: from, to: try toEncoding.map { name throws(CLIError) in try Self.encoding(name) })
    }

    private static func encoding(_ name: String) throws(CLIError) -> TextEncoding {
        do {
            return try TextEncoding(named: name)
        } catch .unknown {
            throw .usage("unknown encoding '\(name)' (ICU's converter names, e.g. GB18030, GBK, Big5, Big5-HKSCS, Shift_JIS, EUC-JP, UTF-16LE, UTF-32)")
        } catch {
            throw CLIError(status: .failure, message: "\(name): \(error)")
        }
    }
}

/// The encodings a conversion reads and writes, checked.
struct EncodingRequest: Sendable {
    enum Input: Sendable {
        case auto
        case fixed(TextEncoding)
    }

    var from: Input = .auto
    /// nil: UTF-8 to standard output and `-o`; in place and `--output-dir`, the input's own.
    var to: TextEncoding?

    /// Whether any encoding was named (`--check`, `--diff` and documents read UTF-8 only).
    var isDefault: Bool {
        if case .fixed(let encoding) = from, !encoding.isUTF8 { return false }
        return to?.isUTF8 ?? true
    }

    /// The encoding output goes out in, for an input read as `input`.
    func output(for input: TextEncoding, keepingInput: Bool) -> TextEncoding {
        to ?? (keepingInput ? input : .utf8)
    }
}
