import Jianfan

/// An input as UTF-8, whatever its encoding: what ``ConversionPump`` reads from.
///
/// With `--from-encoding auto` the first 64 KB are read first to decide the encoding (see
/// ``TextEncoding/identify(_:complete:)``) and then handed on as the start of the text. UTF-8 goes
/// through as it is; any other encoding is decoded by ICU in chunks of 256 KB straight into the
/// converter's buffer, with a sequence cut by a chunk's end kept for the next, so memory stays
/// bounded. Byte offsets in errors count from the start of the input.
///
/// ```swift
/// let reader = try DecodingReader(request: .auto, lossy: false) { try input.read(into: $0) }
/// reader.encoding.name   // "GB18030" (detected)
/// ```
final class DecodingReader {
    let encoding: TextEncoding
    let evidence: TextEncoding.Evidence?
    private let readRaw: (UnsafeMutableRawBufferPointer) throws -> Int
    private let decoder: Transcoder?
    /// Input read but not yet handed on (UTF-8) or decoded (others): `raw[rawStart..<rawEnd]`.
    private var raw: [UInt8]
    private var rawStart = 0
    private var rawEnd = 0
    private var rawEnded = false
    private var drained = false
    /// The last read filled less than it was given: no more input was ready.
    private var rawShort = false

    static let sampleSize = 1 << 16
    static let chunkSize = 1 << 18

    init(request: EncodingRequest.Input, lossy: Bool, reading readRaw: @escaping (UnsafeMutableRawBufferPointer) throws -> Int) throws {
        self.readRaw = readRaw
        switch request {
        case .fixed(let fixed):
            encoding = fixed
            evidence = nil
            raw = []
        case .auto:
            var sample = [UInt8](repeating: 0, count: Self.sampleSize)
            let count = try sample.withUnsafeMutableBytes { try readRaw($0) }
            sample.removeSubrange(count...)
            // Read once, never waiting for more: a terminal's first line is all there is for now.
            // A scalar cut off at the sample's end is then taken as the start of valid UTF-8.
            rawEnded = count == 0
            rawShort = count < Self.sampleSize
            (encoding, evidence) = TextEncoding.identify(sample, complete: rawEnded)
            raw = sample
            rawEnd = sample.count
        }
        decoder = encoding.isUTF8 ? nil : try Transcoder(decoding: encoding, lossy: lossy)
        if decoder != nil, raw.count < Self.chunkSize {
            raw += [UInt8](repeating: 0, count: Self.chunkSize - raw.count)
        }
    }

    /// Whether ICU decodes (any encoding but UTF-8).
    var decodes: Bool { decoder != nil }

    /// What a lossy decoder replaced with U+FFFD.
    var substitutions: Int { decoder?.substitutions ?? 0 }

    /// Fills a prefix of `buffer` with UTF-8 and returns its length, 0 at the end of input; fewer
    /// than `buffer.count` bytes when no more input is ready now (as ``InputFile/read(into:)``).
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard let decoder else { return try passUTF8(into: buffer) }
        var produced = 0
        while produced < buffer.count, !drained {
            if rawStart == rawEnd, !rawEnded {
                // Return what is decoded rather than wait for input that is not there yet.
                if produced > 0 && rawShort { break }
                let count = try raw.withUnsafeMutableBytes { try readRaw($0) }
                rawStart = 0
                rawEnd = count
                rawEnded = count == 0
                rawShort = count < raw.count
            }
            let (read, written, full) = try raw.withUnsafeBytes { source in
                try decoder.convert(
                    UnsafeRawBufferPointer(rebasing: source[rawStart..<rawEnd]),
                    into: UnsafeMutableRawBufferPointer(rebasing: buffer[produced...]),
                    flush: rawEnded
                )
            }
            rawStart += read
            produced += written
            if full { break }
            if rawEnded { drained = true }
        }
        return produced
    }

    /// UTF-8: what the sample holds first, then straight from the input into `buffer`.
    private func passUTF8(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let held = min(rawEnd - rawStart, buffer.count)
        if held > 0 {
            raw.withUnsafeBytes { source in
                buffer.baseAddress!.copyMemory(from: source.baseAddress! + rawStart, byteCount: held)
            }
            rawStart += held
        }
        // After a short sample (a terminal's line), what is held is all there is for now.
        guard held < buffer.count, !rawEnded, held == 0 || !rawShort else { return held }
        return held + (try readRaw(UnsafeMutableRawBufferPointer(rebasing: buffer[held...])))
    }

    /// `--verbose`: which encoding an input was read in, and why.
    static func report(_ name: String, _ encoding: TextEncoding, _ evidence: TextEncoding.Evidence?) {
        let how = switch evidence {
        case nil: "as given"
        case .byteOrderMark: "byte order mark"
        case .validUTF8: "valid UTF-8"
        case .detected(let confidence): "detected by ICU, confidence \(confidence)"
        case .unknown: "not UTF-8, and no other encoding detected"
        }
        StandardError.write("jianfan: \(name): read as \(encoding.name) (\(how))\n")
    }
}
