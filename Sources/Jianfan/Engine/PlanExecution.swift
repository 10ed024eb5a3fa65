/// Buffers one conversion reuses from chunk to chunk; one per thread, never shared.
final class Scratch {
    let normalized = ByteBuffer()
    let stageA = ByteBuffer()
    let stageB = ByteBuffer()
    var ends: [Int] = []
    var nextEnds: [Int] = []
}

extension Plan {
    /// Converts one piece of valid UTF-8 that starts and ends at safe boundaries, appending to `out`.
    ///
    /// The steps are OpenCC's: the normalization pre-step over the whole piece; then, without
    /// segmentation, each stage over the whole piece; with it, the piece is segmented and every
    /// stage converts each segment on its own (a later stage's phrase never spans two segments).
    /// A plan with a fused table does the segmentation and both of its stages in one pass
    /// (`FusedRun.swift`).
    func convert(_ input: UnsafeRawBufferPointer, into out: ByteBuffer, scratch: Scratch) {
        if let overrides {
            convert(input, into: out, scratch: scratch, overrides: overrides)
        } else if segmenter != nil {
            convertSegmented(input, into: out, scratch: scratch)
        } else {
            convertSpan(input, into: out, scratch: scratch)
        }
    }

    /// A user entry wins wherever it matches (greedy longest match of the entries alone, from the
    /// start of the piece); the text between two matches is converted as a text of its own, so
    /// no phrase of the configuration reaches into a user entry from either side.
    private func convert(_ input: UnsafeRawBufferPointer, into out: ByteBuffer, scratch: Scratch, overrides: Overrides) {
        guard let base = input.baseAddress?.assumingMemoryBound(to: UInt8.self), input.count > 0 else { return }
        let table = overrides.table
        let end = base + input.count
        var p = base, gap = base
        while p < end {
            let (scalar, length) = UTF8Scalars.decode(p)
            let record = table.record(scalar)
            if record != 0 {
                let m = table.match(p, scalar: scalar, length: length, record: record, end: end)
                if m.length > 0 {
                    if gap < p { convertSegmented(UnsafeRawBufferPointer(start: gap, count: p - gap), into: out, scratch: scratch) }
                    out.reserve(overrides.longestValue)
                    out.count += table.emit(m, to: out.base + out.count)
                    p += m.length
                    gap = p
                    continue
                }
            }
            p += length
        }
        if gap < end { convertSegmented(UnsafeRawBufferPointer(start: gap, count: end - gap), into: out, scratch: scratch) }
    }

    /// Converts a span of text with the configuration alone.
    func convertSpan(_ input: UnsafeRawBufferPointer, into out: ByteBuffer, scratch: Scratch) {
        guard let inputBase = input.baseAddress?.assumingMemoryBound(to: UInt8.self), input.count > 0 else { return }
        var source = UnsafeBufferPointer(start: inputBase, count: input.count)
        for table in normalization {
            let (from, to) = (source.baseAddress!, source.baseAddress! + source.count)
            // Text without a compatibility ideograph skips a pre-step that maps only those.
            let first = normalizationIsCompatibilityOnly ? Plan.firstCompatibility(source) : 0
            if first == source.count { continue }
            let target = source.baseAddress == UnsafePointer(scratch.normalized.base) ? scratch.stageB : scratch.normalized
            target.removeAll()
            if !(normalizationIsCompatibilityOnly && table.normalizeCompatibility(from, to, scanningFrom: from + first, into: target)) {
                table.convert(from, to, into: target)
            }
            source = UnsafeBufferPointer(start: target.base, count: target.count)
        }
        let start = source.baseAddress!, end = start + source.count
        if let fused {
            fused.convertFused(start, end, into: out)
            return
        }
        if segmentingStageIsFinal, let staged = segmentingStage, stages.count == 2 {
            // Segmentation and both stages in one pass (`StagedRun.swift`).
            staged.convertStaged(start, end, into: out,
                                 restage: Table.Restage(first: stages[0], last: stages[1], scratch: scratch.stageA))
            return
        }

        guard let segmentation else {
            var current = source
            for (i, table) in stages.enumerated() {
                let target = i == stages.count - 1 ? out : (i % 2 == 0 ? scratch.stageA : scratch.stageB)
                if target !== out { target.removeAll() }
                table.convert(current.baseAddress!, current.baseAddress! + current.count, into: target)
                current = UnsafeBufferPointer(start: target.base, count: target.count)
            }
            return
        }

        // Segment, then run the first stage segment by segment (in one pass when one table does
        // both: the first stage's own, or one made for it, ``SegmentingStage``).
        scratch.ends.removeAll(keepingCapacity: true)
        let firstTarget = stages.count == 1 ? out : scratch.stageA
        if firstTarget !== out { firstTarget.removeAll() }
        if let segmenting = segmentingStage ?? (segmentationIsFirstStage ? stages[0] : nil) {
            segmenting.convertSegmenting(start, end, into: firstTarget, segmentEnds: &scratch.ends)
        } else {
            scratch.nextEnds.removeAll(keepingCapacity: true)
            segmentation.segment(start, end, origin: start, into: &scratch.nextEnds)
            let base = firstTarget.count
            stages[0].convertSegments(origin: start, ends: scratch.nextEnds, into: firstTarget, outputEnds: &scratch.ends)
            if base != 0 { for i in scratch.ends.indices { scratch.ends[i] -= base } }
        }
        guard stages.count > 1 else { return }

        // Later stages: each segment of the previous stage's output on its own.
        var current = scratch.stageA
        for i in 1..<stages.count - 1 {
            let target = current === scratch.stageA ? scratch.stageB : scratch.stageA
            target.removeAll()
            scratch.nextEnds.removeAll(keepingCapacity: true)
            stages[i].convertSegments(origin: UnsafePointer(current.base), ends: scratch.ends, into: target,
                                      outputEnds: &scratch.nextEnds)
            swap(&scratch.ends, &scratch.nextEnds)
            current = target
        }
        // The last stage: nothing after it needs its output's segment ends.
        scratch.ends.withUnsafeBufferPointer { ends in
            stages[stages.count - 1].convert(UnsafePointer(current.base), UnsafePointer(current.base) + current.count,
                                             into: out, segmentEnds: ends)
        }
    }
}
