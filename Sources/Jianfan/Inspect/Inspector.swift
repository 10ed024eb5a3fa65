/// The steps of one conversion laid open, as `opencc --inspect` and `--segmentation` show them:
/// the normalization pre-step, the segments, and what each stage of the chain makes of each
/// segment. Computed by plain greedy matching over the plan's own tables (no fast loop), so it
/// costs a few times a conversion; the final output is the converter's.
struct Inspector {
    let plan: Plan

    /// One pipeline stage: its input, its segments, and each chain step's output per segment.
    struct Stage {
        var input: [UInt8]
        var segments: [[UInt8]]
        var steps: [[[UInt8]]]
        var output: [UInt8]
        /// Where each segment starts in `input` (bytes), and the rank of the match that made a
        /// segment of a phrase (nil for a run of text between phrases).
        var segmentStarts: [Int]
        var phraseRanks: [UInt8?]
        /// The word segmenter's choices (offsets in `input`); empty without it.
        var decisions: [WordLattice.Decision] = []
    }

    /// The rank that marks a segment made by a user's entry (``Plan/overrides``).
    static let userEntry: UInt8 = 0xFE
    /// The rank that marks a word the word segmenter keeps as it is (already converted).
    static let keptWord: UInt8 = 0xFD

    /// The normalization pre-step (nil when the plan has none) and the conversion proper. A
    /// user's entries are matched on the line first, as the converter does: each match is a
    /// segment of its own whose value every stage leaves alone.
    func inspect(_ line: [UInt8]) -> (normalization: Stage?, main: Stage) {
        let parts = userEntries(line)
        var normalizedParts = parts
        var normalization: Stage?
        if !plan.normalization.isEmpty {
            var steps: [[[UInt8]]] = []
            for table in plan.normalization {
                for i in normalizedParts.indices where normalizedParts[i].value == nil {
                    normalizedParts[i].text = convert(normalizedParts[i].text, with: table)
                }
                steps.append([Array(normalizedParts.map(\.text).joined())])
            }
            // (OpenCC shows an empty line as one empty segment where nothing segments it.)
            normalization = Stage(input: line, segments: [line], steps: steps, output: steps.last![0],
                                  segmentStarts: [0], phraseRanks: [nil])
        }
        let text = Array(normalizedParts.map(\.text).joined())
        var segments: [[UInt8]] = [], starts: [Int] = [], ranks: [UInt8?] = [], values: [[UInt8]?] = []
        var offset = 0
        var decisions: [WordLattice.Decision] = []
        for part in normalizedParts {
            if let value = part.value {
                segments.append(part.text); starts.append(offset); ranks.append(Inspector.userEntry); values.append(value)
            } else {
                for (piece, kept) in pieces(part.text, offset: offset, decisions: &decisions) {
                    let text = Array(part.text[piece])
                    if kept {
                        segments.append(text); starts.append(offset + piece.lowerBound); ranks.append(Inspector.keptWord); values.append(text)
                        continue
                    }
                    var ends: [Int] = [], partRanks: [UInt8?] = []
                    if let segmentation = plan.segmentation {
                        self.segments(text, with: segmentation, rankZeroOnly: plan.segmentationIsFirstStage, ends: &ends, ranks: &partRanks)
                    } else {
                        (ends, partRanks) = ([text.count], [nil])
                    }
                    var start = 0
                    for (end, rank) in zip(ends, partRanks) {
                        segments.append(Array(text[start..<end])); starts.append(offset + piece.lowerBound + start); ranks.append(rank); values.append(nil)
                        start = end
                    }
                }
            }
            offset += part.text.count
        }
        var steps: [[[UInt8]]] = []
        var current = segments
        for table in plan.stages {
            current = current.indices.map { values[$0] ?? convert(current[$0], with: table) }
            steps.append(current)
        }
        let main = Stage(input: text, segments: segments, steps: steps, output: Array(current.joined()),
                         segmentStarts: starts, phraseRanks: ranks, decisions: decisions)
        return (normalization, main)
    }

