/// The copies of the three-byte run (`ThreeByteRun.swift`), one per mode and way of testing for
/// phrases, each out of line so that it keeps its values in registers. (The staged ones are in
/// `StagedRun.swift`.)
extension Table {
    /// The plain run, which also returns at the first boundary of its matches past `stop`.
    @inline(never)
    func runPlain(_ p: inout Input, _ o: inout Output, _ end: Input, _ limit: Output,
                  _ state: inout RunState, _ ends: inout [Int], stop: UnsafePointer<UInt8>? = nil) {
        run(&p, &o, end, limit, &state, &ends, .plain, recordFirst: false, stop: stop ?? end)
    }

    /// The fused run, which also returns at the first boundary of its matches past `stop`.
    @inline(never)
    func runFused(_ p: inout Input, _ o: inout Output, _ end: Input, _ limit: Output,
                  _ state: inout RunState, _ ends: inout [Int], stop: UnsafePointer<UInt8>) {
        run(&p, &o, end, limit, &state, &ends, .fused, recordFirst: false, stop: stop)
    }

    @inline(never)
    func runPlainRecordFirst(_ p: inout Input, _ o: inout Output, _ end: Input, _ limit: Output,
                                     _ state: inout RunState, _ ends: inout [Int]) {
        run(&p, &o, end, limit, &state, &ends, .plain, recordFirst: true, stop: end)
    }

    @inline(never)
    func runSegmented(_ p: inout Input, _ o: inout Output, _ end: Input, _ limit: Output,
                              _ state: inout RunState, _ ends: inout [Int]) {
        run(&p, &o, end, limit, &state, &ends, .segmented, recordFirst: false, stop: end)
    }

    @inline(never)
    func runSegmentedRecordFirst(_ p: inout Input, _ o: inout Output, _ end: Input, _ limit: Output,
                                         _ state: inout RunState, _ ends: inout [Int]) {
        run(&p, &o, end, limit, &state, &ends, .segmented, recordFirst: true, stop: end)
    }

    @inline(never)
    func runSegmenting(_ p: inout Input, _ o: inout Output, _ end: Input, _ limit: Output,
                               _ state: inout RunState, _ ends: inout [Int]) {
        run(&p, &o, end, limit, &state, &ends, .segmenting, recordFirst: false, stop: end)
    }

    @inline(never)
    func runSegmentingRecordFirst(_ p: inout Input, _ o: inout Output, _ end: Input, _ limit: Output,
                                          _ state: inout RunState, _ ends: inout [Int]) {
        run(&p, &o, end, limit, &state, &ends, .segmenting, recordFirst: true, stop: end)
    }
}
