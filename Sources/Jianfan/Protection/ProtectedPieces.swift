/// A window of text as a protected conversion writes it: byte ranges in order, each converted
/// or copied as it is. Bytes in no piece (MediaWiki's `-{` and `}-`) are left out of the output.
///
/// Adjacent pieces of the same kind are merged, so text with nothing protected is one piece and
/// converts exactly as without protection; two converted pieces stay apart only where something
/// was left out between them, and no phrase is matched across that gap.
struct ProtectedPieces {
    struct Piece: Equatable {
        var range: Range<Int>
        var converts: Bool
    }

    private(set) var pieces: [Piece] = []

    mutating func removeAll() { pieces.removeAll(keepingCapacity: true) }

    mutating func add(_ range: Range<Int>, converts: Bool) {
        guard !range.isEmpty else { return }
        if let last = pieces.last, last.converts == converts, last.range.upperBound == range.lowerBound {
            pieces[pieces.count - 1].range = last.range.lowerBound..<range.upperBound
        } else {
            pieces.append(Piece(range: range, converts: converts))
        }
    }

    /// `s[range]` converted except for the `protected` ranges (sorted, within `range`).
    mutating func add(_ range: Range<Int>, protecting protected: [Range<Int>]) {
        var start = range.lowerBound
        for p in protected where p.upperBound > start {
            add(start..<max(start, p.lowerBound), converts: true)
            add(max(start, p.lowerBound)..<min(p.upperBound, range.upperBound), converts: false)
            start = min(p.upperBound, range.upperBound)
        }
        add(start..<range.upperBound, converts: true)
    }

    /// Text between HTML's markup: converted but for its entities, URLs and
    /// e-mail addresses.
    mutating func addText(_ s: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, scratch: inout [Range<Int>]) {
        guard !range.isEmpty else { return }
        scratch.removeAll(keepingCapacity: true)
        ProtectedRegions.inline(s, range, into: &scratch, markdown: false)
        add(range, protecting: scratch)
    }

    /// The pieces with `matches` (sorted by start, possibly overlapping) copied too.
    mutating func protect(_ matches: [Range<Int>]) {
        guard !matches.isEmpty else { return }
        let old = pieces
        pieces.removeAll(keepingCapacity: true)
        var m = 0
        for piece in old {
            guard piece.converts else { add(piece.range, converts: false); continue }
            while m < matches.count, matches[m].upperBound <= piece.range.lowerBound { m += 1 }
            var k = m
            var inside: [Range<Int>] = []
            while k < matches.count, matches[k].lowerBound < piece.range.upperBound {
                inside.append(max(matches[k].lowerBound, piece.range.lowerBound)..<min(matches[k].upperBound, piece.range.upperBound))
                k += 1
            }
            add(piece.range, protecting: Self.merged(inside))
        }
    }

    private static func merged(_ ranges: [Range<Int>]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        for r in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = result.last, r.lowerBound <= last.upperBound {
                result[result.count - 1] = last.lowerBound..<max(last.upperBound, r.upperBound)
            } else {
                result.append(r)
            }
        }
        return result
    }
}
