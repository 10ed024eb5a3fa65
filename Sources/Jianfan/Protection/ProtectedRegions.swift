/// The parts of a line that are markup or addresses, not prose: what Markdown protects in a
/// conversion and a normalization alike (``MarkupScanner``), and, but for tags, code and link
/// targets, what HTML protects in its text. One definition for all.
///
/// Recognized within one line: HTML tags with their attributes and comments (`<p class="x">`,
/// `<!-- … -->`), entities (`&nbsp;`, `&#20013;`), inline code (`` `f(x)` ``), URLs with a
/// scheme or `www.`, autolinks (`<http://…>`), Markdown link targets (`](…)`) and e-mail
/// addresses. Front matter and fenced code blocks span lines: ``BlockRegions`` finds them.
///
/// - Complexity: O(n) in the line's length; ``all`` passes text with none of the bytes `<` `]`
///   `:` `w` `` ` `` `&` `@` 8 bytes at a time, and reads a line only at a trigger that may
///   start a region.
enum ProtectedRegions {
    /// Appends the protected byte ranges of `s[line]` (a line without its break), in order.
    /// Without `markdown`, only entities, URLs and e-mail addresses: text between HTML tags.
    static func inline(_ s: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, into ranges: inout [Range<Int>], markdown: Bool = true) {
        var i = line.lowerBound
        let end = line.upperBound
        while true {
            i = nextTrigger(s, from: i, limit: end)
            guard i < end else { break }
            let b = s[i]
            guard isTrigger(b), markdown || !isMarkdownTrigger(b) else {
                i = b >= 0x80 ? UTF8Text.skipMultibyte(s, from: i + 1, limit: end, orEF: false) : i + 1
                continue
            }
            let floor = ranges.last.map { max($0.upperBound, line.lowerBound) } ?? line.lowerBound
            var found: Range<Int>?
            switch b {
            case UInt8(ascii: "<"): found = tagEnd(s, i, end).map { i..<$0 }
            case UInt8(ascii: "]"):
                if i + 1 < end, s[i + 1] == UInt8(ascii: "(") { found = linkTargetEnd(s, i + 1, end).map { (i + 1)..<$0 } }
            case UInt8(ascii: "`"): found = codeSpanEnd(s, i, end).map { i..<$0 }
            case UInt8(ascii: "&"): found = entityEnd(s, i, end).map { i..<$0 }
            case UInt8(ascii: ":"): found = schemeURL(s, i, floor, end)
            case UInt8(ascii: "w"), UInt8(ascii: "W"): found = wwwURL(s, i, floor, end)
            case UInt8(ascii: "@"): found = email(s, i, floor, end)
            default: break
            }
            if let found, found.lowerBound >= floor {
                ranges.append(found)
                i = found.upperBound
            } else if b == UInt8(ascii: "`") {
                i = backtickRunEnd(s, i, end) // an unclosed run is not re-read one backtick at a time
            } else {
                i += 1
            }
        }
    }

