/// OpenCC's maximal-match segmentation (`mmseg`) over a table: the pass of its own that plans
/// segmenting with phrases that no table of theirs holds take (`PlanExecution.swift`).
extension Table {
    /// Whether a character with `record` is no key, starts none and is no IDS operator.
    @inline(__always)
    static func extendsRun(_ record: UInt64) -> Bool {
        record == 0 || (record & (TableFormat.hasChildren | TableFormat.single) == 0
                        && TableFormat.rank(record) == TableFormat.noRank)
    }

    /// OpenCC's `mmseg` segmentation of `[start, end)`: each longest match is a segment, and the
    /// text between matches (unmatched scalars and IDSs) forms one segment. Appends the end offset
    /// (relative to `origin`) of every segment to `ends`.
    ///
    /// With `rankZeroOnly` (this is a stage's table whose rank-0 entries are the segmentation
    /// dictionary), a match of a later rank means that no segment starts here. `decision` is
    /// told every position where segmentation decides (for ``Plan/forcedCut(in:from:limit:)``).
    func segment(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>,
                 origin: UnsafePointer<UInt8>, into ends: inout [Int], rankZeroOnly: Bool = false,
                 decision: ((Int) -> Void)? = nil) {
        var p = start
        var runStart = start
        while p < end {
            if decision == nil {
                // Characters that start no key and are none (most, for a segmentation dictionary
                // of phrases) only extend the run between matches.
                var (scalar, length) = UTF8Scalars.decode(p)
                while Table.extendsRun(record(scalar)) {
                    p += length
                    if p >= end { break }
                    (scalar, length) = UTF8Scalars.decode(p)
                }
                if p >= end { break }
            }
            decision?(p - origin)
            let (scalar, length) = UTF8Scalars.decode(p)
            if UTF8Scalars.isIDSOperator(scalar) {
                let ids = UTF8Scalars.idsLength(p, end)
                if ids > 0 { p += ids; continue }
            }
            let m = match(p, scalar: scalar, length: length, record: record(scalar), end: end)
            let matched = rankZeroOnly && m.rank != 0 ? 0 : m.length
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
