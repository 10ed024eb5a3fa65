#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
@testable import Jianfan

/// Regressions found by adversarial testing: each case failed before its fix.
@Suite("Adversarial inputs: bad bytes at a guard page, phrases at piece cuts, long lines")
struct AdversarialInputTests {
    /// `bytes` placed so that they end exactly where an inaccessible page begins: a read past
    /// their end faults instead of reading whatever follows.
    func atGuardPage<R>(_ bytes: [UInt8], _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let size = (bytes.count / page + 2) * page
        let memory = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)!
        defer { munmap(memory, size) }
        mprotect(memory + size - page, page, PROT_NONE)
        let start = memory + size - page - bytes.count
        bytes.withUnsafeBytes { start.copyMemory(from: $0.baseAddress!, byteCount: bytes.count) }
        return try body(UnsafeRawBufferPointer(start: start, count: bytes.count))
    }

    /// `头发` and a lone `0xF0` at a guard page crashed in `UTF8Scalars.decode` (SIGSEGV): the
    /// byte API now validates and throws; a scalar cut off at the end is reported at its start.
    @Test("a truncated scalar at the end of the buffer is an error, not a read past it",
          arguments: [Config.s2t, .s2twp, .t2s, .tw2sp, .jp2t])
    func truncatedScalarAtGuardPage(config: Config) {
        let converter = Converter(config)
        for tail: [UInt8] in [[0xF0], [0xF0, 0x9F], [0xE5], [0xE5, 0x8F], [0xC3], [0xFF], [0x80]] {
            let input = Array("头发".utf8) + tail
            var out: [UInt8] = []
            #expect(throws: InvalidUTF8Error(offset: 6)) {
                try atGuardPage(input) { try converter.convert($0, appendingTo: &out) }
            }
            #expect(out.isEmpty)
            var room = [UInt8](repeating: 0, count: 64)
            #expect(throws: InvalidUTF8Error(offset: 6)) {
                try atGuardPage(input) { i in try room.withUnsafeMutableBytes { try converter.convert(i, into: $0) } }
            }
        }
        // Valid input at the guard page converts (the engine reads no byte past the end).
        var out: [UInt8] = []
        #expect(throws: Never.self) { try atGuardPage(Array("头发".utf8)) { try converter.convert($0, appendingTo: &out) } }
        #expect(String(decoding: out, as: UTF8.self) == converter.convert("头发"))
    }

    /// A second-stage (Taiwan, Hong Kong) phrase was split where a large input without line breaks
    /// was cut into pieces: `U盘a`×104,858 left one `U盤` in s2twp. Each unit ends with `a`, which
    /// no key contains, so OpenCC's output is the unit's output repeated (checked with OpenCC 1.4.2).
    @Test("second-stage phrases across piece cuts, one and two threads, and streamed", arguments: [
        (Config.s2twp, "U盘a", "隨身碟a", 104_858),
        (.s2hk, "儒林台a", "儒林臺a", 52_429),
        (.s2tw, "杨士樑a", "楊士樑a", 52_429),
        (.s2twp, "U盘的", "隨身碟的", 120_000),   // no isolating scalar: cut between 的 and U
        (.s2hk, "儒林台的", "儒林臺的", 60_000),
    ])
    func secondStagePhrasesAcrossCuts(config: Config, unit: String, converted: String, count: Int) throws {
        let input = Array(String(repeating: unit, count: count).utf8)
        let expected = Array(String(repeating: converted, count: count).utf8)
        #expect(input.count > 512 * 1024)
        for threads in [1, 2] {
            var converter = Converter(config)
            converter.maximumThreads = threads
            var out: [UInt8] = []
            try input.withUnsafeBytes { try converter.convert($0, appendingTo: &out) }
            let matches = out == expected
            #expect(matches, "\(config) \(threads) thread(s): first difference at \(firstDifference(out, expected))")
            var stream = converter.makeStream()
            var streamed: [UInt8] = []
            for start in stride(from: 0, to: input.count, by: 100_003) {
                try stream.write(input[start..<min(input.count, start + 100_003)], into: &streamed)
            }
            try stream.finish(into: &streamed)
            let streamMatches = streamed == expected
            #expect(streamMatches, "\(config) streamed: first difference at \(firstDifference(streamed, expected))")
        }
    }

    /// Long lines with no cut character took seconds (20 MB of base64 in s2twp: 3.5 s, 100 MB of
    /// `a`: 17 s); the speed is a benchmark's to check, the result is checked here.
    @Test("a long line of ASCII with no cut character keeps every byte", arguments: [Config.s2twp, .tw2sp, .s2hk, .s2t])
    func longASCIILine(config: Config) throws {
        var rng = SplitMix64(seed: 42)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        let input = (0..<1_500_000).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
        for threads in [1, 2] {
            var converter = Converter(config)
            converter.maximumThreads = threads
            var out: [UInt8] = []
            try input.withUnsafeBytes { try converter.convert($0, appendingTo: &out) }
            let same = out == input
            #expect(same, "\(config) \(threads) thread(s)")
        }
    }

    /// `--lossy` replaced one bad sequence at a time, moving the rest of the window each time
    /// (1 MB of `0xFF`: 17 s). Every bad byte still becomes one U+FFFD.
    @Test("lossy repair of a megabyte of bad bytes, and of bad bytes among text")
    func lossyRepair() throws {
        var stream = Converter(.s2t).makeStream(lossy: true)
        var out: [UInt8] = []
        try stream.write([UInt8](repeating: 0xFF, count: 1 << 20), into: &out)
        try stream.finish(into: &out)
        #expect(out.count == 3 << 20)
        #expect(out.prefix(6) == [0xEF, 0xBF, 0xBD, 0xEF, 0xBF, 0xBD])
        var mixed = Converter(.s2t).makeStream(lossy: true)
        var mixedOut: [UInt8] = []
        let input: [UInt8] = Array("头".utf8) + [0xFF] + Array("发".utf8) + [0xE5, 0x8F] + Array("a".utf8) + [0xE5]
        for byte in input { try mixed.write([byte], into: &mixedOut) }
        try mixed.finish(into: &mixedOut)
        #expect(String(decoding: mixedOut, as: UTF8.self) == "頭\u{FFFD}發\u{FFFD}a\u{FFFD}")
    }

    /// OpenCC's library cuts the segment that holds a NUL short in its configurations with two
    /// or more stages (`a\0发b\n后来` → `a後來` in s2twp); Jianfan keeps every byte around it.
    @Test("a NUL and what follows it are kept in every multi-stage configuration",
          arguments: [Config.s2tw, .s2twp, .s2hk, .s2hkp, .tw2s, .tw2sp, .hk2s, .hk2sp])
    func nulInMultiStageConfigs(config: Config) {
        let converter = Converter(config)
        let output = converter.convert("a\0发b\n后来")
        #expect(output == converter.convert("a") + "\0" + converter.convert("发b\n后来"))
        if config.rawValue.hasPrefix("s2") { #expect(output == "a\0發b\n後來") }
    }

    func firstDifference(_ a: [UInt8], _ b: [UInt8]) -> Int {
        zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
    }
}
