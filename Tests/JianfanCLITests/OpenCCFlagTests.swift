import Foundation
import Testing

/// `opencc` 1.4.2's command-line habits, accepted as `opencc` accepts them.
@Suite("opencc flags")
struct OpenCCFlagTests {
    static let versionLine = "jianfan 0.2.0 (OpenCC 1.4.2 data)\n"

    @Test("-v and --version print the version and the OpenCC data version", arguments: [
        ["-v"], ["--version"], ["-c", "s2t", "-v"], ["convert", "--version"],
    ])
    func version(arguments: [String]) throws {
        let dir = try TemporaryDirectory()
        let result = try CLI.run(arguments, in: dir.url)
        #expect(result.status == 0)
        #expect(result.stdoutText == Self.versionLine)
        #expect(result.stderr == "")
    }

    /// s2twp, so that a config that was not read would show: s2t gives 軟件, s2twp 軟體.
    @Test("a config given attached, with =, or with opencc's other flags converts with it", arguments: [
        ["-cs2twp"],
        ["--config=s2twp"],
        ["--config=s2twp.json"],
        ["-c", "s2twp", "--noflush"],
        ["-c", "s2twp", "--noflush", "1"],
        ["--noflush", "0", "-c", "s2twp"],
        ["-c", "s2twp", "--noflush=true"],
        ["-c", "s2twp", "--path", "first", "--path", "second"],
        ["-cs2twp", "-i-", "--output=-"],
    ])
    func attachedAndCompatible(arguments: [String]) throws {
        let dir = try TemporaryDirectory()
        let result = try CLI.run(arguments, stdin: Array("鼠标和软件\n".utf8), in: dir.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdoutText == "滑鼠和軟體\n")
    }

    @Test("input and output values may be attached too")
    func attachedFiles() throws {
        let dir = try TemporaryDirectory()
        try dir.write("in.txt", Sample.simplified)
        let result = try CLI.run(["-cs2t", "-iin.txt", "--output=out.txt"], in: dir.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try dir.readText("out.txt") == Sample.traditional)
    }

    @Test("--noflush and --path are documented in convert's help")
    func documented() throws {
        let dir = try TemporaryDirectory()
        let text = try CLI.run(["help", "convert"], in: dir.url).stdoutText
        #expect(text.contains("--noflush"))
        #expect(text.contains("--path <dir>"))
    }

    @Test("--icu-transform alone selects ICU")
    func icuTransformImpliesEngine() throws {
        let dir = try TemporaryDirectory()
        let result = try CLI.run(["--icu-transform", "Han-Latin"], stdin: Array("中文".utf8), in: dir.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdoutText == "zhōng wén")
    }

    @Test("--icu-transform with an explicit --engine table is a usage error (2)")
    func icuTransformWithTable() throws {
        let dir = try TemporaryDirectory()
        let result = try CLI.run(["--engine", "table", "--icu-transform", "Hans-Hant"], in: dir.url)
        #expect(result.status == 2)
        #expect(result.stderr == "jianfan: --icu-transform needs --engine icu, not --engine table\n")
    }

    @Test("`jianfan transforms` lists ICU's transform IDs, one per line")
    func transforms() throws {
        let dir = try TemporaryDirectory()
        let result = try CLI.run(["transforms"], in: dir.url)
        #expect(result.status == 0)
        let ids = result.stdoutText.split(separator: "\n").map(String.init)
        #expect(ids.count > 100)
        for id in ["Han-Latin", "Hans-Hant", "Hant-Hans"] { #expect(ids.contains(id), "\(id)") }
        #expect(ids == ids.sorted())
    }
}
