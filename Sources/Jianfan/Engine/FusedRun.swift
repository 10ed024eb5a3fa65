/// A segmented two-stage plan (s2twp, s2tw, s2hk, s2hkp) converted in one pass over its fused
/// table (``FusedTable``): the loops of a plain stage, optimistic where many characters start
/// phrases, plus one check after a walk.
///
/// The fused table's keys are the first stage's phrases, each with both stages' result, and the
/// second stage's phrases as the input writes them (*run phrases*: s2twp's `软件` → `軟體`),
/// ranked after the first. So a first-stage phrase that matches wins whatever its length, as a
/// segment does in OpenCC, and elsewhere the walk finds the second stage's longest match over
/// the first stage's output. What the table cannot hold is where a run of characters between
/// segments ends: at the next character where a first-stage phrase matches. OpenCC converts each
/// segment on its own, so a run phrase must not reach past that character; the check below cuts
/// it there. For example `U盘回家` → `U盤迴家`: `U盘` (`隨身碟`) would be a run phrase, but `盘回`
/// is a first-stage phrase of its own.
extension Table {
    /// Converts `[start, end)` into `out` with this fused table.
    /// - Precondition: the input is valid UTF-8.
    func convertFused(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>, into out: ByteBuffer) {
        convert(start, end, into: out, segmentEnds: nil, fused: true, FilterFirst.self)
    }

    /// ``walk(_:length:record:key:hash:after:end:)``, and with `fused` (a fused table, or a
    /// segmenting loop: ``SegmentingStage``) the check that a phrase of a rank after 0 stays
    /// within its run.
    @inline(__always)
    func walk(_ p: UnsafePointer<UInt8>, length: Int, record: UInt64, key: UInt64, hash: UInt64,
              after q: UnsafePointer<UInt8>, end: UnsafePointer<UInt8>, fused: Bool) -> Match {
        let m = walk(p, length: length, record: record, key: key, hash: hash, after: q, end: end)
        guard fused && m.rank != 0 && m.length > length else { return m }
        return withinRun(m, at: p, length: length, record: record, key: key, hash: hash, after: q, end: end)
    }

    /// `m`, a run phrase at `p` (whose first scalar, `length` bytes, has `record`), when no
    /// first-stage phrase matches at any of its later characters. Otherwise the run ends at the
    /// first that does, and the result is the longest match before it (the walk again, given the
    /// same first transition), which needs no check: the characters before it were checked.
    @inline(never)
    func withinRun(_ m: Match, at p: UnsafePointer<UInt8>, length: Int, record: UInt64, key: UInt64,
                   hash: UInt64, after q: UnsafePointer<UInt8>, end: UnsafePointer<UInt8>) -> Match {
        var at = p + length
        while at < p + m.length {
            let (scalar, scalarLength) = UTF8Scalars.decode(at)
            let atRecord = self.record(scalar)
            // (Most characters start no rank-0 key: no walk for them.)
            if atRecord & TableFormat.startsRankZero == 0 {
                at += scalarLength
                continue
            }
            let phrase = match(at, scalar: scalar, length: scalarLength, record: atRecord, end: end)
            if phrase.length > 0 && phrase.rank == 0 {
                return at == p + length
                    ? Match(scalarOf: record, length: length)
                    : walk(p, length: length, record: record, key: key, hash: hash, after: q, end: at)
            }
            at += scalarLength
        }
        return m
    }
}
