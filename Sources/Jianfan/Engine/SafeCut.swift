/// Where text can be cut so that converting the pieces separately gives the same bytes as
/// converting it whole: right after a scalar that no key of the configuration contains (no match
/// can cross it, and a segment boundary there changes nothing), and never where an ideographic
/// description sequence could still be open (an IDS swallows up to 64 scalars, line breaks too).
extension Plan {
    /// How far back from a cut an IDS operator (UTF-8 `E2 BF B0`…`E2 BF BF`) rules it out.
    static let idsReach = 64 * 4

    /// The largest safe cut in `(lower, upper]`, or nil. Offsets are into `bytes`.
    func safeCut(in bytes: UnsafeBufferPointer<UInt8>, lower: Int, upper: Int) -> Int? {
        guard !isolatingScalars.isEmpty, upper > lower else { return nil }
        let encodings = isolatingScalars.map { Array(String(UnicodeScalar($0)!).utf8) }
        var cut = upper
        while cut > lower {
            // Is there an isolating scalar ending exactly at `cut`?
            let last = bytes[cut - 1]
            var found = false
            for e in encodings where e.last == last && cut - e.count >= 0 {
                if e.count == 1 || (0..<e.count).allSatisfy({ bytes[cut - e.count + $0] == e[$0] }) {
                    found = true
                    break
                }
            }
            if found && !Plan.idsOperatorNear(bytes, before: cut) { return cut }
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
            if let cut = safeCut(in: bytes, lower: ideal - window, upper: ideal)
                ?? safeCut(in: bytes, lower: ideal, upper: min(bytes.count - 1, ideal + window))
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
        guard let base = bytes.baseAddress, limit - lookahead > start else { return nil }
        let region = UnsafeBufferPointer(rebasing: bytes[start..<limit])
        // Compatibility ideographs (normalized first by OpenCC's pre-step) are rare enough that
        // such a region simply gets no forced cut.
        if !normalization.isEmpty && Plan.mayContainCompatibility(region) { return nil }
        let origin = base + start
        let count = limit - start
        // Segment ends in the region (the whole region is one segment without segmentation).
        var ends: [Int] = [count]
        var candidates: [(original: Int, here: Int)] = []
        // Segmentation's own decisions (a cut inside a matched segment would split a phrase).
        var segmentDecisions: Set<Int>?
        if let segmentation {
            ends.removeAll()
            segmentation.segment(origin, origin + count, origin: origin, into: &ends)
            var decisions = Set<Int>()
            segmentation.parse(origin, from: 0, to: count, into: ByteBuffer(capacity: count + count / 4)) { at, _ in
                decisions.insert(at)
            }
            segmentDecisions = decisions
        }
        // Follow candidates through each stage; the first stage's decisions seed them.
        var input = UnsafeBufferPointer(start: origin, count: count)
        var keep = ByteBuffer(capacity: count + count / 4)
        for (i, table) in stages.enumerated() {
            let output = ByteBuffer(capacity: input.count + input.count / 4)
            var decisions: [Int: Int] = [:]          // position in this input → in its output
            var nextEnds: [Int] = []
            var segmentStart = 0
            for segmentEnd in ends {
                table.parse(input.baseAddress!, from: segmentStart, to: segmentEnd, into: output) { decisions[$0] = $1 }
                nextEnds.append(output.count)
                segmentStart = segmentEnd
            }
            let final = input.count - lookahead
            if i == 0 {
                candidates = decisions.keys.filter { $0 > 0 && $0 <= final && segmentDecisions?.contains($0) != false }
                    .map { ($0, $0) }
            } else {
                candidates = candidates.filter { $0.here <= final && decisions[$0.here] != nil }
            }
            candidates = candidates.map { ($0.original, decisions[$0.here]!) }
            if candidates.isEmpty { return nil }
            keep = output
            input = UnsafeBufferPointer(start: keep.base, count: keep.count)
            ends = nextEnds
        }
        return candidates.map(\.original).max().map { start + $0 }
    }
}

extension Table {
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
            let record = self.record(scalar)
            var m = Match(length: 0, rank: 0, record: record, slot: -1)
            if record != 0 {
                m = record & TableFormat.hasChildren != 0
                    ? walk(p, scalar: scalar, length: length, record: record, end: end)
                    : Match(length: UInt8(truncatingIfNeeded: record >> 40) == TableFormat.noRank ? 0 : length,
                            rank: UInt8(truncatingIfNeeded: record >> 40), record: record, slot: -1)
            }
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
