/// Writes zip archives byte by byte for the tests, independently of the package's writer (its
/// own CRC-32, bitwise): the shapes other writers produce (data descriptors with and without
/// their signature, ZIP64 fields and end records) and the damage the reader must refuse.
struct TestArchive {
    struct Entry {
        var name: String
        var content: [UInt8]
        /// The bytes stored: `content` itself, or deflated data given by the test.
        var data: [UInt8]
        var method: UInt16 = 0
        var descriptor: Descriptor = .none
        var zip64 = false
        var crc: UInt32? = nil            // nil: the right one
        var declaredSize: UInt64? = nil   // nil: the content's length
    }

    enum Descriptor { case none, signed, unsigned }

    var entries: [Entry] = []
    var comment: [UInt8] = []
    /// A ZIP64 end record and locator, whatever the counts.
    var zip64End = false

    static func stored(_ name: String, _ text: String) -> Entry {
        Entry(name: name, content: Array(text.utf8), data: Array(text.utf8))
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 != 0 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    /// The archive's bytes, and the offset of each entry's central record.
    func bytes() -> (bytes: [UInt8], central: [Int]) {
        var out: [UInt8] = [], directory: [UInt8] = [], offsets: [Int] = [], centralOffsets: [Int] = []
        for entry in entries {
            offsets.append(out.count)
            let crc = entry.crc ?? Self.crc32(entry.content)
            let size = entry.declaredSize ?? UInt64(entry.content.count)
            let flags: UInt16 = entry.descriptor == .none ? 0x0800 : 0x0808
            let zip64Extra = entry.zip64 ? le(UInt16(1)) + le(UInt16(16)) + le(size) + le(UInt64(entry.data.count)) : []
            out += le(UInt32(0x0403_4B50)) + le(UInt16(entry.zip64 ? 45 : 20)) + le(flags) + le(entry.method)
            out += le(UInt16(0x6000)) + le(UInt16(0x5A21))
            if entry.descriptor == .none {
                out += le(crc) + (entry.zip64 ? le(UInt32.max) + le(UInt32.max) : le(UInt32(entry.data.count)) + le(UInt32(size)))
            } else {
                out += le(UInt32(0)) + (entry.zip64 ? le(UInt32.max) + le(UInt32.max) : le(UInt32(0)) + le(UInt32(0)))
            }
            out += le(UInt16(entry.name.utf8.count)) + le(UInt16(zip64Extra.count)) + Array(entry.name.utf8) + zip64Extra
            out += entry.data
            if entry.descriptor != .none {
                if entry.descriptor == .signed { out += le(UInt32(0x0807_4B50)) }
                out += le(crc)
                out += entry.zip64 ? le(UInt64(entry.data.count)) + le(size) : le(UInt32(entry.data.count)) + le(UInt32(size))
            }
        }
        let start = out.count
        for (entry, offset) in zip(entries, offsets) {
            centralOffsets.append(start + directory.count)
            let crc = entry.crc ?? Self.crc32(entry.content)
            let size = entry.declaredSize ?? UInt64(entry.content.count)
            let flags: UInt16 = entry.descriptor == .none ? 0x0800 : 0x0808
            let extra = entry.zip64
                ? le(UInt16(1)) + le(UInt16(24)) + le(size) + le(UInt64(entry.data.count)) + le(UInt64(offset)) : []
            directory += le(UInt32(0x0201_4B50)) + le(UInt16(0x031E)) + le(UInt16(entry.zip64 ? 45 : 20)) + le(flags)
            directory += le(entry.method) + le(UInt16(0x6000)) + le(UInt16(0x5A21)) + le(crc)
            directory += entry.zip64 ? le(UInt32.max) + le(UInt32.max) : le(UInt32(entry.data.count)) + le(UInt32(size))
            directory += le(UInt16(entry.name.utf8.count)) + le(UInt16(extra.count)) + le(UInt16(0)) + le(UInt16(0))
            directory += le(UInt16(0)) + le(UInt32(0o100644 << 16))
            directory += entry.zip64 ? le(UInt32.max) : le(UInt32(offset))
            directory += Array(entry.name.utf8) + extra
        }
        out += directory
        if zip64End {
            let record = out.count
            out += le(UInt32(0x0606_4B50)) + le(UInt64(44)) + le(UInt16(45)) + le(UInt16(45)) + le(UInt32(0)) + le(UInt32(0))
            out += le(UInt64(entries.count)) + le(UInt64(entries.count)) + le(UInt64(directory.count)) + le(UInt64(start))
            out += le(UInt32(0x0706_4B50)) + le(UInt32(0)) + le(UInt64(record)) + le(UInt32(1))
        }
        out += le(UInt32(0x0605_4B50)) + le(UInt32(0))
        let count = zip64End ? UInt16.max : UInt16(entries.count)
        out += le(count) + le(count)
        out += zip64End ? le(UInt32.max) + le(UInt32.max) : le(UInt32(directory.count)) + le(UInt32(start))
        out += le(UInt16(comment.count)) + comment
        return (out, centralOffsets)
    }

    private func le<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
        (0..<(T.bitWidth / 8)).map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) }
    }
}
