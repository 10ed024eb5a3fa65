import Jianfan

/// `--ambiguities`: the JSON Lines `opencc` 1.4.2 writes (see `AmbiguityReport`), cut into
/// chunks where `opencc` cuts them, so the records are equal when parsed.
///
/// `opencc` reads its input a MiB at a time; when a read fills the MiB, the chunk ends 16
/// scalars before the last whole scalar read, and those scalars begin the next chunk (after
/// them, the next MiB is read). Each chunk is converted on its own, so a phrase across a cut is
/// converted as two pieces, and a `lit` record ends at every cut. The last chunk is what is left
/// when a read comes back short. (Measured with `opencc` 1.4.2: ASCII input is cut at byte
/// 1,048,560, three-byte characters at 1,048,527 = 1,048,575 − 16 × 3.)
struct AmbiguityStream: ByteStreamConverter {
    let converter: Converter
    let lossy: Bool

    static let readSize = 1 << 20
    static let carriedScalars = 16

    mutating func convert(
        reading read: (UnsafeMutableRawBufferPointer) throws -> Int,
        writing write: (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        var report = AmbiguityReport(converter: converter)
        var pending: [UInt8] = []
        var consumed = 0
        var buffer = [UInt8](repeating: 0, count: Self.readSize)
        while true {
            // A full read, as fread gives one: short only at the end of input.
            var filled = 0
            while filled < Self.readSize {
                let count = try buffer.withUnsafeMutableBytes { try read(UnsafeMutableRawBufferPointer(rebasing: $0[filled...])) }
                if count == 0 { break }
                filled += count
            }
            pending += buffer[..<filled]
            let atEnd = filled < Self.readSize
            let cut = atEnd ? pending.count : Self.cut(pending)
            var chunk = Array(pending[..<cut])
            if let bad = UTF8Validation.firstInvalidOffset(in: chunk) {
                guard lossy else { throw InvalidUTF8Error(offset: consumed + bad) }
                chunk = UTF8Validation.repaired(chunk)
            }
            if !chunk.isEmpty { try report.records(chunk).withUnsafeBytes { try write($0) } }
            consumed += cut
            pending.removeFirst(cut)
            if atEnd { break }
        }
        try report.end.withUnsafeBytes { try write($0) }
    }

    /// Where a full chunk ends: 16 scalars before the end of its last whole scalar.
    static func cut(_ bytes: [UInt8]) -> Int {
        var end = bytes.count
        // Back over an incomplete scalar at the end (at most three bytes).
        var lead = end - 1
        while lead > 0, lead > end - 4, bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
        if lead >= 0, lead < end {
            let byte = bytes[lead]
            let length = byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
            if lead + length > end { end = lead }
        }
        var scalars = 0
        while end > 0, scalars < carriedScalars {
            end -= 1
            if bytes[end] & 0xC0 != 0x80 { scalars += 1 }
        }
        return end
    }
}
