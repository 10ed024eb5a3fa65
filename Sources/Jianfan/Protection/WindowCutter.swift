/// Cuts a stream's validated input into ``TextWindow``s and finds its front matter and fenced
/// code blocks, line by line.
///
/// A window ends after the last line break in its first ``NormalizationStream/windowSize``
/// bytes (never between `\r` and `\n`). A line longer than that is cut into parts of at most
/// that size, each cut placed by the part's own bytes, so the cuts are the same however the
/// input arrives: where the conversions of ``plans`` cannot change and no protected region is
/// split, preferably after a space, `，` or `。` (`PartCut.swift`).
///
/// Front matter is a first line `---` and the next line `---` or `...`, which must come
/// within the first ``frontMatterLimit`` bytes (else the text has none). A fence (```` ``` ````
/// or `~~~`, after spaces) runs to the next line that starts with the same three characters,
/// or to the end of the text.
struct WindowCutter {
    static let frontMatterLimit = 1 << 16

    /// Whether front matter and fences are found (Markdown); without, windows have no blocks.
    var findsBlocks = true
    /// Decide ``findsBlocks`` by the text's start (``Markup/init(sniffing:)``): HTML has none.
    var sniffsMarkup = false
    /// What sniffing found: `.html`, or `.markdown` for any other start; nil before.
    private(set) var sniffedMarkup: Markup?
    /// The conversions a long line's cuts must not change (none: cuts only by the text).
    var plans: [Plan] = []
    /// `--protect` patterns whose matches a long line's cut must not split (Markdown's regions
    /// are not split either, when ``findsBlocks``).
    var patterns: [ProtectedPattern] = []

    /// Nothing has been cut yet: front matter may still start here.
    private var atStart = true
    /// The end of the front matter in the pending bytes, found before the first window.
    private var frontMatterEnd = 0
    /// The fence marker (```` ``` ```` or `~~~`) of the open fenced block.
    private var fence: UInt8?
    /// The last window ended inside a line (a part of a long line).
    private var lineContinues = false
    /// Whether the line being continued is protected.
    private var continuedIsProtected = false

    /// The next window from `s` (the pending, validated input), or nil when more input is
    /// needed: a window is cut once `windowSize` bytes are pending, or with `force` as soon as
    /// a line is complete, or everything when `final`.
    mutating func next(_ s: UnsafeBufferPointer<UInt8>, windowSize: Int, force: Bool, final: Bool) -> TextWindow? {
        let n = s.count
        guard n > 0 else { return nil }
        if atStart && sniffsMarkup {
            // `<!DOCTYPE html` after a BOM and some blank lines: 64 bytes tell.
            if n < 64 && !final && !force { return nil }
            let sniffed: Markup = Markup(sniffing: UnsafeBufferPointer(rebasing: s.prefix(512))) == .html ? .html : .markdown
            findsBlocks = sniffed == .markdown
            sniffedMarkup = sniffed
            sniffsMarkup = false
        }
        if atStart && findsBlocks {
            guard let end = frontMatter(s, final: final) else { return nil }
            frontMatterEnd = end
        }
        guard final || force || n >= windowSize else { return nil }
        let limit = max(min(n, windowSize), frontMatterEnd)
        var end = 0
        var endsLine = true
        var b = limit - 1
        var trailingCR = false
        while b >= 0 {
            if s[b] == 0x0A { end = b + 1; break }
            if s[b] == 0x0D {
                if b + 1 < n { end = s[b + 1] == 0x0A ? b + 2 : b + 1; break }
                if final { end = b + 1; break }
                trailingCR = true // the last byte: `\r\n` or not, the next input says
            }
            b -= 1
        }
        if end == 0 && trailingCR { return nil }
        if end == 0 {
            if final && n <= windowSize {
                end = n
            } else if n >= windowSize {
                end = partCut(s, windowSize)
                endsLine = false
            } else {
                return nil
            }
        }
        atStart = false
        let blocks = findsBlocks ? markBlocks(s, end) : []
        lineContinues = !endsLine
        return TextWindow(bytes: Array(UnsafeBufferPointer(rebasing: s[0..<end])), blocks: blocks, endsLine: endsLine)
    }

