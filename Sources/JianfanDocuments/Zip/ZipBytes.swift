/// Little-endian fields of a zip archive, read from and appended to byte arrays. Every read is
/// preceded by ``has(_:_:in:)`` in the parser: a field that would lie past the end of the
/// archive is a damaged archive, never a read out of bounds.
///
/// ```swift
/// let bytes: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
/// ZipBytes.has(0, 4, in: bytes)          // true
/// ZipBytes.u32(bytes, 0) == 0x0403_4B50  // true: a local file header's signature
/// ```
enum ZipBytes {
    /// Whether `count` bytes from `start` lie inside `bytes` (no arithmetic that can overflow).
    static func has(_ start: Int, _ count: Int, in bytes: [UInt8]) -> Bool {
        start >= 0 && count >= 0 && start <= bytes.count && count <= bytes.count - start
    }

    static func u16(_ bytes: [UInt8], _ at: Int) -> UInt16 {
        UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
    }

    static func u32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        UInt32(u16(bytes, at)) | UInt32(u16(bytes, at + 2)) << 16
    }

    static func u64(_ bytes: [UInt8], _ at: Int) -> UInt64 {
        UInt64(u32(bytes, at)) | UInt64(u32(bytes, at + 4)) << 32
    }

    static func append(_ value: UInt16, to bytes: inout [UInt8]) {
        bytes.append(UInt8(truncatingIfNeeded: value))
        bytes.append(UInt8(truncatingIfNeeded: value >> 8))
    }

    static func append(_ value: UInt32, to bytes: inout [UInt8]) {
        append(UInt16(truncatingIfNeeded: value), to: &bytes)
        append(UInt16(truncatingIfNeeded: value >> 16), to: &bytes)
    }

    static func append(_ value: UInt64, to bytes: inout [UInt8]) {
        append(UInt32(truncatingIfNeeded: value), to: &bytes)
        append(UInt32(truncatingIfNeeded: value >> 32), to: &bytes)
    }

    /// The record signatures (`PK` and two bytes), as little-endian 32-bit values.
    static let localHeader: UInt32 = 0x0403_4B50
    static let centralHeader: UInt32 = 0x0201_4B50
    static let dataDescriptor: UInt32 = 0x0807_4B50
    static let endOfDirectory: UInt32 = 0x0605_4B50
    static let zip64EndOfDirectory: UInt32 = 0x0606_4B50
    static let zip64Locator: UInt32 = 0x0706_4B50

    /// A 32-bit size or offset of 0xFFFFFFFF (a 16-bit count of 0xFFFF) means "in the ZIP64
    /// extra field" (or the ZIP64 end record).
    static let sentinel32: UInt32 = 0xFFFF_FFFF
    static let sentinel16: UInt16 = 0xFFFF
    /// The extra field that holds ZIP64 sizes and offsets.
    static let zip64ExtraID: UInt16 = 0x0001

    /// `extra` without its ZIP64 field, which a writer recomputes. A malformed tail (a field
    /// longer than what is left) is kept as it is.
    static func extraWithoutZip64(_ extra: [UInt8]) -> [UInt8] {
        var kept: [UInt8] = []
        var k = 0
        while k + 4 <= extra.count {
            let size = Int(u16(extra, k + 2))
            guard k + 4 + size <= extra.count else { break }
            if u16(extra, k) != zip64ExtraID { kept += extra[k..<(k + 4 + size)] }
            k += 4 + size
        }
        kept += extra[k...]
        return kept
    }

    /// A ZIP64 extra field holding `values` (8 bytes each), or nothing when there are none.
    static func zip64Extra(_ values: [UInt64]) -> [UInt8] {
        guard !values.isEmpty else { return [] }
        var field: [UInt8] = []
        append(zip64ExtraID, to: &field)
        append(UInt16(values.count * 8), to: &field)
        for value in values { append(value, to: &field) }
        return field
    }
}
