/// The loops of stages with segmentation (s2twp, tw2sp, …; see `PlainConversion.swift` for the
/// others): greedy longest match as OpenCC's `Conversion`, while segmenting, within segments
/// or with a staged table (`StagedRun.swift`). OpenCC's `mmseg` itself: `MaximalMatch.swift`.
extension Table {
    /// Converts like ``convert(_:_:into:)`` and also segments as OpenCC's `mmseg` would with this
    /// table's rank-0 entries, appending each segment's end offset in `out` to `segmentEnds`.
    /// Valid when the segmentation dictionary is exactly the first child of this stage's group.
    func convertSegmenting(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>, into out: ByteBuffer,
                           segmentEnds: inout [Int]) {
        segmentEnds = prefersRecordFirst(start, end)
            ? convert(origin: start, limits: [end - start], into: out, ends: consume segmentEnds, mode: .segmenting,
                      RecordFirst.self)
            : convert(origin: start, limits: [end - start], into: out, ends: consume segmentEnds, mode: .segmenting,
                      FilterFirst.self)
    }

    /// Converts each segment `[origin + ends[i-1], origin + ends[i])` on its own (no match crosses
    /// a segment end), appending the output's end offset of each segment to `outputEnds`.
    func convertSegments(origin: UnsafePointer<UInt8>, ends: [Int], into out: ByteBuffer, outputEnds: inout [Int]) {
        outputEnds = prefersRecordFirst(origin, origin + (ends.last ?? 0))
            ? convert(origin: origin, limits: ends, into: out, ends: consume outputEnds, mode: .segments,
                      RecordFirst.self)
            : convert(origin: origin, limits: ends, into: out, ends: consume outputEnds, mode: .segments,
                      FilterFirst.self)
    }

    /// `.staged`: segmenting with a staged table (`StagedRun.swift`), which writes the last
    /// stage's output and records no segment ends.
    enum Mode { case segmenting, segments, staged }