    /// The pieces the plan's segmenter cuts `text` into (the whole text without one), and
    /// whether each is kept as it is; the word segmenter's choices are appended to `decisions`
    /// with offsets moved by `offset`.
    func pieces(_ text: [UInt8], offset: Int, decisions: inout [WordLattice.Decision]) -> [(Range<Int>, Bool)] {
        guard let segmenter = plan.segmenter, !text.isEmpty else { return [(0..<text.count, false)] }
        var ends: [Int] = []
        var found: [WordLattice.Decision]? = []
        text.withUnsafeBufferPointer { buffer in
            if let words = segmenter as? WordSegmenter {
                words.segmentEnds(buffer, plan: plan, into: &ends, decisions: &found)
            } else {
                segmenter.segmentEnds(buffer, plan: plan, into: &ends)
            }
        }
        for var d in found ?? [] {
            d.window = offset + d.window.lowerBound..<offset + d.window.upperBound
            d.chosen = d.chosen.map { $0 + offset }
            d.greedy = d.greedy.map { $0 + offset }
            decisions.append(d)
        }
        var result: [(Range<Int>, Bool)] = [], start = 0
        for mark in ends {
            let end = mark & ~SegmentEnd.kept
            guard end > start else { continue }
            result.append((start..<end, mark & SegmentEnd.kept != 0))
            start = end
        }
        if start < text.count { result.append((start..<text.count, false)) }
        return result
    }

    /// The line cut at the user's entries: text between them, and each match with its value.
    func userEntries(_ line: [UInt8]) -> [(text: [UInt8], value: [UInt8]?)] {
        guard let overrides = plan.overrides, !line.isEmpty else { return [(line, nil)] }
        var parts: [(text: [UInt8], value: [UInt8]?)] = []
        line.withUnsafeBufferPointer { buffer in
            let base = buffer.baseAddress!, end = base + buffer.count
            var p = base, gap = base
            let out = ByteBuffer(capacity: overrides.longestValue + 1024)
            while p < end {
                let (scalar, length) = UTF8Scalars.decode(p)
                let record = overrides.table.record(scalar)
                let m = record == 0 ? Table.Match(length: 0, rank: 0, record: 0, slot: -1)
                    : overrides.table.match(p, scalar: scalar, length: length, record: record, end: end)
                if m.length > 0 {
                    if gap < p { parts.append((Array(UnsafeBufferPointer(start: gap, count: p - gap)), nil)) }
                    out.removeAll()
                    out.reserve(overrides.longestValue)
                    out.count = overrides.table.emit(m, to: out.base)
                    parts.append((Array(UnsafeBufferPointer(start: p, count: m.length)), Array(out.bytes)))
                    p += m.length
                    gap = p
                } else {
                    p += length
                }
            }
            if gap < end { parts.append((Array(UnsafeBufferPointer(start: gap, count: end - gap)), nil)) }
        }
        return parts
    }

    /// OpenCC's maximal-match segmentation: each longest match is a segment (its rank kept), the
    /// text between matches one segment.
    func segments(_ text: [UInt8], with table: Table, rankZeroOnly: Bool, ends: inout [Int], ranks: inout [UInt8?]) {
        text.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let end = base + buffer.count
            var p = base, runStart = base
            while p < end {
                let (scalar, length) = UTF8Scalars.decode(p)
                if UTF8Scalars.isIDSOperator(scalar) {
                    let ids = UTF8Scalars.idsLength(p, end)
                    if ids > 0 { p += ids; continue }
                }
                let m = table.match(p, scalar: scalar, length: length, record: table.record(scalar), end: end)
                if m.length == 0 || (rankZeroOnly && m.rank != 0) {
                    p += length
                    continue
                }
                if runStart < p { ends.append(p - base); ranks.append(nil) }
                p += m.length
                ends.append(p - base)
                ranks.append(m.rank)
                runStart = p
            }
            if runStart < end { ends.append(buffer.count); ranks.append(nil) }
        }
    }

    /// Greedy longest match of `text` with `table`, as one segment.
    func convert(_ text: [UInt8], with table: Table) -> [UInt8] {
        let out = ByteBuffer(capacity: text.count * 2 + 64)
        text.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            table.parse(base, from: 0, to: buffer.count, into: out) { _, _ in }
        }
        return Array(UnsafeBufferPointer(start: out.base, count: out.count))
    }
}
