import Foundation
import Testing
@testable import Jianfan

@Suite("ConversionStream: chunked input gives the whole-input result")
struct ConversionStreamTests {
    func streamed(_ converter: Converter, _ input: [UInt8], chunks: [Int], lossy: Bool = false) throws -> [UInt8] {
        var stream = converter.makeStream(lossy: lossy)
        var out: [UInt8] = []
        var at = 0
        for size in chunks where at < input.count {
            let end = min(input.count, at + size)
            try stream.write(input[at..<end], into: &out)
            at = end
        }
        try stream.write(input[at...], into: &out)
        try stream.finish(into: &out)
        return out
    }

    /// Runs ``ConversionStream/convert(reading:writing:)`` over `input`, each read storing at most
    /// the next of `reads` (cycled) bytes: fewer than the room given is a short read, as from a
    /// pipe. Appends what it writes to `written`; returns how many reads came before the first write.
    func pumped(_ converter: Converter, _ input: [UInt8], reads: [Int], lossy: Bool = false,
                written: inout [UInt8]) throws -> Int? {
        var stream = converter.makeStream(lossy: lossy)
        var at = 0
        var readCount = 0
        var readsAtFirstWrite: Int?
        try stream.convert(
            reading: { buffer in
                let count = min(buffer.count, reads[readCount % reads.count], input.count - at)
                buffer.copyBytes(from: input[at..<(at + count)])
                at += count
                readCount += 1
                return count
            },
            writing: { bytes in
                if readsAtFirstWrite == nil { readsAtFirstWrite = readCount }
                written.append(contentsOf: bytes)
            }
        )
        return readsAtFirstWrite
    }

    @Test("reading and writing through closures gives the whole-input result, as it goes",
          arguments: [Config.s2t, .t2s, .s2twp])
    func readingAndWriting(_ config: Config) throws {
        let input = try Fixtures.corpus(times: 50)   // about 2.6 MB: several reads, all cores
        let converter = Converter(config)
        var whole: [UInt8] = []
        input.withUnsafeBytes { converter.convert(unsafeValidatedUTF8: $0, appendingTo: &whole) }
        // Full reads (a file): output starts after the first read, long before the last.
        var out: [UInt8] = []
        let readsBeforeOutput = try pumped(converter, input, reads: [.max], written: &out)
        #expect(out == whole)
        #expect(readsBeforeOutput == 1)
        // Short reads (a pipe or terminal), each converted at once, splitting scalars and phrases.
        out = []
        _ = try pumped(converter, input, reads: [1, 4000, 70_000, 3, 600_000], written: &out)
        #expect(out == whole)
    }

    @Test("reading and writing through closures: invalid UTF-8, lossy mode, a failing read")
    func readingAndWritingErrors() throws {
        let converter = Converter(.s2t)
        var input = Array(String(repeating: "头发后来，", count: 200_000).utf8)   // 3 MB
        input.replaceSubrange(2_499_999..<2_500_002, with: [0x61, 0xFF, 0x62])   // "a", a bad byte, "b"
        var out: [UInt8] = []
        #expect(throws: InvalidUTF8Error(offset: 2_500_000)) {
            try pumped(converter, input, reads: [.max], written: &out)
        }
        // What converted before the bad byte was written: the first two reads' worth.
        let valid = Array(input[..<2_500_000])
        var whole: [UInt8] = []
        valid.withUnsafeBytes { converter.convert(unsafeValidatedUTF8: $0, appendingTo: &whole) }
        #expect(out.count > 2_000_000 && out == Array(whole.prefix(out.count)))

        out = []
        _ = try pumped(converter, input, reads: [.max], lossy: true, written: &out)
        #expect(String(decoding: out, as: UTF8.self).filter { $0 == "\u{FFFD}" }.count == 1)

