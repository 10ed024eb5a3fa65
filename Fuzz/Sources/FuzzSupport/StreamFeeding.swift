import Jianfan

/// A stream that takes text in chunks: ``ConversionStream`` and ``NormalizationStream`` alike,
/// so that one feeder drives both the same way.
public protocol ChunkedStream {
    var bytesConsumed: Int { get }
    mutating func write(_ chunk: some Collection<UInt8>, into output: inout [UInt8]) throws(InvalidUTF8Error)
    mutating func flush(into output: inout [UInt8])
    mutating func finish(into output: inout [UInt8]) throws(InvalidUTF8Error)
    /// The stream's own loop over `read` (`convert(reading:writing:)`, `normalize(reading:writing:)`).
    mutating func pump(reading read: (UnsafeMutableRawBufferPointer) throws -> Int,
                       writing write: (UnsafeRawBufferPointer) throws -> Void) throws
}

extension ConversionStream: ChunkedStream {
    /// `convert(reading:writing:)`.
    public mutating func pump(reading read: (UnsafeMutableRawBufferPointer) throws -> Int,
                              writing write: (UnsafeRawBufferPointer) throws -> Void) throws {
        try convert(reading: read, writing: write)
    }
}

extension NormalizationStream: ChunkedStream {
    /// `normalize(reading:writing:)`.
    public mutating func pump(reading read: (UnsafeMutableRawBufferPointer) throws -> Int,
                              writing write: (UnsafeRawBufferPointer) throws -> Void) throws {
        try normalize(reading: read, writing: write)
    }
}

/// The two ways of feeding a stream, in chunk sizes a generator picks.
///
/// ```swift
/// try StreamFeeding.write(text, to: &stream, into: &output, random: &random)
/// ```
public enum StreamFeeding {
    /// Chunks of 0 to 63 bytes through `write`, with a `flush` after about one chunk in eight.
    public static func write<S: ChunkedStream>(
        _ text: [UInt8], to stream: inout S, into output: inout [UInt8], random: inout SplitMix64
    ) throws {
        var start = 0
        while start < text.count {
            let end = min(text.count, start + random.next(below: 64))
            try stream.write(text[start..<end], into: &output)
            if random.next(below: 8) == 0 { stream.flush(into: &output) }
            start = end
        }
        try stream.finish(into: &output)
    }

    /// The stream's reading loop with reads of 1 to 64 bytes (each short read makes the stream
    /// process what it holds, as a pipe's would).
    public static func read<S: ChunkedStream>(
        _ text: [UInt8], to stream: inout S, into output: inout [UInt8], random: inout SplitMix64
    ) throws {
        var start = 0
        try stream.pump(
            reading: { buffer in
                let count = min(text.count - start, buffer.count, 1 + random.next(below: 64))
                buffer.copyBytes(from: text[start..<(start + count)])
                start += count
                return count
            },
            writing: { bytes in output.append(contentsOf: bytes) })
    }

    /// Feeds `text` to `stream`, through `write` (or its reading loop with `readingLoop`), and
    /// checks the outcome: valid text (or any, `lossy`) must give `expected`, with every byte
    /// counted; invalid text must throw ``InvalidUTF8Error`` at the validator's offset.
    public static func check<S: ChunkedStream>(
        _ text: [UInt8], to stream: inout S, readingLoop: Bool, lossy: Bool, expected: [UInt8], random: inout SplitMix64
    ) {
        let invalidAt = UTF8Validation.firstInvalidOffset(in: text)
        var output: [UInt8] = []
        do {
            if readingLoop {
                try read(text, to: &stream, into: &output, random: &random)
            } else {
                try write(text, to: &stream, into: &output, random: &random)
            }
        } catch let error as InvalidUTF8Error {
            FuzzCheck.expect(!lossy && error.offset == invalidAt,
                             "\(S.self) threw \(error) on \(FuzzCheck.describe(text)); validation says \(String(describing: invalidAt))")
            return
        } catch {
            FuzzCheck.expect(false, "\(S.self): unexpected error \(error)")
        }
        FuzzCheck.expect(lossy || invalidAt == nil, "\(S.self) accepted invalid UTF-8 at \(invalidAt!): \(FuzzCheck.describe(text))")
        FuzzCheck.expect(output == expected, "\(S.self) differs from the whole on \(FuzzCheck.describe(text)): "
                         + "\(String(decoding: output, as: UTF8.self).debugDescription) against \(String(decoding: expected, as: UTF8.self).debugDescription)")
        FuzzCheck.expect(stream.bytesConsumed == text.count, "\(S.self): bytesConsumed \(stream.bytesConsumed) of \(text.count)")
    }
}
