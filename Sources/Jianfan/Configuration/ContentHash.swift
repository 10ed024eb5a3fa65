/// A 128-bit hash of byte strings: the key of a cached plan and the checksum of its file
/// (``PlanCache``). Two independent 64-bit lanes, each a multiply-rotate chain over 8-byte words
/// with its own seed and constants, finished with a full avalanche; every `update` also mixes
/// in its length, so a sequence of updates identifies the sequence of byte strings. Not meant
/// to resist an adversary (a cache file is the user's own), only to make accidental collisions
/// negligible: about 2⁻¹²⁸ per pair. Hashes about 2 GB/s, so hashing a configuration's
/// dictionaries costs far less than parsing them.
///
/// ```swift
/// var h = ContentHash()
/// h.update(Array("软件\t軟體\n".utf8))
/// h.digest   // (UInt64, UInt64), the same for the same updates on any machine
/// ```
struct ContentHash {
    private var a: UInt64 = 0x243F_6A88_85A3_08D3
    private var b: UInt64 = 0x1319_8A2E_0370_7344
    private static let p1: UInt64 = 0x9E37_79B9_7F4A_7C15
    private static let p2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let p3: UInt64 = 0x1656_67B1_9E37_79F9
    private static let p4: UInt64 = 0xD6E8_FEB8_6659_FD93

    init() {}

    /// Mixes in `bytes` and their length.
    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        var a = self.a, b = self.b
        let count = bytes.count
        var at = 0
        if let base = bytes.baseAddress {
            while at + 8 <= count {
                let w = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: at, as: UInt64.self))
                a = ((a ^ w) &* ContentHash.p1).rotated(31)
                b = ((b ^ w) &* ContentHash.p2).rotated(29)
                at += 8
            }
            var tail: UInt64 = 0
            for i in 0..<(count - at) { tail |= UInt64(base.load(fromByteOffset: at + i, as: UInt8.self)) << (8 * UInt64(i)) }
            a = ((a ^ tail) &* ContentHash.p3).rotated(27)
            b = ((b ^ tail) &* ContentHash.p4).rotated(33)
        }
        a = (a ^ UInt64(count)) &* ContentHash.p2
        b = (b ^ UInt64(count)) &* ContentHash.p1
        self.a = a
        self.b = b
    }

    mutating func update(_ bytes: [UInt8]) { bytes.withUnsafeBytes { update($0) } }

    mutating func update(_ text: String) { update(Array(text.utf8)) }

    mutating func update(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { update($0) } }

    /// The hash of everything mixed in so far.
    var digest: (UInt64, UInt64) {
        let x = ContentHash.finish(a ^ b.rotated(17)), y = ContentHash.finish(b ^ a.rotated(41) ^ ContentHash.p3)
        return (x, y)
    }

    /// The 128-bit hash of `bytes` alone.
    static func of(_ bytes: UnsafeRawBufferPointer) -> (UInt64, UInt64) {
        var h = ContentHash()
        h.update(bytes)
        return h.digest
    }

    /// MurmurHash3's 64-bit finalizer: every input bit affects every output bit.
    private static func finish(_ v: UInt64) -> UInt64 {
        var v = v
        v ^= v >> 33; v &*= 0xFF51_AFD7_ED55_8CCD
        v ^= v >> 33; v &*= 0xC4CE_B9FE_1A85_EC53
        v ^= v >> 33
        return v
    }
}

extension UInt64 {
    fileprivate func rotated(_ n: UInt64) -> UInt64 { self << n | self >> (64 - n) }
}
