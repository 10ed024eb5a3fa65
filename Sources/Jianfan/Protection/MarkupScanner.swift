/// Finds what a text's markup and patterns protect, a window at a time: the one scanner of
/// conversion (``ProtectedConversion``) and of normalization (`NormalizationStream`), so each
/// ``Markup`` means the same in both.
///
/// Per mode, in the text between blocks (front matter and fenced code, which `WindowCutter`
/// finds for Markdown): `none` protects nothing; `markdown` what ``ProtectedRegions`` finds;
/// `html` what ``HTMLSpans`` finds (its state carried from one window to the next); `mediawiki`
/// the `-{…}-` spans of ``WikiSpans``. The patterns' matches are protected in every mode.
///
/// A conversion renders MediaWiki's spans (drops the markers, picks the target's variant); a
/// normalization keeps markup as it is written, so there the whole span, markers included, is
/// protected (``init(protection:target:keepsMarkers:)``).
struct MarkupScanner {
    let markup: Markup
    private var html = HTMLSpans()
    private let wiki: WikiSpans
    private let patterns: [ProtectedPattern]
    /// The pieces of the last window scanned.
    private(set) var pieces = ProtectedPieces()
    private var scratch: [Range<Int>] = []

    /// A scanner for `protection`'s markup and patterns; MediaWiki's variants are the
    /// `target`'s (none: only `zh`), and with `keepsMarkers` a `-{…}-` span is protected whole.
    init(protection: Protection, target: Config?, keepsMarkers: Bool = false) {
        markup = protection.markup
        wiki = WikiSpans(target: target, keepsMarkers: keepsMarkers)
        // The patterns compiled when the Protection was made; this cannot fail but for memory.
        patterns = protection.patterns.compactMap { try? ProtectedPattern($0) }
    }

    /// Whether the scanner protects anything at all.
    var isEmpty: Bool { markup == .none && patterns.isEmpty }

    /// Finds the ``pieces`` of a window `s`: `blocks` copied, the spans between them by markup,
    /// then the patterns' matches copied too. Windows must come in order (HTML's state).
    mutating func scan(_ s: UnsafeBufferPointer<UInt8>, blocks: [Range<Int>]) {
        pieces.removeAll()
        var start = 0
        for block in blocks + [s.count..<s.count] {
            let span = start..<block.lowerBound
            switch markup {
            case .none: pieces.add(span, converts: true)
            case .markdown: pieces.add(span, protecting: ProtectedRegions.all(s, span))
            case .html: html.scan(s, span, into: &pieces)
            case .mediawiki: wiki.scan(s, span, into: &pieces)
            }
            pieces.add(block, converts: false)
            start = block.upperBound
        }
        guard !patterns.isEmpty else { return }
        scratch.removeAll(keepingCapacity: true)
        for pattern in patterns { pattern.matches(s, 0..<s.count, into: &scratch) }
        scratch.sort { $0.lowerBound < $1.lowerBound }
        pieces.protect(scratch)
    }

    /// The protected ranges of a window `s` outside its `blocks`: every byte no piece converts
    /// (sorted, disjoint, none touching the next), for the steps of a normalization.
    mutating func protectedRanges(_ s: UnsafeBufferPointer<UInt8>, blocks: [Range<Int>]) -> [Range<Int>] {
        if isEmpty { return [] }
        scan(s, blocks: blocks)
        var ranges: [Range<Int>] = []
        var b = 0
        func protect(_ range: Range<Int>) {
            // Blocks are not protected ranges: the steps copy them whole already.
            var lower = range.lowerBound
            while lower < range.upperBound {
                while b < blocks.count, blocks[b].upperBound <= lower { b += 1 }
                let upper = b < blocks.count ? min(range.upperBound, blocks[b].lowerBound) : range.upperBound
                if upper > lower { ranges.append(lower..<upper) }
                guard b < blocks.count, blocks[b].lowerBound < range.upperBound else { break }
                lower = blocks[b].upperBound
            }
        }
        var position = 0
        for piece in pieces.pieces where piece.converts {
            if piece.range.lowerBound > position { protect(position..<piece.range.lowerBound) }
            position = piece.range.upperBound
        }
        if position < s.count { protect(position..<s.count) }
        return ranges
    }
}
