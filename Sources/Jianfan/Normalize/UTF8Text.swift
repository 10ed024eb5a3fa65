internal import CJianfanUTF8

/// Reading Unicode scalars straight from valid UTF-8 bytes, forwards and backwards, so the
/// normalization steps never decode a whole text into scalars.
///
/// Every function assumes valid UTF-8 (the stream validates its input first) and stays inside
/// the buffer it is given.
enum UTF8Text {
    /// The scalar starting at `i` and its length in bytes.
    @inline(__always)
    static func scalar(in s: UnsafeBufferPointer<UInt8>, at i: Int) -> (Unicode.Scalar, Int) {
        let b0 = UInt32(s[i])
        if b0 < 0x80 { return (Unicode.Scalar(UInt8(b0)), 1) }
        if b0 < 0xE0, i + 1 < s.count {
            return (Unicode.Scalar((b0 & 0x1F) << 6 | UInt32(s[i + 1] & 0x3F)) ?? "\u{FFFD}", 2)
        }
        if b0 < 0xF0, i + 2 < s.count {
            let value = (b0 & 0x0F) << 12 | UInt32(s[i + 1] & 0x3F) << 6 | UInt32(s[i + 2] & 0x3F)
            return (Unicode.Scalar(value) ?? "\u{FFFD}", 3)
        }
        if i + 3 < s.count {
            let value = (b0 & 0x07) << 18 | UInt32(s[i + 1] & 0x3F) << 12 | UInt32(s[i + 2] & 0x3F) << 6
                | UInt32(s[i + 3] & 0x3F)
            return (Unicode.Scalar(value) ?? "\u{FFFD}", 4)
        }
        return ("\u{FFFD}", 1)
    }

    /// Where the scalar that ends just before `i` starts (`i` itself must start a scalar).
    @inline(__always)
    static func start(before i: Int, in s: UnsafeBufferPointer<UInt8>, floor: Int = 0) -> Int {
        var j = i - 1
        while j > floor, s[j] & 0xC0 == 0x80 { j -= 1 }
        return j
    }

    /// The scalar ending just before `i`, if one starts at or after `floor`.
    @inline(__always)
    static func scalar(in s: UnsafeBufferPointer<UInt8>, before i: Int, floor: Int) -> (Unicode.Scalar, Int)? {
        guard i > floor else { return nil }
        let j = start(before: i, in: s, floor: floor)
        return (scalar(in: s, at: j).0, j)
    }

    /// The number of scalars in `s[range]`.
    static func scalarCount(_ s: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        var count = 0
        for i in range where s[i] & 0xC0 != 0x80 { count += 1 }
        return count
    }

    /// `s[range]` as a string.
    static func string(_ s: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: s[range]), as: UTF8.self)
    }

    /// The end of the line containing `i` (the offset of its line break, or `limit`).
    @inline(__always)
    static func lineEnd(from i: Int, in s: UnsafeBufferPointer<UInt8>, limit: Int) -> Int {
        first(in: s, from: i, limit: limit, anyOf: lineBreaks)
    }

    /// The start of the line containing `i` (after the previous line break, or `floor`).
    @inline(__always)
    static func lineStart(from i: Int, in s: UnsafeBufferPointer<UInt8>, floor: Int) -> Int {
        guard i > floor, let base = s.baseAddress else { return i }
        var values = lineBreaks.values
        return floor + withUnsafeBytes(of: &values) {
            jianfan_find_last_any(base + floor, i - floor, $0.baseAddress!.assumingMemoryBound(to: UInt8.self))
        }
    }

    /// The length of the line break at `i` (1 or 2 for `\r\n`), 0 if there is none.
    @inline(__always)
    static func breakLength(at i: Int, in s: UnsafeBufferPointer<UInt8>, limit: Int) -> Int {
        guard i < limit else { return 0 }
        if s[i] == 0x0A { return 1 }
        if s[i] == 0x0D { return i + 1 < limit && s[i + 1] == 0x0A ? 2 : 1 }
        return 0
    }

    /// The first index from `i` whose byte may be ASCII (or 0xEF, with `orEF`): 8 bytes at a
    /// time through runs of multi-byte scalars, where the steps have nothing to look at.
    @inline(__always)
    static func skipMultibyte(_ s: UnsafeBufferPointer<UInt8>, from i: Int, limit: Int, orEF: Bool) -> Int {
        guard let base = s.baseAddress else { return i }
        var j = i
        let high: UInt64 = 0x8080_8080_8080_8080, ones: UInt64 = 0x0101_0101_0101_0101
        while j + 8 <= limit {
            let word = UnsafeRawPointer(base + j).loadUnaligned(as: UInt64.self)
            if word & high != high { break }
            if orEF {
                let x = word ^ (ones &* 0xEF) // a zero byte where the byte is 0xEF
                if (x &- ones) & ~x & high != 0 { break }
            }
            j += 8
        }
        return j
    }

    private static let lineBreaks = ByteSet(0x0A, 0x0D)

    /// The first index from `i` below `limit` (or `limit`) whose byte is one of `set`: 32 bytes
    /// at a time (`jianfan_find_any`), as the bytes of text between the places a step looks at
    /// far outnumber them.
    @inline(__always)
    static func first(in s: UnsafeBufferPointer<UInt8>, from i: Int, limit: Int, anyOf set: ByteSet) -> Int {
        guard i < limit, let base = s.baseAddress else { return i }
        var values = set.values
        return i + withUnsafeBytes(of: &values) {
            jianfan_find_any(base + i, limit - i, $0.baseAddress!.assumingMemoryBound(to: UInt8.self))
        }
    }

    static func isAlphanumeric(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A)
    }

    static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
}

/// Up to eight byte values a scan stops at (``UTF8Text/first(in:from:limit:anyOf:)``). Made of
/// constants, a `static let` of it is laid out at compile time: no lazy initialization is
/// checked where a scan reads it.
struct ByteSet: Sendable {
    /// Eight values (a set of two repeats its second).
    let values: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8)

    init(_ a: UInt8, _ b: UInt8) { values = (a, b, b, b, b, b, b, b) }

    init(_ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8, _ e: UInt8, _ f: UInt8, _ g: UInt8, _ h: UInt8) {
        values = (a, b, c, d, e, f, g, h)
    }
}
