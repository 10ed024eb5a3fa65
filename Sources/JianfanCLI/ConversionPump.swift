import Jianfan

/// Moves one input through a fresh conversion stream into an output, a chunk at a time. Memory
/// stays bounded by the chunk size (1 MiB) whatever the input size or line length, and output
/// goes out in large writes (converted pieces of up to 64 KB), never line by line.
struct ConversionPump {
    let engine: Engine
    let lossy: Bool
    /// With `--jsonl`/`--csv`/`--tsv`: only the selected fields are converted.
    var fields: FieldPump? = nil

    /// Converts `input` to the end. Invalid UTF-8 becomes a ``CLIError`` naming the input.
    /// - Throws: ``CLIError``, or ``BrokenPipe`` if the output's reader went away.
    func run(_ input: InputFile, to output: any OutputSink) throws {
        defer { ProgressMeter.current?.nextFile() }
        let read = { (buffer: UnsafeMutableRawBufferPointer) throws -> Int in
            let count = try input.read(into: buffer)
            ProgressMeter.current?.advance(count)
            return count
        }
        if let fields {
            try fields.run(name: input.displayName, reading: read, writing: { try output.write($0) })
            return
        }
        var stream = engine.makeStream(lossy: lossy)
        do {
            // A short read means no more input is ready (a terminal, `tail -f`): what has
            // arrived is converted now instead of waiting for a full chunk.
            try stream.convert(
                reading: read,
                writing: { bytes in try output.write(bytes) }
            )
        } catch let error as InvalidUTF8Error {
            // What converted before the bad byte has gone out, as iconv does: a file output
            // is discarded by the caller anyway, and on a terminal or pipe it shows where it broke.
            throw CLIError.invalidUTF8(input.displayName, offset: error.offset)
        }
    }
}
