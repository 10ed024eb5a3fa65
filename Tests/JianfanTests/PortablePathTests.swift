import CJianfanUTF8
import Jianfan
import Testing

/// The SIMD paths (x86-64) and the portable paths (every other machine) must agree. On x86-64
/// the portable ones run only when forced, so these tests force them and compare, on the same
/// random and edge-case inputs: an ARM machine then runs code that was tested here.
///
/// The switch is process-wide. This suite is serialized so that its own tests never flip it
/// under one another; other suites running meanwhile may take either path, which cannot change
/// their results (that is the claim under test).
@Suite("Portable paths", .serialized)
struct PortablePathTests {
    /// Runs `body` once on the fast path and once on the portable path.
    func bothPaths<R>(_ body: () -> R) -> (fast: R, portable: R) {
        jianfan_utf8_force_portable(false)
        let fast = body()
        jianfan_utf8_force_portable(true)
        defer { jianfan_utf8_force_portable(false) }
        return (fast, body())
    }

    /// Runs `body` with the AVX2 paths replaced (validation by SSSE3, finding bytes by SSE2).
    func withoutAVX2<R>(_ body: () -> R) -> R {
        jianfan_utf8_disable_avx2(true)
        defer { jianfan_utf8_disable_avx2(false) }
        return body()
    }

    @Test func theSwitchSelectsThePath() {
        let text = Array(String(repeating: "头发 and 頭髮 ", count: 20).utf8)
        let prefix = bothPaths { text.withUnsafeBufferPointer { jianfan_utf8_valid_prefix($0.baseAddress, $0.count) } }
        #expect(prefix.portable == 0)   // the portable path leaves every byte to the scalar loop
        #if arch(x86_64)
        #expect(prefix.fast > text.count - 32)   // the SIMD path took all but the last partial block
        let ssse3 = withoutAVX2 { text.withUnsafeBufferPointer { jianfan_utf8_valid_prefix($0.baseAddress, $0.count) } }
        #expect(ssse3 > text.count - 16)
        #endif
        #expect(!jianfan_utf8_portable_forced())
        #expect(!jianfan_utf8_avx2_disabled())
    }

