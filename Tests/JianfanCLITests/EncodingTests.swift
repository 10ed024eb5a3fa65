import Foundation
import Jianfan
import Testing

/// `--from-encoding`, `--to-encoding` and detection, end to end. Every encoded file is made
/// here, through ICU (the same converters the binary uses), from UTF-8 text.
@Suite("Encodings")
struct EncodingTests {
    static func encode(_ text: String, _ name: String, lossy: Bool = false) throws -> [UInt8] {
        let encoder = try Transcoder(encoding: try TextEncoding(named: name), lossy: lossy)
        var bytes: [UInt8] = []
        try encoder.convert(Array(text.utf8), flush: true, appendingTo: &bytes)
        return bytes
    }

    static func decode(_ bytes: [UInt8], _ name: String) throws -> String {
        let decoder = try Transcoder(decoding: try TextEncoding(named: name))
        var text: [UInt8] = []
        try decoder.convert(bytes, flush: true, appendingTo: &text)
        return String(decoding: text, as: UTF8.self)
    }

    /// A few hundred characters of a seed document in `encoding` (a character it lacks as
    /// `&#x…;`), and that text as UTF-8: its Han characters, punctuation and line breaks.
    static func fixtureSample(_ name: String, in encoding: String, characters: Int = 400) throws -> (bytes: [UInt8], text: String) {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent(name)
        let text = try String(contentsOf: url, encoding: .utf8)
        let kept = text.unicodeScalars.filter { $0.value < 0x80 ? $0 == "\n" : $0.value >= 0x3000 }
        let bytes = try encode(String(String.UnicodeScalarView(kept.prefix(characters))) + "\n", encoding, lossy: true)
        return (bytes, try decode(bytes, encoding))
    }

    /// What the binary makes of the UTF-8 text: the reference every other encoding must meet.
    private func converted(_ text: String, _ config: String, in dir: TemporaryDirectory) throws -> [UInt8] {
        try dir.write("reference.txt", text)
        let result = try CLI.run(["-c", config, "-i", "reference.txt"], in: dir.url)
        try #require(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    static let explicit: [(encoding: String, config: String, text: String)] = [
        ("GB18030", "s2t", "头发后来，我们没有说话。\n软件和鼠标\n"),
        ("GBK", "s2tw", "头发后来\n"),
        ("Big5", "t2s", "頭髮後來，我們沒有說話。\n"),
        ("Big5-HKSCS", "t2s", "頭髮後來\n"),
        ("UTF-16BE", "s2t", "abc 头发 def\n"),
        ("UTF-32LE", "s2t", "头发\n"),
        ("Shift_JIS", "jp2t", "日本語の漢字と仮名\n"),
        ("EUC-JP", "jp2t", "日本語の漢字\n"),
    ]

    @Test("--from-encoding reads each encoding as its UTF-8 would be converted", arguments: explicit)
    func fromEncoding(_ sample: (encoding: String, config: String, text: String)) throws {
        let dir = try TemporaryDirectory()
        try dir.write("in.txt", try Self.encode(sample.text, sample.encoding))
        let result = try CLI.run(["-c", sample.config, "--from-encoding", sample.encoding, "in.txt"], in: dir.url)
        #expect(result.status == 0, "\(sample.encoding): \(result.stderr)")
        #expect(result.stdout == (try converted(sample.text, sample.config, in: dir)), "\(sample.encoding)")
    }

    @Test("a UTF-16LE file with a byte order mark is read as such; the mark stays (as U+FEFF)")
    func utf16ByteOrderMark() throws {
        let dir = try TemporaryDirectory()
        try dir.write("in.txt", [0xFF, 0xFE] + (try Self.encode(Sample.simplified, "UTF-16LE")))
        let result = try CLI.run(["-c", "s2t", "--verbose", "in.txt"], in: dir.url)
        #expect(result.status == 0)
        #expect(result.stdout == [0xEF, 0xBB, 0xBF] + Array(Sample.traditional.utf8))
        #expect(result.stderr == "jianfan: in.txt: read as UTF-16LE (byte order mark)\n")
        let back = try CLI.run(["-c", "s2t", "in.txt", "--to-encoding", "UTF-16LE"], in: dir.url)
        #expect(back.stdout == [0xFF, 0xFE] + (try Self.encode(Sample.traditional, "UTF-16LE")))
    }

    @Test("auto-detection picks GB18030 and Big5 for realistic text, and -v says so",
          arguments: [("000_aa6772dc82afe11c.txt", "GB18030", "GB18030"), ("001_f0669431c2f3313a.txt", "Big5", "Big5-HKSCS")])
    func detection(_ sample: (fixture: String, encoding: String, reported: String)) throws {
        let dir = try TemporaryDirectory()
        let (bytes, text) = try Self.fixtureSample(sample.fixture, in: sample.encoding)
        try dir.write("in.txt", bytes)
        let result = try CLI.run(["-c", "s2twp", "--verbose", "-i", "in.txt"], in: dir.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("jianfan: in.txt: read as \(sample.reported) (detected by ICU, confidence "))
        #expect(result.stdout == (try converted(text, "s2twp", in: dir)))
    }

