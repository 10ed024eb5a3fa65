/// Converts a byte stream chunk by chunk with bounded memory; the output is identical to
/// converting the whole input at once.
///
/// ```swift
/// var stream = Converter(.s2t).makeStream()
/// var out: [UInt8] = []
/// try stream.write(Array("头发".utf8), into: &out)
/// try stream.finish(into: &out)        // out == Array("頭髮".utf8)
/// ```
///
/// Input is held back only until a safe cut (see `SafeCut.swift`): in text with line breaks or
/// Chinese punctuation that is a few bytes; a line with neither is cut between two scalars no
/// key holds together, or where a parse shows that every stage makes a final decision, so
/// memory stays bounded whatever the input's shape. (A
/// region holding CJK compatibility ideographs and no cut character waits for the next cut.)
public struct ConversionStream {
    /// The converter the stream applies (``Converter/makeStream(lossy:)`` made the stream from it).
    ///
    /// ```swift
    /// Converter(.s2t).makeStream().converter.name   // "s2t"
    /// ```
    public let converter: Converter
    /// Replace invalid UTF-8 with U+FFFD instead of throwing.
    public let lossy: Bool
    /// Bytes of input accepted so far (offsets in errors count from the start of the stream).
    public private(set) var bytesConsumed = 0
    /// Input not converted yet, validated up to `pending.validated`.
    private var pending = PendingInput()
    private var validated: Int { pending.validated }
    private let out = ByteBuffer()
    private let workspace = Workspace()
    /// How much validated input to hold before looking for a cut.
    private var nextAttempt = ConversionStream.flushSize
    /// `pending` up to here has been searched for a safe cut and has none.
    private var searched = 0
    /// With the converter's ``Converter/protection``: windows of lines instead of safe cuts.
    private var protected: ProtectedConversion?

    /// Pending input is converted once it reaches this size (if a safe cut is found): large
    /// enough to be cut into pieces for two cores, small enough to keep memory low. (2 MB
    /// windows cost 10 MB more peak memory on a 24 MB file, and were no faster.)
    static let flushSize = 1 << 19
    /// How much a forced cut parses (see `SafeCut.swift`): its bookkeeping is per character.
    static let forcedRegion = 1 << 19
    /// How much ``convert(reading:writing:)`` asks `read` for at a time: 1 MiB reads convert
    /// about 10% faster than 512 KB ones (a window's work is shared by the cores in pieces, and
    /// each window costs a hand-over between threads).
    static let readSize = 1 << 20

    init(converter: Converter, lossy: Bool) {
        self.converter = converter
        self.lossy = lossy
        if !converter.protection.isEmpty {
            protected = ProtectedConversion(protection: converter.protection, target: converter.config, plan: converter.plan)
        }
    }

    /// Takes more input and converts it in windows of about 512 KB, each cut where no match can
    /// span the cut; use ``flush(into:)`` to have everything written so far converted now.
    /// - Throws: ``InvalidUTF8Error`` with the absolute byte offset, unless `lossy`.
    public mutating func write(_ chunk: some Collection<UInt8>, into output: inout [UInt8]) throws(InvalidUTF8Error) {
        pending.bytes.append(contentsOf: chunk)
        bytesConsumed += chunk.count
        try validate(final: false)
        convertWindows(force: false) { output.append(contentsOf: $0) }
    }

    /// Converts everything written so far up to its last safe cut, now: for input that arrives
    /// a line at a time (a terminal, `tail -f`). The output is the same as without flushing.
    public mutating func flush(into output: inout [UInt8]) {
        convertWindows(force: true) { output.append(contentsOf: $0) }
    }

