internal import CJianfanICU // Its headers keep ICU's types out of Swift.
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A character encoding by one of the names ICU's converters know (`GB18030`, `GBK`, `Big5`,
/// `Big5-HKSCS`, `Shift_JIS`, `EUC-JP`, `UTF-16LE`, `UTF-32`…), checked when it is made.
///
/// UTF-8 needs no ICU: text in it goes straight to the converter. Every other encoding is
/// decoded to UTF-8 and encoded back by a ``Transcoder``.
///
/// ```swift
/// let big5 = try TextEncoding(named: "big5")   // name "big5", icuName "windows-950-2000"
/// TextEncoding.utf8.isUTF8                     // true
/// ```
public struct TextEncoding: Sendable, Equatable, CustomStringConvertible {
    /// The name as it was given (or as detection reports it), for messages.
    public let name: String
    /// ICU's own name of the converter (`ucnv_getName`): "UTF-8", "GB18030", "UTF-16LE".
    public let icuName: String

    /// UTF-8, which needs no ICU and no transcoder.
    public static let utf8 = TextEncoding(name: "UTF-8", icuName: "UTF-8")

    /// The name as it was given.
    public var description: String { name }

    /// Whether this is UTF-8 (the converter's own encoding: nothing to transcode).
    public var isUTF8: Bool { icuName == "UTF-8" }

    /// UTF-16 or UTF-32, whose text has NUL bytes (in every ASCII character).
    public var isWideUnicode: Bool { icuName.hasPrefix("UTF-16") || icuName.hasPrefix("UTF-32") }

    private init(name: String, icuName: String) {
        self.name = name
        self.icuName = icuName
    }

    /// The encoding ICU calls `name` (any alias, any case).
    /// - Throws: ``TextEncodingError/unknown(_:)`` when ICU knows no such converter,
    ///   ``TextEncodingError/icuUnavailable(_:)`` when ICU cannot be loaded (UTF-8 needs none).
    public init(named name: String) throws(TextEncodingError) {
        let folded = name.lowercased().filter { $0 != "-" && $0 != "_" }
        if folded == "utf8" {
            self = .utf8
            return
        }
        var reason = [CChar](repeating: 0, count: 256)
        guard jianfan_icu_encodings_available(&reason, reason.count) != 0 else {
            throw .icuUnavailable(String(cText: reason))
        }
        var canonical = [CChar](repeating: 0, count: 64)
        var error = [CChar](repeating: 0, count: 64)
        guard let handle = jianfan_icu_transcoder_open(name, 0, 0, &canonical, canonical.count, &error, error.count) else {
            let code = String(cText: error)
            if code == "U_FILE_ACCESS_ERROR" || code == "U_ILLEGAL_ARGUMENT_ERROR" { throw .unknown(name) }
            throw .icu(code)
        }
        jianfan_icu_transcoder_close(handle)
        self.init(name: name, icuName: String(cText: canonical))
    }

    /// The encoding a byte order mark at the start of `bytes` announces: UTF-32 before UTF-16,
    /// whose mark is a prefix of UTF-32LE's. The mark stays part of the text (U+FEFF).
    ///
    /// ```swift
    /// TextEncoding.byteOrderMark(in: [0xFF, 0xFE, 0x34, 0x59])   // "UTF-16LE"
    /// ```
    public static func byteOrderMark(in bytes: some Collection<UInt8>) -> String? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return "UTF-8" }
        if bytes.starts(with: [0xFF, 0xFE, 0, 0]) { return "UTF-32LE" }
        if bytes.starts(with: [0, 0, 0xFE, 0xFF]) { return "UTF-32BE" }
        if bytes.starts(with: [0xFF, 0xFE]) { return "UTF-16LE" }
        if bytes.starts(with: [0xFE, 0xFF]) { return "UTF-16BE" }
        return nil
    }

    /// How ``identify(_:complete:)`` decided.
    public enum Evidence: Sendable, Equatable {
        /// A byte order mark at the start.
        case byteOrderMark
        /// The head is valid UTF-8.
        case validUTF8
        /// ICU's charset detector, with its confidence (0–100).
        case detected(confidence: Int)
        /// Not UTF-8 and nothing detected (or no ICU): read as UTF-8, which will fail.
        case unknown
    }

    /// The encoding of a text that starts with `head`, for `--from-encoding auto`: a byte order
    /// mark decides UTF-8/16/32; else valid UTF-8 is UTF-8; else ICU's charset detector picks
    /// GB18030 or Big5 (read as Big5-HKSCS, its superset). `complete` says `head` is the whole
    /// text (a scalar cut off at its end is then not valid UTF-8).
    ///
    /// ```swift
    /// TextEncoding.identify(Array("头发".utf8), complete: true)   // (.utf8, .validUTF8)
    /// ```
    public static func identify(_ head: [UInt8], complete: Bool) -> (TextEncoding, Evidence) {
        if let mark = byteOrderMark(in: head), let encoding = try? TextEncoding(named: mark) {
            return (encoding, .byteOrderMark)
        }
        let scan = head.withUnsafeBufferPointer { UTF8Validation.scan($0) }
        if case .valid(let tail) = scan, tail == 0 || !complete { return (.utf8, .validUTF8) }
        // Too little to go on (a stray byte or two), or damaged UTF-8: read as UTF-8, which fails.
        if head.lazy.filter({ $0 >= 0x80 }).count < 8 || looksLikeDamagedUTF8(head) { return (.utf8, .unknown) }
        let candidates = ["GB18030", "Big5"]
        var confidence: Int32 = 0
        let chosen = head.withUnsafeBufferPointer { bytes in
            candidates.withCStrings { names in
                bytes.withMemoryRebound(to: CChar.self) { text in
                    jianfan_icu_detect(text.baseAddress, Int32(text.count), names, Int32(candidates.count), &confidence, nil, 0)
                }
            }
        }
        guard chosen >= 0, let encoding = try? TextEncoding(named: chosen == 0 ? "GB18030" : "Big5-HKSCS") else {
            return (.utf8, .unknown)
        }
        return (encoding, .detected(confidence: Int(confidence)))
    }
}

extension TextEncoding {
    /// UTF-8 with a few bad bytes, not another encoding: its bytes above 7F are in valid
    /// scalars at least twice as often as they start invalid sequences. (GB18030 or Big5 read
    /// as UTF-8 has about one such byte in a valid scalar per three invalid sequences: a pair of
    /// theirs forms a valid two-byte scalar about one time in eight to twelve.)
    static func looksLikeDamagedUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            var offset = 0, invalid = 0, validHigh = 0
            while offset < buffer.count {
                let rest = UnsafeBufferPointer(rebasing: buffer[offset...])
                switch UTF8Validation.scan(rest) {
                case .valid:
                    validHigh += rest.lazy.filter { $0 >= 0x80 }.count
                    offset = buffer.count
                case .invalid(let at, let length):
                    validHigh += rest[..<at].lazy.filter { $0 >= 0x80 }.count
                    invalid += 1
                    offset += at + max(length, 1)
                }
            }
            return validHigh >= 2 * invalid
        }
    }
}

extension Array where Element == String {
    /// The strings as a C array of NUL-terminated strings, valid inside `body`.
    fileprivate func withCStrings<R>(_ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R) -> R {
        let copies = map { strdup($0) }
        defer { copies.forEach { free($0) } }
        let pointers = copies.map { UnsafePointer($0) }
        return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
    }
}

extension String {
    /// The text of a NUL-terminated C buffer.
    init(cText buffer: [CChar]) {
        self = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
