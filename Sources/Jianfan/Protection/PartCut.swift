/// Where a line longer than a window is cut: read from the window's first `size` bytes alone,
/// so the cuts are the same however the input arrives; where converting the two sides apart
/// gives what converting them whole would (for every plan); and never inside a region that the
/// markup or the patterns protect, as found within the part (Markdown's regions when the cutter
/// finds blocks, with one opened in the last 64 KiB and not closed there; the patterns'
/// matches). A pattern's match that only the text after the cut completes may still be split.
extension WindowCutter {
    /// The cut of the part `s[0..<size]` of a long line: see ``partCut(_:_:plans:avoiding:)``.
    func partCut(_ s: UnsafeBufferPointer<UInt8>, _ size: Int) -> Int {
        let part = UnsafeBufferPointer(rebasing: s[0..<min(size, s.count)])
        var regions: [Range<Int>] = []
        if findsBlocks {
            ProtectedRegions.inline(part, 0..<part.count, into: &regions)
            // A code span, tag, comment, link target or entity opened near the end and closed
            // after it is no region of the part: the cut goes before its opening.
            let from = max(regions.last?.upperBound ?? 0, part.count - Self.openingReach)
            if let open = Self.firstOpening(part, from: from) { regions.append(open..<part.count) }
        }
        for pattern in patterns { pattern.matches(part, 0..<part.count, into: &regions) }
        return Self.partCut(s, size, plans: plans, avoiding: regions)
    }

    /// How far before a part's end an unclosed Markdown region moves the cut (a longer one
    /// crossing the cut is split: a window must not shrink without bound).
    static let openingReach = 1 << 16

    /// The first byte from `from` on that may open a Markdown region (`` ` ``, `<` before a
    /// letter, `/`, `!` or `?`, `](`, `&` before a letter, a digit or `#`).
    private static func firstOpening(_ part: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        var i = max(0, from)
        while i < part.count {
            let next: UInt8 = i + 1 < part.count ? part[i + 1] : 0
            switch part[i] {
            case UInt8(ascii: "`"): return i
            case UInt8(ascii: "<") where UTF8Text.isLetter(next) || next == UInt8(ascii: "/") || next == UInt8(ascii: "!")
                || next == UInt8(ascii: "?"): return i
            case UInt8(ascii: "]") where next == UInt8(ascii: "("): return i + 1
            case UInt8(ascii: "&") where UTF8Text.isAlphanumeric(next) || next == UInt8(ascii: "#"): return i
            default: break
            }
            i += 1
        }
        return nil
    }

    /// Where a part of a line longer than `size` bytes (`s` holds at least `size`) ends, read
    /// from `s[0..<size]` alone, never strictly inside one of `regions`. Without `plans`: after
    /// the last space, `，` or `。` in the last 4 KiB, else at the last scalar boundary. With
    /// them, only where converting the two sides apart gives what converting them whole would,
    /// for every plan: such a space, `，` or `。`; else the last safe or certain cut of the plans
    /// in the last 4 KiB, then in the whole part; else (one plan) a cut a parse finds
    /// (`SafeCut.swift`); the scalar boundary (before a region it would split) only when the
    /// text offers no such place at all.
    static func partCut(_ s: UnsafeBufferPointer<UInt8>, _ size: Int, plans: [Plan] = [], avoiding regions: [Range<Int>] = []) -> Int {
        let part = UnsafeBufferPointer(rebasing: s[0..<min(size, s.count)])
        let inside = RegionLookup(regions)
        let floor = max(1, size - 4096)
        // With plans, never at the part's very end: a segmenter's cut there reads the next scalar.
        var i = plans.isEmpty ? part.count : part.count - 1
        while i > floor {
            if part[i - 1] == 0x20 || (i >= 3 && part[i - 3] == 0xEF && part[i - 2] == 0xBC && part[i - 1] == 0x8C) // ，
                || (i >= 3 && part[i - 3] == 0xE3 && part[i - 2] == 0x80 && part[i - 1] == 0x82) { // 。
                if inside.region(splitAt: i) == nil, plans.allSatisfy({ $0.cuts(part, at: i) }) { return i }
            }
            i -= 1
        }
        if !plans.isEmpty {
            if let cut = cut(part, plans, lower: floor - 1, inside) ?? cut(part, plans, lower: 0, inside) { return cut }
            if plans.count == 1, let cut = plans[0].forcedCut(in: part, from: 0, limit: part.count),
               inside.region(splitAt: cut) == nil {
                return cut
            }
        }
        i = part.count
        while i > 1, i < s.count, s[i] & 0xC0 == 0x80 { i -= 1 }
        if let region = inside.region(splitAt: i), region.lowerBound > 0 { return region.lowerBound }
        return i
    }

    /// The last cut in `(lower, part.count)` that is safe or certain for every plan and splits
    /// no region.
    private static func cut(_ part: UnsafeBufferPointer<UInt8>, _ plans: [Plan], lower: Int, _ inside: RegionLookup) -> Int? {
        var upper = part.count - 1
        // Once no safe cut is left below `upper`, none is below a smaller one: each search
        // goes on from the last candidate down, so the whole part is read once per kind.
        var safeLeft = true
        while upper > lower {
            var found = safeLeft ? plans[0].safeCut(in: part, lower: lower, upper: upper) : nil
            if found == nil {
                safeLeft = false
                found = plans[0].certainCut(in: part, lower: lower, upper: upper)
            }
            guard let cut = found else { return nil }
            if let region = inside.region(splitAt: cut) {
                upper = region.lowerBound
                continue
            }
            if plans.dropFirst().allSatisfy({ $0.cuts(part, at: cut) }) { return cut }
            upper = cut - 1
        }
        return nil
    }
}

/// Regions (any order, overlapping) merged and sorted, to ask which one a cut would split.
private struct RegionLookup {
    private var regions: [Range<Int>] = []

    init(_ ranges: [Range<Int>]) {
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) where !range.isEmpty {
            if let last = regions.last, range.lowerBound < last.upperBound {
                regions[regions.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                regions.append(range)
            }
        }
    }

    /// The region holding bytes on both sides of a cut at `i`, if any.
    func region(splitAt i: Int) -> Range<Int>? {
        var low = 0, high = regions.count
        while low < high {
            let mid = (low + high) / 2
            if regions[mid].upperBound <= i { low = mid + 1 } else { high = mid }
        }
        return low < regions.count && regions[low].lowerBound < i ? regions[low] : nil
    }
}

extension Plan {
    /// Whether converting `part[..<i]` and `part[i...]` apart gives what converting `part`
    /// whole does: `i` is a safe or a certain cut (`SafeCut.swift`).
    func cuts(_ part: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        guard i > 0, i < part.count else { return false }
        return safeCut(in: part, lower: i - 1, upper: i) == i || certainCut(in: part, lower: i - 1, upper: i) == i
    }
}
