import Jianfan
import Testing

@Suite("UTF8Validation")
struct UTF8ValidationTests {
    @Test func offsets() {
        #expect(UTF8Validation.firstInvalidOffset(in: Array("a发𠮷".utf8)) == nil)
        #expect(UTF8Validation.firstInvalidOffset(in: [0x61, 0xC0, 0xAF]) == 1)          // overlong
        #expect(UTF8Validation.firstInvalidOffset(in: [0x61, 0x62, 0xE0, 0x80, 0x80]) == 2)  // overlong 3-byte
        #expect(UTF8Validation.firstInvalidOffset(in: [0xED, 0xA0, 0x80]) == 0)          // surrogate
        #expect(UTF8Validation.firstInvalidOffset(in: [0x61, 0x80]) == 1)                // bare continuation
        #expect(UTF8Validation.firstInvalidOffset(in: [0xF4, 0x90, 0x80, 0x80]) == 0)    // above U+10FFFF
        #expect(UTF8Validation.firstInvalidOffset(in: Array("发".utf8) + [0xE5, 0xA4]) == 3)  // truncated
        #expect(UTF8Validation.firstInvalidOffset(in: Array(repeating: UInt8(0x41), count: 37) + [0xFE]) == 37)
    }

    @Test func repaired() {
        #expect(UTF8Validation.repaired([0x61, 0xFF, 0x62]) == Array("a\u{FFFD}b".utf8))
    }

    /// The bulk of a buffer is checked 16 bytes at a time (SIMD), the rest scalar by scalar: on
    /// inputs where errors fall at every position relative to the 16-byte blocks, the result
    /// (offset and length of the first error, or the incomplete tail) must be the standard
    /// library's decoder's.
    @Test func agreesWithTheStandardLibraryDecoder() {
        var rng = SplitMix64(seed: 0x75_7466_38)
        let pieces: [[UInt8]] = [
            Array("a".utf8), Array("<p>\r\n".utf8), Array("é".utf8), Array("发".utf8), Array("頭髮".utf8),
            Array("𠮷".utf8), Array("\u{FEFF}".utf8), Array("\u{10FFFF}".utf8), Array("\u{E000}".utf8),
            Array("\u{D7FF}".utf8), Array("\u{800}".utf8), Array("\u{80}".utf8),
        ]
        let faults: [[UInt8]] = [
            [0x80], [0xBF], [0xC0, 0xAF], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xE0, 0x9F, 0xBF],
            [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF], [0xF0, 0x80, 0x80, 0x80], [0xF0, 0x8F, 0xBF, 0xBF],
            [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF], [0xFE], [0xE5, 0xA4], [0xE5],
            [0xF0, 0x9F], [0xF0, 0x9F, 0x98], [0xC3], [0xE5, 0x41], [0xF0, 0x9F, 0x98, 0x41],
        ]
        var mismatches = 0
        for round in 0..<20_000 {
            var bytes: [UInt8] = []
            let length = Int.random(in: 0...120, using: &rng)
            while bytes.count < length { bytes += pieces.randomElement(using: &rng)! }
            if round % 4 != 0 {
                let at = Int.random(in: 0...bytes.count, using: &rng)
                let fault = faults.randomElement(using: &rng)!
                // Some faults land inside a scalar, which is a fault of its own.
                bytes.insert(contentsOf: fault, at: at)
            }
            if round % 7 == 0 && !bytes.isEmpty { bytes.removeLast(Int.random(in: 1...min(3, bytes.count), using: &rng)) }
            let got = bytes.withUnsafeBufferPointer { UTF8Validation.scan($0) }
            let expected = Self.reference(bytes)
            if got != expected {
                mismatches += 1
                if mismatches <= 5 { Issue.record("\(bytes.map { String($0, radix: 16) }): \(got) != \(expected)") }
            }
        }
        #expect(mismatches == 0)
    }

    /// The first error of `bytes` as the standard library's UTF-8 parser sees it, with a valid
    /// but unfinished last scalar reported as an incomplete tail.
    static func reference(_ bytes: [UInt8]) -> UTF8Validation.Scan {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return .valid(incompleteTail: 0)
            case .error(let length):
                let rest = Array(bytes[offset...])
                if offset + length == bytes.count && isUnfinished(rest) { return .valid(incompleteTail: rest.count) }
                return .invalid(offset: offset, length: length)
            }
        }
    }

    /// Whether some continuation bytes complete `prefix` into one valid scalar.
    static func isUnfinished(_ prefix: [UInt8]) -> Bool {
        for second: UInt8 in [0x80, 0x90, 0xA0, 0xBF] {
            let completed = prefix + (prefix.count == 1 ? [second, 0x80, 0x80] : [0x80, 0x80, 0x80])
            var parser = Unicode.UTF8.ForwardParser()
            var iterator = completed.makeIterator()
            if case .valid(let scalar) = parser.parseScalar(from: &iterator), scalar.count > prefix.count { return true }
        }
        return false
    }
}
