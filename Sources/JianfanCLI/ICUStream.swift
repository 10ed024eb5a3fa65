import Jianfan

/// Streams bytes through an ICU transform with bounded memory.
///
/// `Transliterator` converts whole strings, so the stream cuts its input into pieces: after the
/// last line break seen (ICU's Han transforms never look across lines), or, for a line longer
/// than ``maximumPiece``, before the last lead byte so no UTF-8 sequence is split. Each piece is
/// validated first so invalid input is reported with its exact offset, as the table engine does.
struct ICUStream: ByteStreamConverter {
    static let maximumPiece = 1 << 20

    let transliterator: Transliterator
    let lossy: Bool
    private var pending: [UInt8] = []
    /// The stream offset of `pending[0]`.
    private var pendingOffset = 0

    init(transliterator: Transliterator, lossy: Bool) {
        self.transliterator = transliterator
        self.lossy = lossy
    }

    /// Reads chunks of ``maximumPiece`` bytes and writes each chunk's conversion at once.
    mutating func convert(
        reading read: (UnsafeMutableRawBufferPointer) throws -> Int,
        writing write: (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        var buffer = [UInt8](repeating: 0, count: Self.maximumPiece)
        var converted: [UInt8] = []
        while true {
            let count = try buffer.withUnsafeMutableBytes { try read($0) }
            if count == 0 { break }
            try convert(buffer[..<count], into: &converted)
            try converted.withUnsafeBytes { try write($0) }
            converted.removeAll(keepingCapacity: true)
        }
        try finish(into: &converted)
        try converted.withUnsafeBytes { try write($0) }
    }

    private mutating func convert(_ chunk: ArraySlice<UInt8>, into output: inout [UInt8]) throws {
        pending.append(contentsOf: chunk)
        let cut: Int
        if let newline = pending.lastIndex(of: UInt8(ascii: "\n")) {
            cut = newline + 1
        } else if pending.count >= Self.maximumPiece {
            cut = Self.lastScalarStart(in: pending)
        } else {
            return
        }
        try emit(pending[..<cut], into: &output)
        pending.removeFirst(cut)
        pendingOffset += cut
    }

    private mutating func finish(into output: inout [UInt8]) throws {
        try emit(pending[...], into: &output)
        pendingOffset += pending.count
        pending.removeAll()
    }

    private func emit(_ bytes: ArraySlice<UInt8>, into output: inout [UInt8]) throws {
        guard !bytes.isEmpty else { return }
        if let offset = UTF8Validation.firstInvalidOffset(in: bytes), !lossy {
            throw InvalidUTF8Error(offset: pendingOffset + offset)
        }
        // Lossy: one U+FFFD per maximal invalid subpart, as the table engine does.
        let text = String(decoding: bytes, as: UTF8.self)
        output.append(contentsOf: transliterator.transliterate(text).utf8)
    }

    /// Where the last (possibly incomplete) UTF-8 sequence starts; the end if none is found in
    /// the last four bytes, in which case validation reports the stray continuation bytes.
    /// Cutting there never splits a scalar, so validation sees each one whole.
    static func lastScalarStart(in bytes: [UInt8]) -> Int {
        var index = bytes.count
        while index > max(0, bytes.count - 4) {
            index -= 1
            if bytes[index] & 0xC0 != 0x80 { return index }
        }
        return bytes.count
    }
}
