/// Where text can be cut so that converting the pieces separately gives the same bytes as
/// converting it whole: right after a scalar that no key of the configuration contains (no match
/// can cross it, and a segment boundary there changes nothing), and never where an ideographic
/// description sequence could still be open (an IDS swallows up to 64 scalars, line breaks too).
extension Plan {
    /// How far back from a cut an IDS operator (UTF-8 `E2 BF B0`…`E2 BF BF`) rules it out.
    static let idsReach = 64 * 4

    /// The largest safe cut in `(lower, upper]`, or nil. Offsets are into `bytes`.
    func safeCut(in bytes: UnsafeBufferPointer<UInt8>, lower: Int, upper: Int) -> Int? {
        guard let base = bytes.baseAddress, upper > lower, !cutter.isEmpty else { return nil }
        let cutter = cutter
        var cut = upper
        while cut > max(lower, 0) {
            let last = base[cut - 1]
            if cutter.endsIsolating[Int(last)], cutter.isolatingEnds(base, at: cut), !Plan.idsOperatorNear(bytes, before: cut) {
                return cut
            }
            cut -= 1
        }
        return nil
    }
    static func idsOperatorNear(_ bytes: UnsafeBufferPointer<UInt8>, before cut: Int) -> Bool {
        var i = max(0, cut - idsReach)
        while i + 2 < cut {
            if bytes[i] == 0xE2 && bytes[i + 1] == 0xBF && bytes[i + 2] >= 0xB0 { return true }
            i += 1
        }
        return false
    }

    /// Splits `bytes` into pieces of about `target` bytes at safe cuts (one piece when no cut is
    /// found). Returns the end offset of each piece.
    func pieces(of bytes: UnsafeBufferPointer<UInt8>, target: Int) -> [Int] {
        var ends: [Int] = []
        var start = 0
        while bytes.count - start > target + target / 2 {
            let ideal = start + target
            let window = max(target / 4, 4096)
            let after = min(bytes.count - 1, ideal + window)
            if let cut = safeCut(in: bytes, lower: ideal - window, upper: ideal)
                ?? safeCut(in: bytes, lower: ideal, upper: after)
                ?? certainCut(in: bytes, lower: ideal - window, upper: ideal)
                ?? certainCut(in: bytes, lower: ideal, upper: after)
                ?? forcedCut(in: bytes, from: start, limit: ideal) {
                ends.append(cut)
                start = cut
            } else {
                break
            }
        }
        ends.append(bytes.count)
        return ends
    }
}

/// Where a plan converts with one table (one stage, or a fused table), a position is also a
/// safe cut when no key of that table holds the two scalars around it (the filter's key-pair
/// bits): no match can span it, so the greedy matches on either side are those of the whole
/// text. The optimistic loop restarts exact matching at the same boundaries (`OptimisticRun.swift`).
extension Plan {
    /// The one table whose key pairs decide every boundary of the plan, if there is one.
    var boundaryTable: Table? {
        if let fused { return fused }
        return stages.count == 1 && (segmentation == nil || segmentationIsFirstStage) ? stages[0] : nil
    }

    /// The largest cut in `(lower, upper]` where no key of ``boundaryTable`` holds the scalars
    /// around it, away from IDSs and compatibility ideographs (the pre-step changes those), or
    /// nil. `bytes` must be valid UTF-8.
    func certainCut(in bytes: UnsafeBufferPointer<UInt8>, lower: Int, upper: Int) -> Int? {
        guard let table = boundaryTable, let base = bytes.baseAddress else { return nil }
        var cut = min(upper, bytes.count - 1)
        let floor = max(lower, 0)
        let checkCompatibility = !normalization.isEmpty
        while cut > floor {
            if base[cut] & 0xC0 != 0x80 {
                var before = cut - 1
                while before > 0 && base[before] & 0xC0 == 0x80 { before -= 1 }
                let previous = UTF8Scalars.decode(base + before).scalar
                let current = UTF8Scalars.decode(base + cut).scalar
                if !table.keyMayHold(previous, current) && !(overrides?.table.keyMayHold(previous, current) ?? false)
                    && !(checkCompatibility && (TableSetCompiler.isCompatibilityIdeograph(previous)
                                                || TableSetCompiler.isCompatibilityIdeograph(current)))
                    && !Plan.idsOperatorNear(bytes, before: cut) {
                    return cut
                }
                cut = before
            } else {
                cut -= 1
            }
        }
        return nil
    }
}

/// When text has no scalar that no key contains (one long line of Han characters), a cut can
/// still be found by parsing: a greedy decision at `p` reads at most the longest key (or a
/// 64-scalar IDS) ahead, so a decision made with that much text available is final, and the
/// parse goes on from there whatever follows.
extension Plan {
    /// Bytes a decision can read ahead: the longest key, or an IDS of 64 scalars, in UTF-8.
    var lookahead: Int {
        4 * max(64, (normalization + stages + [segmentation].compactMap { $0 }).map(\.maxKeyLength).max() ?? 0) + 4
    }

    /// A cut in `(start, limit - lookahead]` found by parsing from `start`, which must be a
    /// boundary, or nil: a position where segmentation and every stage of the chain make a final
    /// greedy decision, followed through each stage's output. Slow (a conversion of the region
    /// with bookkeeping), and used only when no scalar of the text isolates.
    func forcedCut(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, limit: Int) -> Int? {
        // The parse follows the configuration's greedy matching, not a segmenter's decisions.
        guard segmenter == nil, let cut = parsedCut(in: bytes, from: start, limit: limit) else { return nil }
        // A user's entry may not be cut either (the parse follows the configuration alone).
        guard let overrides, let base = bytes.baseAddress else { return cut }
        var before = cut - 1
        while before > 0 && base[before] & 0xC0 == 0x80 { before -= 1 }
        let held = overrides.table.keyMayHold(UTF8Scalars.decode(base + before).scalar, UTF8Scalars.decode(base + cut).scalar)
        return held ? nil : cut
    }

