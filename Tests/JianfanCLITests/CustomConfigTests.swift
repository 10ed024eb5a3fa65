import Foundation
import Testing

/// `-c FILE`, `--path`, `--dict`, `--inspect` and `--segmentation`, end to end.
@Suite("Custom configurations, user dictionaries and inspection on the command line")
struct CustomConfigTests {
    static let s2tWithOverride = """
    // my s2t: 软件 stays as it is
    { "name": "mine", "conversion_chain": [ { "dict": { "type": "group", "match_policy": "short_circuit", "dicts": [
        { "type": "inline", "entries": { "软件": "软件" } },
        { "type": "ocd2", "file": "STPhrases.ocd2" }, { "type": "ocd2", "file": "STCharacters.ocd2" },
    ] } } ] }
    """

    func write(_ text: String, _ name: String, in dir: TemporaryDirectory) throws {
        try Data(text.utf8).write(to: dir.url.appendingPathComponent(name))
    }

    @Test("a config file is read, not its base name: my/s2t.json keeps 软件")
    func configFile() throws {
        let dir = try TemporaryDirectory()
        try FileManager.default.createDirectory(at: dir.url.appendingPathComponent("my"), withIntermediateDirectories: true)
        try write(Self.s2tWithOverride, "my/s2t.json", in: dir)
        let result = try CLI.run(["-c", "my/s2t.json"], stdin: Array("软件和头发\n".utf8), in: dir.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdoutText == "软件和頭髮\n")
        // The built-in name with no directory part is still the built-in.
        let builtIn = try CLI.run(["-c", "s2t.json"], stdin: Array("软件\n".utf8), in: dir.url)
        #expect(builtIn.stdoutText == "軟件\n")
        // Found through --path.
        let found = try CLI.run(["-c", "s2t.json", "--path", "my"], stdin: Array("软件\n".utf8), in: dir.url)
        #expect(found.stdoutText == "軟件\n", "a built-in name stays built-in even when --path has a file of that name")
        try write(Self.s2tWithOverride, "my/mine.json", in: dir)
        let byPath = try CLI.run(["-c", "mine.json", "--path", "my"], stdin: Array("软件\n".utf8), in: dir.url)
        #expect(byPath.stdoutText == "软件\n", "\(byPath.stderr)")
    }

    @Test("bad configurations: exit 2, a message with file and line, nothing written", arguments: [
        ("missing.json", nil, "unknown config 'missing.json'; valid configs: s2t,"),
        ("dir/missing.json", nil, "dir/missing.json: No such file or directory"),
        ("bad.json", "{\n  \"conversion_chain\": [\n", "bad.json:3:1: unexpected end of file"),
        ("type.json", "{ \"conversion_chain\": [ { \"dict\": { \"type\": \"marisa\", \"file\": \"x\" } } ] }",
         "type.json:1:45: dictionary type \"marisa\""),
        ("dup.json", "{ \"conversion_chain\": [ { \"dict\": { \"type\": \"inline\",\n \"entries\": { \"a\": \"b\", \"a\": \"c\" } } } ] }",
         "dup.json:2:25: duplicate key \"a\""),
        ("latin1.json", "{ \"conversion_chain\": [ { \"dict\": { \"type\": \"text\", \"file\": \"latin1.txt\" } } ] }",
         "latin1.txt: invalid UTF-8 at byte offset 3"),
    ] as [(String, String?, String)])
    func badConfigs(name: String, json: String?, message: String) throws {
        let dir = try TemporaryDirectory()
        if let json { try write(json, name, in: dir) }
        try Data([0x61, 0x09, 0x62, 0xE9, 0x0A]).write(to: dir.url.appendingPathComponent("latin1.txt"))
        try write("old", "out.txt", in: dir)
        let result = try CLI.run(["-c", name, "-i", "-", "-o", "out.txt"], stdin: Array("软件\n".utf8), in: dir.url)
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stderr.hasPrefix("jianfan: "))
        #expect(try String(contentsOf: dir.url.appendingPathComponent("out.txt"), encoding: .utf8) == "old")
    }

    @Test("--dict entries are final output, with any config; a malformed one is an error")
    func userDictionary() throws {
        let dir = try TemporaryDirectory()
        try write("软件\t軟件\n", "mine.txt", in: dir)
        try write("软件\t软体\n硬件\t硬體 硬件\n", "second.txt", in: dir)
        let result = try CLI.run(["-c", "s2twp", "--dict", "mine.txt", "--dict", "second.txt"],
                                 stdin: Array("软件和硬件，U盘\n".utf8), in: dir.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdoutText == "軟件和硬體，隨身碟\n")
        try write("软件 軟件\n", "bad.txt", in: dir)
        let bad = try CLI.run(["-c", "s2twp", "--dict", "bad.txt"], stdin: Array("软件\n".utf8), in: dir.url)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("bad.txt:1:"), "\(bad.stderr)")
    }

    @Test("--inspect and --segmentation print opencc's records, one per line")
    func inspection() throws {
        let dir = try TemporaryDirectory()
        let seg = try CLI.run(["-c", "s2twp", "--segmentation"], stdin: Array("头发和U盘\n鼠标\n".utf8), in: dir.url)
        #expect(seg.status == 0, "\(seg.stderr)")
        let lines = seg.stdoutText.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix(#"{"input":"头发和U盘","segments":["头发","和U盘"],"#) == true)
        #expect(lines.last?.contains(#""inputScalars":[6,8]"#) == true, "offsets count from the start of the input")
        let inspect = try CLI.run(["-c", "s2t", "--inspect"], stdin: Array("头发".utf8), in: dir.url)
        #expect(inspect.stdoutText.contains(#""output":"頭髮""#))
        let none = try CLI.run(["-c", "s2t", "--segmentation"], stdin: Array("头发\n".utf8), in: dir.url)
        #expect(none.status == 2 && none.stdout.isEmpty)
    }

    @Test("a chain whose every dictionary may output tofu: the text copied, not lost (opencc prints it unchanged)")
    func chainOfTofuRiskOnly() throws {
        let dir = try TemporaryDirectory()
        try write("软\t軟\n", "x.txt", in: dir)
        try write(#"{ "conversion_chain": [ { "dict": { "type": "text", "file": "x.txt", "may_output_tofu": true } } ] }"#,
                  "t.json", in: dir)
        let result = try CLI.run(["-c", "./t.json"], stdin: Array("软件abc\n".utf8), in: dir.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdoutText == "软件abc\n")
    }
}
