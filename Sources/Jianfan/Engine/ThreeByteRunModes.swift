/// The modes of the three-byte run (`ThreeByteRun.swift`): what a run bounds or records besides
/// converting, as the general loop of its stage would, each a type of its own that holds the
/// state only it uses. ``Table/run(_:_:_:_:_:_:)`` is generic over the mode and over the way of
/// testing for phrases (``PhraseTest``); the compiler makes one copy of the loop for each pair a
/// caller names, out of line, with the other modes' branches folded away, so that each keeps its
/// values in registers. A caller chooses the types once, where it knows them.
extension Table {
    /// How a run tests whether a phrase may start at a character (see
    /// ``prefersRecordFirst(_:_:)``).
    protocol PhraseTest {
        /// Whether the record is tested for children before the filter is asked.
        static var recordFirst: Bool { get }
    }

    /// Few characters start phrases: a branch on the record skips the filter for most.
    enum RecordFirst: PhraseTest {
        static var recordFirst: Bool { true }
    }

    /// Many characters start phrases: the filter is asked at every character, without a branch.
    enum FilterFirst: PhraseTest {
        static var recordFirst: Bool { false }
    }

    /// What a run does besides converting. Every hook has a default that does nothing; a mode
    /// implements those it needs.
    protocol RunMode {
        /// Whether a key of rank 0 (a segment, which the general loop converts) ends the run.
        static var endsAtSegments: Bool { get }
        /// Whether a phrase of a rank after 0 must stay within its run
        /// (``walk(_:length:record:key:hash:after:end:fused:)``).
        static var keepsPhrasesInRuns: Bool { get }
        /// Whether the run returns at `p`, a boundary of its matches (besides the ends of the
        /// input and of the output's room).
        func returns(at p: Input) -> Bool
        /// The end that no phrase starting at `p` may cross, when it is not the input's end.
        mutating func phraseEnd(at p: Input) -> Input?
        /// A unit that is no match of a key was written (a character, a run of ASCII): it ends
        /// at `p` in the input and `o` in the output; `safe` when no later-stage phrase crosses
        /// its end.
        mutating func wroteUnit(endingAt p: Input, output o: Output, safe: Bool)
        /// The match `m` at `p` (`length` bytes of input) was written at `[before, o)` by `table`.
        /// Returns whether the run must return after it.
        mutating func wrote(_ m: Match, at p: Input, length: Int, output before: Output, _ o: Output,
                            table: Table) -> Bool
    }

    /// A stage without segmentation.
    struct PlainRun: RunMode {}

    /// A fused table (`FusedRun.swift`): a plain stage whose run phrases stay within their run.
    struct FusedRun: RunMode {
        static var keepsPhrasesInRuns: Bool { true }
    }

    /// A plain or fused run (`Phrases`) that also returns at the first boundary of its matches
    /// past `stop`: the exact steps of the optimistic loop (`OptimisticRun.swift`).
    struct UntilStop<Phrases: RunMode>: RunMode {
        static var keepsPhrasesInRuns: Bool { Phrases.keepsPhrasesInRuns }
        let stop: Input

        @inline(__always)
        func returns(at p: Input) -> Bool { p > stop }
    }

    /// The last stage of a segmented conversion: no phrase crosses a segment end.
    struct SegmentedRun: RunMode {
        /// The segment ends (offsets from `origin`), of which `segment` is the first not behind
        /// the run.
        let origin: Input
        let segmentEnds: UnsafeBufferPointer<Int>
        var segment: Int

        @inline(__always)
        mutating func phraseEnd(at p: Input) -> Input? {
            while origin + segmentEnds[segment] <= p && segment + 1 < segmentEnds.count { segment += 1 }
            return origin + segmentEnds[segment]
        }
    }

    /// A segmenting stage: records the output offset (from `outBase`) of every segment end in
    /// `ends`; `runOpen` when output since the last segment end belongs to a segment still open.
    struct SegmentingRun: RunMode {
        static var endsAtSegments: Bool { true }
        static var keepsPhrasesInRuns: Bool { true }
        let outBase: Output
        var runOpen: Bool
        var ends: [Int]

        @inline(__always)
        mutating func wroteUnit(endingAt p: Input, output o: Output, safe: Bool) { runOpen = true }

        @inline(__always)
        mutating func wrote(_ m: Match, at p: Input, length: Int, output before: Output, _ o: Output,
                            table: Table) -> Bool {
            if m.length > 0 && m.rank == 0 && runOpen { ends.append(before - outBase) }
            runOpen = m.length == 0 || m.rank != 0
            if !runOpen { ends.append(o - outBase) }
            return false
        }
    }

    /// A staged table (`StagedRun.swift`): segmenting, and the last stage's output written. Keeps
    /// the last unit end no later-stage phrase crosses (`safeIn`, `safeOut`), and whether a
    /// crossable unit (``TableFormat/crossable``) came after it (`crossed`): the run returns
    /// right after such a unit.
    struct StagedRun: RunMode {
        static var endsAtSegments: Bool { true }
        static var keepsPhrasesInRuns: Bool { true }
        var safeIn: Input
        var safeOut: Output
        var crossed: Bool

        @inline(__always)
        mutating func wroteUnit(endingAt p: Input, output o: Output, safe: Bool) {
            if safe { (safeIn, safeOut) = (p, o) }
        }

        @inline(__always)
        mutating func wrote(_ m: Match, at p: Input, length: Int, output before: Output, _ o: Output,
                            table: Table) -> Bool {
            if m.length > 0 && m.rank != 0 && table.isCrossable(m) {
                // Nothing crosses its start: a safe end.
                if !table.isOpenStart(m) { (safeIn, safeOut) = (p, before) }
                if p != safeIn || table.isOpenEnd(m) {
                    // A window of more than this unit: the general loop goes on to the next safe
                    // end and converts again.
                    crossed = true
                    return true
                }
            }
            if m.length == 0 || m.rank == 0 || !table.isOpenEnd(m) { (safeIn, safeOut) = (p + length, o) }
            return false
        }
    }
}

extension Table.RunMode {
    static var endsAtSegments: Bool { false }
    static var keepsPhrasesInRuns: Bool { false }
    @inline(__always)
    func returns(at p: Table.Input) -> Bool { false }
    @inline(__always)
    mutating func phraseEnd(at p: Table.Input) -> Table.Input? { nil }
    @inline(__always)
    mutating func wroteUnit(endingAt p: Table.Input, output o: Table.Output, safe: Bool) {}
    @inline(__always)
    mutating func wrote(_ m: Table.Match, at p: Table.Input, length: Int, output before: Table.Output,
                        _ o: Table.Output, table: Table) -> Bool { false }
}
