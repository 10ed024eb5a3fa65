import Foundation
import Jianfan
import Testing

/// Bad input: a clear `jianfan: <file>: …` message, a documented status, and no output file
/// created or touched.
@Suite("Input errors")
struct InputErrorTests {
    @Test("a missing input is named, exit 1, and the output is not created")
    func missingFile() throws {
        let dir = try TemporaryDirectory()
        let result = try CLI.run(["-c", "s2t", "-i", "missing.txt", "-o", "out.txt"], in: dir.url)
        #expect(result.status == 1)
        #expect(result.stderr == "jianfan: missing.txt: No such file or directory\n")
        #expect(try dir.contents().isEmpty)
    }

    @Test("with several inputs to stdout, a missing one is reported and the others converted")
    func missingAmongSeveral() throws {
        let dir = try TemporaryDirectory()
        try dir.write("a.txt", "alpha\n")
        try dir.write("c.txt", "gamma\n")
        let result = try CLI.run(["a.txt", "missing.txt", "c.txt"], in: dir.url)
        #expect(result.status == 1)
        #expect(result.stdoutText == "alpha\ngamma\n")
        #expect(result.stderr == "jianfan: missing.txt: No such file or directory\n")
    }

    @Test("a directory given as input to standard output is a usage error (2); in place it is walked")
    func directoryAsInput() throws {
        let dir = try TemporaryDirectory()
        try FileManager.default.createDirectory(at: dir.file("sub"), withIntermediateDirectories: false)
        let result = try CLI.run(["-c", "s2t", "-i", "sub"], in: dir.url)
        #expect(result.status == 2)
        #expect(result.stderr == "jianfan: a directory input needs --output-dir DIR or --in-place\n")
        let inPlace = try CLI.run(["--in-place", "sub"], in: dir.url)
        #expect(inPlace.status == 0)
        #expect(inPlace.stderr == "jianfan: 0 files: 0 converted, 0 unchanged, 0 skipped as binary, 0 failed\n")
    }

    @Test("an unknown config is a usage error (2) listing the valid configs")
    func unknownConfig() throws {
        let dir = try TemporaryDirectory()
        try dir.write("in.txt", "x")
        let result = try CLI.run(["-c", "s2x.json", "-i", "in.txt", "-o", "out.txt"], in: dir.url)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("jianfan: unknown config 's2x.json'"))
        for config in Config.allCases {
            #expect(result.stderr.contains(config.rawValue))
        }
        #expect(try dir.contents() == ["in.txt"])
    }

    /// Valid text before the bad bytes, so the offset is not trivially 0: "ok 头" is 6 bytes.
    static let prefix = Array("ok 头".utf8)

    static let invalidSequences: [(name: String, bytes: [UInt8], offset: Int)] = [
        ("truncated at end of input", prefix + [0xE5, 0xA4], 6),
        ("overlong", prefix + [0xC0, 0xAF] + Array(" tail".utf8), 6),
        ("surrogate", prefix + [0xED, 0xA0, 0x80] + Array(" tail".utf8), 6),
        ("bare continuation byte", prefix + Array("ab".utf8) + [0x80] + Array(" tail".utf8), 8),
    ]

    @Test(
        "invalid UTF-8 names the file and the exact byte offset, exit 3",
        arguments: invalidSequences.map(\.name)
    )
    func invalidUTF8(name: String) throws {
        let case_ = try #require(Self.invalidSequences.first { $0.name == name })
        let dir = try TemporaryDirectory()
        try dir.write("bad.txt", case_.bytes)
        let result = try CLI.run(["-c", "s2t", "-i", "bad.txt", "-o", "out.txt"], in: dir.url)
        #expect(result.status == 3)
        #expect(result.stderr.hasPrefix("jianfan: bad.txt: invalid UTF-8 at byte offset \(case_.offset)"), "\(result.stderr)")
        #expect(try dir.contents() == ["bad.txt"])

        let piped = try CLI.run(["-c", "s2t"], stdin: case_.bytes, in: dir.url)
        #expect(piped.status == 3)
        #expect(piped.stderr.hasPrefix("jianfan: <stdin>: invalid UTF-8 at byte offset \(case_.offset)"))
    }

    @Test("--engine icu reports invalid UTF-8 at the same offsets, and --lossy works there too",
          arguments: invalidSequences.map(\.name))
    func invalidUTF8WithICU(name: String) throws {
        let case_ = try #require(Self.invalidSequences.first { $0.name == name })
        let dir = try TemporaryDirectory()
        let strict = try CLI.run(["-c", "s2t", "--engine", "icu"], stdin: case_.bytes, in: dir.url)
        #expect(strict.status == 3)
        #expect(strict.stderr.hasPrefix("jianfan: <stdin>: invalid UTF-8 at byte offset \(case_.offset)"), "\(strict.stderr)")
        let lossy = try CLI.run(["-c", "s2t", "--engine", "icu", "--lossy"], stdin: case_.bytes, in: dir.url)
        #expect(lossy.status == 0)
        #expect(lossy.stdoutText == String(decoding: case_.bytes, as: UTF8.self).replacingOccurrences(of: "头", with: "頭"))
    }

    @Test("--lossy replaces invalid UTF-8 with U+FFFD and converts the rest",
          arguments: invalidSequences.map(\.name))
    func lossy(name: String) throws {
        let case_ = try #require(Self.invalidSequences.first { $0.name == name })
        let dir = try TemporaryDirectory()
        let result = try CLI.run(["-c", "s2t", "--lossy"], stdin: case_.bytes, in: dir.url)
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let text = result.stdoutText
        #expect(text.hasPrefix("ok 頭"))
        #expect(text.contains("\u{FFFD}"))
        #expect(!text.contains("\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}"), "at most one U+FFFD per bad byte")
        // Lossy output is the conversion of what Swift's own decoder makes of the bytes.
        #expect(text == String(decoding: case_.bytes, as: UTF8.self).replacingOccurrences(of: "头", with: "頭"))
    }
}
