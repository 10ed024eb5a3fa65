/// The parts of a text that are markup or addresses, not prose: the steps leave them
/// byte-identical, whatever their neighbours.
///
/// Recognized: a YAML front matter block at the start (`---` … `---`), fenced code blocks
/// (```` ``` ```` or `~~~`), HTML tags and comments (`<p class="x">`, `<!-- … -->`), URLs with a
/// scheme or `www.`, autolinks (`<http://…>`), and Markdown link targets (`](…)`).
struct ProtectedRegions {
    /// `isProtected[i]` for every input scalar.
    let isProtected: [Bool]

    init(_ s: [Unicode.Scalar]) {
        var mask = [Bool](repeating: false, count: s.count)
        Self.markBlocks(s, &mask)
        var i = 0
        while i < s.count {
            if mask[i] { i += 1; continue }
            if s[i] == "<", let end = Self.tagEnd(s, from: i) {
                for j in i..<end { mask[j] = true }
                i = end
            } else if s[i] == "]", i + 1 < s.count, s[i + 1] == "(", let end = Self.linkTargetEnd(s, from: i + 1) {
                for j in (i + 1)..<end { mask[j] = true }
                i = end
            } else if let end = Self.urlEnd(s, from: i) {
                for j in i..<end { mask[j] = true }
                i = end
            } else {
                i += 1
            }
        }
        isProtected = mask
    }

    subscript(_ index: Int) -> Bool { isProtected[index] }

    /// The lines of the text, each range excluding its line break (`\n`, `\r\n` or `\r`).
    static func lines(_ s: [Unicode.Scalar]) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var start = 0
        var i = 0
        while i < s.count {
            if s[i] == "\n" || s[i] == "\r" {
                lines.append(start..<i)
                if s[i] == "\r", i + 1 < s.count, s[i + 1] == "\n" { i += 1 }
                start = i + 1
            }
            i += 1
        }
        lines.append(start..<s.count)
        return lines
    }

    /// Front matter and fenced code blocks, whole lines at a time.
    private static func markBlocks(_ s: [Unicode.Scalar], _ mask: inout [Bool]) {
        let lines = Self.lines(s)
        func text(_ line: Range<Int>) -> String {
            ScalarRewriter.string(s[line]).trimmingSuffix { $0 == " " || $0 == "\t" }
        }
        func mark(_ first: Int, through last: Int) {
            let end = last + 1 < lines.count ? lines[last + 1].lowerBound : s.count
            for j in lines[first].lowerBound..<end { mask[j] = true }
        }
        var index = 0
        if let first = lines.first, text(first) == "---" {
            if let close = lines.indices.dropFirst().first(where: { ["---", "..."].contains(text(lines[$0])) }) {
                mark(0, through: close)
                index = close + 1
            }
        }
        while index < lines.count {
            let line = text(lines[index]).drop { $0 == " " }
            if line.hasPrefix("```") || line.hasPrefix("~~~") {
                let fence = String(line.prefix(3))
                let close = lines.indices.dropFirst(index + 1).first {
                    text(lines[$0]).drop { $0 == " " }.hasPrefix(fence)
                } ?? lines.count - 1
                mark(index, through: close)
                index = close + 1
            } else {
                index += 1
            }
        }
    }

    /// `<tag …>`, `</tag>`, `<!-- … -->`, `<http://…>`: must close on the same line.
    private static func tagEnd(_ s: [Unicode.Scalar], from start: Int) -> Int? {
        guard start + 1 < s.count else { return nil }
        let first = s[start + 1]
        guard ScalarClass.isASCIILetter(first) || first == "/" || first == "!" || first == "?" else { return nil }
        var i = start + 1
        while i < s.count, !ScalarClass.isLineBreak(s[i]), s[i] != "<" {
            if s[i] == ">" { return i + 1 }
            i += 1
        }
        return nil
    }

    /// The `(…)` of a Markdown link `[text](target)`, up to the matching `)` on the same line.
    private static func linkTargetEnd(_ s: [Unicode.Scalar], from open: Int) -> Int? {
        var depth = 0
        var i = open
        while i < s.count, !ScalarClass.isLineBreak(s[i]) {
            if s[i] == "(" { depth += 1 }
            if s[i] == ")" {
                depth -= 1
                if depth == 0 { return i + 1 }
            }
            i += 1
        }
        return nil
    }

    /// A URL starting at `start` (`scheme://…` or `www.…`), without trailing sentence
    /// punctuation, as GitHub's autolinks do.
    private static func urlEnd(_ s: [Unicode.Scalar], from start: Int) -> Int? {
        guard ScalarClass.isASCIILetter(s[start]),
              start == 0 || !(ScalarClass.isASCIILetter(s[start - 1]) || ScalarClass.isASCIIDigit(s[start - 1]))
        else { return nil }
        var i = start
        while i < s.count, ScalarClass.isASCIILetter(s[i]) || ScalarClass.isASCIIDigit(s[i])
            || s[i] == "+" || s[i] == "-" || s[i] == "." { i += 1 }
        let isScheme = i + 2 < s.count && s[i] == ":" && s[i + 1] == "/" && s[i + 2] == "/"
        let isWWW = i - start > 4 && s[start..<(start + 4)].elementsEqual("www.".unicodeScalars)
        guard isScheme || isWWW else { return nil }
        var end = isScheme ? i + 3 : i
        while end < s.count, isURLScalar(s[end]) { end += 1 }
        while end > start, ".,:;!?".unicodeScalars.contains(s[end - 1]) { end -= 1 }
        if end > start, s[end - 1] == ")", !s[start..<end].contains("(") { end -= 1 }
        return end
    }

    private static func isURLScalar(_ s: Unicode.Scalar) -> Bool {
        s.isASCII && s.value > 0x20 && s.value < 0x7F && s != "<" && s != ">" && s != "\"" && s != "`"
    }
}

extension String {
    fileprivate func trimmingSuffix(while predicate: (Character) -> Bool) -> String {
        var result = self
        while let last = result.last, predicate(last) { result.removeLast() }
        return result
    }
}
