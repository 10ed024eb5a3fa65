/// One entry of a zip archive, as its central directory record describes it, checked against
/// its local header: where its record lies in the archive (local header, data, data
/// descriptor), so that it can be copied byte for byte, and the fields a rewritten entry keeps.
///
/// ```swift
/// let directory = try ZipDirectory(bytes)
/// for entry in directory.entries { print(entry.name, entry.uncompressedSize) }
/// ```
struct ZipEntry {
    /// The name as stored (UTF-8 when flag bit 11 says so, and in practice in documents).
    let nameBytes: [UInt8]
    let versionMadeBy: UInt16
    let versionNeeded: UInt16
    let flags: UInt16
    /// 0: stored, 8: deflated; other methods are copied but cannot be read.
    let method: UInt16
    let time: UInt16
    let date: UInt16
    let crc: UInt32
    let compressedSize: Int
    let uncompressedSize: Int
    let internalAttributes: UInt16
    let externalAttributes: UInt32
    /// The central record's extra field without its ZIP64 field (a writer recomputes that).
    let centralExtra: [UInt8]
    let comment: [UInt8]
    /// The local header's extra field without its ZIP64 field.
    let localExtra: [UInt8]
    /// The whole local record: header, data and data descriptor.
    let record: Range<Int>
    /// The compressed data inside ``record``.
    let data: Range<Int>

    var name: String { String(decoding: nameBytes, as: UTF8.self) }
    var isDirectory: Bool { nameBytes.last == UInt8(ascii: "/") }
    var isEncrypted: Bool { flags & 1 != 0 }

    static let stored: UInt16 = 0
    static let deflated: UInt16 = 8
    /// Deflate expands at most about 1032 to 1 (a 258-byte match coded in 2 bits, plus block
    /// overhead): an entry that claims more is a zip bomb or damage, refused before inflating.
    static let deflateMaximumRatio = 1032