    private func parsedCut(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, limit: Int) -> Int? {
        guard let base = bytes.baseAddress, limit - lookahead > start else { return nil }
        let region = UnsafeBufferPointer(rebasing: bytes[start..<limit])
        // Compatibility ideographs (normalized first by OpenCC's pre-step) are rare enough that
        // such a region simply gets no forced cut.
        if !normalization.isEmpty && Plan.mayContainCompatibility(region) { return nil }
        let origin = base + start
        let count = limit - start
        if segmentation == nil && stages.count == 1 {
            return stages[0].lastDecision(origin, count: count, final: count - lookahead).map { start + $0 }
        }
        // Segment ends in the region (the whole region is one segment without segmentation).
        var ends: [Int] = [count]
        // Segmentation's own decisions (a cut inside a matched segment would split a phrase).
        var segmentDecisions: [Int]?
        if let segmentation {
            ends.removeAll()
            var decisions: [Int] = []
            segmentation.segment(origin, origin + count, origin: origin, into: &ends,
                                 rankZeroOnly: segmentationIsFirstStage) { decisions.append($0) }
            segmentDecisions = decisions
        }
        // Candidates (position in the region, position in the current stage's input), ascending;
        // each stage keeps those where it makes a final decision too. All lists are ascending,
        // so one merge pass filters them.
        var candidates: [(original: Int, here: Int)] = []
        var input = UnsafeBufferPointer(start: origin, count: count)
        var keep = ByteBuffer(capacity: count + count / 4)
        for (i, table) in stages.enumerated() {
            let output = ByteBuffer(capacity: input.count + input.count / 4)
            var decisions: [(at: Int, out: Int)] = []
            var nextEnds: [Int] = []
            var segmentStart = 0
            for segmentEnd in ends {
                table.parse(input.baseAddress!, from: segmentStart, to: segmentEnd, into: output) { decisions.append(($0, $1)) }
                nextEnds.append(output.count)
                segmentStart = segmentEnd
            }
            let final = input.count - lookahead
            if i == 0 {
                var seeds = decisions.filter { $0.at > 0 && $0.at <= final }
                if let segmentDecisions { seeds = Plan.intersect(seeds, segmentDecisions) }
                candidates = seeds.map { ($0.at, $0.out) }
            } else {
                var kept: [(original: Int, here: Int)] = []
                var j = 0
                for c in candidates where c.here <= final {
                    while j < decisions.count && decisions[j].at < c.here { j += 1 }
                    if j < decisions.count && decisions[j].at == c.here { kept.append((c.original, decisions[j].out)) }
                }
                candidates = kept
            }
            if candidates.isEmpty { return nil }
            keep = output
            input = UnsafeBufferPointer(start: keep.base, count: keep.count)
            ends = nextEnds
        }
        return candidates.last.map { start + $0.original }
    }

    /// The decisions whose position is in `positions` (both ascending).
    static func intersect(_ decisions: [(at: Int, out: Int)], _ positions: [Int]) -> [(at: Int, out: Int)] {
        var kept: [(at: Int, out: Int)] = []
        var j = 0
        for d in decisions {
            while j < positions.count && positions[j] < d.at { j += 1 }
            if j < positions.count && positions[j] == d.at { kept.append(d) }
        }
        return kept
    }
}

extension Table {
    /// The last position in `(0, final]` where a greedy parse of `base[0..<count]` from 0 makes
    /// a decision, or nil.
    func lastDecision(_ base: UnsafePointer<UInt8>, count: Int, final: Int) -> Int? {
        var p = base
        let end = base + count
        var last: Int?
        while p - base <= final {
            if p > base { last = p - base }
            let (scalar, length) = UTF8Scalars.decode(p)
            if UTF8Scalars.isIDSOperator(scalar) {
                let ids = UTF8Scalars.idsLength(p, end)
                if ids > 0 { p += ids; continue }
            }
            p += max(length, match(p, scalar: scalar, length: length, record: record(scalar), end: end).length)
        }
        return last
    }

    /// Converts `[from, to)` of `base` like ``convert(_:_:into:)``, calling `decision` with each
    /// position where a greedy decision starts and where its output starts.
    func parse(_ base: UnsafePointer<UInt8>, from: Int, to: Int, into out: ByteBuffer, decision: (Int, Int) -> Void) {
        var p = base + from
        let end = base + to
        while p < end {
            decision(p - base, out.count)
            out.reserve(256)
            let (scalar, length) = UTF8Scalars.decode(p)
            if UTF8Scalars.isIDSOperator(scalar) {
                let ids = UTF8Scalars.idsLength(p, end)
                if ids > 0 {
                    out.append(UnsafeRawBufferPointer(start: p, count: ids))
                    p += ids
                    continue
                }
            }
            let m = match(p, scalar: scalar, length: length, record: record(scalar), end: end)
            if m.length == 0 {
                out.append(UnsafeRawBufferPointer(start: p, count: length))
                p += length
            } else {
                out.count += emit(m, to: out.base + out.count)
                p += m.length
            }
        }
    }
}