    /// Converts all the input `read` supplies and finishes, handing the result to `write` as it
    /// is converted: input is read straight into the stream's own buffer and each converted
    /// piece goes out as it is, so no copy of either is held. The result is the same as with
    /// ``write(_:into:)`` and ``finish(into:)``; the memory held is about two 1 MiB windows.
    ///
    /// `read` fills a prefix of the buffer it is given and returns how many bytes it stored,
    /// 0 at the end of input. Fewer than it was given means no more input is ready now (a
    /// terminal, a pipe): what has arrived is converted at once, as ``flush(into:)`` does.
    ///
    /// ```swift
    /// var stream = Converter(.t2s).makeStream()
    /// try stream.convert(
    ///     reading: { buffer in                        // from a file descriptor, say
    ///         let count = read(inputFD, buffer.baseAddress, buffer.count)
    ///         guard count >= 0 else { throw ReadError(errno) }
    ///         return count
    ///     },
    ///     writing: { bytes in try writeAll(outputFD, bytes) })
    /// ```
    /// - Throws: ``InvalidUTF8Error`` (unless `lossy`), or what `read` or `write` throws. What
    ///   was converted before the error has been written; the stream is not usable afterwards.
    public mutating func convert(
        reading read: (UnsafeMutableRawBufferPointer) throws -> Int,
        writing write: (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        while true {
            let count = try pending.append(upTo: ConversionStream.readSize, from: read)
            if count == 0 { break }
            bytesConsumed += count
            try validate(final: false)
            try convertWindows(force: false, to: write)
            if count < ConversionStream.readSize { try convertWindows(force: true, to: write) }
        }
        try validate(final: true)
        try finishWindows(to: write)
    }

    /// Converts pending input up to a safe cut when enough of it has arrived (or, with `force`,
    /// whatever it holds), handing each converted piece to `consume`.
    private mutating func convertWindows<E: Error>(
        force: Bool, to consume: (UnsafeRawBufferPointer) throws(E) -> Void
    ) throws(E) {
        if protected != nil { return try convertProtected(force: force, final: false, to: consume) }
        let plan = converter.plan
        if force && validated > 0 && validated < nextAttempt {
            let cut: Int? = pending.bytes.withUnsafeBufferPointer { bytes in
                plan.safeCut(in: UnsafeBufferPointer(rebasing: bytes[0..<validated]), lower: searched, upper: validated)
            }
            searched = max(0, validated - 4)
            if let cut {
                try emit(upTo: cut, to: consume)
                searched = max(0, searched - cut)
            }
            return
        }
        while validated >= nextAttempt {
            let cut: Int? = pending.bytes.withUnsafeBufferPointer { bytes in
                let valid = UnsafeBufferPointer(rebasing: bytes[0..<validated])
                // Only the newest flush-size window is searched, so a long wait for a cut costs
                // linear time; when it has none, a parse of a bounded prefix finds one.
                return plan.safeCut(in: valid, lower: max(searched, validated - ConversionStream.flushSize), upper: validated)
                    ?? plan.certainCut(in: valid, lower: validated - ConversionStream.flushSize, upper: validated)
                    ?? plan.forcedCut(in: valid, from: 0, limit: min(validated, ConversionStream.forcedRegion))
            }
            // Bytes already searched hold no cut; an isolating scalar is at most 4 bytes long.
            searched = max(0, validated - 4)
            guard let cut else {
                // Nothing to cut yet (e.g. a line whose segments never close): try again only
                // after another flush-size of input, not on every chunk.
                nextAttempt = validated + ConversionStream.flushSize
                return
            }
            try emit(upTo: cut, to: consume)
            searched = max(0, searched - cut)
            nextAttempt = ConversionStream.flushSize
        }
    }

    /// Converts everything still pending. Call once at the end of input.
    /// - Throws: ``InvalidUTF8Error`` for a scalar cut off by the end of input, unless `lossy`.
    public mutating func finish(into output: inout [UInt8]) throws(InvalidUTF8Error) {
        try validate(final: true)
        finishWindows { output.append(contentsOf: $0) }
    }

    private mutating func finishWindows<E: Error>(to consume: (UnsafeRawBufferPointer) throws(E) -> Void) throws(E) {
        if protected != nil {
            try convertProtected(force: false, final: true, to: consume)
        } else {
            try emit(upTo: pending.bytes.count, to: consume)
        }
    }

    /// With protection: the windows of whole lines ``ProtectedConversion`` cuts.
    private mutating func convertProtected<E: Error>(
        force: Bool, final: Bool, to consume: (UnsafeRawBufferPointer) throws(E) -> Void
    ) throws(E) {
        guard var state = protected.take() else { return }
        defer { protected = state }
        try state.drain(&pending, force: force, final: final,
                        converter: converter, out: out, workspace: workspace, to: consume)
    }

    private mutating func validate(final: Bool) throws(InvalidUTF8Error) {
        try pending.validate(final: final, lossy: lossy, threads: converter.maximumThreads)
    }

    /// Converts `pending[..<cut]` and drops it, then hands the result to `consume` piece by piece
    /// (each piece is valid only during its call).
    private mutating func emit<E: Error>(
        upTo cut: Int, to consume: (UnsafeRawBufferPointer) throws(E) -> Void
    ) throws(E) {
        guard cut > 0 else { return }
        let pieces: ArraySlice<ByteBuffer> = pending.bytes.withUnsafeBytes {
            let window = UnsafeRawBufferPointer(rebasing: $0[0..<cut])
            if let pieces = converter.convertedPieces(window, parallel: true, workspace: workspace) {
                return pieces
            }
            out.removeAll()
            converter.convert(window, into: out, parallel: false, workspace: workspace)
            return [out]
        }
        pending.drop(cut)
        for piece in pieces { try consume(piece.bytes) }
    }
}

/// Input that is not valid UTF-8: `offset` is the byte offset of the first bad byte.
public struct InvalidUTF8Error: Error, Equatable, Sendable, CustomStringConvertible {
    /// The offset of the first invalid byte, counted from the start of the input (for a stream,
    /// from its first byte, whatever the chunks were).
    ///
    /// ```swift
    /// print("bad byte at \(error.offset)")
    /// ```
    public let offset: Int
    /// An error at this byte offset.
    ///
    /// ```swift
    /// throw InvalidUTF8Error(offset: 17)
    /// ```
    public init(offset: Int) { self.offset = offset }
    /// `invalid UTF-8 at byte offset N`.
    ///
    /// ```swift
    /// InvalidUTF8Error(offset: 17).description   // "invalid UTF-8 at byte offset 17"
    /// ```
    public var description: String { "invalid UTF-8 at byte offset \(offset)" }
}
