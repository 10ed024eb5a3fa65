import Jianfan

/// Moves one input through a fresh conversion stream into an output, a fixed-size chunk at a
/// time. Memory stays bounded by the chunk size whatever the input size or line length, and each
/// chunk's conversion goes out in one write, so output is never written line by line.
struct ConversionPump {
    /// 1 MiB: large enough that system calls and per-chunk overhead vanish, small enough that
    /// the input chunk, its conversion and the engine's lookahead stay far below 64 MB.
    static let chunkSize = 1 << 20

    let engine: Engine
    let lossy: Bool

    /// Converts `input` to the end. Invalid UTF-8 becomes a ``CLIError`` naming the input.
    /// - Throws: ``CLIError``, or ``BrokenPipe`` if the output's reader went away.
    func run(_ input: InputFile, to output: any OutputSink) throws {
        var stream = engine.makeStream(lossy: lossy)
        var buffer = [UInt8](repeating: 0, count: Self.chunkSize)
        var converted: [UInt8] = []
        converted.reserveCapacity(Self.chunkSize * 2)
        do {
            while true {
                let count = try buffer.withUnsafeMutableBytes { bytes throws(CLIError) in
                    try input.read(into: bytes)
                }
                if count == 0 { break }
                try stream.convert(buffer[..<count], into: &converted)
                // A short read means no more input is ready (a terminal, `tail -f`): what has
                // arrived is converted now instead of waiting for a full window.
                if count < Self.chunkSize { stream.flush(into: &converted) }
                try output.write(converted)
                converted.removeAll(keepingCapacity: true)
            }
            try stream.finish(into: &converted)
            try output.write(converted)
        } catch let error as InvalidUTF8Error {
            // What converted before the bad byte still goes out, as iconv does: a file output
            // is discarded by the caller anyway, and on a terminal or pipe it shows where it broke.
            try? output.write(converted)
            throw CLIError.invalidUTF8(input.displayName, offset: error.offset)
        }
    }
}
