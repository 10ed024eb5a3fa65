#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Decoding a JSON string token to UTF-8 and writing converted text back as a token.
///
/// The choice for `\uXXXX`: a converted field is written back *as the input had it*. If all its
/// non-ASCII characters came as `\u` escapes (as Python's `json.dumps` writes by default),
/// every non-ASCII character of the result is escaped the same way, in the same hex case,
/// astral ones as surrogate pairs; otherwise it is written as UTF-8. Quotes, backslashes and
/// control characters are escaped as JSON requires (`\n`, `\"`, …), and U+2028/U+2029 always.
/// A field the conversion does not change is never rewritten: its bytes stay exactly as they were.
enum JSONString {
    /// How a decoded token wrote its non-ASCII characters.
    struct Style {
        var escapesNonASCII = false
        var uppercaseHex = false
        /// Raw UTF-8 beside the escapes means the writer does not insist on ASCII.
        var rawNonASCII = false
    }

    /// Appends the text of `token` (escapes decoded) to `output`. Returns nil, leaving
    /// `output` as it was, for a lone surrogate escape, which has no UTF-8 form.
    static func decode(_ line: UnsafeRawBufferPointer, _ token: JSONStringToken,
                       into output: inout [UInt8]) -> Style? {
        // Decoding never lengthens: each escape is longer than what it stands for.
        output.appendWriting(atMost: token.end - token.start) { decode(line, token, into: &$0) }
    }

    /// Writes the text of `token` (escapes decoded) into `output`, which needs room for
    /// `token.end - token.start` bytes. Returns nil for a lone surrogate escape, with part of
    /// the text written (the caller sets the sink back).
    static func decode(_ line: UnsafeRawBufferPointer, _ token: JSONStringToken,
                       into output: inout ByteSink) -> Style? {
        var style = Style()
        var i = token.start
        while i < token.end {
            // The run up to the next backslash, in one copy.
            let run = memchr(line.baseAddress! + i, Int32(UInt8(ascii: "\\")), token.end - i)
                .map { UnsafeRawPointer($0) - line.baseAddress! } ?? token.end
            if run > i {
                if !style.rawNonASCII, !isASCII(UnsafeRawBufferPointer(rebasing: line[i..<run])) { style.rawNonASCII = true }
                output.put(line, i..<run)
                i = run
                continue
            }
            let kind = line[i + 1]
            i += 2
            switch kind {
            case UInt8(ascii: "b"): output.put(0x08)
            case UInt8(ascii: "f"): output.put(0x0C)
            case UInt8(ascii: "n"): output.put(0x0A)
            case UInt8(ascii: "r"): output.put(0x0D)
            case UInt8(ascii: "t"): output.put(0x09)
            case UInt8(ascii: "u"):
                var scalar = hex4(line, i)
                if !style.uppercaseHex {
                    for k in i..<(i + 4) where line[k] >= UInt8(ascii: "A") && line[k] <= UInt8(ascii: "F") { style.uppercaseHex = true }
                }
                i += 4
                if scalar >= 0x80 { style.escapesNonASCII = true }
                if scalar >= 0xD800, scalar < 0xDC00, i + 6 <= token.end, line[i] == UInt8(ascii: "\\"),
                   line[i + 1] == UInt8(ascii: "u") {
                    let low = hex4(line, i + 2)
                    if low >= 0xDC00, low < 0xE000 {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        i += 6
                    }
                }
                guard let unicode = Unicode.Scalar(scalar) else { return nil }
                appendUTF8(unicode.value, to: &output)
            default: output.put(kind)    // \" \\ \/
            }
        }
        if style.rawNonASCII { style.escapesNonASCII = false }
        return style
    }

    /// Writes `text` (valid UTF-8) into `output` as the inside of a JSON string, in `style`: at
    /// most `6 * text.count` bytes (a control character as \u00XX; a scalar of two, three or
    /// four bytes as one or two escapes).
    static func encode(_ text: UnsafeRawBufferPointer, style: Style, into output: inout ByteSink) {
        if !style.escapesNonASCII, !needsEscapes(text) {
            output.put(text, 0..<text.count)
            return
        }
        encodeEscaping(text, style: style, into: &output)
    }

