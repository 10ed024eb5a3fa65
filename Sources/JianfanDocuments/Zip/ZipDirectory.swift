/// The entries of a zip archive in the order of its central directory, found from the end of
/// central directory record (and its ZIP64 record when counts, sizes or offsets need 64 bits).
///
/// Everything a damaged archive or a zip bomb could get wrong is checked before any entry is
/// read, each failure a ``DocumentError`` with the byte offset of the record at fault: the
/// directory inside the file, every record inside the directory, every local header and its
/// data before the directory and naming the same entry, the count the end record declares,
/// entries that overlap (the trick of non-recursive zip bombs, which make one compressed
/// stream count many times), and deflated sizes beyond what deflate can expand to.
///
/// ```swift
/// let directory = try ZipDirectory(bytes)
/// directory.entries.map(\.name)   // ["mimetype", "META-INF/container.xml", …]
/// ```
struct ZipDirectory {
    let entries: [ZipEntry]
    /// The archive comment of the end record.
    let comment: [UInt8]

    /// The directory of `bytes`; `kind` names the archive in the error for bytes that are no
    /// zip archive at all ("docx (zip)").
    init(_ bytes: [UInt8], kind: String = "zip") throws(DocumentError) {
        guard let end = Self.findEndRecord(bytes) else {
            throw DocumentError(
                part: nil, offset: nil,
                reason: "not a readable \(kind) archive: no end of central directory record (damaged or truncated)"
            )
        }
        let commentLength = Int(ZipBytes.u16(bytes, end + 20))
        comment = Array(bytes[(end + 22)..<(end + 22 + commentLength)])
        var count = UInt64(ZipBytes.u16(bytes, end + 10))
        var size = UInt64(ZipBytes.u32(bytes, end + 12))
        var start = UInt64(ZipBytes.u32(bytes, end + 16))
        var directoryLimit = end
        let disks = (ZipBytes.u16(bytes, end + 4), ZipBytes.u16(bytes, end + 6))
        if end >= 20, ZipBytes.u32(bytes, end - 20) == ZipBytes.zip64Locator {
            let record = Int(clamping: ZipBytes.u64(bytes, end - 12))
            guard ZipBytes.has(record, 56, in: bytes), record + 56 <= end - 20,
                  ZipBytes.u32(bytes, record) == ZipBytes.zip64EndOfDirectory else {
                throw DocumentError(part: nil, offset: end - 20, reason: "damaged archive: the ZIP64 end record is missing")
            }
            guard ZipBytes.u32(bytes, record + 16) == 0, ZipBytes.u32(bytes, record + 20) == 0 else {
                throw DocumentError(part: nil, offset: record, reason: "split (multi-disk) archives are not supported")
            }
            count = ZipBytes.u64(bytes, record + 32)
            size = ZipBytes.u64(bytes, record + 40)
            start = ZipBytes.u64(bytes, record + 48)
            directoryLimit = record
        } else if disks != (0, 0) {
            throw DocumentError(part: nil, offset: end, reason: "split (multi-disk) archives are not supported")
        }
        let directoryStart = Int(clamping: start), directorySize = Int(clamping: size)
        guard directoryStart <= directoryLimit, directorySize <= directoryLimit - directoryStart else {
            throw DocumentError(
                part: nil, offset: end,
                reason: "damaged archive: the central directory (offset \(start), \(size) bytes) lies outside the file"
            )
        }
        // A central record takes at least 46 bytes: a count beyond that is damage, not memory to reserve.
        guard count <= UInt64(directorySize / 46) else {
            throw DocumentError(part: nil, offset: end, reason: "damaged archive: \(count) entries cannot fit in a \(size)-byte directory")
        }
        var entries: [ZipEntry] = []
        entries.reserveCapacity(Int(count))
        var offset = directoryStart
        for _ in 0..<count {
            let (entry, next) = try ZipEntry.parse(
                bytes, central: offset, end: directoryStart + directorySize, localLimit: directoryStart
            )
            try Self.checkRatio(entry)
            entries.append(entry)
            offset = next
        }
        if offset + 4 <= directoryStart + directorySize, ZipBytes.u32(bytes, offset) == ZipBytes.centralHeader {
            throw DocumentError(
                part: nil, offset: offset,
                reason: "damaged archive: the directory holds more entries than the \(count) its end record declares"
            )
        }
        try Self.checkOverlaps(entries)
        self.entries = entries
    }

    /// The last end record whose comment fits in the file (the comment may hold anything, so
    /// the search goes from the end, at most 64 KiB back).
    static func findEndRecord(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 22 else { return nil }
        let lowest = max(0, bytes.count - 22 - 0xFFFF)
        var k = bytes.count - 22
        while k >= lowest {
            if bytes[k] == 0x50, bytes[k + 1] == 0x4B, ZipBytes.u32(bytes, k) == ZipBytes.endOfDirectory,
               k + 22 + Int(ZipBytes.u16(bytes, k + 20)) <= bytes.count {
                return k
            }
            k -= 1
        }
        return nil
    }

    private static func checkRatio(_ entry: ZipEntry) throws(DocumentError) {
        switch entry.method {
        case ZipEntry.stored where !entry.isEncrypted && entry.compressedSize != entry.uncompressedSize:
            throw DocumentError(
                part: entry.name, offset: entry.record.lowerBound,
                reason: "damaged archive: a stored entry of \(entry.compressedSize) bytes declares \(entry.uncompressedSize)"
            )
        case ZipEntry.deflated where entry.uncompressedSize / ZipEntry.deflateMaximumRatio > entry.compressedSize + 1:
            throw DocumentError(
                part: entry.name, offset: entry.record.lowerBound,
                reason: "declares \(entry.uncompressedSize) bytes from \(entry.compressedSize) compressed, "
                    + "more than deflate can expand to (a zip bomb, or damage)"
            )
        default:
            break
        }
    }

    private static func checkOverlaps(_ entries: [ZipEntry]) throws(DocumentError) {
        let ordered = entries.sorted { $0.record.lowerBound < $1.record.lowerBound }
        for (first, second) in zip(ordered, ordered.dropFirst()) where first.record.upperBound > second.record.lowerBound {
            throw DocumentError(
                part: second.name, offset: second.record.lowerBound,
                reason: "damaged archive: the entry overlaps \(first.name) (a zip bomb's trick, or damage)"
            )
        }
    }
}
