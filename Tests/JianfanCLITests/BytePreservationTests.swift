import Foundation
import Testing

/// Bytes the conversion does not change come out exactly as they went in.
@Suite("Byte preservation")
struct BytePreservationTests {
    /// A BOM, CRLF and a lone CR, NUL and other controls, astral characters (emoji, a musical
    /// symbol), variation selectors (text/emoji, keycap, an ideographic variation sequence on a
    /// non-Han base), markup with entities, and a 4-byte character split across nothing special.
    static let untouched: [UInt8] =
        [0xEF, 0xBB, 0xBF] + Array("<p class=\"x\">&amp; &#x4E2D;</p>\r\n".utf8)
        + [0x00, 0x01, 0x7F, 0x09, 0x0D, 0x0C]
        + Array("😀 𝄞 ☃\u{FE0F} ☃\u{FE0E} #\u{FE0F}\u{20E3} 👩‍👩‍👧 a\u{E0100}\r\n".utf8)
        + Array("plain ASCII line without newline".utf8)

    @Test("input without Han characters is byte-identical on output, for every config")
    func identityWithoutHan() throws {
        let dir = try TemporaryDirectory()
        try dir.write("in.txt", Self.untouched)
        for config in ["s2t", "t2s", "s2twp", "tw2sp", "t2jp", "jp2t"] {
            let result = try CLI.run(["-c", config, "-i", "in.txt", "-o", "out-\(config).txt"], in: dir.url)
            #expect(result.status == 0)
            #expect(result.stderr.isEmpty)
            #expect(try dir.read("out-\(config).txt") == Self.untouched, "\(config)")
        }
        let piped = try CLI.run(["-c", "s2t"], stdin: Self.untouched, in: dir.url)
        #expect(piped.stdout == Self.untouched)
    }

    @Test("Han text is converted in place among preserved bytes")
    func conversionAmidPreservedBytes() throws {
        let dir = try TemporaryDirectory()
        let head = Array(Self.untouched[..<40])
        let tail = Array(Self.untouched[40...])
        let input = head + Array("头发\r\n后来\u{0}".utf8) + tail
        let expected = head + Array("頭髮\r\n後來\u{0}".utf8) + tail
        try dir.write("in.txt", input)
        let result = try CLI.run(["-c", "s2t", "-i", "in.txt", "-o", "out.txt"], in: dir.url)
        #expect(result.status == 0)
        #expect(try dir.read("out.txt") == expected)
    }

    @Test("--engine icu converts with ICU's Hans-Hant by default for s2t")
    func icuEngine() throws {
        let dir = try TemporaryDirectory()
        let result = try CLI.run(["-c", "s2t", "--engine", "icu"], stdin: Array("头发后来 abc\r\n".utf8), in: dir.url)
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        #expect(result.stdoutText == "頭髮後來 abc\r\n")
        let back = try CLI.run(["-c", "t2s", "--engine", "icu"], stdin: Array("頭髮".utf8), in: dir.url)
        #expect(back.stdoutText == "头发")
        let explicit = try CLI.run(
            ["-c", "t2tw", "--engine", "icu", "--icu-transform", "Hant-Hans"], stdin: Array("頭髮".utf8), in: dir.url)
        #expect(explicit.stdoutText == "头发")
    }

    @Test("--engine icu keeps bytes ICU does not change")
    func icuIdentity() throws {
        let dir = try TemporaryDirectory()
        let result = try CLI.run(["-c", "s2t", "--engine", "icu"], stdin: Self.untouched, in: dir.url)
        #expect(result.status == 0)
        #expect(result.stdout == Self.untouched)
    }

    @Test("an unknown ICU transform is a usage error naming it")
    func unknownICUTransform() throws {
        let dir = try TemporaryDirectory()
        let result = try CLI.run(["--engine", "icu", "--icu-transform", "No-Such-Transform"], in: dir.url)
        #expect(result.status == 2)
        #expect(result.stderr.contains("unknown ICU transform 'No-Such-Transform'"))
        let noDefault = try CLI.run(["-c", "t2jp", "--engine", "icu"], in: dir.url)
        #expect(noDefault.status == 2)
        #expect(noDefault.stderr.contains("--icu-transform"))
    }
}
