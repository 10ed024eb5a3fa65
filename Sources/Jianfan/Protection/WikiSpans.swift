/// MediaWiki's conversion markers, as MediaWiki and zhconv-rs read them: `-{text}-` shows its
/// text unconverted, without the markers; `-{zh-hans:计算机;zh-hant:電腦;}-` shows the text of
/// the target's variant.
///
/// A variant missing from the list falls back as MediaWiki's Chinese converter does (zh-tw →
/// zh-hant, zh-hk, zh-mo; zh-hk → zh-hant, zh-mo, zh-tw; zh-cn → zh-hans, zh-sg, zh-my; …, then
/// `zh`); when none is there, the first variant's text is converted (MediaWiki converts it; zhconv-rs
/// shows nothing). Flags: `R|` and `D|` show their text raw; `H|`, `T|` and `-|` show nothing
/// (MediaWiki's rules for the rest of the page are not applied); `A|` is read as the variant form.
/// Markers nest (`-{a-{b}-c}-` shows `abc`) and must close on the line they open; an unclosed
/// `-{` is text, converted.
struct WikiSpans {
    /// The target's variant and its fallbacks, in order; empty when the target has none (t2jp).
    let variants: [[UInt8]]

    static let codes = ["zh", "zh-hans", "zh-hant", "zh-cn", "zh-tw", "zh-hk", "zh-sg", "zh-mo", "zh-my"].map { Array($0.utf8) }

    /// Whether a `-{…}-` span is protected whole, markers included (a normalization keeps
    /// markup as written), instead of shown as the target's reader sees it.
    let keepsMarkers: Bool

    init(target: Config?, keepsMarkers: Bool = false) {
        self.keepsMarkers = keepsMarkers
        let chain: [String]
        switch target {
        case .s2t, .hk2t, .tw2t, .jp2t: chain = ["zh-hant", "zh-tw", "zh-hk", "zh-mo"]
        case .s2tw, .s2twp, .t2tw: chain = ["zh-tw", "zh-hant", "zh-hk", "zh-mo"]
        case .s2hk, .s2hkp, .t2hk: chain = ["zh-hk", "zh-hant", "zh-mo", "zh-tw"]
        case .t2s, .tw2s, .hk2s: chain = ["zh-hans", "zh-cn", "zh-sg", "zh-my"]
        case .tw2sp, .hk2sp: chain = ["zh-cn", "zh-hans", "zh-sg", "zh-my"]
        case .t2jp, nil: chain = []
        }
        variants = (chain + ["zh"]).map { Array($0.utf8) }
    }

    /// Adds the pieces of `s[span]`: text outside markers converted, marked text as it shows.
    func scan(_ s: UnsafeBufferPointer<UInt8>, _ span: Range<Int>, into pieces: inout ProtectedPieces) {
        var start = span.lowerBound
        var i = span.lowerBound
        while i + 1 < span.upperBound {
            guard s[i] == UInt8(ascii: "-"), s[i + 1] == UInt8(ascii: "{") else { i += 1; continue }
            let lineEnd = UTF8Text.lineEnd(from: i, in: s, limit: span.upperBound)
            guard let close = Self.closing(s, i, lineEnd) else { i += 2; continue }
            pieces.add(start..<i, converts: true)
            if keepsMarkers {
                pieces.add(i..<(close + 2), converts: false)
            } else {
                content(s, (i + 2)..<close, into: &pieces)
            }
            i = close + 2
            start = i
        }
        pieces.add(start..<span.upperBound, converts: true)
    }

    /// The `}` of the `}-` that closes the `-{` at `open`, on its line.
    private static func closing(_ s: UnsafeBufferPointer<UInt8>, _ open: Int, _ lineEnd: Int) -> Int? {
        var depth = 0
        var j = open
        while j + 1 < lineEnd {
            if s[j] == UInt8(ascii: "-"), s[j + 1] == UInt8(ascii: "{") {
                depth += 1
                j += 2
            } else if s[j] == UInt8(ascii: "}"), s[j + 1] == UInt8(ascii: "-") {
                depth -= 1
                if depth == 0 { return j }
                j += 2
            } else {
                j += 1
            }
        }
        return nil
    }

    private func content(_ s: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into pieces: inout ProtectedPieces) {
        var body = range
        var flags: [[UInt8]] = []
        if let bar = range.first(where: { s[$0] == UInt8(ascii: "|") }), bar > range.lowerBound, bar - range.lowerBound <= 32,
           s[range.lowerBound..<bar].allSatisfy({ UTF8Text.isLetter($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ";") || $0 == 0x20 }) {
            flags = s[range.lowerBound..<bar].split(separator: UInt8(ascii: ";")).map { Array($0.filter { $0 != 0x20 }) }
            body = (bar + 1)..<range.upperBound
        }
        if flags.contains(where: { $0 == [UInt8(ascii: "H")] || $0 == [UInt8(ascii: "T")] || $0 == [UInt8(ascii: "-")] }) { return }
        let raw = flags.contains { $0 == [UInt8(ascii: "R")] || $0 == [UInt8(ascii: "D")] }
        if !raw, let pairs = Self.variantPairs(s, body) {
            for code in variants {
                if let pair = pairs.first(where: { $0.code == code }) {
                    pieces.add(pair.value, converts: false)
                    return
                }
            }
            pieces.add(pairs[0].value, converts: true)
            return
        }
        // Raw: the text without nested markers.
        var start = body.lowerBound
        var j = body.lowerBound
        while j + 1 < body.upperBound {
            if (s[j] == UInt8(ascii: "-") && s[j + 1] == UInt8(ascii: "{")) || (s[j] == UInt8(ascii: "}") && s[j + 1] == UInt8(ascii: "-")) {
                pieces.add(start..<j, converts: false)
                j += 2
                start = j
            } else {
                j += 1
            }
        }
        pieces.add(start..<body.upperBound, converts: false)
    }

    /// `code:text;code:text;…` (spaces around either ignored), or nil when the first part is
    /// not a variant; a part without a known code continues the text before it (`;` included).
    private static func variantPairs(_ s: UnsafeBufferPointer<UInt8>, _ body: Range<Int>) -> [(code: [UInt8], value: Range<Int>)]? {
        var pairs: [(code: [UInt8], value: Range<Int>)] = []
        var start = body.lowerBound
        while start < body.upperBound {
            var end = start
            while end < body.upperBound, s[end] != UInt8(ascii: ";") { end += 1 }
            let part = trimmed(s, start..<end)
            if !part.isEmpty {
                if let colon = part.first(where: { s[$0] == UInt8(ascii: ":") }),
                   case let code = Array(s[trimmed(s, part.lowerBound..<colon)]).map({ UTF8Text.isLetter($0) ? $0 | 0x20 : $0 }),
                   codes.contains(code) {
                    pairs.append((code, trimmed(s, (colon + 1)..<part.upperBound)))
                } else if let last = pairs.last {
                    pairs[pairs.count - 1].value = last.value.lowerBound..<part.upperBound
                } else {
                    return nil
                }
            }
            start = end + 1
        }
        return pairs.isEmpty ? nil : pairs
    }

    private static func trimmed(_ s: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, s[lower] == 0x20 || s[lower] == 0x09 { lower += 1 }
        while upper > lower, s[upper - 1] == 0x20 || s[upper - 1] == 0x09 { upper -= 1 }
        return lower..<upper
    }
}
