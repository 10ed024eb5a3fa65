/// Converts a byte stream chunk by chunk with bounded memory; the output is identical to
/// converting the whole input at once.
///
/// ```swift
/// var stream = Converter(.s2t).makeStream()
/// var out: [UInt8] = []
/// try stream.write(Array("头发".utf8), into: &out)
/// try stream.finish(into: &out)        // out == Array("頭髮".utf8)
/// ```
public struct ConversionStream {
    public let converter: Converter
    /// Replace invalid UTF-8 with U+FFFD instead of throwing.
    public let lossy: Bool
    /// Bytes consumed so far (the offset of the next byte to be written).
    public private(set) var bytesConsumed = 0
    var pending: [UInt8] = []

    init(converter: Converter, lossy: Bool) {
        self.converter = converter
        self.lossy = lossy
    }

    /// Converts as much of `chunk` (plus what is pending) as can be converted without seeing more.
    /// - Throws: ``InvalidUTF8Error`` with the absolute byte offset, unless `lossy`.
    public mutating func write(_ chunk: some Collection<UInt8>, into output: inout [UInt8]) throws {
        pending.append(contentsOf: chunk) // PROVISIONAL
        bytesConsumed += chunk.count
    }

    /// Converts everything still pending. Call once at the end of input.
    public mutating func finish(into output: inout [UInt8]) throws {
        output.append(contentsOf: pending) // PROVISIONAL
        pending.removeAll()
    }
}

/// Input that is not valid UTF-8: `offset` is the byte offset of the first bad byte.
public struct InvalidUTF8Error: Error, Equatable, Sendable {
    public let offset: Int
    public init(offset: Int) { self.offset = offset }
}
