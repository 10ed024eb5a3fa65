import Foundation
import Testing

/// `jianfan detect` on the seeds, on standard input, with --json, and with a missing file.
@Suite("Detect command")
struct DetectCommandTests {
    @Test("one line per input: verdict, region, counts")
    func seeds() throws {
        let dir = try TemporaryDirectory()
        let notice = SeedFiles.directory.appendingPathComponent("001_f0669431c2f3313a.txt").path
        let news = SeedFiles.directory.appendingPathComponent("000_aa6772dc82afe11c.txt").path
        let result = try CLI.run(["detect", notice, news], in: dir.url)
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let lines = result.stdoutText.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("\(notice): traditional (taiwan); han 1248, simplified 2, traditional 449, taiwan 1, hong kong 0"))
        #expect(lines[1].hasPrefix("\(news): simplified; han 2864, simplified 915, traditional 0"))
    }

    @Test("standard input by default; japanese, mixed and none", arguments: [
        ("これは日本語の文章です\n", "japanese"), ("这个和這個\n", "mixed"), ("hello 中文\n", "none"),
        ("头发\n", "simplified"), ("頭髮\n", "traditional"),
    ])
    func standardInput(text: String, script: String) throws {
        let dir = try TemporaryDirectory()
        let result = try CLI.run(["detect"], stdin: Array(text.utf8), in: dir.url)
        #expect(result.status == 0)
        #expect(result.stdoutText.hasPrefix("<stdin>: \(script);"), "\(result.stdoutText)")
    }

    @Test("--json: one object per input with the counts")
    func json() throws {
        let dir = try TemporaryDirectory()
        try dir.write("hk.txt", "這個軟件説明書，温度\n")
        let result = try CLI.run(["detect", "--json", "hk.txt", "-"], stdin: Array("头发".utf8), in: dir.url)
        #expect(result.status == 0)
        let objects = try result.stdoutText.split(separator: "\n").map {
            try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(objects.count == 2)
        #expect(objects[0]["input"] as? String == "hk.txt")
        #expect(objects[0]["script"] as? String == "traditional")
        #expect(objects[0]["region"] as? String == "hongKong")
        let counts = try #require(objects[0]["counts"] as? [String: Int])
        #expect(counts["hongKong"] == 2)
        #expect(counts["han"] == 9)
        #expect(objects[1]["script"] as? String == "simplified")
        #expect(objects[1]["region"] is NSNull)
    }

    @Test("a missing file is reported with status 1; the others are still detected")
    func missingFile() throws {
        let dir = try TemporaryDirectory()
        try dir.write("a.txt", "头发\n")
        let result = try CLI.run(["detect", "missing.txt", "a.txt"], in: dir.url)
        #expect(result.status == 1)
        #expect(result.stderr.contains("missing.txt"))
        #expect(result.stdoutText.hasPrefix("a.txt: simplified;"))
    }
}

/// The seed documents in `Tests/Fixtures`.
enum SeedFiles {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")
}
