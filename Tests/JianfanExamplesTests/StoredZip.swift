/// Zip archives of stored (uncompressed) entries, written and read without a zip library: the
/// document examples need an EPUB to convert, and the converter keeps stored entries stored.
enum StoredZip {
    /// An archive holding `entries` (name, bytes) in order, every one stored.
    static func make(_ entries: [(name: String, bytes: [UInt8])]) -> [UInt8] {
        var out: [UInt8] = [], directory: [UInt8] = []
        for (name, bytes) in entries {
            let offset = out.count, crc = crc32(bytes), nameBytes = Array(name.utf8)
            // version, flags (bit 11: UTF-8 names), method 0 (stored), time, date
            let common: [UInt8] = le(20, 2) + le(0x800, 2) + le(0, 2) + le(0, 2) + le(0x21, 2)
                + le(crc, 4) + le(bytes.count, 4) + le(bytes.count, 4) + le(nameBytes.count, 2) + le(0, 2)
            out += le(0x0403_4B50, 4) + common + nameBytes + bytes
            directory += le(0x0201_4B50, 4) + le(20, 2) + common
                + le(0, 2) + le(0, 2) + le(0, 2) + le(0, 4) + le(offset, 4) + nameBytes
        }
        let start = out.count
        out += directory
        out += le(0x0605_4B50, 4) + le(0, 2) + le(0, 2) + le(entries.count, 2) + le(entries.count, 2)
            + le(directory.count, 4) + le(start, 4) + le(0, 2)
        return out
    }

    /// The stored entries of `zip` by name, found through its central directory (nil if the
    /// archive is not one this reader understands).
    static func entries(_ zip: [UInt8]) -> [String: [UInt8]]? {
        guard zip.count >= 22, let end = stride(from: zip.count - 22, through: 0, by: -1)
            .first(where: { read(zip, $0, 4) == 0x0605_4B50 }) else { return nil }
        var p = read(zip, end + 16, 4), found: [String: [UInt8]] = [:]
        for _ in 0..<read(zip, end + 10, 2) {
            guard read(zip, p, 4) == 0x0201_4B50, read(zip, p + 10, 2) == 0 else { return nil }
            let size = read(zip, p + 20, 4), nameLength = read(zip, p + 28, 2)
            let extra = read(zip, p + 30, 2), comment = read(zip, p + 32, 2), local = read(zip, p + 42, 4)
            let name = String(decoding: zip[(p + 46)..<(p + 46 + nameLength)], as: UTF8.self)
            let data = local + 30 + read(zip, local + 26, 2) + read(zip, local + 28, 2)
            found[name] = Array(zip[data..<(data + size)])
            p += 46 + nameLength + extra + comment
        }
        return found
    }

    static func le(_ value: some BinaryInteger, _ count: Int) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: UInt64(value) >> (8 * UInt64($0))) }
    }

    static func read(_ bytes: [UInt8], _ at: Int, _ count: Int) -> Int {
        (0..<count).reduce(0) { $0 | Int(bytes[at + $1]) << (8 * $1) }
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 != 0 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}
