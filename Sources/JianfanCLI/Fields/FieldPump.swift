#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Jianfan

/// Which fields of which format `--jsonl`, `--csv` or `--tsv` convert.
enum FieldFormat {
    case jsonLines(FieldPaths)
    /// A CSV or TSV column, by header name or 1-based index.
    case delimited(column: String, delimiter: UInt8)
}

/// Moves one input through a field transform: every selected field converted, every other
/// byte copied as it was. Input is read a MiB at a time and handled in blocks of whole lines
/// (JSON Lines) or records (CSV/TSV); memory is bounded by the block, or by the longest line.
struct FieldPump {
    let format: FieldFormat
    let transform: FieldTransform
    let skipInvalid: Bool
    let lossy: Bool

    /// Converts everything `read` supplies to `write`; `name` is for messages.
    /// - Throws: ``CLIError`` (exit status 3) for invalid UTF-8, or for an invalid line without
    ///   `--skip-invalid`; what `read` or `write` throws.
    func run(name: String, reading read: (UnsafeMutableRawBufferPointer) throws -> Int,
             writing write: (UnsafeRawBufferPointer) throws -> Void) throws {
        var state = BlockState()
        let scratch = FieldScratch(), parts = PartResults(count: Self.parallelWorkers)
        var pending: [UInt8] = []
        var atEnd = false
        // JSON Lines blocks go to every core, and fewer, larger blocks keep the cores busy longer
        // between the points where they wait for each other.
        let readSize = if case .jsonLines = format { Self.jsonLinesReadSize } else { 1 << 20 }
        while !atEnd {
            // Read straight into the pending bytes, with no chunk copied onto them.
            var count = 0
            try pending.append(addingCapacity: readSize) { span in
                try span.withUnsafeMutableBufferPointer { room, initialized in
                    count = try read(UnsafeMutableRawBufferPointer(room))
                    initialized = count
                }
            }
            atEnd = count == 0
            // Whole lines only (a line feed is never inside a UTF-8 sequence, so the block can be
            // checked and repaired on its own); CSV records running past the last one wait too.
            guard var blockEnd = atEnd ? pending.count : pending.lastIndex(of: 0x0A).map({ $0 + 1 }) else { continue }
            let scan = pending.withUnsafeBufferPointer { UTF8Validation.scan(UnsafeBufferPointer(rebasing: $0[..<blockEnd])) }
            var invalidOffset: Int?
            switch scan {
            case let .valid(tail): invalidOffset = tail == 0 ? nil : blockEnd - tail
            case let .invalid(offset, _): invalidOffset = offset
            }
            if let offset = invalidOffset {
                guard lossy else { throw CLIError.invalidUTF8(name, offset: state.offset + offset) }
                let repaired = UTF8Validation.repaired(pending[..<blockEnd])
                pending.replaceSubrange(..<blockEnd, with: repaired)
                blockEnd = repaired.count
            }
            let used = try pending.withUnsafeBytes { all in
                let block = UnsafeRawBufferPointer(rebasing: all[..<blockEnd])
                if case .jsonLines = format, block.count >= Self.parallelThreshold {
                    return try processInParallel(block, name: name, state: &state, parts: parts, writing: write)
                }
                let used = try process(block, atEnd: atEnd, name: name, state: &state, scratch: scratch)
                try scratch.output.withUnsafeBytes { try write($0) }
                return used
            }
            state.offset += used
            pending.removeFirst(used)
        }
        if state.skipped > 0 {
            StandardError.write("jianfan: \(name): \(state.skipped) invalid \(state.skipped == 1 ? "line" : "lines") passed through unchanged\n")
        }
    }

    /// What carries over from block to block.
    struct BlockState {
        var offset = 0
        var line = 1
        var skipped = 0
        var column: Int?
    }

    /// Converts the whole lines or records of `bytes` into `scratch.output` (emptied first);
    /// returns how many bytes it used. JSON lines go where they stand when the conversion allows.
    func process(_ bytes: UnsafeRawBufferPointer, atEnd: Bool, name: String,
                 state: inout BlockState, scratch: FieldScratch) throws -> Int {
        scratch.output.removeAll(keepingCapacity: true)
        if case let .jsonLines(paths) = format, let convert = transform.inPlace {
            return try processInPlace(bytes, paths: paths, name: name, state: &state, scratch: scratch, convert: convert)
        }
        return try processByField(bytes, atEnd: atEnd, name: name, state: &state, scratch: scratch)
    }