    /// The loop. Each scalar is decoded once: the lookahead decoded to test "may a key continue
    /// here?" is carried to the next position. A scalar that starts no longer key there (most do
    /// not) and needs nothing special is written without a branch on what it is.
    ///
    /// Returns `ends` with the ends the mode records appended: `.segmenting`, the output offsets
    /// of segment ends; `.segments`, the output offset where each segment's output ends;
    /// `.staged`, none (nor does it need any given).
    @inline(__always) @discardableResult
    func convert<Test: PhraseTest>(origin: UnsafePointer<UInt8>, limits: [Int], into out: ByteBuffer,
                                   ends: consuming [Int] = [], mode: Mode, _: Test.Type,
                                   restage: Restage? = nil) -> [Int] {
        let recordingSegments = mode == .segmenting
        let segmenting = mode != .segments
        var runOpen = false
        // `.staged`: the last unit end no later-stage phrase crosses, in the input and the output,
        // and whether a crossable unit came after it (then the units up to the next such end are
        // converted again; ``StagedRun``).
        var safeIn = origin, safeOut = out.count, crossed = false
        guard let last = limits.last else { return ends }
        var p = origin
        var limitIndex = 0
        var end = origin + limits[0]
        out.reserve(last)
        var o = out.base + out.count
        var limit = out.base + out.capacity - ByteBuffer.slack
        let pageIndex = self.pageIndex, pages = self.pages
        let asciiKeys = ASCIIKeys(self)
        let bufferEnd = origin + last
        var carried = UnsafePointer<UInt8>(bitPattern: 1)!   // where `carriedScalar` was decoded
        var carriedScalar: UInt32 = 0, carriedLength = 0
        /// `.staged`: a unit ended at `p`; at a safe end, the units since the last one are
        /// converted again if one of them was crossable.
        @inline(__always)
        func unitEnded(safe: Bool) {
            guard safe else { return }
            if crossed, let restage {
                out.count = o - out.base
                restage.convert(safeIn, p, at: safeOut, into: out)
                out.reserve(bufferEnd - p)
                o = out.base + out.count
                limit = out.base + out.capacity - ByteBuffer.slack
                crossed = false
            }
            (safeIn, safeOut) = (p, o - out.base)
        }
        while true {
            if p >= end {
                if mode == .segments { ends.append(o - out.base) }
                limitIndex += 1
                if limitIndex == limits.count { break }
                end = origin + limits[limitIndex]
                continue
            }
            if o >= limit {
                out.count = o - out.base
                out.reserve(origin + last - p)
                o = out.base + out.count
                limit = out.base + out.capacity - ByteBuffer.slack
            }
            let b0 = p.pointee
            if b0 & 0xF0 == 0xE0 && p <= end - 8 && !(mode == .staged && crossed) {
                // Within one segment (`end` is its end) converting is a plain stage's run.
                let before = p
                switch mode {
                case .segmenting:
                    var segmenting = SegmentingRun(outBase: out.base, runOpen: runOpen, ends: consume ends)
                    run(&p, &o, end, limit, &segmenting, Test.self)
                    (runOpen, ends) = (segmenting.runOpen, segmenting.ends)
                case .segments:
                    var plain = PlainRun()
                    run(&p, &o, end, limit, &plain, Test.self)
                case .staged:
                    var staged = StagedRun(safeIn: safeIn, safeOut: out.base + safeOut, crossed: crossed)
                    run(&p, &o, end, limit, &staged, Test.self)
                    (safeIn, safeOut, crossed) = (staged.safeIn, staged.safeOut - out.base, staged.crossed)
                }
                if p != before { continue }
            }
            let scalar: UInt32, length: Int
            if b0 < 0x80 {
                // A run of ASCII bytes that start no key is copied as it is.
                let n = asciiKeys.run(p, end, to: o, room: limit - o)
                if n > 0 {
                    o += n
                    p += n
                    runOpen = true
                    if mode == .staged { unitEnded(safe: true) }
                    continue
                }
                (scalar, length) = (UInt32(b0), 1)
            } else if p == carried {
                (scalar, length) = (carriedScalar, carriedLength)
            } else {
                (scalar, length) = UTF8Scalars.decode(p)
            }
            let record = pages[Int(pageIndex[Int(scalar &>> 8)]) &<< 8 | Int(scalar & 0xFF)]
            let q = p + length
            var key: UInt64 = 0, h: UInt64 = 0, continues = false
            if q < end && (!Test.recordFirst || record & TableFormat.hasChildren != 0) {   // see `PlainConversion.swift`
                let c = q.pointee
                if c < 0x80 { (carriedScalar, carriedLength) = (UInt32(c), 1) } else { (carriedScalar, carriedLength) = UTF8Scalars.decode(q) }
                carried = q
                key = TableFormat.transitionKey(parent: scalar &+ 1, scalar: carriedScalar)
                h = TableFormat.mix(key)
                continues = (record &>> TableFormat.hasChildrenBit) & (mayExist(h) ? 1 : 0) != 0   // hasChildren, and the filter agrees
            }
            let rank = TableFormat.rank(record)
            if !continues && record & TableFormat.single == 0 && bufferEnd - p >= 4
                && (!segmenting || rank != 0 || record == 0) {
                o += Table.emitSingle(record: record, from: p, length: length, to: o)
                p = q
                runOpen = true
                if mode == .staged { unitEnded(safe: record & TableFormat.openEnd == 0) }
                continue
            }
            if UTF8Scalars.isIDSOperator(scalar) {
                // A complete IDS is copied whole (no key starts with an operator).
                let ids = UTF8Scalars.idsLength(p, end)
                if ids > 0 {
                    o.update(from: p, count: ids)
                    o += ids
                    p += ids
                    runOpen = true
                    if mode == .staged { unitEnded(safe: true) }
                    continue
                }
            }
            // Segmenting, a phrase of a later rank ends where a rank-0 one (a segment) starts.
            let m = continues
                ? walk(p, length: length, record: record, key: key, hash: h, after: q + carriedLength, end: end,
                       fused: segmenting)
                : Match(scalarOf: record, length: length)
            if m.length == 0 {
                Table.copyScalar(from: p, length: length, to: o, end: end)
                o += length
                p = q
                runOpen = true
                if mode == .staged { unitEnded(safe: true) }
                continue
            }
            if mode == .staged {
                // A segment is a unit of its own; the text before it ends at a safe end too.
                // (A crossable unit alone between two safe ends needs nothing more.)
                if m.rank == 0 {
                    unitEnded(safe: true)
                } else if isCrossable(m) {
                    if !isOpenStart(m) { unitEnded(safe: true) }
                    if p != safeIn || isOpenEnd(m) { crossed = true }
                }
                o += emit(m, to: o)
                p += m.length
                unitEnded(safe: m.rank == 0 || !isOpenEnd(m))
                continue
            }
            if recordingSegments && m.rank == 0 && runOpen {
                ends.append(o - out.base)
                runOpen = false
            }
            o += emit(m, to: o)
            p += m.length
            if recordingSegments {
                if m.rank == 0 { ends.append(o - out.base) } else { runOpen = true }
            }
        }
        out.count = o - out.base
        if recordingSegments && runOpen { ends.append(out.count) }
        if mode == .staged && crossed, let restage { restage.convert(safeIn, bufferEnd, at: safeOut, into: out) }
        return ends
    }

    /// The winning match at `p`, whose first scalar (`length` bytes) has `record` (0: none),
    /// not reaching past `end`. Length 0 means no key matches: the scalar is copied.
    @inline(__always)
    func match(_ p: UnsafePointer<UInt8>, scalar: UInt32, length: Int, record: UInt64,
               end: UnsafePointer<UInt8>) -> Match {
        let q = p + length
        if record & TableFormat.hasChildren != 0 && q < end {
            // The filter answers most "no"s here, without the call to ``walk``.
            let (next, nextLength) = UTF8Scalars.decode(q)
            let key = TableFormat.transitionKey(parent: scalar &+ 1, scalar: next)
            let h = TableFormat.mix(key)
            if mayExist(h) {
                return walk(p, length: length, record: record, key: key, hash: h, after: q + nextLength, end: end)
            }
        }
        return Match(scalarOf: record, length: length)
    }

    /// Whether the transition hashed to `h` may exist (the filter has no false negatives).
    @inline(__always)
    func mayExist(_ h: UInt64) -> Bool {
        let mask = TableFormat.filterMask(h)
        return filter[Int(truncatingIfNeeded: h &>> filterShift)] & mask == mask
    }

    /// Copies one scalar; a whole word when the input has 4 bytes left (the output has slack).
    @inline(__always)
    static func copyScalar(from p: UnsafePointer<UInt8>, length: Int, to o: UnsafeMutablePointer<UInt8>,
                           end: UnsafePointer<UInt8>) {
        if end - p >= 4 {
            UnsafeMutableRawPointer(o).storeBytes(of: UnsafeRawPointer(p).loadUnaligned(as: UInt32.self), as: UInt32.self)
        } else {
            o.update(from: p, count: length)
        }
    }
}
