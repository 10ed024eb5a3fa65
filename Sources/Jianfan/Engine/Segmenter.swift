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
    /// `span`, in order (an end may repeat); the last is `span.count`. An end may carry
    /// ``SegmentEnd/kept``. `span` is valid UTF-8.
    func segmentEnds(_ span: UnsafeBufferPointer<UInt8>, plan: Plan, into ends: inout [Int])

    /// Whether text may be cut into pieces between these two scalars: a segmenter that reads
    /// further than the keys of the plan (a word lexicon) says where its decisions end, and the
    /// piece cutters (``Plan/safeCut(in:lower:upper:)``, ``Plan/certainCut(in:lower:upper:)``)
    /// keep to those positions too.
    func allowsCut(between previous: UInt32, and next: UInt32) -> Bool

    /// Whether text may be cut after this scalar whatever follows it: where the next scalar
    /// has not arrived yet (the end of a stream's input so far).
    func allowsCut(after previous: UInt32) -> Bool
}

/// What a segment end says besides its offset.
enum SegmentEnd {
    /// Set on the end of a segment that is copied as it is, not converted: text the segmenter
    /// reads as already converted (``WordLattice/Scripts``). The offset is `end & ~kept`. The
    /// second-highest bit of `Int`: no buffer reaches that offset on 64-bit or 32-bit machines
    /// (watchOS's arm64_32 included).
    static let kept = 1 << (Int.bitWidth - 2)
}

extension Segmenter {
    func allowsCut(between previous: UInt32, and next: UInt32) -> Bool { true }
    func allowsCut(after previous: UInt32) -> Bool { true }
}

extension Plan {
    /// Whether the plan's segmenter, if any, lets a piece end at `cut` (see
    /// ``Segmenter/allowsCut(between:and:)``). At the end of `bytes` the scalar that follows
    /// is not there yet (a stream's input so far): only ``Segmenter/allowsCut(after:)`` may
    /// let it end there.
    func segmenterAllowsCut(_ bytes: UnsafeBufferPointer<UInt8>, at cut: Int) -> Bool {
        guard let segmenter, let base = bytes.baseAddress, cut > 0 else { return true }
        var before = cut - 1
        while before > 0 && base[before] & 0xC0 == 0x80 { before -= 1 }
        let previous = UTF8Scalars.decode(base + before).scalar
        guard cut < bytes.count else { return segmenter.allowsCut(after: previous) }
        return segmenter.allowsCut(between: previous, and: UTF8Scalars.decode(base + cut).scalar)
    }

    /// Converts a span with the plan's segmenter, if it has one: segment by segment.
    func convertSegmented(_ input: UnsafeRawBufferPointer, into out: ByteBuffer, scratch: Scratch) {
        guard let segmenter, let base = input.baseAddress, input.count > 0 else {
            convertSpan(input, into: out, scratch: scratch)
            return
        }
        var ends: [Int] = []
        segmenter.segmentEnds(input.bindMemory(to: UInt8.self), plan: self, into: &ends)
        var start = 0
        for mark in ends {
            let end = mark & ~SegmentEnd.kept
            guard end > start else { continue }
            let segment = UnsafeRawBufferPointer(start: base + start, count: end - start)
            if mark & SegmentEnd.kept != 0 {
                out.append(segment)
            } else {
                convertSpan(segment, into: out, scratch: scratch)
            }
            start = end
        }
        if start < input.count {
            convertSpan(UnsafeRawBufferPointer(start: base + start, count: input.count - start), into: out, scratch: scratch)
        }
    }
}
