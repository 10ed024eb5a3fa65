/// A stretch of text the steps of a ``NormalizationStream`` work on at once: whole lines, or a
/// part of a line longer than ``NormalizationStream/windowSize``.
///
/// Every step treats a window's ends as the ends of a line (no context, pair of parentheses or
/// annotation spans two windows), and windows of whole lines change nothing there, since every
/// step but line repair works within a line. Only the parts of a very long line are cut where
/// the text did not break: always at the same places (see `WindowCutter`), so a stream and a
/// whole text make the same windows' worth of decisions.
struct TextWindow {
    var bytes: [UInt8]
    /// Byte ranges of front matter and fenced code: whole lines, in order, copied by every step.
    var blocks: [Range<Int>]
    /// The window ends where its last line ends (false for a part of a long line but the last).
    var endsLine: Bool
    /// Byte ranges outside the blocks that the markup and patterns protect (`MarkupScanner`):
    /// in order, disjoint; every step copies them as they are and moves them to its output.
    var protected: [Range<Int>] = []

    init(bytes: [UInt8], blocks: [Range<Int>], endsLine: Bool, protected: [Range<Int>] = []) {
        self.bytes = bytes
        self.blocks = blocks
        self.endsLine = endsLine
        self.protected = protected
    }

    /// The spans between blocks, each followed by the block after it (nil after the last span).
    func spans() -> [(span: Range<Int>, block: Range<Int>?)] {
        var result: [(Range<Int>, Range<Int>?)] = []
        var start = 0
        for block in blocks {
            result.append((start..<block.lowerBound, block))
            start = block.upperBound
        }
        result.append((start..<bytes.count, nil))
        return result
    }
}

/// The state of one step in a stream: it takes windows, returns windows.
protocol StepRunner: AnyObject {
    /// The step's output for `window`, in windows that end where an output line ends or where
    /// the text decides (a step may hold back the end of it for the next call).
    func process(_ window: TextWindow) -> [TextWindow]
    /// Whatever the step held back, at the end of the input.
    func finish() -> TextWindow?
    /// The changes so far, ranges in scalars of the step's whole input (empty unless reporting).
    var changes: [Normalizer.Change] { get }
    /// The bytes of a window this runner has processed, no longer needed: a runner may write
    /// its next output into them.
    func recycle(_ bytes: [UInt8])
}

extension StepRunner {
    func recycle(_ bytes: [UInt8]) {}

    /// Runs `windows` through the step, handing each one's bytes back to it once processed.
    func process(all windows: [TextWindow]) -> [TextWindow] {
        var input = windows
        var output: [TextWindow] = []
        for k in input.indices {
            output += process(input[k])
            let bytes = input[k].bytes
            input[k].bytes = []
            recycle(bytes)
        }
        return output
    }
}

/// A byte array kept from one window to the next, so that each window's output is written
/// into storage already in memory: a fresh 1 MiB array per window and step costs page faults
/// (about a tenth of `normalize`'s time before).
struct SpareBytes {
    private var bytes: [UInt8] = []

    /// An empty array with room for `capacity` bytes, in the kept storage if it has room.
    mutating func take(capacity: Int) -> [UInt8] {
        var taken = bytes
        bytes = []
        taken.removeAll(keepingCapacity: true)
        taken.reserveCapacity(capacity)
        return taken
    }

    /// Keeps `array`'s storage for the next ``take(capacity:)`` (the larger of two).
    mutating func keep(_ array: [UInt8]) {
        if array.capacity > bytes.capacity { bytes = array }
    }
}

/// Writes a step's output window: text copied or replaced, blocks copied whole with their new
/// places recorded, and the input window's protected ranges followed to where copies put them.
struct WindowWriter {
    var bytes: [UInt8] = []
    var blocks: [Range<Int>] = []
    /// The output's protected ranges so far.
    private(set) var protected: [Range<Int>] = []
    /// The input's protected ranges, and the first not yet wholly copied.
    private var source: [Range<Int>] = []
    private var nextSource = 0

    init(capacity: Int, protecting source: [Range<Int>] = []) {
        bytes.reserveCapacity(capacity)
        self.source = source
    }

    /// A writer into the spare's storage.
    init(capacity: Int, reusing spare: inout SpareBytes, protecting source: [Range<Int>] = []) {
        bytes = spare.take(capacity: capacity)
        self.source = source
    }