    @Test func validationAgreesOnEveryInput() {
        var rng = SplitMix64(seed: 0x504F_5254)
        let pieces: [[UInt8]] = [
            Array("a".utf8), Array("\r\n".utf8), Array("é".utf8), Array("发".utf8), Array("頭髮".utf8),
            Array("𠮷".utf8), Array("\u{10FFFF}".utf8), Array("\u{E000}".utf8), Array("\u{D7FF}".utf8),
            Array("\u{800}".utf8), Array("\u{80}".utf8), Array(repeating: 0x41, count: 16),
        ]
        let faults: [[UInt8]] = [
            [0x80], [0xBF], [0xC0, 0xAF], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xE0, 0x9F, 0xBF],
            [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF], [0xF0, 0x80, 0x80, 0x80], [0xF0, 0x8F, 0xBF, 0xBF],
            [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF], [0xFE], [0xE5, 0xA4], [0xE5],
            [0xF0, 0x9F, 0x98], [0xC3], [0xE5, 0x41], [0x00],
        ]
        var inputs: [[UInt8]] = [[], Array(repeating: 0x80, count: 40), Array(repeating: 0xFF, count: 17)]
        // Every fault at every offset of runs of three-byte scalars (48 and 132 bytes): across
        // the edges of 16-byte (SSSE3), 32-byte and 64-byte (AVX2) blocks.
        for han in [Array(String(repeating: "发", count: 16).utf8), Array(String(repeating: "发", count: 44).utf8)] {
            for fault in faults {
                for at in 0...han.count { inputs.append(Array(han[..<at]) + fault + han[at...]) }
            }
        }
        for round in 0..<5_000 {
            var bytes: [UInt8] = []
            let length = Int.random(in: 0...200, using: &rng)
            while bytes.count < length { bytes += pieces.randomElement(using: &rng)! }
            if round % 3 != 0 {
                bytes.insert(contentsOf: faults.randomElement(using: &rng)!, at: Int.random(in: 0...bytes.count, using: &rng))
            }
            if round % 5 == 0, !bytes.isEmpty { bytes.removeLast(Int.random(in: 1...min(3, bytes.count), using: &rng)) }
            inputs.append(bytes)
        }
        var mismatches = 0, invalid = 0
        for bytes in inputs {
            let scans = bothPaths { bytes.withUnsafeBufferPointer { UTF8Validation.scan($0) } }
            let ssse3 = withoutAVX2 { bytes.withUnsafeBufferPointer { UTF8Validation.scan($0) } }
            let offsets = bothPaths { UTF8Validation.firstInvalidOffset(in: bytes) }
            let expected = UTF8ValidationTests.reference(bytes)
            if case .invalid = expected { invalid += 1 }
            if scans.fast != expected || scans.portable != expected || ssse3 != expected
                || offsets.fast != offsets.portable {
                mismatches += 1
                if mismatches <= 5 {
                    Issue.record("\(bytes): fast \(scans.fast), portable \(scans.portable), expected \(expected)")
                }
            }
        }
        #expect(mismatches == 0)
        #expect(invalid > inputs.count / 2)   // most inputs have an error for the paths to find
    }

    @Test func compatibilityScanAgreesOnEveryInput() {
        var rng = SplitMix64(seed: 0x434F_4D50)
        // The two lead bytes, their second bytes and near misses either side, and filler.
        let alphabet: [UInt8] = [0xEF, 0xF0, 0xA3, 0xA4, 0xA8, 0xAB, 0xAC, 0xAE, 0xAF, 0xB0, 0x41, 0xE5, 0x80, 0x00]
        var inputs: [[UInt8]] = [[], [0xEF], [0xEF, 0xA4], [0xF0, 0xAF]]
        for pair: [UInt8] in [[0xEF, 0xA4], [0xEF, 0xAB], [0xF0, 0xAF], [0xEF, 0xA3], [0xEF, 0xAC], [0xF0, 0xAE]] {
            for length in 1...40 {
                for at in 0...(length - 1) {
                    var bytes = [UInt8](repeating: 0x41, count: length)
                    bytes[at] = pair[0]
                    if at + 1 < length { bytes[at + 1] = pair[1] }
                    inputs.append(bytes)
                }
            }
        }
        for _ in 0..<5_000 {
            let length = Int.random(in: 0...80, using: &rng)
            inputs.append((0..<length).map { _ in
                Bool.random(using: &rng) ? 0x41 : alphabet.randomElement(using: &rng)!
            })
        }
        var mismatches = 0
        for bytes in inputs {
            let found = bothPaths { bytes.withUnsafeBufferPointer { jianfan_find_compatibility($0.baseAddress, $0.count) } }
            let expected = Self.firstCompatibility(bytes)
            if found.fast != expected || found.portable != expected {
                mismatches += 1
                if mismatches <= 5 { Issue.record("\(bytes): fast \(found.fast), portable \(found.portable), expected \(expected)") }
            }
        }
        #expect(mismatches == 0)
    }

    /// Conversion goes through both C paths (validation, and the normalization of compatibility
    /// ideographs); its output must not depend on which ran.
    @Test(arguments: [Config.s2t, .t2s, .s2twp, .hk2s, .t2jp])
    func conversionIsTheSameOnBothPaths(config: Config) {
        var rng = SplitMix64(seed: 0x434F_4E56)
        let pieces = ["头发", "頭髮", "\u{F900}", "\u{FA0E}", "\u{2F800}", "\u{2FA1D}", "⿰氵每", "abc ", "\n",
                      "鼠标和软件", "乾隆", "𠮷", "，", String(repeating: "x", count: 15)]
        let converter = Converter(config)
        for _ in 0..<200 {
            let text = (0..<Int.random(in: 0...60, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            let outputs = bothPaths { converter.convert(text) }
            #expect(outputs.fast == outputs.portable, "\(config): \(text)")
        }
    }

    /// `jianfan_find_any` (AVX2, SSE2, portable) and `jianfan_find_last_any` (SSE2, portable)
    /// against the first and last index by definition, for
    /// every position of a value in blocks of every length around the vector widths, and on
    /// random bytes; sets of one to eight values (repeated to fill eight).
    @Test func findingAnyOfAFewBytesIsTheSameOnEveryPath() {
        var rng = SplitMix64(seed: 0x4649_4E44)
        let sets: [[UInt8]] = [[0x28, 0xEF], [0x2C, 0x3A, 0x3B, 0x3F, 0x21, 0x28, 0x29, 0xEF], [0x0A, 0x0D], [0x00],
                               [0x3C, 0x5D, 0x26, 0x3A, 0x77, 0x57, 0x60, 0x40], [0xFF, 0x80, 0x7F]]
        var inputs: [[UInt8]] = [[]]
        for length in 1...140 {
            for at in [0, length / 3, length - 1] {
                for value: UInt8 in [0x28, 0xEF, 0x0A, 0x00, 0x40, 0xFF] {
                    var bytes = [UInt8](repeating: 0x41, count: length)
                    bytes[at] = value
                    inputs.append(bytes)
                }
            }
        }
        for _ in 0..<3_000 {
            let length = Int.random(in: 0...300, using: &rng)
            let rare = UInt8.random(in: 0...255, using: &rng)
            inputs.append((0..<length).map { _ in Int.random(in: 0..<64, using: &rng) == 0 ? rare : 0x61 })
        }
        var mismatches = 0
        for values in sets {
            let eight = values + Array(repeating: values.last!, count: 8 - values.count)
            for bytes in inputs {
                let expected = bytes.firstIndex { values.contains($0) } ?? bytes.count
                let find = { bytes.withUnsafeBufferPointer { b in eight.withUnsafeBufferPointer { jianfan_find_any(b.baseAddress, b.count, $0.baseAddress) } } }
                let found = bothPaths(find)
                let sse2 = withoutAVX2(find)
                if found.fast != expected || found.portable != expected || sse2 != expected {
                    mismatches += 1
                    if mismatches <= 5 { Issue.record("\(values) in \(bytes.count) bytes: fast \(found.fast), SSE2 \(sse2), portable \(found.portable), expected \(expected)") }
                }
                let expectedLast = bytes.lastIndex { values.contains($0) }.map { $0 + 1 } ?? 0
                let last = bothPaths { bytes.withUnsafeBufferPointer { b in eight.withUnsafeBufferPointer { jianfan_find_last_any(b.baseAddress, b.count, $0.baseAddress) } } }
                if last.fast != expectedLast || last.portable != expectedLast {
                    mismatches += 1
                    if mismatches <= 5 { Issue.record("last of \(values) in \(bytes.count) bytes: fast \(last.fast), portable \(last.portable), expected \(expectedLast)") }
                }
            }
        }
        #expect(mismatches == 0)
    }

    /// Where the first pair EF A4–AB or F0 AF starts, by definition.
    static func firstCompatibility(_ bytes: [UInt8]) -> Int {
        for i in bytes.indices.dropLast() {
            if bytes[i] == 0xEF && (0xA4...0xAB).contains(bytes[i + 1]) { return i }
            if bytes[i] == 0xF0 && bytes[i + 1] == 0xAF { return i }
        }
        return bytes.count
    }
}
