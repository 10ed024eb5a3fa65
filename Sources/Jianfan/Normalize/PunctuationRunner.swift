/// ``PunctuationWidthStep`` in a stream: one pass over the bytes, stopping only at ASCII
/// `,:;?!()` and full-width letters and digits.
final class PunctuationRunner: StepRunner {
    private var recorder: ChangeRecorder
    private var inputScalars = 0
    private var spare = SpareBytes()

    init(reporting: Bool) { recorder = ChangeRecorder(isOn: reporting) }

    var changes: [Normalizer.Change] { recorder.changes }

    func finish() -> TextWindow? { nil }

    func recycle(_ bytes: [UInt8]) { spare.keep(bytes) }

    func process(_ window: TextWindow) -> [TextWindow] {
        var writer = WindowWriter(capacity: window.bytes.count + window.bytes.count / 8, reusing: &spare, protecting: window.protected)
        var protection = WindowProtection(window.protected)
        recorder.begin(base: inputScalars)
        window.bytes.withUnsafeBufferPointer { s in
            for (span, block) in window.spans() {
                rewrite(s, span, &writer, &protection)
                if let block { writer.copyBlock(s, block) }
            }
            if recorder.isOn { inputScalars = recorder.offset(of: s.count, in: s) }
        }
        return [writer.window(endsLine: window.endsLine)]
    }

    /// `,` `:` `;` `?` `!` `(` `)` and 0xEF, the first byte of full-width forms.
    private static let triggers = ByteSet(0x2C, 0x3A, 0x3B, 0x3F, 0x21, 0x28, 0x29, 0xEF)

    /// The first trigger byte from `i` on.
    @inline(__always)
    private static func nextTrigger(_ s: UnsafeBufferPointer<UInt8>, from i: Int, limit: Int) -> Int {
        UTF8Text.first(in: s, from: i, limit: limit, anyOf: triggers)
    }

    private func rewrite(
        _ s: UnsafeBufferPointer<UInt8>, _ span: Range<Int>, _ writer: inout WindowWriter, _ protection: inout WindowProtection
    ) {
        var parentheses = ParenthesisLine()
        let outputStart = writer.bytes.count
        var copied = span.lowerBound
        var i = span.lowerBound
        let end = span.upperBound
        while true {
            i = Self.nextTrigger(s, from: i, limit: end)
            guard i < end else { break }
            let b = s[i]
            if b == 0xEF {
                // U+FF10–FF19, U+FF21–FF3A, U+FF41–FF5A: EF BC 90–99, EF BC A1–BA, EF BD 81–9A.
                guard i + 2 < end else { i += 1; continue }
                let b1 = s[i + 1], b2 = s[i + 2]
                let ascii: UInt8
                if b1 == 0xBC, b2 >= 0x90, b2 <= 0x99 { ascii = b2 - 0x60 }
                else if b1 == 0xBC, b2 >= 0xA1, b2 <= 0xBA { ascii = b2 - 0x60 }
                else if b1 == 0xBD, b2 >= 0x81, b2 <= 0x9A { ascii = b2 - 0x20 }
                else { i += 3; continue }
                if let range = protection.range(at: i) { i = range.upperBound; continue }
                writer.copy(s, copied..<i)
                writer.bytes.append(ascii)
                recorder.record(s, i..<(i + 3), after: String(Unicode.Scalar(ascii)), merging: true)
                i += 3
                copied = i
                continue
            }
            if let range = protection.range(at: i) { i = range.upperBound; continue }
            let convert: Bool
            if b == 0x28 || b == 0x29 {
                convert = parentheses.converts(i, s, span, &protection)
            } else {
                writer.copy(s, copied..<i)
                copied = i
                convert = isCJKContext(at: i, s, end, output: writer.bytes, outputStart: outputStart)
            }
            if convert {
                writer.copy(s, copied..<i)
                let wide = Self.fullWidth(b)
                writer.bytes.append(contentsOf: wide.utf8)
                recorder.record(s, i..<(i + 1), after: wide)
                copied = i + 1
            }
            i += 1
        }
        writer.copy(s, copied..<end)
    }

    /// Whether the ASCII punctuation at `i` sits in CJK text. The scalar before it is read from
    /// the output so far, where earlier punctuation has already been converted.
    private func isCJKContext(
        at i: Int, _ s: UnsafeBufferPointer<UInt8>, _ end: Int, output: [UInt8], outputStart: Int
    ) -> Bool {
        let before: UInt8? = i > 0 ? s[i - 1] : nil
        let after: UInt8? = i + 1 < end ? s[i + 1] : nil
        if let before, let after, before >= 0x30, before <= 0x39, after >= 0x30, after <= 0x39 {
            return false // 10:30, 1,000, 1;2
        }
        if s[i] == UInt8(ascii: "!"), after == UInt8(ascii: "[") { return false } // Markdown image
        let behind = output.withUnsafeBufferPointer { Self.neighbourIsCJK($0, before: $0.count, floor: outputStart) }
        return behind || Self.neighbourIsCJK(s, after: i + 1, limit: end)
    }

    /// Looks back from `i`, past up to three ambiguous scalars (quotes, dashes), for one that
    /// decides; true if that one is CJK.
    static func neighbourIsCJK(_ s: UnsafeBufferPointer<UInt8>, before i: Int, floor: Int) -> Bool {
        var position = i
        for _ in 0...3 {
            guard let (scalar, start) = UTF8Text.scalar(in: s, before: position, floor: floor) else { return false }
            if ScalarClass.isStrongCJK(scalar) { return true }
            guard ScalarClass.isAmbiguousPunctuation(scalar) else { return false }
            position = start
        }
        return false
    }