    /// The central record at `offset`, which must end by `end`, and its local record, which must
    /// lie before `localLimit` (the central directory). Returns the entry and its record's end.
    static func parse(
        _ bytes: [UInt8], central offset: Int, end: Int, localLimit: Int
    ) throws(DocumentError) -> (ZipEntry, next: Int) {
        func damaged(_ reason: String, at: Int, part: String? = nil) -> DocumentError {
            DocumentError(part: part, offset: at, reason: "damaged archive: \(reason)")
        }
        guard offset + 46 <= end, ZipBytes.u32(bytes, offset) == ZipBytes.centralHeader else {
            throw damaged("expected a central directory record", at: offset)
        }
        let nameLength = Int(ZipBytes.u16(bytes, offset + 28))
        let extraLength = Int(ZipBytes.u16(bytes, offset + 30))
        let commentLength = Int(ZipBytes.u16(bytes, offset + 32))
        let next = offset + 46 + nameLength + extraLength + commentLength
        guard next <= end else { throw damaged("a central directory record runs past the directory", at: offset) }
        let nameBytes = Array(bytes[(offset + 46)..<(offset + 46 + nameLength)])
        let name = String(decoding: nameBytes, as: UTF8.self)
        let extra = Array(bytes[(offset + 46 + nameLength)..<(offset + 46 + nameLength + extraLength)])

        // ZIP64: the fields whose 32-bit value is the sentinel follow in this order.
        var uncompressed = UInt64(ZipBytes.u32(bytes, offset + 24))
        var compressed = UInt64(ZipBytes.u32(bytes, offset + 20))
        var local = UInt64(ZipBytes.u32(bytes, offset + 42))
        var disk = UInt32(ZipBytes.u16(bytes, offset + 34))
        if uncompressed == 0xFFFF_FFFF || compressed == 0xFFFF_FFFF || local == 0xFFFF_FFFF || disk == 0xFFFF {
            guard let values = zip64Values(extra) else {
                throw damaged("sizes in a ZIP64 field that is missing", at: offset, part: name)
            }
            var k = 0
            func take(_ field: inout UInt64) -> Bool {
                guard k < values.count else { return false }
                field = values[k]
                k += 1
                return true
            }
            var wide = UInt64(disk)
            if uncompressed == 0xFFFF_FFFF, !take(&uncompressed) { throw damaged("a short ZIP64 field", at: offset, part: name) }
            if compressed == 0xFFFF_FFFF, !take(&compressed) { throw damaged("a short ZIP64 field", at: offset, part: name) }
            if local == 0xFFFF_FFFF, !take(&local) { throw damaged("a short ZIP64 field", at: offset, part: name) }
            if disk == 0xFFFF, take(&wide) { disk = UInt32(truncatingIfNeeded: wide) }
        }
        guard disk == 0 else {
            throw DocumentError(part: name, offset: offset, reason: "split (multi-disk) archives are not supported")
        }
        let compressedSize = Int(clamping: compressed), uncompressedSize = Int(clamping: uncompressed)
        let localOffset = Int(clamping: local)

        // The local header: in the archive, before the central directory, naming the same entry.
        guard ZipBytes.has(localOffset, 30, in: bytes), localOffset + 30 <= localLimit,
              ZipBytes.u32(bytes, localOffset) == ZipBytes.localHeader else {
            throw damaged("the entry's local header (offset \(local)) is missing or outside the archive", at: offset, part: name)
        }
        let localNameLength = Int(ZipBytes.u16(bytes, localOffset + 26))
        let localExtraLength = Int(ZipBytes.u16(bytes, localOffset + 28))
        let dataStart = localOffset + 30 + localNameLength + localExtraLength
        guard dataStart <= localLimit, compressedSize <= localLimit - dataStart else {
            throw damaged("the entry's data runs past the end of the entries", at: localOffset, part: name)
        }
        guard bytes[(localOffset + 30)..<(localOffset + 30 + localNameLength)].elementsEqual(nameBytes) else {
            throw damaged("the local header names another entry", at: localOffset, part: name)
        }
        let localExtra = Array(bytes[(localOffset + 30 + localNameLength)..<dataStart])
        let flags = ZipBytes.u16(bytes, offset + 8)
        let crc = ZipBytes.u32(bytes, offset + 16)
        var recordEnd = dataStart + compressedSize
        if flags & 0x0008 != 0 {
            guard let end = descriptorEnd(
                bytes, at: recordEnd, limit: localLimit, crc: crc, compressed: compressed, uncompressed: uncompressed
            ) else {
                throw damaged("the data descriptor does not match the central directory", at: recordEnd, part: name)
            }
            recordEnd = end
        }
        let entry = ZipEntry(
            nameBytes: nameBytes,
            versionMadeBy: ZipBytes.u16(bytes, offset + 4), versionNeeded: ZipBytes.u16(bytes, offset + 6),
            flags: flags, method: ZipBytes.u16(bytes, offset + 10),
            time: ZipBytes.u16(bytes, offset + 12), date: ZipBytes.u16(bytes, offset + 14), crc: crc,
            compressedSize: compressedSize, uncompressedSize: uncompressedSize,
            internalAttributes: ZipBytes.u16(bytes, offset + 36), externalAttributes: ZipBytes.u32(bytes, offset + 38),
            centralExtra: ZipBytes.extraWithoutZip64(extra),
            comment: Array(bytes[(next - commentLength)..<next]),
            localExtra: ZipBytes.extraWithoutZip64(localExtra),
            record: localOffset..<recordEnd, data: dataStart..<(dataStart + compressedSize)
        )
        return (entry, next)
    }

    /// The 8-byte values of the ZIP64 field in `extra`, or nil when it has none.
    static func zip64Values(_ extra: [UInt8]) -> [UInt64]? {
        var k = 0
        while k + 4 <= extra.count {
            let size = Int(ZipBytes.u16(extra, k + 2))
            guard k + 4 + size <= extra.count else { return nil }
            if ZipBytes.u16(extra, k) == ZipBytes.zip64ExtraID {
                return stride(from: k + 4, to: k + 4 + size - 7, by: 8).map { ZipBytes.u64(extra, $0) }
            }
            k += 4 + size
        }
        return nil
    }

    /// The end of the data descriptor at `start` (optional signature, CRC, then 4- or 8-byte
    /// sizes), when its values are the central directory's; nil otherwise.
    private static func descriptorEnd(
        _ bytes: [UInt8], at start: Int, limit: Int, crc: UInt32, compressed: UInt64, uncompressed: UInt64
    ) -> Int? {
        var k = start
        if k + 4 <= limit, ZipBytes.u32(bytes, k) == ZipBytes.dataDescriptor { k += 4 }
        if k + 12 <= limit, ZipBytes.u32(bytes, k) == crc,
           UInt64(ZipBytes.u32(bytes, k + 4)) == compressed, UInt64(ZipBytes.u32(bytes, k + 8)) == uncompressed {
            return k + 12
        }
        if k + 20 <= limit, ZipBytes.u32(bytes, k) == crc,
           ZipBytes.u64(bytes, k + 4) == compressed, ZipBytes.u64(bytes, k + 12) == uncompressed {
            return k + 20
        }
        return nil
    }
}
