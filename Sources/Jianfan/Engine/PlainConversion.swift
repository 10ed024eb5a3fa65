/// The loop of a stage without segmentation (every stage of s2t, t2s, t2tw, …, and the
/// normalization pre-step): the general loop in `Matching.swift` minus segment bookkeeping, with
/// as few live values as possible, since this is where most conversions spend their time.
extension Table {
    /// Converts `[start, end)` into `out`: at each position the winning match's value is written,
    /// or the scalar (or a whole complete IDS) is copied as it is.
    /// - Precondition: the input is valid UTF-8.
    func convert(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>, into out: ByteBuffer) {
        out.reserve(end - start)
        var o = out.base + out.count
        var limit = out.base + out.capacity - ByteBuffer.slack
        var p = start
        while p < end {
            if o >= limit {
                out.count = o - out.base
                out.reserve(end - p)
                o = out.base + out.count
                limit = out.base + out.capacity - ByteBuffer.slack
            }
            let b0 = p.pointee
            if b0 < 0x80 {
                let n = ASCIIKeys(self).run(p, end, to: o, room: limit - o)
                o += n
                p += n
                if n > 0 { continue }
            }
            let (scalar, length) = b0 < 0x80 ? (UInt32(b0), 1) : UTF8Scalars.decode(p)
            let record = pages[Int(pageIndex[Int(scalar &>> 8)]) &<< 8 | Int(scalar & 0xFF)]
            let q = p + length
            var continues = false
            var key: UInt64 = 0, h: UInt64 = 0
            if q < end {
                key = TableFormat.transitionKey(parent: scalar &+ 1, scalar: UTF8Scalars.decode(q).scalar)
                h = TableFormat.mix(key)
                continues = (record &>> 49) & (mayExist(h) ? 1 : 0) != 0   // hasChildren, and the filter agrees
            }
            if !continues && record & TableFormat.single == 0 && end - p >= 4 {
                o += Table.emitSingle(record: record, from: p, length: length, to: o)
                p = q
                continue
            }
            if UTF8Scalars.isIDSOperator(scalar) {
                let ids = UTF8Scalars.idsLength(p, end)
                if ids > 0 {
                    o.update(from: p, count: ids)
                    o += ids
                    p += ids
                    continue
                }
            }
            let m = continues
                ? walk(p, length: length, record: record, key: key, hash: h, after: q + UTF8Scalars.decode(q).length, end: end)
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
    /// store either way, chosen by a mask, not a branch (a key is present, with a rank other
    /// than 0xFF; `record` must not be ``TableFormat/single``).
    @inline(__always)
    static func emitSingle(record: UInt64, from p: UnsafePointer<UInt8>, length: Int,
                           to o: UnsafeMutablePointer<UInt8>) -> Int {
        let noRank = (((record &>> 40) & 0xFF) &+ 1) &>> 8
        let keyMask = 0 &- ((record &>> 48) & ~noRank & 1)
        let copied = UInt64(UnsafeRawPointer(p).loadUnaligned(as: UInt32.self))
        let word = copied ^ ((copied ^ record) & keyMask)
        UnsafeMutableRawPointer(o).storeBytes(of: UInt32(truncatingIfNeeded: word), as: UInt32.self)
        return Int(truncatingIfNeeded: UInt64(length) ^ ((UInt64(length) ^ (record &>> 32)) & keyMask & 0xFF))
    }
}