    /// Looks forward from `i` likewise.
    static func neighbourIsCJK(_ s: UnsafeBufferPointer<UInt8>, after i: Int, limit: Int) -> Bool {
        var position = i
        for _ in 0...3 {
            guard position < limit else { return false }
            let (scalar, length) = UTF8Text.scalar(in: s, at: position)
            if ScalarClass.isStrongCJK(scalar) { return true }
            guard ScalarClass.isAmbiguousPunctuation(scalar) else { return false }
            position += length
        }
        return false
    }

    private static func fullWidth(_ b: UInt8) -> String {
        switch b {
        case UInt8(ascii: ","): "，"
        case UInt8(ascii: ":"): "："
        case UInt8(ascii: ";"): "；"
        case UInt8(ascii: "?"): "？"
        case UInt8(ascii: "!"): "！"
        case UInt8(ascii: "("): "（"
        default: "）"
        }
    }
}

/// The parentheses of one line to convert: pairs matched on the line, converted when the content
/// or a neighbour is CJK (but not ASCII-only content right after a Latin letter or digit, as in
/// `f(x)`); unmatched ones when a neighbour is.
struct ParenthesisLine {
    private var line: Range<Int> = 0..<0
    private var converted: [Int] = []
    /// Kept from line to line (a line with parentheses in every few of a text).
    private var open: [(index: Int, cjk: Int, nonASCII: Int)] = []
    private var unmatched: [Int] = []
    private var next = 0

    mutating func converts(
        _ i: Int, _ s: UnsafeBufferPointer<UInt8>, _ span: Range<Int>, _ protection: inout WindowProtection
    ) -> Bool {
        if !line.contains(i) { decide(for: i, s, span, &protection) }
        while next < converted.count, converted[next] < i { next += 1 }
        return next < converted.count && converted[next] == i
    }

    private mutating func decide(
        for i: Int, _ s: UnsafeBufferPointer<UInt8>, _ span: Range<Int>, _ protection: inout WindowProtection
    ) {
        let start = UTF8Text.lineStart(from: i, in: s, floor: span.lowerBound)
        line = start..<UTF8Text.lineEnd(from: i, in: s, limit: span.upperBound)
        converted.removeAll(keepingCapacity: true)
        next = 0
        // Each open parenthesis remembers how many CJK and non-ASCII scalars came before it, so
        // a pair's content is judged by two subtractions, however deeply pairs nest.
        open.removeAll(keepingCapacity: true)
        unmatched.removeAll(keepingCapacity: true)
        var cjk = 0, nonASCII = 0
        var j = line.lowerBound
        let base = s.baseAddress!
        while j < line.upperBound {
            // ASCII without parentheses (half of such a line), eight bytes at a time.
            while j + 8 <= line.upperBound {
                let w = UnsafeRawPointer(base + j).loadUnaligned(as: UInt64.self)
                let x = w ^ 0x2828_2828_2828_2828, y = w ^ 0x2929_2929_2929_2929, ones: UInt64 = 0x0101_0101_0101_0101
                // Bit 7 of a byte: set in `w` (non-ASCII), or a zero byte of `x` or `y` (`(` `)`).
                if (w | (x &- ones) & ~x | (y &- ones) & ~y) & 0x8080_8080_8080_8080 != 0 { break }
                j += 8
            }
            guard j < line.upperBound else { break }
            let b = s[j]
            if (b >= 0xE5 && b <= 0xE9) || (b == 0xE4 && j + 1 < line.upperBound && s[j + 1] != 0xB7) {
                // U+4E00–U+9FFF and U+4000–U+4DBF: Han, known from the first two bytes (most
                // of a Chinese line; E4 B7 is U+4DC0–U+4DFF, hexagrams).
                nonASCII += 1
                cjk += 1
                j += 3
                continue
            }
            if b >= 0x80 {
                let (scalar, length) = UTF8Text.scalar(in: s, at: j)
                nonASCII += 1
                if ScalarClass.isStrongCJK(scalar) { cjk += 1 }
                j += length
                continue
            }
            guard b == 0x28 || b == 0x29 else { j += 1; continue }
            if let range = protection.range(at: j) { j = range.upperBound; continue }
            if b == 0x28 {
                open.append((j, cjk, nonASCII))
            } else if let first = open.popLast() {
                if convertsPair(first.index, j, s, hasCJK: cjk > first.cjk, asciiOnly: nonASCII == first.nonASCII) {
                    converted.append(first.index)
                    converted.append(j)
                }
            } else {
                unmatched.append(j)
            }
            j += 1
        }
        for k in open.map(\.index) + unmatched
        where PunctuationRunner.neighbourIsCJK(s, before: k, floor: line.lowerBound)
            || PunctuationRunner.neighbourIsCJK(s, after: k + 1, limit: line.upperBound) {
            converted.append(k)
        }
        converted.sort()
    }

    private func convertsPair(_ open: Int, _ close: Int, _ s: UnsafeBufferPointer<UInt8>, hasCJK: Bool, asciiOnly: Bool) -> Bool {
        if hasCJK { return true }
        if asciiOnly, close > open + 1, open > line.lowerBound, UTF8Text.isAlphanumeric(s[open - 1]) { return false } // f(x)
        return PunctuationRunner.neighbourIsCJK(s, before: open, floor: line.lowerBound)
            || PunctuationRunner.neighbourIsCJK(s, after: close + 1, limit: line.upperBound)
    }
}
