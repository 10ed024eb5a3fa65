/// Normalizes a byte stream chunk by chunk with bounded memory; the output is identical to
/// normalizing the whole text at once with ``Normalizer/normalize(_:reporting:)``.
///
/// ```swift
/// var stream = Normalizer.standard(script: .t2s).makeStream()
/// var out: [UInt8] = []
/// try stream.write(Array("發(fā)展,穩".utf8), into: &out)
/// try stream.write(Array("定".utf8), into: &out)
/// try stream.finish(into: &out)        // out == Array("发展，稳定".utf8)
/// ```
///
/// The steps work on windows of whole lines, at most ``windowSize`` bytes: a line longer than
/// that is cut into parts at places its own bytes decide, where the script step's conversion
/// cannot change (see `WindowCutter.swift`), and no annotation, pair of parentheses or context
/// of another step crosses such a cut. What the markup and patterns protect is found once per
/// window, in order (`MarkupScanner`), and every step leaves it byte-identical. The stream holds
/// back at most one window of input, the first 64 KiB (`WindowCutter.frontMatterLimit`) while
/// front matter may be open, and what line repair holds (one line and ``LineRepairStep/blankLimit``
/// bytes of blank lines after it): so memory stays bounded whatever the input's shape. Unless
/// the stream reports or a step carries state across windows (line repair, a step of your own),
/// a window per core (at most four, `WindowBatch.swift`) goes through the steps at once,
/// the outputs written in order.
public struct NormalizationStream {
    /// The normalizer whose steps the stream runs.
    ///
    /// ```swift
    /// Normalizer.standard().makeStream().normalizer.steps.count   // 2
    /// ```
    public let normalizer: Normalizer
    /// Replace invalid UTF-8 with U+FFFD instead of throwing.
    public let lossy: Bool
    /// Whether the steps record their changes (for ``reports``); without it they cost nothing.
    public let isReporting: Bool
    /// Bytes of input accepted so far (offsets in errors count from the start of the stream).
    public private(set) var bytesConsumed = 0

    /// The largest window the steps work on at once, in bytes (1 MiB).
    ///
    /// ```swift
    /// NormalizationStream.windowSize   // 1_048_576
    /// ```
    public static let windowSize = 1 << 20
    /// This stream's window size (``windowSize``; smaller in tests, to cut lines into parts).
    let windowSize: Int

    /// Input not handed to the steps yet, validated up to `pending.validated`.
    private var pending = PendingInput()
    /// `pending.bytes[..<start]` has been handed to the steps already.
    private var start = 0
    private var cutter = WindowCutter()
    /// What the markup and patterns protect, found a window at a time (made at the first
    /// window, once the markup is known: sniffed from the text's start when not given).
    private var scanner: MarkupScanner?
    private let runners: [any StepRunner]
    /// Windows run through the steps on several cores at once (see `WindowBatch.swift`), made
    /// when a window is cut before the end of input (a text of one window, such as a field of
    /// a JSON line, never needs one); nil while they go one at a time.
    private var batch: WindowBatch?
    /// Cores a batch may use; 0 once the steps or the stream are known to need none.
    private var batchThreads: Int
    private let lines: OriginalLines?
    private var finished = false

    init(normalizer: Normalizer, lossy: Bool, reporting: Bool, windowSize: Int = NormalizationStream.windowSize,
         threads: Int = System.activeProcessorCount) {
        self.normalizer = normalizer
        self.windowSize = windowSize
        self.lossy = lossy
        isReporting = reporting
        runners = normalizer.steps.map { $0.runner(reporting: reporting) }
        switch normalizer.markup {
        case nil: cutter.sniffsMarkup = true
        case .markdown?: break
        case _?: cutter.findsBlocks = false
        }
        // A long line is cut where the script step's conversion cannot change. (Each script
        // step's plan is asked about the input text: exact for the first, and for a later one
        // only as far as the steps before it keep the text's characters.)
        cutter.plans = normalizer.steps.compactMap { ($0 as? ScriptStep)?.converter.plan }
        cutter.patterns = normalizer.patterns.compactMap { try? ProtectedPattern($0) }
        lines = reporting ? OriginalLines() : nil
        batchThreads = reporting ? 0 : threads
    }

    /// Takes more input and normalizes every whole window of it (on several cores a window may
    /// wait for the next one to go through the steps beside it; ``flush(into:)`` and
    /// ``finish(into:)`` hand everything on).
    /// - Throws: ``InvalidUTF8Error`` with the absolute byte offset, unless `lossy`.
    public mutating func write(_ chunk: some Collection<UInt8>, into output: inout [UInt8]) throws(InvalidUTF8Error) {
        pending.bytes.append(contentsOf: chunk)
        bytesConsumed += chunk.count
        try validate(final: false)
        pump(force: false, final: false) { output.append(contentsOf: $0) }
    }

    /// Normalizes every whole line written so far, now (for input that arrives a line at a time).
    /// Line repair may still hold back the last line. The output is the same as without flushing.
    public mutating func flush(into output: inout [UInt8]) {
        pump(force: true, final: false) { output.append(contentsOf: $0) }
    }