    private static func encodeEscaping(_ text: UnsafeRawBufferPointer, style: Style, into output: inout ByteSink) {
        let digits = style.uppercaseHex ? upperDigits : lowerDigits
        func escape(_ unit: UInt32) {
            // One bounds check for the six bytes.
            let at = output.claim(6)
            at[0] = UInt8(ascii: "\\")
            at[1] = UInt8(ascii: "u")
            at[2] = digits[Int(unit >> 12 & 0xF)]
            at[3] = digits[Int(unit >> 8 & 0xF)]
            at[4] = digits[Int(unit >> 4 & 0xF)]
            at[5] = digits[Int(unit & 0xF)]
        }
        var i = 0
        while i < text.count {
            // The run that needs no escape, in one copy (not one copy per character): up to the
            // next quote, backslash or control character, and the next non-ASCII byte when those
            // are escaped, or else the next lead byte of U+2028/U+2029.
            let run = style.escapesNonASCII
                ? JSONLineScanner.skipPlain(text, from: i, nonASCII: true)
                : JSONLineScanner.skipPlain(text, from: i, alsoStoppingAt: 0xE2)
            if run > i {
                output.put(text, i..<run)
                i = run
                if i == text.count { break }
            }
            let byte = text[i]
            if byte >= 0x80 {
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                // U+2028 and U+2029 stay escaped even in UTF-8: JavaScript reads them as line ends.
                let separator = length == 3 && byte == 0xE2 && text[i + 1] == 0x80 && (text[i + 2] == 0xA8 || text[i + 2] == 0xA9)
                if style.escapesNonASCII || separator {
                    var scalar = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                    for k in 1..<length { scalar = scalar << 6 | UInt32(text[i + k] & 0x3F) }
                    if scalar >= 0x10000 {
                        escape(0xD800 + ((scalar - 0x10000) >> 10))
                        escape(0xDC00 + ((scalar - 0x10000) & 0x3FF))
                    } else {
                        escape(scalar)
                    }
                } else {
                    output.put(text, i..<(i + length))
                }
                i += length
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): output.put(UInt8(ascii: "\\")); output.put(UInt8(ascii: "\""))
            case UInt8(ascii: "\\"): output.put(UInt8(ascii: "\\")); output.put(UInt8(ascii: "\\"))
            case 0x0A: output.put(UInt8(ascii: "\\")); output.put(UInt8(ascii: "n"))
            case 0x0D: output.put(UInt8(ascii: "\\")); output.put(UInt8(ascii: "r"))
            case 0x09: output.put(UInt8(ascii: "\\")); output.put(UInt8(ascii: "t"))
            case ..<0x20: escape(UInt32(byte))
            default: output.put(byte)
            }
            i += 1
        }
    }

    /// Whether UTF-8 `text` holds anything JSON (or ``encode``) escapes: the common case, a
    /// converted field without quotes, backslashes or control characters, is copied whole.
    private static func needsEscapes(_ text: UnsafeRawBufferPointer) -> Bool {
        // Quotes, backslashes and control characters, and U+2028/U+2029 (E2 80 A8/A9) found from
        // their lead byte: one pass, eight bytes at a time.
        var at = 0
        while true {
            at = JSONLineScanner.skipPlain(text, from: at, alsoStoppingAt: 0xE2)
            guard at < text.count else { return false }
            if text[at] != 0xE2 { return true }
            if at + 2 < text.count, text[at + 1] == 0x80, text[at + 2] & 0xFE == 0xA8 { return true }
            at += 1
        }
    }

    private static let upperDigits = Array("0123456789ABCDEF".utf8), lowerDigits = Array("0123456789abcdef".utf8)

    /// Appends the UTF-8 form of a scalar value.
    private static func appendUTF8(_ scalar: UInt32, to output: inout ByteSink) {
        switch scalar {
        case ..<0x80:
            output.put(UInt8(scalar))
        case ..<0x800:
            output.put(UInt8(0xC0 | scalar >> 6))
            output.put(UInt8(0x80 | scalar & 0x3F))
        case ..<0x10000:
            let at = output.claim(3)
            at[0] = UInt8(0xE0 | scalar >> 12)
            at[1] = UInt8(0x80 | scalar >> 6 & 0x3F)
            at[2] = UInt8(0x80 | scalar & 0x3F)
        default:
            output.put(UInt8(0xF0 | scalar >> 18))
            output.put(UInt8(0x80 | scalar >> 12 & 0x3F))
            output.put(UInt8(0x80 | scalar >> 6 & 0x3F))
            output.put(UInt8(0x80 | scalar & 0x3F))
        }
    }

    /// Whether every byte is below 0x80, eight at a time.
    private static func isASCII(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var i = 0
        while i + 8 <= bytes.count {
            if bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            i += 8
        }
        while i < bytes.count { if bytes[i] >= 0x80 { return false }; i += 1 }
        return true
    }

    static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    private static func hex4(_ line: UnsafeRawBufferPointer, _ at: Int) -> UInt32 {
        hexValue(line[at])! << 12 | hexValue(line[at + 1])! << 8 | hexValue(line[at + 2])! << 4 | hexValue(line[at + 3])!
    }
}

/// Bytes written through a pointer into room set aside for them (no capacity or uniqueness
/// check per byte), then appended to an array in one copy.
struct ByteSink {
    let base: UnsafeMutablePointer<UInt8>
    let capacity: Int
    private(set) var count = 0

    init(base: UnsafeMutablePointer<UInt8>, capacity: Int) {
        self.base = base
        self.capacity = capacity
    }

    mutating func put(_ byte: UInt8) {
        precondition(count < capacity, "a byte sink overflowed")
        base[count] = byte
        count += 1
    }

    /// The next `count` bytes of the room, for the caller to write, all of them, at once.
    mutating func claim(_ count: Int) -> UnsafeMutablePointer<UInt8> {
        precondition(count >= 0 && self.count + count <= capacity, "a byte sink overflowed")
        defer { self.count += count }
        return base + self.count
    }

    mutating func put(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) {
        guard !range.isEmpty else { return }
        precondition(count + range.count <= capacity, "a byte sink overflowed")
        UnsafeMutableRawPointer(base + count).copyMemory(from: bytes.baseAddress! + range.lowerBound, byteCount: range.count)
        count += range.count
    }
}

extension Array where Element == UInt8 {
    /// Lets `write` put at most `capacity` bytes into a sink and appends them in one copy, if
    /// it returns a result (nil: nothing is appended).
    mutating func appendWriting<Result>(atMost capacity: Int, _ write: (inout ByteSink) -> Result?) -> Result? {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Swift.max(1, capacity)) { room in
            var sink = ByteSink(base: room.baseAddress!, capacity: room.count)
            guard let result = write(&sink) else { return nil }
            append(contentsOf: UnsafeBufferPointer(start: sink.base, count: sink.count))
            return result
        }
    }
}
