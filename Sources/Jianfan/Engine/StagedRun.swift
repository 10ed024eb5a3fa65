/// The one pass of a plan whose segmenting table does both of its stages (tw2sp, tw2s, hk2s,
/// hk2sp: ``SegmentingStage/make(segmentation:first:last:)``).
///
/// The loop is the segmenting one (`Matching.swift`, `ThreeByteRun.swift`) with the table's
/// values, the last stage's output, written as they are. It records no segment ends; it keeps
/// where the segment between matches that is open began, in the input and the output, and
/// whether a unit of it is ``TableFormat/crossable`` (a last-stage phrase may match across its
/// output). At the end of such a segment (the next match, or the end of the text) the segment's
/// output is written again, the first stage then the last over it, as OpenCC converts a
/// segment. Only segments holding such a unit (a few in a hundred in real text) cost more.
extension Table {
    /// The two stages a staged table stands for, to convert a segment again; `scratch` holds the
    /// first stage's output meanwhile.
    struct Restage {
        let first: Table
        let last: Table
        let scratch: ByteBuffer

        /// Writes what the two stages make of the segment `[start, end)`, over the output from
        /// `offset` on.
        func convert(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>, at offset: Int, into out: ByteBuffer) {
            out.count = offset
            scratch.removeAll()
            first.convertWindow(start, end, into: scratch)
            let converted = UnsafePointer(scratch.base)
            last.convertWindow(converted, converted + scratch.count, into: out)
        }
    }

    /// ``convert(_:_:into:)`` for a few characters: the loop that tests each record first,
    /// without sampling the text to choose it.
    @inline(never)
    func convertWindow(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>, into out: ByteBuffer) {
        convert(start, end, into: out, segmentEnds: nil, RecordFirst.self)
    }

    /// Converts `[start, end)` with this staged table, appending the plan's output to `out`.
    func convertStaged(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>, into out: ByteBuffer,
                       restage: Restage) {
        if prefersRecordFirst(start, end) {
            convert(origin: start, limits: [end - start], into: out, mode: .staged, RecordFirst.self, restage: restage)
        } else {
            convert(origin: start, limits: [end - start], into: out, mode: .staged, FilterFirst.self, restage: restage)
        }
    }

    /// Whether the unit `m` matched carries a staged table's mark: `record` in its record (a
    /// one-scalar key), `slotValue` in its slot's value word (a longer one).
    @inline(__always)
    private func hasMark(_ m: Match, record: UInt64, slotValue mark: UInt64) -> Bool {
        m.slot < 0 ? m.record & record != 0 : slotValue(slots[m.slot]) & mark != 0
    }

    /// Whether the unit `m` matched is ``TableFormat/crossable``.
    @inline(__always)
    func isCrossable(_ m: Match) -> Bool {
        hasMark(m, record: TableFormat.crossable, slotValue: TableFormat.slotValueCrossable)
    }

    /// Whether a later-stage phrase may cross the end of the unit `m` matched
    /// (``TableFormat/openEnd``).
    @inline(__always)
    func isOpenEnd(_ m: Match) -> Bool {
        hasMark(m, record: TableFormat.openEnd, slotValue: TableFormat.slotValueOpenEnd)
    }

    /// Whether a later-stage phrase may cross the start of the crossable unit `m` matched
    /// (``TableFormat/openStart``).
    @inline(__always)
    func isOpenStart(_ m: Match) -> Bool {
        hasMark(m, record: TableFormat.openStart, slotValue: TableFormat.slotValueOpenStart)
    }
}
