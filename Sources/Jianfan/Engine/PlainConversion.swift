/// The loop of a stage without segmentation (every stage of s2t, t2s, t2tw, …, and the
/// normalization pre-step): the general loop in `Matching.swift` minus segment bookkeeping, with
/// as few live values as possible. Runs of three-byte characters, where real text spends most
/// of its time, go through `ThreeByteRun.swift`.
extension Table {
    /// Converts `[start, end)` into `out`: at each position the winning match's value is written,
    /// or the scalar (or a whole complete IDS) is copied as it is.
    /// - Precondition: the input is valid UTF-8.
    func convert(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>, into out: ByteBuffer) {
        if prefersRecordFirst(start, end) {
            convert(start, end, into: out, segmentEnds: nil, RecordFirst.self)
        } else {
            convert(start, end, into: out, segmentEnds: nil, FilterFirst.self)
        }
    }

    /// Converts like ``convert(_:_:into:)`` with no match crossing a segment end (offsets from
    /// `start`, ascending, the last at `end`): the last stage of a segmented conversion, which
    /// needs no segment ends of its own output. A segment end is looked up only where a phrase
    /// might start, so the loop is the plain one; an empty `segmentEnds` is one segment.
    func convert(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>, into out: ByteBuffer,
                 segmentEnds: UnsafeBufferPointer<Int>) {
        if segmentEnds.isEmpty || maxKeyLength == 1 {
            // Without phrases no match can cross a segment end (a complete IDS, copied whole,
            // never does: every stage before kept it inside one segment).
            convert(start, end, into: out)
        } else if prefersRecordFirst(start, end) {
            convert(start, end, into: out, segmentEnds: segmentEnds, RecordFirst.self)
        } else {
            convert(start, end, into: out, segmentEnds: segmentEnds, FilterFirst.self)
        }
    }

    /// The loop: within `segmentEnds` when there are any, `fused` for a fused table
    /// (`FusedRun.swift`).
    @inline(__always)
    func convert<Test: PhraseTest>(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>, into out: ByteBuffer,
                                   segmentEnds: UnsafeBufferPointer<Int>?, fused: Bool = false, _: Test.Type) {
        out.reserve(end - start)
        var segment = 0   // the segment of the last position that might start a phrase
        var o = out.base + out.count
        var limit = out.base + out.capacity - ByteBuffer.slack
        var p = start
        let asciiKeys = ASCIIKeys(self)
        var carried = UnsafePointer<UInt8>(bitPattern: 1)!   // where `carriedScalar` was decoded
        var carriedScalar: UInt32 = 0, carriedLength = 0
        while p < end {
            if o >= limit {
                out.count = o - out.base
                out.reserve(end - p)
                o = out.base + out.count
                limit = out.base + out.capacity - ByteBuffer.slack
            }
            let b0 = p.pointee
            if b0 < 0x80 {
                let n = asciiKeys.run(p, end, to: o, room: limit - o)
                o += n
                p += n
                if n > 0 { continue }
            }
            if b0 & 0xF0 == 0xE0 && p <= end - 8 {
                let before = p
                if let segmentEnds {
                    // Altering keys are common in the stages that follow segmentation (the Taiwan
                    // phrases of s2twp): there the exact loop is faster.
                    var mode = SegmentedRun(origin: start, segmentEnds: segmentEnds, segment: segment)
                    run(&p, &o, end, limit, &mode, Test.self)
                    segment = mode.segment
                } else if Test.recordFirst {
                    // Few characters start phrases: the exact loop seldom looks further.
                    var mode = PlainRun()
                    run(&p, &o, end, limit, &mode, Test.self)
                } else {
                    if fused {
                        convertOptimistically(&p, &o, end: end, limit: limit, FusedRun.self)
                    } else {
                        convertOptimistically(&p, &o, end: end, limit: limit, PlainRun.self)
                    }
                }
                if p != before { continue }
            }
            let scalar: UInt32, length: Int
            if b0 < 0x80 { (scalar, length) = (UInt32(b0), 1) }
            else if p == carried { (scalar, length) = (carriedScalar, carriedLength) }
            else { (scalar, length) = UTF8Scalars.decode(p) }
            let record = pages[Int(pageIndex[Int(scalar &>> 8)]) &<< 8 | Int(scalar & 0xFF)]
            let q = p + length
            var continues = false
            var key: UInt64 = 0, h: UInt64 = 0
            // See `prefersRecordFirst`: a branch on the record, or the filter asked every time.
            if q < end && (!Test.recordFirst || record & TableFormat.hasChildren != 0) {
                (carriedScalar, carriedLength) = UTF8Scalars.decode(q)
                carried = q
                key = TableFormat.transitionKey(parent: scalar &+ 1, scalar: carriedScalar)
                h = TableFormat.mix(key)
                continues = (record &>> TableFormat.hasChildrenBit) & (mayExist(h) ? 1 : 0) != 0   // hasChildren, and the filter agrees
            }
            if !continues && record & TableFormat.single == 0 && end - p >= 4 {
                o += Table.emitSingle(record: record, from: p, length: length, to: o)
                p = q
                continue
            }
            var matchEnd = end
            if let segmentEnds {
                while start + segmentEnds[segment] <= p && segment + 1 < segmentEnds.count { segment += 1 }
                matchEnd = start + segmentEnds[segment]
                if q >= matchEnd { continues = false }
            }
            if UTF8Scalars.isIDSOperator(scalar) {
                let ids = UTF8Scalars.idsLength(p, matchEnd)
                if ids > 0 {
                    o.update(from: p, count: ids)
                    o += ids
                    p += ids
                    continue
                }
            }
            let m = continues
                ? walk(p, length: length, record: record, key: key, hash: h, after: q + carriedLength, end: matchEnd,
                       fused: fused)
                : Match(scalarOf: record, length: length)
            if m.length == 0 {
                Table.copyScalar(from: p, length: length, to: o, end: end)
                o += length
                p = q
                continue
            }
            o += emit(m, to: o)
            p += m.length
        }
        out.count = o - out.base
    }

    /// Writes a scalar's own output at `o` and returns its length: the inline value of its
    /// `record` when it is a key, else the scalar (`length` bytes at `p`, 4 readable). The same
    /// store either way, chosen by a mask, not a branch: a record that is not
    /// ``TableFormat/single`` is a key exactly when its value is inline.
    @inline(__always)
    static func emitSingle(record: UInt64, from p: UnsafePointer<UInt8>, length: Int,
                           to o: UnsafeMutablePointer<UInt8>) -> Int {
        let keyMask = 0 &- ((record &>> TableFormat.inlineValueBit) & 1)
        let copied = UInt64(UnsafeRawPointer(p).loadUnaligned(as: UInt32.self))
        let word = copied ^ ((copied ^ record) & keyMask)
        UnsafeMutableRawPointer(o).storeBytes(of: UInt32(truncatingIfNeeded: word), as: UInt32.self)
        let scalarLength = UInt64(truncatingIfNeeded: length)
        return Int(truncatingIfNeeded: scalarLength ^ ((scalarLength ^ (record &>> 32)) & keyMask & 0xFF))
    }
}
