/// A window's protected ranges (`TextWindow.protected`, found by ``MarkupScanner``) as a
/// normalization step asks about them: a step asks about the few positions where it would
/// change something, mostly going forward, so a cursor answers in constant time and a step
/// that goes back (to decide a line's parentheses) pays a binary search.
struct WindowProtection {
    private let ranges: [Range<Int>]
    /// The first range that does not end before the last position asked about.
    private var next = 0

    /// `ranges` sorted and disjoint.
    init(_ ranges: [Range<Int>]) { self.ranges = ranges }

    /// The protected range holding byte `i`, if any.
    mutating func range(at i: Int) -> Range<Int>? {
        guard !ranges.isEmpty else { return nil }
        if next > 0, ranges[next - 1].upperBound > i { next = firstEnding(after: i) }
        while next < ranges.count, ranges[next].upperBound <= i { next += 1 }
        return next < ranges.count && ranges[next].contains(i) ? ranges[next] : nil
    }

    /// Whether any protected range overlaps `range`.
    func overlaps(_ range: Range<Int>) -> Bool {
        let k = firstEnding(after: range.lowerBound)
        return k < ranges.count && ranges[k].lowerBound < range.upperBound && !range.isEmpty
    }

    /// The index of the first range whose end is past `i`.
    private func firstEnding(after i: Int) -> Int {
        var low = 0, high = ranges.count
        while low < high {
            let mid = (low + high) / 2
            if ranges[mid].upperBound <= i { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
