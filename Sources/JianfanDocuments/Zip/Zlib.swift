internal import CJianfanZlib

/// Raw deflate and CRC-32 through the system's zlib (see CJianfanZlib: found at run time, so a
/// process that reads no zip archive never loads it). Failures are ``DocumentError``s about
/// `part`; a missing zlib says so and which library was looked for.
///
/// ```swift
/// let packed = try Zlib.deflate(Array("头发".utf8), part: "a.xml")
/// let (bytes, crc) = try Zlib.inflate(packed[...], size: 6, part: "a.xml")
/// ```
enum Zlib {
    /// The CRC-32 of `bytes`.
    static func crc32(_ bytes: ArraySlice<UInt8>, part: String) throws(DocumentError) -> UInt32 {
        try requireZlib(part: part)
        return bytes.withUnsafeBufferPointer { jianfan_zlib_crc32(0, $0.baseAddress, $0.count) }
    }

    /// Inflates `input` into exactly `size` bytes (nil `into`: only counts and checksums them)
    /// and returns them with their CRC-32; any other length is a damaged entry.
    static func inflate(_ input: ArraySlice<UInt8>, size: Int, part: String, keep: Bool = true) throws(DocumentError) -> ([UInt8], UInt32) {
        var output = keep ? [UInt8](repeating: 0, count: size) : []
        var produced = 0, consumed = 0, crc: UInt32 = 0
        var reason = [CChar](repeating: 0, count: 200)
        let status = input.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                jianfan_zlib_inflate(
                    source.baseAddress, source.count, keep ? target.baseAddress : nil, size,
                    &produced, &consumed, &crc, &reason, reason.count
                )
            }
        }
        let why = String(decoding: reason.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        switch Int(status) {
        case Int(JIANFAN_ZLIB_DONE) where produced == size:
            return (output, crc)
        case Int(JIANFAN_ZLIB_DONE):
            throw DocumentError(part: part, offset: nil, reason: "damaged archive entry: \(produced) bytes where the directory says \(size)")
        case Int(JIANFAN_ZLIB_TOO_LONG):
            throw DocumentError(part: part, offset: nil, reason: "damaged archive entry: more than the \(size) bytes the directory says")
        case Int(JIANFAN_ZLIB_TRUNCATED):
            throw DocumentError(part: part, offset: nil, reason: "damaged archive entry: the compressed data ends early (truncated)")
        case Int(JIANFAN_ZLIB_DAMAGED):
            throw DocumentError(part: part, offset: nil, reason: "damaged archive entry: invalid deflate data after \(consumed) compressed bytes (\(why))")
        default:
            throw DocumentError(part: part, offset: nil, reason: why)
        }
    }

    /// `bytes` as a raw deflate stream at zlib's default level.
    static func deflate(_ bytes: [UInt8], part: String) throws(DocumentError) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: jianfan_zlib_deflate_bound(bytes.count))
        var reason = [CChar](repeating: 0, count: 200)
        let written = bytes.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                jianfan_zlib_deflate(source.baseAddress, source.count, target.baseAddress, target.count, &reason, reason.count)
            }
        }
        guard written >= 0 else {
            let why = String(decoding: reason.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw DocumentError(part: part, offset: nil, reason: why)
        }
        output.removeSubrange(Int(written)...)
        return output
    }

    private static func requireZlib(part: String) throws(DocumentError) {
        var reason = [CChar](repeating: 0, count: 256)
        guard jianfan_zlib_available(&reason, reason.count) == 0 else { return }
        let why = String(decoding: reason.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        throw DocumentError(part: part, offset: nil, reason: why)
    }
}
