/// Every status `jianfan` exits with, in one place so `--help` and the code cannot disagree.
///
/// A reader that goes away early (`jianfan … | head`) is not an error: the conversion stops
/// quietly with ``success``, the way most filters are expected to behave in a pipeline.
enum ExitStatus: Int32, CaseIterable, Sendable {
    /// Everything was converted, or standard output was closed by its reader.
    case success = 0
    /// A file could not be read or written (no output file was replaced), or `--engine icu` was
    /// asked for on a system without ICU's libraries.
    case failure = 1
    /// Bad command line: unknown option or config, unknown ICU transform or encoding,
    /// conflicting options.
    case usage = 2
    /// The input is not valid UTF-8 or not valid in `--from-encoding`, or a character has no
    /// place in `--to-encoding` (and `--lossy` was not given).
    case invalidUTF8 = 3

    /// The one-line meaning shown in `--help`.
    var meaning: String {
        switch self {
        case .success: "success, also when the reader of stdout exits early (`| head`)"
        case .failure: "an input could not be read or an output not written (read-only), or no ICU"
        case .usage: "usage: bad option, unknown config, ICU transform or encoding"
        case .invalidUTF8: "invalid input: not UTF-8 or not valid in its encoding (the message gives the byte offset), a character --to-encoding lacks (its line), or with --jsonl/--csv/--tsv an invalid line (its number)"
        }
    }

    /// The EXIT STATUS section of the help text.
    static var helpSection: String {
        "EXIT STATUS:\n" + allCases.map { "  \($0.rawValue)  \($0.meaning)" }.joined(separator: "\n")
    }

    /// When several inputs fail differently, the most specific failure wins.
    func combined(with other: ExitStatus) -> ExitStatus {
        rawValue >= other.rawValue ? self : other
    }
}