    /// The protected ranges of every line in `s[span]`, in order.
    static func all(_ s: UnsafeBufferPointer<UInt8>, _ span: Range<Int>) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var i = span.lowerBound
        while i < span.upperBound {
            // Skip to the first trigger, then protect its whole line.
            while true {
                i = nextTrigger(s, from: i, limit: span.upperBound)
                if i >= span.upperBound || mayStart(s, i, span.upperBound) { break }
                i += 1
            }
            guard i < span.upperBound else { break }
            let start = UTF8Text.lineStart(from: i, in: s, floor: span.lowerBound)
            let end = UTF8Text.lineEnd(from: i, in: s, limit: span.upperBound)
            inline(s, max(start, ranges.last?.upperBound ?? start)..<end, into: &ranges)
            i = end + 1
        }
        return ranges
    }

    private static let triggers = ByteSet(0x3C, 0x5D, 0x26, 0x3A, 0x77, 0x57, 0x60, 0x40)

    /// The first trigger byte from `i` on.
    @inline(__always)
    private static func nextTrigger(_ s: UnsafeBufferPointer<UInt8>, from i: Int, limit: Int) -> Int {
        UTF8Text.first(in: s, from: i, limit: limit, anyOf: triggers)
    }

    /// `<` `]` `` ` `` `&` `:` `w` `W` `@`: a switch, not a table (a static table costs a
    /// once-check per byte).
    @inline(__always)
    private static func isTrigger(_ b: UInt8) -> Bool {
        switch b {
        case 0x3C, 0x5D, 0x60, 0x26, 0x3A, 0x77, 0x57, 0x40: true
        default: false
        }
    }

    /// Whether the trigger at `i` may start a region: `:` only before `//`, `w` only before
    /// `ww.` (common letters in prose, which would make every line with one be scanned).
    @inline(__always)
    private static func mayStart(_ s: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Bool {
        switch s[i] {
        case 0x3A: i + 2 < end && s[i + 1] == 0x2F && s[i + 2] == 0x2F
        case 0x77, 0x57: i + 3 < end && s[i + 1] | 0x20 == 0x77 && s[i + 2] | 0x20 == 0x77 && s[i + 3] == 0x2E
        default: true
        }
    }

    /// `<` `]` `` ` ``: what only Markdown (and HTML inside it) protects.
    @inline(__always)
    private static func isMarkdownTrigger(_ b: UInt8) -> Bool { b == 0x3C || b == 0x5D || b == 0x60 }

    /// `<tag …>`, `</tag>`, `<!-- … -->`, `<http://…>`; must close on the same line.
    private static func tagEnd(_ s: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        guard start + 1 < end else { return nil }
        let first = s[start + 1]
        guard UTF8Text.isLetter(first) || first == UInt8(ascii: "/") || first == UInt8(ascii: "!")
            || first == UInt8(ascii: "?") else { return nil }
        if start + 3 < end, s[start + 1] == UInt8(ascii: "!"), s[start + 2] == UInt8(ascii: "-"), s[start + 3] == UInt8(ascii: "-") {
            var i = start + 4
            while i + 2 < end {
                if s[i] == UInt8(ascii: "-"), s[i + 1] == UInt8(ascii: "-"), s[i + 2] == UInt8(ascii: ">") { return i + 3 }
                i += 1
            }
        }
        var i = start + 1
        while i < end, s[i] != UInt8(ascii: "<") {
            if s[i] == UInt8(ascii: ">") { return i + 1 }
            i += 1
        }
        return nil
    }

    /// The `(…)` of a Markdown link `[text](target)`, up to the matching `)` on the line.
    private static func linkTargetEnd(_ s: UnsafeBufferPointer<UInt8>, _ open: Int, _ end: Int) -> Int? {
        var depth = 0
        for i in open..<end {
            if s[i] == UInt8(ascii: "(") { depth += 1 }
            if s[i] == UInt8(ascii: ")") {
                depth -= 1
                if depth == 0 { return i + 1 }
            }
        }
        return nil
    }

    private static func backtickRunEnd(_ s: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var i = start
        while i < end, s[i] == UInt8(ascii: "`") { i += 1 }
        return i
    }

    /// Inline code: a run of backticks up to the next run of the same length on the line.
    private static func codeSpanEnd(_ s: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        let open = backtickRunEnd(s, start, end)
        let length = open - start
        var i = open
        while i < end {
            guard s[i] == UInt8(ascii: "`") else { i += 1; continue }
            let close = backtickRunEnd(s, i, end)
            if close - i == length { return close }
            i = close
        }
        return nil
    }

    /// `&name;`, `&#123;`, `&#x1F;` (at most 32 bytes).
    private static func entityEnd(_ s: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        var i = start + 1
        let numeric = i < end && s[i] == UInt8(ascii: "#")
        if numeric { i += 1 }
        let first = i
        while i < end, i - start <= 32, UTF8Text.isAlphanumeric(s[i]) { i += 1 }
        guard i > first, i < end, s[i] == UInt8(ascii: ";") else { return nil }
        if !numeric, !UTF8Text.isLetter(s[first]) { return nil }
        return i + 1
    }

    private static func isSchemeByte(_ b: UInt8) -> Bool {
        UTF8Text.isAlphanumeric(b) || b == UInt8(ascii: "+") || b == UInt8(ascii: "-") || b == UInt8(ascii: ".")
    }

    /// `scheme://…` whose `:` is at `colon`; the scheme starts at the first letter of the
    /// scheme-like run before it.
    private static func schemeURL(_ s: UnsafeBufferPointer<UInt8>, _ colon: Int, _ floor: Int, _ end: Int) -> Range<Int>? {
        guard colon + 2 < end, s[colon + 1] == UInt8(ascii: "/"), s[colon + 2] == UInt8(ascii: "/") else { return nil }
        var start = colon
        while start > floor, isSchemeByte(s[start - 1]) { start -= 1 }
        while start < colon, !UTF8Text.isLetter(s[start]) { start += 1 }
        guard start < colon else { return nil }
        return urlRange(s, start, colon + 3, end)
    }

    /// `www.…` starting at `start`, not inside a word.
    private static func wwwURL(_ s: UnsafeBufferPointer<UInt8>, _ start: Int, _ floor: Int, _ end: Int) -> Range<Int>? {
        guard start + 4 < end, start == floor || !isSchemeByte(s[start - 1]),
              (s[start + 1] | 0x20) == UInt8(ascii: "w"), (s[start + 2] | 0x20) == UInt8(ascii: "w"),
              s[start + 3] == UInt8(ascii: "."), isSchemeByte(s[start + 4]) else { return nil }
        return urlRange(s, start, start + 4, end)
    }

    /// A URL from `start`, its body from `body`, without trailing sentence punctuation, as
    /// GitHub's autolinks do.
    private static func urlRange(_ s: UnsafeBufferPointer<UInt8>, _ start: Int, _ body: Int, _ end: Int) -> Range<Int> {
        var stop = body
        var opened = false
        while stop < end, isURLByte(s[stop]) {
            if s[stop] == UInt8(ascii: "(") { opened = true }
            stop += 1
        }
        while stop > body, ".,:;!?".utf8.contains(s[stop - 1]) { stop -= 1 }
        if stop > body, s[stop - 1] == UInt8(ascii: ")"), !opened { stop -= 1 }
        return start..<stop
    }

    private static func isURLByte(_ b: UInt8) -> Bool {
        b > 0x20 && b < 0x7F && b != UInt8(ascii: "<") && b != UInt8(ascii: ">") && b != UInt8(ascii: "\"")
            && b != UInt8(ascii: "`")
    }

    private static func isEmailLocalByte(_ b: UInt8) -> Bool {
        UTF8Text.isAlphanumeric(b) || "._%+-".utf8.contains(b)
    }

    /// `local@domain.tld` around the `@` at `at`.
    private static func email(_ s: UnsafeBufferPointer<UInt8>, _ at: Int, _ floor: Int, _ end: Int) -> Range<Int>? {
        var start = at
        while start > floor, isEmailLocalByte(s[start - 1]) { start -= 1 }
        var stop = at + 1
        var dot = false
        while stop < end, UTF8Text.isAlphanumeric(s[stop]) || s[stop] == UInt8(ascii: "-") || s[stop] == UInt8(ascii: ".") {
            if s[stop] == UInt8(ascii: ".") { dot = true }
            stop += 1
        }
        while stop > at + 1, s[stop - 1] == UInt8(ascii: ".") || s[stop - 1] == UInt8(ascii: "-") { stop -= 1 }
        guard start < at, dot, stop > at + 1, s[at + 1..<stop].contains(UInt8(ascii: ".")) else { return nil }
        return start..<stop
    }
}