    /// At the start: the end of the front matter (0 when there is none), or nil to wait.
    private func frontMatter(_ s: UnsafeBufferPointer<UInt8>, final: Bool) -> Int? {
        let firstEnd = UTF8Text.lineEnd(from: 0, in: s, limit: s.count)
        if firstEnd == s.count && !final && s.count < Self.frontMatterLimit { return nil }
        guard Self.trimmedLineIs(s, 0..<firstEnd, "---") else { return 0 }
        var start = firstEnd + UTF8Text.breakLength(at: firstEnd, in: s, limit: s.count)
        while start < min(s.count, Self.frontMatterLimit) {
            let end = UTF8Text.lineEnd(from: start, in: s, limit: s.count)
            if end == s.count && !final && s.count < Self.frontMatterLimit { return nil }
            if end == s.count && s.count > Self.frontMatterLimit { return 0 }
            if end + 1 == s.count && s[end] == 0x0D && !final { return nil } // `\r`, perhaps `\r\n`
            if Self.trimmedLineIs(s, start..<end, "---") || Self.trimmedLineIs(s, start..<end, "...") {
                let close = end + UTF8Text.breakLength(at: end, in: s, limit: s.count)
                return close <= Self.frontMatterLimit ? close : 0
            }
            start = end + UTF8Text.breakLength(at: end, in: s, limit: s.count)
        }
        return final || s.count >= Self.frontMatterLimit ? 0 : nil
    }

    private static func trimmedLineIs(_ s: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, _ text: StaticString) -> Bool {
        var end = line.upperBound
        while end > line.lowerBound, s[end - 1] == 0x20 || s[end - 1] == 0x09 { end -= 1 }
        guard end - line.lowerBound == text.utf8CodeUnitCount else { return false }
        return (0..<(end - line.lowerBound)).allSatisfy { s[line.lowerBound + $0] == text.utf8Start[$0] }
    }

    /// The fence marker a line (without leading spaces) starts with.
    private static func fenceMarker(_ s: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> UInt8? {
        var i = line.lowerBound
        while i < line.upperBound, s[i] == 0x20 { i += 1 }
        guard i + 3 <= line.upperBound, s[i] == 0x60 || s[i] == 0x7E, s[i + 1] == s[i], s[i + 2] == s[i] else { return nil }
        return s[i]
    }

    private static let fenceMarks = ByteSet(0x60, 0x7E)

    /// The protected blocks among the lines of `s[0..<end]`, updating the fence state.
    private mutating func markBlocks(_ s: UnsafeBufferPointer<UInt8>, _ end: Int) -> [Range<Int>] {
        var blocks: [Range<Int>] = []
        func protect(_ range: Range<Int>) {
            guard !range.isEmpty else { return }
            if let last = blocks.last, last.upperBound == range.lowerBound {
                blocks[blocks.count - 1] = last.lowerBound..<range.upperBound
            } else {
                blocks.append(range)
            }
        }
        var start = 0
        if frontMatterEnd > 0 {
            protect(0..<frontMatterEnd)
            start = frontMatterEnd
            frontMatterEnd = 0
        }
        var continued = lineContinues
        while start < end {
            if !continued, fence == nil {
                // Only a line with a backtick or tilde can open a fence: skip to the first one.
                let mark = UTF8Text.first(in: s, from: start, limit: end, anyOf: Self.fenceMarks)
                if mark == end {
                    continuedIsProtected = false
                    break
                }
                start = UTF8Text.lineStart(from: mark, in: s, floor: start)
            }
            let lineEnd = UTF8Text.lineEnd(from: start, in: s, limit: end)
            let next = lineEnd + UTF8Text.breakLength(at: lineEnd, in: s, limit: end)
            let line = start..<lineEnd
            var protected: Bool
            if continued {
                protected = continuedIsProtected
            } else if let open = fence {
                protected = true
                if Self.fenceMarker(s, line) == open { fence = nil }
            } else if let marker = Self.fenceMarker(s, line) {
                protected = true
                fence = marker
            } else {
                protected = false
            }
            if protected { protect(start..<next) }
            continuedIsProtected = protected
            continued = false
            start = next
        }
        return blocks
    }
}
