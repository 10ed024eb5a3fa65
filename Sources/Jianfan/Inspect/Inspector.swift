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
    }

    /// The normalization pre-step (nil when the plan has none) and the conversion proper.
    func inspect(_ line: [UInt8]) -> (normalization: Stage?, main: Stage) {
        var text = line
        var normalization: Stage?
        if !plan.normalization.isEmpty {
            var current = line
            var steps: [[[UInt8]]] = []
            for table in plan.normalization {
                current = convert(current, with: table)
                steps.append([current])
            }
            // (OpenCC shows an empty line as one empty segment where nothing segments it.)
            normalization = Stage(input: line, segments: [line], steps: steps, output: current,
                                  segmentStarts: [0], phraseRanks: [nil])
            text = current
        }
        var ends: [Int] = []
        var ranks: [UInt8?] = []
        if let segmentation = plan.segmentation {
            segments(text, with: segmentation, rankZeroOnly: plan.segmentationIsFirstStage, ends: &ends, ranks: &ranks)
        } else {
            ends = [text.count]
            ranks = [nil]
        }
        var segments: [[UInt8]] = []
        var starts: [Int] = []
        var start = 0
        for end in ends {
            segments.append(Array(text[start..<end]))
            starts.append(start)
            start = end
        }
        var steps: [[[UInt8]]] = []
        var current = segments
        for table in plan.stages {
            current = current.map { convert($0, with: table) }
            steps.append(current)
        }
        let main = Stage(input: text, segments: segments, steps: steps, output: Array(current.joined()),
                         segmentStarts: starts, phraseRanks: ranks)
        return (normalization, main)
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
