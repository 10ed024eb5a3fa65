import Jianfan

/// Moves one input through a fresh conversion stream into an output, a chunk at a time. Memory
/// stays bounded by the chunk size (1 MiB) whatever the input size or line length, and output
/// goes out in large writes (converted pieces of up to 64 KB), never line by line.
///
/// Input in another encoding than UTF-8 is decoded on the way in (``DecodingReader``) and the
/// output encoded on the way out (``EncodingWriter``), chunk by chunk as well.
struct ConversionPump {
    let engine: Engine
    let lossy: Bool
    /// With `--jsonl`/`--csv`/`--tsv`: only the selected fields are converted.
    var fields: FieldPump? = nil
    var encodings = EncodingRequest()
    /// `--verbose`: say which encoding each input was read in.
    var verbose = false
    /// `--markup`, `--protect`, or the markup of the input's extension.
    var protection = ProtectionChoice()

    /// The buffers handed to and from the decoding and encoding threads: the size of the
    /// conversion stream's reads (1 MiB), so that each read is served whole.
    static let bufferSize = 1 << 20

    /// Converts `input` to the end; `keepingEncoding` writes it back in the encoding it was read
    /// in (in place) unless `--to-encoding` names one. Invalid input, and a character the output
    /// encoding lacks, become a ``CLIError`` naming the input.
    /// - Throws: ``CLIError``, or ``BrokenPipe`` if the output's reader went away.
    func run(_ input: InputFile, to output: any OutputSink, keepingEncoding: Bool = false) throws {
        defer { ProgressMeter.current?.nextFile() }
        let name = input.displayName
        do {
            let reader = try DecodingReader(request: encodings.from, lossy: lossy) { buffer in
                let count = try input.read(into: buffer)
                ProgressMeter.current?.advance(count)
                return count
            }
            if verbose { DecodingReader.report(name, reader.encoding, reader.evidence) }
            let outputEncoding = encodings.output(for: reader.encoding, keepingInput: keepingEncoding)
            let writer = outputEncoding.isUTF8 ? nil : try EncodingWriter(outputEncoding, lossy: lossy)
            let send = { (bytes: UnsafeRawBufferPointer) throws in try output.write(bytes) }
            // ICU decodes and encodes on threads of their own, beside the conversion (a file
            // only: a terminal's line must not wait for a thread's buffer to fill; and not while
            // the progress meter, which is not shared between threads, counts the reads).
            let ahead = reader.decodes && input.identity?.isRegular == true && ProgressMeter.current == nil
                ? ReadAhead(size: Self.bufferSize) { try reader.read(into: $0) } : nil
            defer { ahead?.close() }
            let behind = writer.map { writer in
                WriteBehind(size: Self.bufferSize) { bytes, final in
                    if final { try writer.finish(to: send) } else { try writer.write(bytes, to: send) }
                }
            }
            defer { behind?.close() }
            let read = { (buffer: UnsafeMutableRawBufferPointer) throws -> Int in
                try ahead?.read(into: buffer) ?? reader.read(into: buffer)
            }
            let write = { (bytes: UnsafeRawBufferPointer) throws in
                if let behind { try behind.write(bytes) } else { try send(bytes) }
            }
            if let fields {
                try fields.run(name: name, reading: read, writing: write)
            } else {
                var stream = engine.protecting(protection.protection(for: input.path)).makeStream(lossy: lossy)
                // A short read means no more input is ready (a terminal, `tail -f`): what has
                // arrived is converted now instead of waiting for a full chunk.
                try stream.convert(reading: read, writing: write)
            }
            try behind?.finish()
            Self.reportSubstitutions(of: name, decoded: reader, encoded: writer)
        } catch let error as InvalidUTF8Error {
            // What converted before the bad byte has gone out, as iconv does: a file output
            // is discarded by the caller anyway, and on a terminal or pipe it shows where it broke.
            throw CLIError.invalidUTF8(name, offset: error.offset)
        } catch let error as TextEncodingError {
            throw CLIError.encoding(name, error)
        }
    }

    /// Lossy substitutions are counted on standard error, so none goes unnoticed.
    static func reportSubstitutions(of name: String, decoded: DecodingReader, encoded: EncodingWriter?) {
        if decoded.substitutions > 0 {
            StandardError.write("jianfan: \(name): \(decoded.substitutions) invalid \(decoded.encoding.name) sequences replaced with U+FFFD\n")
        }
        if let encoded, encoded.encoder.substitutions > 0 {
            StandardError.write("jianfan: \(name): \(encoded.encoder.substitutions) characters not in \(encoded.encoder.encoding.name) written as &#x…; references\n")
        }
    }
}
