/// The spans `opencc --ambiguities` reports: where a one-to-many entry decided the output.
///
/// Each segment starts as one span per scalar. Every stage of the chain matches the text its
/// spans make, and a match joins the spans it overlaps into one (a phrase of the second stage
/// over three characters of the first makes one span of them); a span is ambiguous when any
/// match inside it was. So an ambiguous span is the smallest piece of the stage's input (after
/// the normalization pre-step) whose output can be told apart: `什么` under s2tw (STPhrases
/// gives `什麼`, whose `麼` TWVariants lists twice) is one ambiguous span, `什麼`.
extension Inspector {
    /// A span of the normalized text and what the chain made of it.
    struct Span {
        var source: Range<Int>
        var output: [UInt8]
        var ambiguous: Bool
    }

    /// The normalized text and its spans, in order, covering it.
    func ambiguitySpans(_ text: [UInt8], keys: OneToManyKeys) -> (normalized: [UInt8], spans: [Span]) {
        let main = inspect(text).main
        var spans: [Span] = []
        for (i, segment) in main.segments.enumerated() {
            let start = main.segmentStarts[i]
            if main.phraseRanks[i] == Inspector.userEntry {
                // A user's entry: its value, decided by no dictionary of the chain.
                spans.append(Span(source: start..<start + segment.count, output: main.steps.last?[i] ?? segment, ambiguous: false))
                continue
            }
            var units: [Span] = []
            var p = 0
            while p < segment.count {
                let lead = segment[p]
                let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                units.append(Span(source: start + p..<start + p + length, output: Array(segment[p..<p + length]), ambiguous: false))
                p += length
            }
            for (stage, table) in plan.stages.enumerated() {
                units = joined(units, by: table, stage: stage, keys: keys)
            }
            spans += units
        }
        return (main.input, spans)
    }

    /// The spans after one stage: each group of spans and matches that overlap, as one span.
    private func joined(_ units: [Span], by table: Table, stage: Int, keys: OneToManyKeys) -> [Span] {
        let input = Array(units.map(\.output).joined())
        guard !input.isEmpty else { return units }
        var starts: [(input: Int, output: Int)] = []
        let out = ByteBuffer(capacity: input.count * 2 + 64)
        input.withUnsafeBufferPointer { buffer in
            table.parse(buffer.baseAddress!, from: 0, to: buffer.count, into: out) { starts.append(($0, $1)) }
        }
        starts.append((input.count, out.count))
        let output = UnsafeBufferPointer(start: out.base, count: out.count)
        var result: [Span] = []
        var next = 0, consumed = 0
        var group: Span?
        for step in 0..<(starts.count - 1) {
            let (inStart, outStart) = starts[step], (inEnd, outEnd) = starts[step + 1]
            var current = group ?? Span(source: units[next].source.lowerBound..<units[next].source.lowerBound, output: [], ambiguous: false)
            current.output += output[outStart..<outEnd]
            if keys.contains(input[inStart..<inEnd], stage: stage) { current.ambiguous = true }
            while next < units.count, consumed + units[next].output.count <= inEnd {
                current.source = current.source.lowerBound..<units[next].source.upperBound
                current.ambiguous = current.ambiguous || units[next].ambiguous
                consumed += units[next].output.count
                next += 1
            }
            if consumed == inEnd {
                result.append(current)
                group = nil
            } else {
                group = current
            }
        }
        // Spans left with nothing to show (an empty output) belong to the last one.
        while next < units.count, !result.isEmpty {
            result[result.count - 1].source = result[result.count - 1].source.lowerBound..<units[next].source.upperBound
            next += 1
        }
        return result
    }
}
