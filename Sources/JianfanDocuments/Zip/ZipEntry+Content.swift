/// Reading an entry's content out of the archive, and checking the content of one that is
/// copied as it is: its CRC-32 and length must be the directory's, whatever the compression.
///
/// ```swift
/// let text = try entry.content(in: bytes)   // inflated, checked against the CRC
/// try image.verify(in: bytes)               // inflated into a small buffer, checked, dropped
/// ```
extension ZipEntry {
    /// The largest part read into memory to be converted: text parts of real documents are at
    /// most tens of megabytes; a larger claim is refused before anything is allocated.
    static let maximumPartSize = 1 << 30

    /// The entry's content, decompressed and checked.
    func content(in bytes: [UInt8]) throws(DocumentError) -> [UInt8] {
        try requireReadable()
        guard uncompressedSize <= Self.maximumPartSize else {
            throw DocumentError(
                part: name, offset: record.lowerBound,
                reason: "a text part of \(uncompressedSize) bytes is larger than the \(Self.maximumPartSize) converted in memory"
            )
        }
        let content: [UInt8], actual: UInt32
        if method == Self.stored {
            content = Array(bytes[data])
            actual = try Zlib.crc32(bytes[data], part: name)
        } else {
            (content, actual) = try Zlib.inflate(bytes[data], size: uncompressedSize, part: name)
        }
        try check(actual)
        return content
    }

    /// Checks the content of an entry that is copied without being read: its CRC-32 and size.
    /// Entries that cannot be read here (encrypted, another compression method) are copied
    /// unchecked, as they are.
    func verify(in bytes: [UInt8]) throws(DocumentError) {
        guard !isEncrypted, method == Self.stored || method == Self.deflated else { return }
        let actual: UInt32
        if method == Self.stored {
            actual = try Zlib.crc32(bytes[data], part: name)
        } else {
            actual = try Zlib.inflate(bytes[data], size: uncompressedSize, part: name, keep: false).1
        }
        try check(actual)
    }

    private func check(_ actual: UInt32) throws(DocumentError) {
        guard actual == crc else {
            throw DocumentError(
                part: name, offset: record.lowerBound,
                reason: "damaged archive entry: its CRC-32 is \(hex(actual)), the directory says \(hex(crc))"
            )
        }
    }

    private func requireReadable() throws(DocumentError) {
        if isEncrypted {
            throw DocumentError(part: name, offset: record.lowerBound, reason: "the entry is encrypted")
        }
        guard method == Self.stored || method == Self.deflated else {
            throw DocumentError(
                part: name, offset: record.lowerBound,
                reason: "compression method \(method) is not supported (only stored and deflated)"
            )
        }
    }

    private func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return "0x" + String(repeating: "0", count: 8 - digits.count) + digits
    }
}