    /// Converts the whole lines or records of `bytes` field by field: each selected field cut
    /// out (escapes decoded), all of them converted in one call, and each changed one written
    /// back in its place. Appends to `scratch.output`; returns how many bytes it used.
    func processByField(_ bytes: UnsafeRawBufferPointer, atEnd: Bool, name: String,
                        state: inout BlockState, scratch: FieldScratch) throws -> Int {
        scratch.reset()
        var texts = FieldTexts(), edits: [FieldEdit] = [], output: [UInt8] = []
        // Borrowed for the block and handed back, so that the next block reuses their storage.
        swap(&texts, &scratch.texts)
        swap(&edits, &scratch.edits)
        swap(&output, &scratch.output)
        defer {
            swap(&texts, &scratch.texts)
            swap(&edits, &scratch.edits)
            swap(&output, &scratch.output)
        }
        let used: Int
        switch format {
        case let .jsonLines(paths):
            used = try JSONLinesBlock(paths: paths, skipInvalid: skipInvalid)
                .collect(bytes, name: name, state: &state, texts: &texts, edits: &edits)
        case let .delimited(column, delimiter):
            used = try DelimitedBlock(column: column, scanner: CSVScanner(delimiter: delimiter), skipInvalid: skipInvalid)
                .collect(bytes, atEnd: atEnd, name: name, state: &state, texts: &texts, edits: &edits)
        }
        if !texts.ranges.isEmpty { try transform.apply(texts, scratch) }
        let converted = texts.ranges.isEmpty ? texts : scratch.converted
        // Written through a pointer into room for the most the block can take: its own bytes and
        // each field at its longest (see ``FieldEdit/encode(_:into:)``), not two appends per field.
        let room = used + 6 * converted.bytes.count + 2 * edits.count + 1
        output.append(addingCapacity: room) { span in
            span.withUnsafeMutableBufferPointer { room, initialized in
                var sink = ByteSink(base: room.baseAddress!, capacity: room.count)
                var cursor = 0
                texts.bytes.withUnsafeBytes { old in
                    converted.bytes.withUnsafeBytes { new in
                        texts.ranges.withUnsafeBufferPointer { befores in
                            converted.ranges.withUnsafeBufferPointer { afters in
                                for (index, edit) in edits.enumerated() {
                                    let before = befores[index], after = afters[index]
                                    // An unchanged field stays in the run of bytes copied as they are.
                                    if before.count == after.count, before.isEmpty
                                        || memcmp(old.baseAddress! + before.lowerBound, new.baseAddress! + after.lowerBound,
                                                  before.count) == 0 {
                                        continue
                                    }
                                    sink.put(bytes, cursor..<edit.raw.lowerBound)
                                    cursor = edit.raw.upperBound
                                    edit.encode(UnsafeRawBufferPointer(rebasing: new[after]), into: &sink)
                                }
                            }
                        }
                    }
                }
                sink.put(bytes, cursor..<used)
                initialized = sink.count
            }
        }
        return used
    }
}

/// A selected field found in a block: its raw bytes (quotes included for CSV) and how to write
/// a new text in its place. Plain values, not closures: a block holds thousands.
struct FieldEdit {
    enum Encoding {
        case json(JSONString.Style)
        case delimited(CSVScanner, quoted: Bool)
    }

    let raw: Range<Int>
    let encoding: Encoding

    /// Writes `text` in place of the field: at most `6 * text.count + 2` bytes.
    func encode(_ text: UnsafeRawBufferPointer, into output: inout ByteSink) {
        switch encoding {
        case let .json(style): JSONString.encode(text, style: style, into: &output)
        case let .delimited(scanner, quoted): scanner.encode(text, quoted: quoted, into: &output)
        }
    }
}

extension Array where Element == UInt8 {
    /// Appends `bytes[range]` with one copy (appending a slice of a raw buffer goes byte by byte).
    mutating func append(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) {
        guard !range.isEmpty else { return }
        append(contentsOf: UnsafeBufferPointer(start: bytes.baseAddress!.assumingMemoryBound(to: UInt8.self) + range.lowerBound,
                                               count: range.count))
    }
}
