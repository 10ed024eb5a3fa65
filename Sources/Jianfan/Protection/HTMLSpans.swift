/// Finds what HTML keeps unconverted, carrying its state from one window to the next: a tag,
/// a comment or a `<script>` may span lines, and memory stays bounded (nothing is buffered:
/// each byte is decided as it is read).
///
/// Tags are copied with their attributes, except the quoted values of `alt`, `title` and
/// `aria-label`, which are text people read (converted, as JianfanDocuments does in an
/// EPUB). Comments, `<!DOCTYPE …>`, `<?…?>` and the contents of `<script>` and `<style>` are
/// copied; in text, entities, URLs and e-mail addresses are. A `<` not followed by a letter,
/// `/`, `!` or `?` is text.
struct HTMLSpans {
    private enum Mode: Equatable {
        case text
        case tagName, between, attributeName, afterName, beforeValue, unquoted
        case quoted(UInt8)
        /// A quoted attribute value that is converted.
        case readable(UInt8)
        case comment
        /// Inside `<script>` or `<style>`, until its end tag.
        case raw
    }

    private var mode = Mode.text
    private var name: [UInt8] = []
    private var attribute: [UInt8] = []
    private var closing = false
    private var rawName: [UInt8] = []
    private var scratch: [Range<Int>] = []

    static let readableAttributes: [[UInt8]] = [Array("alt".utf8), Array("title".utf8), Array("aria-label".utf8)]
    static let rawElements: [[UInt8]] = [Array("script".utf8), Array("style".utf8)]

    /// Adds the pieces of `s[span]` to `pieces`.
    mutating func scan(_ s: UnsafeBufferPointer<UInt8>, _ span: Range<Int>, into pieces: inout ProtectedPieces) {
        var i = span.lowerBound
        let end = span.upperBound
        while i < end {
            switch mode {
            case .text:
                var j = i
                while j < end, !(s[j] == UInt8(ascii: "<") && opensTag(s, j, end)) { j += 1 }
                pieces.addText(s, i..<j, scratch: &scratch)
                i = j
            case .readable(let quote):
                var j = i
                while j < end, s[j] != quote { j += 1 }
                pieces.addText(s, i..<j, scratch: &scratch)
                if j < end {
                    mode = .between
                    pieces.add(j..<(j + 1), converts: false)
                    j += 1
                }
                i = j
            case .comment:
                var j = i
                while j < end, !(j >= span.lowerBound + 2 && s[j] == UInt8(ascii: ">") && s[j - 1] == UInt8(ascii: "-")
                    && s[j - 2] == UInt8(ascii: "-")) { j += 1 }
                if j < end { mode = .text; j += 1 }
                pieces.add(i..<j, converts: false)
                i = j
            case .raw:
                var j = i
                while j < end, !endsRaw(s, j, end) { j += 1 }
                pieces.add(i..<j, converts: false)
                if j < end { mode = .text }
                i = j
            default:
                let j = tag(s, i, end)
                pieces.add(i..<j, converts: false)
                i = j
            }
        }
    }

    /// At `<`: whether a tag or comment starts here (and enters it).
    private mutating func opensTag(_ s: UnsafeBufferPointer<UInt8>, _ at: Int, _ end: Int) -> Bool {
        guard at + 1 < end else { return false }
        let next = s[at + 1]
        if next == UInt8(ascii: "!"), at + 3 < end, s[at + 2] == UInt8(ascii: "-"), s[at + 3] == UInt8(ascii: "-") {
            mode = .comment
            return true
        }
        let isClosing = next == UInt8(ascii: "/") && at + 2 < end && UTF8Text.isLetter(s[at + 2])
        guard UTF8Text.isLetter(next) || isClosing || next == UInt8(ascii: "!") || next == UInt8(ascii: "?") else { return false }
        mode = .tagName
        closing = isClosing
        name.removeAll(keepingCapacity: true)
        return true
    }

    /// Reads tag bytes from `i`: returns where the copied part ends (the tag's `>`, the start
    /// of a readable value, or `end`).
    private mutating func tag(_ s: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var j = start
        while j < end {
            let b = s[j]
            let space = b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C
            switch mode {
            case .tagName:
                if j == start && b == UInt8(ascii: "<") { break }
                if space || b == UInt8(ascii: ">") || (b == UInt8(ascii: "/") && !name.isEmpty) {
                    mode = .between
                    continue
                }
                if b != UInt8(ascii: "/"), name.count < 16 { name.append(b | (UTF8Text.isLetter(b) ? 0x20 : 0)) }
            case .between:
                if b == UInt8(ascii: ">") { return closeTag(s, j) }
                if !space && b != UInt8(ascii: "/") {
                    attribute = [b | (UTF8Text.isLetter(b) ? 0x20 : 0)]
                    mode = .attributeName
                }
            case .attributeName:
                if b == UInt8(ascii: "=") { mode = .beforeValue
                } else if space { mode = .afterName
                } else if b == UInt8(ascii: ">") || b == UInt8(ascii: "/") { mode = .between; continue
                } else if attribute.count < 16 { attribute.append(b | (UTF8Text.isLetter(b) ? 0x20 : 0)) }
            case .afterName:
                if b == UInt8(ascii: "=") { mode = .beforeValue } else if !space { mode = .between; continue }
            case .beforeValue:
                if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                    if Self.readableAttributes.contains(attribute) {
                        mode = .readable(b)
                        return j + 1
                    }
                    mode = .quoted(b)
                } else if b == UInt8(ascii: ">") {
                    return closeTag(s, j)
                } else if !space {
                    mode = .unquoted
                }
            case .quoted(let quote):
                if b == quote { mode = .between }
            case .unquoted:
                if b == UInt8(ascii: ">") { return closeTag(s, j) }
                if space { mode = .between }
            default:
                return j
            }
            j += 1
        }
        return end
    }

    /// The tag ends at `s[at]` (`>`): what follows is text, or the raw contents of a script.
    private mutating func closeTag(_ s: UnsafeBufferPointer<UInt8>, _ at: Int) -> Int {
        let selfClosing = at > 0 && s[at - 1] == UInt8(ascii: "/")
        if !closing && !selfClosing && Self.rawElements.contains(name) {
            rawName = name
            mode = .raw
        } else {
            mode = .text
        }
        return at + 1
    }

    /// Whether `</script` (the open raw element's end tag, any case) starts at `at`.
    private func endsRaw(_ s: UnsafeBufferPointer<UInt8>, _ at: Int, _ end: Int) -> Bool {
        guard s[at] == UInt8(ascii: "<"), at + 1 + rawName.count < end, s[at + 1] == UInt8(ascii: "/") else { return false }
        for (k, b) in rawName.enumerated() where s[at + 2 + k] | 0x20 != b { return false }
        return true
    }
}
