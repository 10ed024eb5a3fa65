/// The segmentation seam: a segmenter cuts a span of text into segments before the
/// configuration converts it, and each segment is converted as a text of its own, so no phrase
/// of the configuration crosses a segment end. The default, OpenCC's greedy maximal matching,
/// needs no segmenter: the plan's own loops do it (`Matching.swift`, `FusedRun.swift`).
///
/// A segmenter must decide the same segments for a piece of text as for the whole text around
/// it whenever the piece is cut at a boundary of the plan (``Plan/safeCut(in:lower:upper:)``,
/// ``Plan/certainCut(in:lower:upper:)``): its decisions may depend only on the text between two
/// positions that no key of the configuration spans.
protocol Segmenter: Sendable {
    /// Appends to `ends` the end offset (relative to `span.baseAddress`) of every segment of
    /// `span`, in order; the last is `span.count`. `span` is valid UTF-8.
    func segmentEnds(_ span: UnsafeBufferPointer<UInt8>, plan: Plan, into ends: inout [Int])
}

extension Plan {
    /// Converts a span with the plan's segmenter, if it has one: segment by segment.
    func convertSegmented(_ input: UnsafeRawBufferPointer, into out: ByteBuffer, scratch: Scratch) {
        guard let segmenter, let base = input.baseAddress, input.count > 0 else {
            convertSpan(input, into: out, scratch: scratch)
            return
        }
        var ends: [Int] = []
        segmenter.segmentEnds(input.bindMemory(to: UInt8.self), plan: self, into: &ends)
        var start = 0
        for end in ends where end > start {
            convertSpan(UnsafeRawBufferPointer(start: base + start, count: end - start), into: out, scratch: scratch)
            start = end
        }
        if start < input.count {
            convertSpan(UnsafeRawBufferPointer(start: base + start, count: input.count - start), into: out, scratch: scratch)
        }
    }
}
