#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The JSON Lines side of ``FieldPump``: finds the selected string values of every line.
/// A blank line passes through; a line that is not one JSON value is an error naming its
/// number, or, with `--skip-invalid`, is passed through and counted.
struct JSONLinesBlock {
    let paths: FieldPaths
    let skipInvalid: Bool

    /// Collects the decoded texts and edits of the lines of `bytes`, which ends at a line end
    /// (or at the end of input); returns the bytes used: all of them.
    func collect(_ bytes: UnsafeRawBufferPointer, name: String, state: inout FieldPump.BlockState,
                 texts: inout FieldTexts, edits: inout [FieldEdit]) throws -> Int {
        // The texts are written through a pointer into room set aside for the whole block (no
        // array append per text): a text and its separator take no more bytes than its token and
        // the quote before it, so the block's size is room enough.
        var stored: [UInt8] = [], ranges: [Range<Int>] = []
        swap(&stored, &texts.bytes)
        swap(&ranges, &texts.ranges)
        var mayHoldLineFeeds = texts.mayHoldLineFeeds
        defer {
            swap(&stored, &texts.bytes)
            swap(&ranges, &texts.ranges)
            texts.mayHoldLineFeeds = mayHoldLineFeeds
        }
        let offset = stored.count
        try stored.append(addingCapacity: bytes.count + 1) { span in
            try span.withUnsafeMutableBufferPointer { room, initialized in
                var sink = ByteSink(base: room.baseAddress!, capacity: room.count)
                try collect(bytes, name: name, state: &state) { line, token in
                    let before = sink
                    if token.escaped {
                        guard let style = JSONString.decode(line, token, into: &sink) else {
                            sink = before   // a lone surrogate: the field stays as it is
                            return
                        }
                        if !mayHoldLineFeeds, sink.count > before.count {
                            mayHoldLineFeeds = memchr(sink.base + before.count, 0x0A, sink.count - before.count) != nil
                        }
                        edits.append(FieldEdit(raw: token.start..<token.end, encoding: .json(style)))
                    } else {
                        // Unescaped: the raw bytes are the text, and hold no line feed (JSON forbids it).
                        sink.put(line, token.start..<token.end)
                        edits.append(FieldEdit(raw: token.start..<token.end, encoding: .json(JSONString.Style())))
                    }
                    ranges.append((offset + before.count)..<(offset + sink.count))
                    sink.put(0x0A)
                }
                initialized = sink.count
            }
        }
        return bytes.count
    }

    /// Calls `found` with `bytes` and each selected string token of its lines, the token's
    /// offsets made relative to `bytes`.
    private func collect(_ bytes: UnsafeRawBufferPointer, name: String, state: inout FieldPump.BlockState,
                         found: (UnsafeRawBufferPointer, JSONStringToken) -> Void) throws {
        var scanner = JSONLineScanner(fields: paths)
        var tokens: [JSONStringToken] = []
        var start = 0
        while start < bytes.count {
            var line = UnsafeRawBufferPointer(rebasing: bytes[start...])
            tokens.removeAll(keepingCapacity: true)
            // The line is scanned where it starts, its end found by the scan; only a line that
            // fails is cut at its line feed and scanned again on its own, for its error.
            let end: Int
            if let length = try? scanner.scanLine(line, into: &tokens) {
                end = start + length
            } else {
                end = memchr(bytes.baseAddress! + start, 0x0A, bytes.count - start)
                    .map { UnsafeRawPointer($0) - bytes.baseAddress! } ?? bytes.count
                line = UnsafeRawBufferPointer(rebasing: bytes[start..<end])
                tokens.removeAll(keepingCapacity: true)
                let blank = line.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
                if !blank {
                    do {
                        try scanner.scan(line, into: &tokens)
                    } catch {
                        guard skipInvalid else {
                            throw CLIError(
                                status: .invalidUTF8,
                                message: "\(name):\(state.line): invalid JSON: \(error.reason) at column \(error.offset + 1)"
                                    + " (--skip-invalid passes such lines through)"
                            )
                        }
                        state.skipped += 1
                        tokens.removeAll()
                    }
                }
            }
            // The tokens' offsets, from the line's start to the block's.
            for token in tokens {
                found(bytes, JSONStringToken(start: start + token.start, end: start + token.end, escaped: token.escaped))
            }
            state.line += 1
            start = end + 1
        }
    }
}

/// The CSV/TSV side of ``FieldPump``: finds the selected column in every record. With a column
/// name, the first record is the header, which names the column and is copied unchanged; with
/// a 1-based index every record is data (a header is converted like the rest).
struct DelimitedBlock {
    let column: String
    let scanner: CSVScanner
    let skipInvalid: Bool

    /// Collects the selected field of each whole record of `bytes`; returns the bytes used
    /// (a record still open at the end of the block waits for more input).
    func collect(_ bytes: UnsafeRawBufferPointer, atEnd: Bool, name: String, state: inout FieldPump.BlockState,
                 texts: inout FieldTexts, edits: inout [FieldEdit]) throws -> Int {
        var fields: [CSVField] = []
        var start = 0
        while start < bytes.count {
            let next: Int
            do {
                guard let end = try scanner.record(bytes, from: start, atEnd: atEnd, into: &fields) else { break }
                next = end
            } catch {
                guard skipInvalid else {
                    throw CLIError(
                        status: .invalidUTF8,
                        message: "\(name):\(state.line): invalid \(scanner.delimiter == 0x09 ? "TSV" : "CSV"): \(error.reason)"
                            + " (--skip-invalid passes such records through)"
                    )
                }
                // Passed through up to the next line feed.
                var end = start
                while end < bytes.count, bytes[end] != 0x0A { end += 1 }
                if end == bytes.count, !atEnd { break }
                state.skipped += 1
                state.line += 1
                start = min(end + 1, bytes.count)
                continue
            }
            let record = UnsafeRawBufferPointer(rebasing: bytes[start..<next])
            state.line += record.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
            defer { start = next }
            if state.column == nil {
                state.column = try columnIndex(header: fields, bytes, name: name)
                if Int(column) == nil { continue }  // the header itself
            }
            guard let index = state.column, index < fields.count else { continue }
            let field = fields[index]
            guard texts.add({ CSVScanner.decode(bytes, field, into: &$0); return true }) else { continue }
            let raw = field.quoted ? (field.start - 1)..<(field.end + 1) : field.start..<field.end
            edits.append(FieldEdit(raw: raw, encoding: .delimited(scanner, quoted: field.quoted)))
        }
        return start
    }

    /// The 0-based index of the column: `column` as a 1-based number, or its name in the header.
    private func columnIndex(header: [CSVField], _ bytes: UnsafeRawBufferPointer, name: String) throws(CLIError) -> Int {
        if let number = Int(column) {
            guard number >= 1 else { throw .usage("column numbers start at 1 (got \(column))") }
            return number - 1
        }
        for (index, field) in header.enumerated() {
            var text: [UInt8] = []
            CSVScanner.decode(bytes, field, into: &text)
            if index == 0, text.starts(with: [0xEF, 0xBB, 0xBF]) { text.removeFirst(3) }   // a BOM
            if String(decoding: text, as: UTF8.self) == column { return index }
        }
        throw .usage("\(name): no column named '\(column)' in the header")
    }
}
