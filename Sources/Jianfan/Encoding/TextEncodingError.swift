/// Why a text could not be read from or written in an encoding (see ``TextEncoding`` and
/// ``Transcoder``).
///
/// ```swift
/// TextEncodingError.unknown("GB2313").description   // "unknown encoding 'GB2313'"
/// ```
public enum TextEncodingError: Error, Equatable, CustomStringConvertible {
    /// ICU has no converter by this name.
    case unknown(String)
    /// ICU's libraries (or their converters) could not be loaded: why.
    case icuUnavailable(String)
    /// Input that is not valid in its encoding: the offset of the sequence from the start of
    /// the input, and its bytes.
    case invalidInput(encoding: String, offset: Int, bytes: [UInt8])
    /// A character the output encoding cannot hold, on this 1-based line of the text, at this
    /// byte offset of its UTF-8.
    case unmappable(encoding: String, scalar: Unicode.Scalar, line: Int, offset: Int)
    /// Any other ICU failure, by ICU's error name.
    case icu(String)

    /// The message, as the command line prints it after the file's name.
    public var description: String {
        switch self {
        case .unknown(let name):
            "unknown encoding '\(name)'"
        case .icuUnavailable(let reason):
            "encodings other than UTF-8 need ICU: \(reason)"
        case let .invalidInput(encoding, offset, bytes):
            "invalid \(encoding) at byte offset \(offset) ("
                + bytes.map { "0x" + String($0, radix: 16, uppercase: true) }.joined(separator: " ") + ")"
        case let .unmappable(encoding, scalar, line, _):
            "line \(line): \(Character(scalar)) (\(codePoint(scalar))) cannot be written in \(encoding)"
        case .icu(let name):
            "ICU failed: \(name)"
        }
    }

    private func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
