/// The word-at-a-time skips of ``JSONLineScanner``: most of a line is string text, read eight
/// bytes at a time up to the first byte that needs a look.
///
/// ```swift
/// var escaped = false
/// let end = JSONLineScanner.skipSelected(text, from: 0, escaped: &escaped)
/// // text `“头发”\n后来"`: end is the quote's offset (`“ ”` and `\n` passed over), escaped is true
/// ```
extension JSONLineScanner {
    /// The offset of the first quote, backslash or control character (or `extra`, or with
    /// `nonASCII` any byte from 0x80) at or after `start` (`bytes.count` if none): eight bytes at
    /// a time, as most of a line is string text.
    static func skipPlain(_ bytes: UnsafeRawBufferPointer, from start: Int, alsoStoppingAt extra: UInt8 = 0x22,
                          nonASCII: Bool = false) -> Int {
        guard let base = bytes.baseAddress else { return start }
        var i = start
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        while i + 8 <= bytes.count {
            let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            let quotes = word ^ (ones &* 0x22), backslashes = word ^ (ones &* 0x5C), extras = word ^ (ones &* UInt64(extra))
            // A byte is flagged where it is zero (a match) or below 0x20; the lowest flag is exact.
            let flags = ((quotes &- ones) & ~quotes | (backslashes &- ones) & ~backslashes | (extras &- ones) & ~extras
                | (word &- ones &* 0x20) & ~word | (nonASCII ? word : 0)) & highs
            if flags != 0 { return i + flags.trailingZeroBitCount / 8 }
            i += 8
        }
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 || byte == extra
                || (nonASCII && byte >= 0x80) { return i }
            i += 1
        }
        return i
    }

    /// The offset of the first byte at or after `start` (`bytes.count` if none) where a selected
    /// string's text ends or its line may stop qualifying in place: a quote, a control
    /// character, a backslash not followed by `"` `\\` `n` `r` `t`, or an E2 byte that leads
    /// U+2028/9 or an IDS operator (or has no two bytes after it). An E2 byte leading anything
    /// else (`“` `”` `…` `—`, common in Chinese text) and those five escapes are passed over
    /// here, in the word loop, not returned one by one; `escaped` is set if an escape was.
    static func skipSelected(_ bytes: UnsafeRawBufferPointer, from start: Int, escaped: inout Bool) -> Int {
        guard let base = bytes.baseAddress else { return start }
        let count = bytes.count
        var i = start
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        while true {
            var p = i
            if i + 8 <= count {
                let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                let quotes = word ^ (ones &* 0x22), backslashes = word ^ (ones &* 0x5C), leads = word ^ (ones &* 0xE2)
                let flags = ((quotes &- ones) & ~quotes | (backslashes &- ones) & ~backslashes | (leads &- ones) & ~leads
                    | (word &- ones &* 0x20) & ~word) & highs
                if flags == 0 { i += 8; continue }
                // The lowest flag is exact; the byte is read again below all the same.
                p = i + flags.trailingZeroBitCount / 8
            } else {
                while p < count, bytes[p] != 0x22, bytes[p] != 0x5C, bytes[p] != 0xE2, bytes[p] >= 0x20 { p += 1 }
                guard p < count else { return count }
            }
            let byte = base.load(fromByteOffset: p, as: UInt8.self)
            if byte == 0xE2 {
                guard p + 2 < count else { return p }
                let second = base.load(fromByteOffset: p + 1, as: UInt8.self)
                let third = base.load(fromByteOffset: p + 2, as: UInt8.self)
                if second == 0x80 ? third & 0xFE == 0xA8 : second == 0xBF && third >= 0xB0 { return p }
                i = p + 1
            } else if byte == 0x5C {
                guard p + 1 < count else { return p }
                switch base.load(fromByteOffset: p + 1, as: UInt8.self) {
                case 0x22, 0x5C, UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    escaped = true
                    i = p + 2
                default:
                    return p
                }
            } else {
                return p
            }
        }
    }
}
