/// The two loops every conversion is made of: converting a run of text with one table (greedy
/// longest match, as OpenCC's `Conversion`), and OpenCC's maximal-match segmentation.
extension Table {
    /// Converts `[start, end)` into `out`: at each position the winning match's value is written,
    /// or the scalar (or a whole complete IDS) is copied as it is.
    /// - Precondition: the input is valid UTF-8.
    func convert(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>, into out: ByteBuffer) {
        var unused: [Int] = []
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 1) { limit in
            limit[0] = end - start
            convert(origin: start, limits: UnsafeBufferPointer(limit), into: out, ends: &unused, mode: .plain)
        }
    }

    /// Converts like ``convert(_:_:into:)`` and also segments as OpenCC's `mmseg` would with this
    /// table's rank-0 entries, appending each segment's end offset in `out` to `segmentEnds`.
    /// Valid when the segmentation dictionary is exactly the first child of this stage's group.
    func convertSegmenting(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>, into out: ByteBuffer,
                           segmentEnds: inout [Int]) {
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 1) { limit in
            limit[0] = end - start
            convert(origin: start, limits: UnsafeBufferPointer(limit), into: out, ends: &segmentEnds, mode: .segmenting)
        }
    }

    /// Converts each segment `[origin + ends[i-1], origin + ends[i])` on its own (no match crosses
    /// a segment end), appending the output's end offset of each segment to `outputEnds`.
    func convertSegments(origin: UnsafePointer<UInt8>, ends: [Int], into out: ByteBuffer, outputEnds: inout [Int]) {
        ends.withUnsafeBufferPointer { convert(origin: origin, limits: $0, into: out, ends: &outputEnds, mode: .segments) }
    }

    enum Mode { case plain, segmenting, segments }

    @inline(__always)
    private func convert(origin: UnsafePointer<UInt8>, limits: UnsafeBufferPointer<Int>, into out: ByteBuffer,
                         ends: inout [Int], mode: Mode) {
        let recordingSegments = mode == .segmenting
        var runOpen = false
        guard let last = limits.last else { return }
        var p = origin
        var limitIndex = 0
        var end = origin + limits[0]
        out.reserve(last)
        var o = out.base + out.count
        var limit = out.base + out.capacity - ByteBuffer.slack
        let pageIndex = self.pageIndex, pages = self.pages
        let bufferEnd = origin + last
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
            let scalar: UInt32, length: Int
            if b0 < 0x80 { (scalar, length) = (UInt32(b0), 1) } else { (scalar, length) = UTF8Scalars.decode(p) }
            let record = pages[Int(pageIndex[Int(scalar >> 8)]) << 8 | Int(scalar & 0xFF)]
            if record & TableFormat.slow == 0 && bufferEnd - p >= 4
                && (!recordingSegments || record == 0 || UInt8(truncatingIfNeeded: record >> 40) != 0) {
                // A scalar that is a one-scalar key with an inline value, or no key at all:
                // the same store either way, chosen without a branch.
                let isKey = record != 0
                let copied = UnsafeRawPointer(p).loadUnaligned(as: UInt32.self)
                let word = isKey ? UInt32(truncatingIfNeeded: record) : copied
                let count = isKey ? Int(truncatingIfNeeded: (record >> 32) & 0xFF) : length
                UnsafeMutableRawPointer(o).storeBytes(of: word, as: UInt32.self)
                o += count
                p += length
                runOpen = true
                continue
            }
            if record & TableFormat.present == 0 || UTF8Scalars.isIDSOperator(scalar) {
                // Not a key; a complete IDS is copied whole (no key starts with an operator).
                if UTF8Scalars.isIDSOperator(scalar) {
                    let ids = UTF8Scalars.idsLength(p, end)
                    if ids > 0 {
                        o.update(from: p, count: ids)
                        o += ids
                        p += ids
                        runOpen = true
                        continue
                    }
                }
                Table.copyScalar(from: p, length: length, to: o, end: end)
                o += length
                p += length
                runOpen = true
                continue
            }
            let m = match(p, scalar: scalar, length: length, record: record, end: end)
            if m.length == 0 {
                Table.copyScalar(from: p, length: length, to: o, end: end)
                o += length
                p += length
                runOpen = true
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
    }

    /// The winning match at `p`, whose first scalar (`length` bytes) has `record` (0: none),
    /// not reaching past `end`. Length 0 means no key matches: the scalar is copied.
    @inline(__always)
    func match(_ p: UnsafePointer<UInt8>, scalar: UInt32, length: Int, record: UInt64,
               end: UnsafePointer<UInt8>) -> Match {
        if record & TableFormat.hasChildren != 0 && mayContinue(scalar, at: p + length, end: end) {
            return walk(p, scalar: scalar, length: length, record: record, end: end)
        }
        let rank = UInt8(truncatingIfNeeded: record >> 40)
        let isKey = record != 0 && rank != TableFormat.noRank
        return Match(length: isKey ? length : 0, rank: rank, record: record, slot: -1)
    }

    /// Whether some key may continue `scalar` with the scalar at `q`: the filter answers most
    /// "no"s here, without the call to ``walk``.
    @inline(__always)
    func mayContinue(_ scalar: UInt32, at q: UnsafePointer<UInt8>, end: UnsafePointer<UInt8>) -> Bool {
        if q >= end { return false }
        let h = TableFormat.mix(TableFormat.transitionKey(parent: scalar &+ 1, scalar: UTF8Scalars.decode(q).scalar))
        let bit = Int(truncatingIfNeeded: h >> filterShift)
        return filter[bit >> 3] & (1 << UInt8(truncatingIfNeeded: bit & 7)) != 0
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

    /// OpenCC's `mmseg` segmentation of `[start, end)`: each longest match is a segment, and the
    /// text between matches (unmatched scalars and IDSs) forms one segment. Appends the end offset
    /// (relative to `origin`) of every segment to `ends`.
    func segment(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>,
                 origin: UnsafePointer<UInt8>, into ends: inout [Int]) {
        var p = start
        var runStart = start
        while p < end {
            let (scalar, length) = UTF8Scalars.decode(p)
            if UTF8Scalars.isIDSOperator(scalar) {
                let ids = UTF8Scalars.idsLength(p, end)
                if ids > 0 { p += ids; continue }
            }
            let matched = match(p, scalar: scalar, length: length, record: record(scalar), end: end).length
            if matched == 0 {
                p += length
            } else {
                if runStart < p { ends.append(p - origin) }
                p += matched
                ends.append(p - origin)
                runStart = p
            }
        }
        if runStart < end { ends.append(end - origin) }
    }
}