    @Test("round trip: GB18030 to Big5 (s2t) and back to GB18030 (t2s) gives the original bytes")
    func roundTrip() throws {
        let dir = try TemporaryDirectory()
        let original = try Self.encode("头发后来，我们没有说话。\n", "GB18030")
        try dir.write("in.txt", original)
        let there = try CLI.run(["-c", "s2t", "-i", "in.txt", "--to-encoding", "Big5", "-o", "big5.txt"], in: dir.url)
        #expect(there.status == 0, "\(there.stderr)")
        #expect(try Self.decode(dir.read("big5.txt"), "Big5") == "頭髮後來，我們沒有說話。\n")
        let back = try CLI.run(
            ["-c", "t2s", "-i", "big5.txt", "--from-encoding", "Big5", "--to-encoding", "GB18030", "-o", "back.txt"],
            in: dir.url
        )
        #expect(back.status == 0, "\(back.stderr)")
        #expect(try dir.read("back.txt") == original)
    }

    @Test("a character the output encoding lacks is an error naming file, line and character (3); --lossy writes &#x…; and counts")
    func unmappable() throws {
        let dir = try TemporaryDirectory()
        try dir.write("in.txt", "abc\n頭髮\n")
        let strict = try CLI.run(["-c", "t2s", "-i", "in.txt", "--to-encoding", "Big5", "-o", "out.txt"], in: dir.url)
        #expect(strict.status == 3)
        #expect(strict.stderr.hasPrefix("jianfan: in.txt: line 2: 头 (U+5934) cannot be written in Big5 (--lossy "))
        #expect(!FileManager.default.fileExists(atPath: dir.file("out.txt").path))
        let lossy = try CLI.run(["-c", "t2s", "-i", "in.txt", "--to-encoding", "Big5", "--lossy"], in: dir.url)
        #expect(lossy.status == 0)
        #expect(try Self.decode(lossy.stdout, "Big5") == "abc\n&#x5934;&#x53D1;\n")
        #expect(lossy.stderr == "jianfan: in.txt: 2 characters not in Big5 written as &#x…; references\n")
    }

    @Test("an invalid legacy sequence is an error with its byte offset (3); --lossy replaces it with U+FFFD")
    func invalidLegacyInput() throws {
        let dir = try TemporaryDirectory()
        try dir.write("in.txt", Array("abc".utf8) + [0xCD, 0xB7, 0x81, 0x20] + Array("def".utf8))
        let strict = try CLI.run(["-c", "s2t", "--from-encoding", "GB18030", "in.txt"], in: dir.url)
        #expect(strict.status == 3)
        #expect(strict.stderr.hasPrefix("jianfan: in.txt: invalid GB18030 at byte offset 5 (0x81) (--lossy "))
        let lossy = try CLI.run(["-c", "s2t", "--from-encoding", "GB18030", "--lossy", "in.txt"], in: dir.url)
        #expect(lossy.status == 0)
        #expect(lossy.stdoutText == "abc頭\u{FFFD} def")
        #expect(lossy.stderr == "jianfan: in.txt: 1 invalid GB18030 sequences replaced with U+FFFD\n")
    }

    @Test("an unknown encoding is a usage error (2) that names it")
    func unknownEncoding() throws {
        let dir = try TemporaryDirectory()
        try dir.write("in.txt", Sample.simplified)
        for option in ["--from-encoding", "--to-encoding"] {
            let result = try CLI.run(["-c", "s2t", option, "GB2313", "in.txt"], in: dir.url)
            #expect(result.status == 2)
            #expect(result.stderr.hasPrefix("jianfan: unknown encoding 'GB2313' (ICU's converter names"))
        }
    }

    @Test("--in-place on a tree of mixed encodings keeps each file's own encoding")
    func mixedTree() throws {
        let dir = try TemporaryDirectory()
        try FileManager.default.createDirectory(at: dir.file("tree"), withIntermediateDirectories: true)
        let simplified = try Self.fixtureSample("000_aa6772dc82afe11c.txt", in: "GB18030", characters: 300).text
        let traditional = try Self.fixtureSample("001_f0669431c2f3313a.txt", in: "Big5-HKSCS", characters: 300).text
        let files: [(name: String, encoding: String, text: String, bom: [UInt8])] = [
            ("utf8.txt", "UTF-8", simplified, []),
            ("gb.txt", "GB18030", simplified, []),
            ("big5.txt", "Big5-HKSCS", traditional, []),
            ("utf16.txt", "UTF-16LE", Sample.simplified, [0xFF, 0xFE]),
        ]
        for file in files { try dir.write("tree/\(file.name)", file.bom + (try Self.encode(file.text, file.encoding))) }
        let result = try CLI.run(["-c", "s2t", "--in-place", "tree"], in: dir.url)
        #expect(result.status == 0, "\(result.stderr)")
        for file in files {
            let expected = file.bom + (try Self.encode(String(decoding: try converted(file.text, "s2t", in: dir), as: UTF8.self), file.encoding))
            #expect(try dir.read("tree/\(file.name)") == expected, "\(file.name)")
        }
        let toUTF8 = try CLI.run(["-c", "t2s", "tree", "--output-dir", "out", "--to-encoding", "UTF-8"], in: dir.url)
        #expect(toUTF8.status == 0, "\(toUTF8.stderr)")
        #expect(try dir.readText("out/gb.txt") == String(decoding: try converted(
            String(decoding: try converted(simplified, "s2t", in: dir), as: UTF8.self), "t2s", in: dir), as: UTF8.self))
    }
}