    mutating func copy(_ s: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        guard !range.isEmpty else { return }
        if nextSource < source.count { follow(range) }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: s[range]))
    }

    /// Records where the input's protected ranges within `range` land, as `range` is copied next.
    private mutating func follow(_ range: Range<Int>) {
        let shift = bytes.count - range.lowerBound
        while nextSource < source.count, source[nextSource].lowerBound < range.upperBound {
            let p = source[nextSource]
            if p.upperBound > range.lowerBound {
                let lower = max(p.lowerBound, range.lowerBound), upper = min(p.upperBound, range.upperBound)
                appendProtected((lower + shift)..<(upper + shift))
                if p.upperBound > range.upperBound { break } // its rest comes with the next copy
            }
            nextSource += 1
        }
    }

    private mutating func appendProtected(_ range: Range<Int>) {
        if let last = protected.last, last.upperBound == range.lowerBound {
            protected[protected.count - 1] = last.lowerBound..<range.upperBound
        } else {
            protected.append(range)
        }
    }

    mutating func copyBlock(_ s: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        let start = bytes.count
        copy(s, range)
        if let last = blocks.last, last.upperBound == start {
            blocks[blocks.count - 1] = last.lowerBound..<bytes.count
        } else if !range.isEmpty {
            blocks.append(start..<bytes.count)
        }
    }

    /// Appends output held back from an earlier window, with its protected ranges.
    mutating func append(held: [UInt8], protected ranges: [Range<Int>]) {
        let base = bytes.count
        for range in ranges { appendProtected((range.lowerBound + base)..<(range.upperBound + base)) }
        bytes.append(contentsOf: held)
    }

    /// Removes the output from `start` on, returning it with its protected ranges (a range
    /// across `start` is split: both parts stay protected).
    mutating func removeTail(from start: Int) -> (bytes: [UInt8], protected: [Range<Int>]) {
        let tail = Array(bytes[start...])
        var ranges: [Range<Int>] = []
        while let last = protected.last, last.upperBound > start {
            protected.removeLast()
            ranges.append((max(last.lowerBound, start) - start)..<(last.upperBound - start))
            if last.lowerBound < start { protected.append(last.lowerBound..<start) }
        }
        bytes.removeSubrange(start...)
        return (tail, ranges.reversed())
    }

    /// The output so far as a window, and the writer emptied to go on with the same input.
    mutating func handOff(endsLine: Bool) -> TextWindow {
        let window = self.window(endsLine: endsLine)
        bytes = []
        blocks = []
        protected = []
        return window
    }

    func window(endsLine: Bool) -> TextWindow {
        TextWindow(bytes: bytes, blocks: blocks, endsLine: endsLine, protected: protected)
    }
}

/// Records a step's changes with scalar offsets into the step's input, counting scalars only up
/// to each change (and only when reporting: otherwise every call returns at once).
struct ChangeRecorder {
    let isOn: Bool
    private(set) var changes: [Normalizer.Change] = []
    /// Scalars of the step's input before the current buffer.
    private var base = 0
    private var countedTo = 0
    private var countedScalars = 0
    private var lastMerges = false

    init(isOn: Bool) { self.isOn = isOn }

    /// Starts a buffer whose first scalar is scalar `base` of the step's input.
    mutating func begin(base: Int) {
        self.base = base
        countedTo = 0
        countedScalars = 0
        lastMerges = false
    }

    /// The scalar offset, in the step's input, of byte `i` of the current buffer.
    mutating func offset(of i: Int, in s: UnsafeBufferPointer<UInt8>) -> Int {
        if i < countedTo {
            countedTo = 0
            countedScalars = 0
        }
        countedScalars += UTF8Text.scalarCount(s, countedTo..<i)
        countedTo = i
        return base + countedScalars
    }

    /// `s[range]` became `after`. With `merging`, a change right after a previous merging one
    /// extends it, so a run (`ＡＢＣ１２３`) is one change; the run's strings grow by appending, so
    /// a run of any length costs linear time.
    mutating func record(
        _ s: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, after: String, unverified: Bool = false, merging: Bool = false
    ) {
        guard isOn else { return }
        let start = offset(of: range.lowerBound, in: s)
        let end = offset(of: range.upperBound, in: s)
        let before = UTF8Text.string(s, range)
        if merging, lastMerges, let last = changes.last, last.range.upperBound == start, last.isUnverified == unverified {
            changes[changes.count - 1].extend(to: end, before: before, after: after)
        } else {
            changes.append(Normalizer.Change(range: start..<end, before: before, after: after, isUnverified: unverified))
        }
        lastMerges = merging
    }

    /// Adds changes found another way (already in the step's input offsets).
    mutating func append(_ change: Normalizer.Change) {
        guard isOn else { return }
        changes.append(change)
        lastMerges = false
    }
}
