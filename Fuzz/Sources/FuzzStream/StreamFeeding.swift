import FuzzSupport
import Jianfan

/// The two ways of feeding a ``ConversionStream``, in chunk sizes a generator picks.
enum StreamFeeding {
    /// Chunks of 0 to 63 bytes through `write`, with a `flush` after about one chunk in eight.
    static func write(
        _ text: [UInt8], to stream: inout ConversionStream, into output: inout [UInt8], random: inout SplitMix64
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

    /// `convert(reading:writing:)` with reads of 1 to 64 bytes (each short read makes the
    /// stream convert what it holds, as a pipe's would).
    static func read(
        _ text: [UInt8], to stream: inout ConversionStream, into output: inout [UInt8], random: inout SplitMix64
    ) throws {
        var start = 0
        try stream.convert(
            reading: { buffer in
                let count = min(text.count - start, buffer.count, 1 + random.next(below: 64))
                buffer.copyBytes(from: text[start..<(start + count)])
                start += count
                return count
            },
            writing: { bytes in output.append(contentsOf: bytes) })
    }
}
