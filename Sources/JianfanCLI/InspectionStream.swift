import Jianfan

/// What `--inspect`, `--segmentation` and `--ambiguities` print instead of the converted text,
/// as `opencc` 1.4.2 prints them: one JSON record per input line (see
/// `Converter.inspectionRecord(line:…)`), or the ambiguity records (``AmbiguityStream``).
enum InspectionMode: Sendable {
    case inspect, segmentation, ambiguities
}

/// Reads lines and writes their inspection records. A line is held whole (a record describes
/// one line); offsets in the records count from the start of the input.
struct InspectionStream: ByteStreamConverter {
    let converter: Converter
    let mode: InspectionMode
    let lossy: Bool

    private var inputBytes = 0, inputScalars = 0, outputBytes = 0, outputScalars = 0

    init(converter: Converter, mode: InspectionMode, lossy: Bool) {
        self.converter = converter
        self.mode = mode
        self.lossy = lossy
    }

    mutating func convert(
        reading read: (UnsafeMutableRawBufferPointer) throws -> Int,
        writing write: (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        var pending: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = try buffer.withUnsafeMutableBytes { try read($0) }
            if count == 0 { break }
            pending.append(contentsOf: buffer[..<count])
            var start = 0
            while let newline = pending[start...].firstIndex(of: 0x0A) {
                try emit(Array(pending[start..<newline]), lineBreak: true, write)
                start = newline + 1
            }
            pending.removeFirst(start)
        }
        if !pending.isEmpty { try emit(pending, lineBreak: false, write) }
    }

    private mutating func emit(_ bytes: [UInt8], lineBreak: Bool, _ write: (UnsafeRawBufferPointer) throws -> Void) throws {
        var line = bytes
        if let bad = UTF8Validation.firstInvalidOffset(in: line) {
            guard lossy else { throw InvalidUTF8Error(offset: inputBytes + bad) }
            line = UTF8Validation.repaired(line)
        }
        let text = String(decoding: line, as: UTF8.self)
        let record: String?
        switch mode {
        case .inspect:
            record = converter.inspectionRecord(line: text, inputOffset: inputBytes, inputScalarOffset: inputScalars,
                                                outputOffset: outputBytes, outputScalarOffset: outputScalars)
        case .segmentation:
            record = converter.segmentationRecord(line: text, inputOffset: inputBytes, inputScalarOffset: inputScalars)
        case .ambiguities:
            preconditionFailure("--ambiguities is written by AmbiguityStream")
        }
        guard let record else {
            throw CLIError.usage("\(converter.name): this configuration has no segmentation step; --segmentation needs one")
        }
        let converted = converter.convert(text)
        inputBytes += bytes.count + (lineBreak ? 1 : 0)
        inputScalars += text.unicodeScalars.count + (lineBreak ? 1 : 0)
        outputBytes += converted.utf8.count + (lineBreak ? 1 : 0)
        outputScalars += converted.unicodeScalars.count + (lineBreak ? 1 : 0)
        try Array((record + "\n").utf8).withUnsafeBytes { try write($0) }
    }
}