        struct Unreadable: Error {}
        var stream = converter.makeStream()
        #expect(throws: Unreadable.self) {
            try stream.convert(reading: { _ in throw Unreadable() }, writing: { _ in })
        }
    }

    @Test("random chunk sizes, splitting scalars and phrases", arguments: [Config.s2t, .s2twp, .tw2sp, .t2jp])
    func randomChunks(_ config: Config) throws {
        let input = try Fixtures.corpus(times: 3)
        let converter = Converter(config)
        var whole: [UInt8] = []
        input.withUnsafeBytes { converter.convert(unsafeValidatedUTF8: $0, appendingTo: &whole) }
        var rng = SplitMix64(seed: 7)
        for _ in 0..<3 {
            let chunks = (0..<4000).map { _ in Int.random(in: 1...400, using: &rng) }
            #expect(try streamed(converter, input, chunks: chunks) == whole)
        }
        #expect(try streamed(converter, input, chunks: [1 << 22]) == whole)
    }

    /// A short read (a pipe, a loaded machine) has the stream convert what has arrived; in words
    /// mode it may cut there only where a sentence ends whatever comes next, since a chain's
    /// phrase reads as its whole sentence. Cut after `或 `, tw2sp kept the first 文件 (its half
    /// sentence holds no Traditional scalar) where the whole line makes 文档 of every one; s2twp,
    /// converting its own output again, made 檔案 of the 文件 that its sentence keeps.
    @Test("words mode: a short read cuts only where a sentence ends", arguments: [
        (Config.tw2sp, "chgrp(1)用於文件的所有者或 root 帳號修改文件所屬的組。chmod(1)用於文件的所有者。\n"),
        (Config.s2twp, "修改文件或 root 帳號。點選新建文档!\n"),
    ])
    func shortReadsInWordsMode(_ config: Config, _ line: String) throws {
        let words = Converter(config, segmenter: .words)
        let input = Array(line.utf8)
        let expected = words.convert(line)
        for split in 1..<input.count {
            var written: [UInt8] = []
            _ = try pumped(words, input, reads: [split, input.count], written: &written)
            #expect(String(decoding: written, as: UTF8.self) == expected, "first read of \(split) bytes")
        }
        #expect(expected.contains(config == .tw2sp ? "用于文档的所有者或" : "修改文件或"))
    }

    @Test("a long input with line breaks is emitted before the end (memory stays bounded)")
    func emitsEarly() throws {
        let line = Array("头发很长，后来去了台湾。\n".utf8)
        var stream = Converter(.s2t).makeStream()
        var out: [UInt8] = []
        for _ in 0..<200_000 { try stream.write(line, into: &out) }   // 7 MB
        #expect(out.count > 5_000_000)
        try stream.finish(into: &out)
        #expect(out.count == 200_000 * Array("頭髮很長，後來去了臺灣。\n".utf8).count)
    }

    @Test("one long line with no cut character: a parse finds cuts, memory stays bounded",
          arguments: [Config.s2t, .s2twp, .tw2sp, .t2s, .hk2s])
    func longLineWithoutCutCharacters(_ config: Config) throws {
        // Phrases, prefixes of phrases and IDSs, with no line break, space or punctuation.
        // The Traditional unit has phrases of TSPhrases, the segmentation dictionary of tw2sp/hk2s.
        let unit = config.rawValue.hasPrefix("s2") ? "头发后来中文信息技术蓝采和⿰氵青里面"
            : "頭髮後來中文資訊科技藍采和⿰氵青裡面一目瞭然乾乾淨淨"
        let input = Array(String(repeating: unit, count: 45_000).utf8)   // about 2.6 MB, over one flush
        let converter = Converter(config)
        var serial = converter
        serial.maximumThreads = 1
        var whole: [UInt8] = []
        input.withUnsafeBytes { serial.convert(unsafeValidatedUTF8: $0, appendingTo: &whole) }
        var parallel: [UInt8] = []
        input.withUnsafeBytes { converter.convert(unsafeValidatedUTF8: $0, appendingTo: &parallel) }
        #expect(parallel == whole)

        var stream = converter.makeStream()
        var out: [UInt8] = []
        var largestHeld = 0
        var at = 0
        while at < input.count {
            let end = min(input.count, at + 65_536)
            try stream.write(input[at..<end], into: &out)
            // The input is one unit repeated, so output length tells how much input is converted.
            largestHeld = max(largestHeld, end - out.count * input.count / whole.count)
            at = end
        }
        try stream.finish(into: &out)
        #expect(out == whole)
        let bound = ConversionStream.flushSize + 65_536 + 4_096
        #expect(largestHeld <= bound, "the stream held \(largestHeld) bytes of \(input.count)")
    }

    @Test("invalid UTF-8 reports the absolute offset, across chunk boundaries")
    func invalidOffsets() throws {
        var input = Array(String(repeating: "发展", count: 1000).utf8)   // 6000 bytes
        input.insert(0xFF, at: 3999)                                     // between two scalars
        #expect(throws: InvalidUTF8Error(offset: 3999)) {
            try streamed(Converter(.s2t), input, chunks: Array(repeating: 7, count: 2000))
        }
        let truncated = Array("发展".utf8) + [0xE5, 0xA4]
        #expect(throws: InvalidUTF8Error(offset: 6)) { try streamed(Converter(.s2t), truncated, chunks: [1, 1, 1, 1, 1, 1, 1]) }
    }

    @Test("lossy mode replaces each invalid sequence with U+FFFD and converts the rest")
    func lossy() throws {
        let input = Array("发".utf8) + [0xC0, 0xAF] + Array("后".utf8) + [0xED, 0xA0, 0x80] + [0xE5, 0xA4]
        let out = try streamed(Converter(.s2t), input, chunks: [2, 3], lossy: true)
        #expect(String(decoding: out, as: UTF8.self) == "發\u{FFFD}\u{FFFD}後\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}")
    }
}
