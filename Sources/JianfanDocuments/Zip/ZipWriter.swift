/// Builds a zip archive in memory from the entries of another, in order: an entry copied as it
/// is keeps its whole local record byte for byte (header, compressed data, data descriptor);
/// a rewritten entry keeps its name, dates, attributes, extra fields and compression method
/// (stored stays stored, deflated is deflated anew). ZIP64 fields are written exactly where a
/// size, an offset or the entry count needs them.
///
/// ```swift
/// var writer = ZipWriter(capacity: bytes.count)
/// try writer.copy(entry, from: bytes)
/// try writer.replace(other, with: convertedText)
/// let archive = writer.finish(comment: directory.comment)
/// ```
struct ZipWriter {
    private var output: [UInt8] = []
    private var central: [UInt8] = []
    private var count = 0

    init(capacity: Int) {
        output.reserveCapacity(capacity)
    }

    /// Appends `entry`'s local record from `source` unchanged.
    mutating func copy(_ entry: ZipEntry, from source: [UInt8]) throws(DocumentError) {
        let offset = output.count
        output += source[entry.record]
        try addCentral(entry, flags: entry.flags, crc: entry.crc, compressed: entry.compressedSize,
                   uncompressed: entry.uncompressedSize, offset: offset, versionNeeded: entry.versionNeeded)
    }

    /// Appends `entry` with new content, compressed with the entry's method.
    mutating func replace(_ entry: ZipEntry, with content: [UInt8]) throws(DocumentError) {
        let crc = try Zlib.crc32(content[...], part: entry.name)
        let data = entry.method == ZipEntry.deflated ? try Zlib.deflate(content, part: entry.name) : content
        // Sizes are known now: no data descriptor; the deflate level bits no longer apply.
        let flags = entry.flags & ~0x000E
        let wide = content.count >= 0xFFFF_FFFF || data.count >= 0xFFFF_FFFF
        let versionNeeded = wide ? max(entry.versionNeeded, 45) : entry.versionNeeded
        let offset = output.count
        let extra = try Self.fitting((wide ? ZipBytes.zip64Extra([UInt64(content.count), UInt64(data.count)]) : []) + entry.localExtra, entry)
        ZipBytes.append(ZipBytes.localHeader, to: &output)
        ZipBytes.append(versionNeeded, to: &output)
        ZipBytes.append(flags, to: &output)
        ZipBytes.append(entry.method, to: &output)
        ZipBytes.append(entry.time, to: &output)
        ZipBytes.append(entry.date, to: &output)
        ZipBytes.append(crc, to: &output)
        ZipBytes.append(wide ? ZipBytes.sentinel32 : UInt32(data.count), to: &output)
        ZipBytes.append(wide ? ZipBytes.sentinel32 : UInt32(content.count), to: &output)
        ZipBytes.append(UInt16(entry.nameBytes.count), to: &output)
        ZipBytes.append(UInt16(extra.count), to: &output)
        output += entry.nameBytes
        output += extra
        output += data
        try addCentral(entry, flags: flags, crc: crc, compressed: data.count, uncompressed: content.count,
                   offset: offset, versionNeeded: versionNeeded)
    }

    /// The archive: the entries, the central directory and its end records.
    consuming func finish(comment: [UInt8]) -> [UInt8] {
        let start = output.count
        output += central
        let size = central.count
        if count >= 0xFFFF || start >= 0xFFFF_FFFF || size >= 0xFFFF_FFFF {
            let record = output.count
            ZipBytes.append(ZipBytes.zip64EndOfDirectory, to: &output)
            ZipBytes.append(UInt64(44), to: &output)                 // the size of what follows
            ZipBytes.append(UInt16(45), to: &output)                 // made by: version 4.5
            ZipBytes.append(UInt16(45), to: &output)                 // needed to extract
            ZipBytes.append(UInt32(0), to: &output)                  // this disk
            ZipBytes.append(UInt32(0), to: &output)                  // the directory's disk
            ZipBytes.append(UInt64(count), to: &output)
            ZipBytes.append(UInt64(count), to: &output)
            ZipBytes.append(UInt64(size), to: &output)
            ZipBytes.append(UInt64(start), to: &output)
            ZipBytes.append(ZipBytes.zip64Locator, to: &output)
            ZipBytes.append(UInt32(0), to: &output)
            ZipBytes.append(UInt64(record), to: &output)
            ZipBytes.append(UInt32(1), to: &output)                  // disks in all
        }
        ZipBytes.append(ZipBytes.endOfDirectory, to: &output)
        ZipBytes.append(UInt32(0), to: &output)                      // disk numbers
        ZipBytes.append(UInt16(min(count, 0xFFFF)), to: &output)
        ZipBytes.append(UInt16(min(count, 0xFFFF)), to: &output)
        ZipBytes.append(UInt32(min(size, 0xFFFF_FFFF)), to: &output)
        ZipBytes.append(UInt32(min(start, 0xFFFF_FFFF)), to: &output)
        ZipBytes.append(UInt16(comment.count), to: &output)
        output += comment
        return output
    }

    private mutating func addCentral(
        _ entry: ZipEntry, flags: UInt16, crc: UInt32, compressed: Int, uncompressed: Int, offset: Int, versionNeeded: UInt16
    ) throws(DocumentError) {
        var wide: [UInt64] = []
        if uncompressed >= 0xFFFF_FFFF { wide.append(UInt64(uncompressed)) }
        if compressed >= 0xFFFF_FFFF { wide.append(UInt64(compressed)) }
        if offset >= 0xFFFF_FFFF { wide.append(UInt64(offset)) }
        let extra = try Self.fitting(ZipBytes.zip64Extra(wide) + entry.centralExtra, entry)
        ZipBytes.append(ZipBytes.centralHeader, to: &central)
        ZipBytes.append(entry.versionMadeBy, to: &central)
        ZipBytes.append(wide.isEmpty ? versionNeeded : max(versionNeeded, 45), to: &central)
        ZipBytes.append(flags, to: &central)
        ZipBytes.append(entry.method, to: &central)
        ZipBytes.append(entry.time, to: &central)
        ZipBytes.append(entry.date, to: &central)
        ZipBytes.append(crc, to: &central)
        ZipBytes.append(UInt32(min(compressed, 0xFFFF_FFFF)), to: &central)
        ZipBytes.append(UInt32(min(uncompressed, 0xFFFF_FFFF)), to: &central)
        ZipBytes.append(UInt16(entry.nameBytes.count), to: &central)
        ZipBytes.append(UInt16(extra.count), to: &central)
        ZipBytes.append(UInt16(entry.comment.count), to: &central)
        ZipBytes.append(UInt16(0), to: &central)                    // disk
        ZipBytes.append(entry.internalAttributes, to: &central)
        ZipBytes.append(entry.externalAttributes, to: &central)
        ZipBytes.append(UInt32(min(offset, 0xFFFF_FFFF)), to: &central)
        central += entry.nameBytes
        central += extra
        central += entry.comment
        count += 1
    }

    /// An extra field with a ZIP64 field added must still fit its 16-bit length.
    private static func fitting(_ extra: [UInt8], _ entry: ZipEntry) throws(DocumentError) -> [UInt8] {
        guard extra.count > 0xFFFF else { return extra }
        throw DocumentError(part: entry.name, offset: nil, reason: "the entry's extra field has no room for its ZIP64 sizes")
    }
}
