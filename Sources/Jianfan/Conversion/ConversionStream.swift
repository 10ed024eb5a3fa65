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
/// Chinese punctuation that is a few bytes; a line with neither is cut where a parse shows that
/// every stage makes a final decision, so memory stays bounded whatever the input's shape. (A
/// region holding CJK compatibility ideographs and no cut character waits for the next cut.)
public struct ConversionStream {
    public let converter: Converter
    /// Replace invalid UTF-8 with U+FFFD instead of throwing.
    public let lossy: Bool
    /// Bytes of input accepted so far (offsets in errors count from the start of the stream).
    public private(set) var bytesConsumed = 0
    private var pending: [UInt8] = []
    /// Offset in the stream of `pending[0]`.
    private var pendingOffset = 0
    /// How much of `pending` is validated (the rest is an incomplete scalar awaiting more input).
    private var validated = 0
    private let out = ByteBuffer()
    private let workspace = Workspace()
    /// How much validated input to hold before looking for a cut.
    private var nextAttempt = ConversionStream.flushSize
    /// `pending` up to here has been searched for a safe cut and has none.
    private var searched = 0

    /// Pending input is converted once it reaches this size (if a safe cut is found): large
    /// enough to be cut into pieces for two cores, small enough to keep memory low. (2 MB
    /// windows cost 10 MB more peak memory on a 24 MB file, and were no faster.)
    static let flushSize = 1 << 19
    /// How much a forced cut parses (see `SafeCut.swift`): its bookkeeping is per character.
    static let forcedRegion = 1 << 19

    init(converter: Converter, lossy: Bool) {
        self.converter = converter
        self.lossy = lossy
    }

    /// Takes more input and converts it in windows of about 512 KB, each cut where no match can
    /// span the cut; use ``flush(into:)`` to have everything written so far converted now.
    /// - Throws: ``InvalidUTF8Error`` with the absolute byte offset, unless `lossy`.
    public mutating func write(_ chunk: some Collection<UInt8>, into output: inout [UInt8]) throws(InvalidUTF8Error) {
        pending.append(contentsOf: chunk)
        bytesConsumed += chunk.count
        try validate(final: false)
        convertWindows(into: &output, force: false)
    }

    /// Converts everything written so far up to its last safe cut, now: for input that arrives
    /// a line at a time (a terminal, `tail -f`). The output is the same as without flushing.
    public mutating func flush(into output: inout [UInt8]) {
        convertWindows(into: &output, force: true)
    }

    private mutating func convertWindows(into output: inout [UInt8], force: Bool) {
        let plan = converter.plan
        if force && validated > 0 && validated < nextAttempt {
            let cut: Int? = pending.withUnsafeBufferPointer { bytes in
                plan.safeCut(in: UnsafeBufferPointer(rebasing: bytes[0..<validated]), lower: searched, upper: validated)
            }
            searched = max(0, validated - 4)
            if let cut {
                emit(upTo: cut, into: &output)
                searched = max(0, searched - cut)
            }
            return
        }
        while validated >= nextAttempt {
            let cut: Int? = pending.withUnsafeBufferPointer { bytes in
                let valid = UnsafeBufferPointer(rebasing: bytes[0..<validated])
                // Only the newest flush-size window is searched, so a long wait for a cut costs
                // linear time; when it has none, a parse of a bounded prefix finds one.
                return plan.safeCut(in: valid, lower: max(searched, validated - ConversionStream.flushSize), upper: validated)
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
            emit(upTo: cut, into: &output)
            searched = max(0, searched - cut)
            nextAttempt = ConversionStream.flushSize
        }
    }

    /// Converts everything still pending. Call once at the end of input.
    /// - Throws: ``InvalidUTF8Error`` for a scalar cut off by the end of input, unless `lossy`.
    public mutating func finish(into output: inout [UInt8]) throws(InvalidUTF8Error) {
        try validate(final: true)
        emit(upTo: pending.count, into: &output)
    }

    private mutating func validate(final: Bool) throws(InvalidUTF8Error) {
        while true {
            let threads = converter.maximumThreads
            let scan = pending.withUnsafeBufferPointer {
                UTF8Validation.scan(UnsafeBufferPointer(rebasing: $0[validated...]), threads: threads)
            }
            switch scan {
            case .valid(let tail):
                if tail > 0 && final {
                    if !lossy { throw InvalidUTF8Error(offset: pendingOffset + pending.count - tail) }
                    pending.replaceSubrange((pending.count - tail)..., with: [0xEF, 0xBF, 0xBD])
                    continue
                }
                validated = pending.count - tail
                return
            case .invalid(let offset, let length):
                let at = validated + offset
                if !lossy { throw InvalidUTF8Error(offset: pendingOffset + at) }
                pending.replaceSubrange(at..<(at + length), with: [0xEF, 0xBF, 0xBD])
                pendingOffset -= 3 - length
                validated = at + 3
            }
        }
    }

    private mutating func emit(upTo cut: Int, into output: inout [UInt8]) {
        guard cut > 0 else { return }
        pending.withUnsafeBytes {
            let window = UnsafeRawBufferPointer(rebasing: $0[0..<cut])
            if let pieces = converter.convertedPieces(window, parallel: true, workspace: workspace) {
                for piece in pieces { output.append(contentsOf: piece.bytes) }
            } else {
                out.removeAll()
                converter.convert(window, into: out, parallel: false, workspace: workspace)
                output.append(contentsOf: out.bytes)
            }
        }
        pending.removeSubrange(0..<cut)
        pendingOffset += cut
        validated -= cut
    }
}

/// Input that is not valid UTF-8: `offset` is the byte offset of the first bad byte.
public struct InvalidUTF8Error: Error, Equatable, Sendable, CustomStringConvertible {
    public let offset: Int
    public init(offset: Int) { self.offset = offset }
    public var description: String { "invalid UTF-8 at byte offset \(offset)" }
}
