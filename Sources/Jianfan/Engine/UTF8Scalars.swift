/// Reading scalars out of UTF-8 that has already been validated, and OpenCC's treatment of
/// ideographic description sequences (IDS, e.g. `⿰氵青`): a complete one is one unit, copied
/// unconverted; its operands may be any scalar, line breaks included.
enum UTF8Scalars {
    /// The scalar at `p` and its length in bytes. `p` must start a valid sequence.
    @inline(__always)
    static func decode(_ p: UnsafePointer<UInt8>) -> (scalar: UInt32, length: Int) {
        let b0 = UInt32(p[0])
        if b0 < 0x80 { return (b0, 1) }
        if b0 < 0xE0 { return ((b0 & 0x1F) << 6 | UInt32(p[1] & 0x3F), 2) }
        if b0 < 0xF0 {
            return ((b0 & 0x0F) << 12 | UInt32(p[1] & 0x3F) << 6 | UInt32(p[2] & 0x3F), 3)
        }
        return ((b0 & 0x07) << 18 | UInt32(p[1] & 0x3F) << 12 | UInt32(p[2] & 0x3F) << 6 | UInt32(p[3] & 0x3F), 4)
    }

    @inline(__always)
    static func isIDSOperator(_ scalar: UInt32) -> Bool { scalar &- 0x2FF0 < 0x10 }

    /// How many operands an IDS operator takes (U+2FF0…U+2FFF, as OpenCC 1.4.2 defines them).
    @inline(__always)
    static func arity(_ scalar: UInt32) -> Int {
        switch scalar {
        case 0x2FF2, 0x2FF3: 3
        case 0x2FFE, 0x2FFF: 1
        case 0x2FF0...0x2FFD: 2
        default: 0
        }
    }

    /// The byte length of the complete IDS starting at `p`, or 0 when there is none
    /// (not an operator, cut off by `end`, or deeper than OpenCC's limits: depth 16, 64 scalars).
    static func idsLength(_ p: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> Int {
        var scalars = 0
        func consume(_ q: UnsafePointer<UInt8>, depthLeft: Int) -> Int? {
            if q >= end || depthLeft == 0 || scalars >= 64 { return nil }
            let (scalar, length) = decode(q)
            if q + length > end { return nil }
            scalars += 1
            let operands = arity(scalar)
            var offset = length
            for _ in 0..<operands {
                guard let operand = consume(q + offset, depthLeft: depthLeft - 1) else { return nil }
                offset += operand
            }
            return offset
        }
        return consume(p, depthLeft: 16) ?? 0
    }
}
