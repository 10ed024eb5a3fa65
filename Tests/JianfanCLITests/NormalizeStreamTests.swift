import Foundation
import Testing

/// `jianfan normalize` as a stream: standard input or any number of files, `-o` and
/// `--in-place` as for conversion, JSON with a version and positions.
@Suite("normalize streams")
struct NormalizeStreamTests {
    @Test("standard input, and files in order, each normalized on its own")
    func inputs() throws {
        let dir = try TemporaryDirectory()
        try dir.write("a.txt", "發(fā)展,穩定。政策效应持")
        try dir.write("b.txt", "续释放，有力推动工业企稳回升的趋势。\n")
        let piped = try CLI.run(["normalize", "--to", "simplified"], stdin: Array("銀行(yínháng),好".utf8), in: dir.url)
        #expect(piped.status == 0)
        #expect(piped.stdoutText == "银行，好")
        let both = try CLI.run(["normalize", "a.txt", "b.txt", "--to", "simplified", "--steps", "readings,punctuation,lines"],
                               in: dir.url)
        #expect(both.status == 0)
        // Line repair never joins two files.
        #expect(both.stdoutText == "发展，稳定。政策效应持续释放，有力推动工业企稳回升的趋势。\n")
    }

    @Test("-o is replaced only when every input is normalized")
    func outputFile() throws {
        let dir = try TemporaryDirectory()
        try dir.write("a.txt", "發展,")
        try dir.write("out.txt", "old")
        let ok = try CLI.run(["normalize", "a.txt", "a.txt", "--to", "simplified", "-o", "out.txt"], in: dir.url)
        #expect(ok.status == 0)
        #expect(try dir.readText("out.txt") == "发展，发展，")
        try dir.write("bad.txt", [0x61, 0xFF])
        let failed = try CLI.run(["normalize", "a.txt", "bad.txt", "-o", "out.txt"], in: dir.url)
        #expect(failed.status != 0)
        #expect(failed.stderr.contains("bad.txt"), "\(failed.stderr)")
        #expect(try dir.readText("out.txt") == "发展，发展，")
    }

    @Test("--in-place rewrites each file, and leaves a failing one as it was")
    func inPlace() throws {
        let dir = try TemporaryDirectory()
        try dir.write("a.md", "---\ntitle: 頭髮,\n---\n頭髮,`頭髮`\n")
        try dir.write("bad.txt", [0x61, 0xFF])
        let result = try CLI.run(["normalize", "--in-place", "--to", "simplified", "a.md", "bad.txt"], in: dir.url)
        #expect(result.status != 0)
        #expect(try dir.readText("a.md") == "---\ntitle: 頭髮,\n---\n头发，`頭髮`\n")
        #expect(try dir.read("bad.txt") == [0x61, 0xFF])
        let refused = try CLI.run(["normalize", "--in-place", "-o", "x.txt", "a.md"], in: dir.url)
        #expect(refused.status == 2)
    }

    @Test("--json: one line per input with a version, and changes placed by line and column")
    func json() throws {
        let dir = try TemporaryDirectory()
        try dir.write("a.txt", "標題\n業(yè)務,好")
        let result = try CLI.run(["normalize", "a.txt", "--to", "simplified", "--json"], in: dir.url)
        #expect(result.status == 0)
        let object = try #require(JSONSerialization.jsonObject(with: Data(result.stdout)) as? [String: Any])
        #expect(object["version"] as? Int == 1)
        #expect(object["file"] as? String == "a.txt")
        #expect(object["text"] as? String == "标题\n业务，好")
        let reports = try #require(object["reports"] as? [[String: Any]])
        #expect(reports.map { $0["step"] as? String } == ["readings", "punctuation", "script"])
        let comma = try #require((reports[1]["changes"] as? [[String: Any]])?.first)
        #expect(comma["line"] as? Int == 2)
        #expect(comma["column"] as? Int == 7)
        #expect(comma["start"] as? Int == 5)
    }

    @Test("--stats prints each step's count and whether the input was already in the target script")
    func stats() throws {
        let dir = try TemporaryDirectory()
        try dir.write("a.txt", "这个软件很好,对。\n")
        let result = try CLI.run(["normalize", "a.txt", "--to", "simplified", "--stats"], in: dir.url)
        #expect(result.stdoutText == "这个软件很好，对。\n")
        #expect(result.stderr.contains("a.txt: punctuation: 1 changes"), "\(result.stderr)")
        #expect(result.stderr.contains("a.txt: already simplified"), "\(result.stderr)")
    }
}