    /// Normalizes everything still pending. Call once at the end of input.
    /// - Throws: ``InvalidUTF8Error`` for a scalar cut off by the end of input, unless `lossy`.
    public mutating func finish(into output: inout [UInt8]) throws(InvalidUTF8Error) {
        try validate(final: true)
        pump(force: true, final: true) { output.append(contentsOf: $0) }
        drain { output.append(contentsOf: $0) }
    }

    /// Normalizes all the input `read` supplies and finishes, handing the result to `write` a
    /// window at a time. `read` fills a prefix of the buffer it is given and returns how many
    /// bytes it stored, 0 at the end of input; fewer than it was given means no more input is
    /// ready now, and what has arrived is normalized at once, as ``flush(into:)`` does.
    ///
    /// ```swift
    /// var stream = Normalizer.standard(script: .t2s).makeStream()
    /// try stream.normalize(
    ///     reading: { buffer in                        // from a file descriptor, say
    ///         let count = read(inputFD, buffer.baseAddress, buffer.count)
    ///         guard count >= 0 else { throw ReadError(errno) }
    ///         return count
    ///     },
    ///     writing: { bytes in try writeAll(outputFD, bytes) })
    /// ```
    /// - Throws: ``InvalidUTF8Error`` (unless `lossy`), or what `read` or `write` throws.
    public mutating func normalize(
        reading read: (UnsafeMutableRawBufferPointer) throws -> Int,
        writing write: (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        let size = windowSize
        while true {
            compact()
            let count = try pending.append(upTo: size, from: read)
            if count == 0 { break }
            bytesConsumed += count
            try validate(final: false)
            try pump(force: count < size, final: false) { try $0.withUnsafeBytes(write) }
        }
        try validate(final: true)
        try pump(force: true, final: true) { try $0.withUnsafeBytes(write) }
        try drain { try $0.withUnsafeBytes(write) }
    }

    /// Each step's changes, placed in the original text (line and column), once the stream is
    /// finished; empty unless the stream was made with `reporting: true`.
    ///
    /// ```swift
    /// var stream = Normalizer.standard().makeStream(reporting: true)
    /// var out: [UInt8] = []
    /// try stream.write(Array("你好,世界".utf8), into: &out)
    /// try stream.finish(into: &out)
    /// stream.reports[1].changes[0].column   // 3
    /// ```
    public var reports: [Normalizer.StepReport] {
        guard let lines, finished else { return [] }
        let reports = zip(normalizer.steps, runners).map { Normalizer.StepReport(step: $0.name, changes: $1.changes) }
        return lines.place(reports)
    }

    private mutating func compact() {
        pending.drop(start)
        start = 0
    }

    /// Cuts the pending input into windows and runs them through the steps (a batch of them
    /// at once, when the steps allow: then a batch not yet full waits unless `force` or `final`).
    private mutating func pump<E: Error>(force: Bool, final: Bool, _ emit: ([UInt8]) throws(E) -> Void) throws(E) {
        while true {
            let (begin, end) = (start, pending.validated)
            guard var window = pending.bytes.withUnsafeBufferPointer({
                cutter.next(UnsafeBufferPointer(rebasing: $0[begin..<end]), windowSize: windowSize, force: force, final: final)
            }) else { break }
            start += window.bytes.count
            findProtected(&window)
            lines?.add(window.bytes)
            if batch == nil, batchThreads > 1, !final {
                batch = WindowBatch(steps: normalizer.steps, threads: batchThreads)
                if batch == nil { batchThreads = 0 }
            }
            if let batch {
                if batch.add(window) { try batch.run(emit) }
            } else {
                try run(window, from: 0, emit)
            }
        }
        if force || final { try batch?.run(emit) }
        if start > pending.bytes.count / 2 { compact() }
    }

    /// Sets the window's protected ranges (none when nothing is protected).
    private mutating func findProtected(_ window: inout TextWindow) {
        if scanner == nil {
            let markup = normalizer.markup ?? cutter.sniffedMarkup ?? .markdown
            let protection = Protection(markup: markup, checked: normalizer.patterns)
            scanner = MarkupScanner(protection: protection, target: nil, keepsMarkers: true)
        }
        guard scanner?.isEmpty == false else { return }
        let blocks = window.blocks
        window.protected = window.bytes.withUnsafeBufferPointer { scanner!.protectedRanges($0, blocks: blocks) }
    }

    private func run<E: Error>(_ window: TextWindow, from first: Int, _ emit: ([UInt8]) throws(E) -> Void) throws(E) {
        var windows = [window]
        for runner in runners[first...] { windows = runner.process(all: windows) }
        for window in windows where !window.bytes.isEmpty { try emit(window.bytes) }
    }

    /// At the end of input: what each step held back goes through the steps after it.
    private mutating func drain<E: Error>(_ emit: ([UInt8]) throws(E) -> Void) throws(E) {
        for (k, runner) in runners.enumerated() {
            if let rest = runner.finish() { try run(rest, from: k + 1, emit) }
        }
        lines?.finish()
        finished = true
    }

    private mutating func validate(final: Bool) throws(InvalidUTF8Error) {
        try pending.validate(final: final, lossy: lossy)
    }
}
