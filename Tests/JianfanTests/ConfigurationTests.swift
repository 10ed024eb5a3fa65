import Foundation
import Testing
@testable import Jianfan

/// OpenCC configuration files compiled at run time, and a user's entries in front of a config.
@Suite("Custom configurations and user entries")
struct ConfigurationTests {
    /// A fresh directory holding `files` (name → contents).
    func directory(_ files: [String: String]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jianfan-config-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: URL(fileURLWithPath: dir + "/" + name)) }
        return dir
    }

    static var dataDirectory: String { Fixtures.packageRoot.appendingPathComponent("Data").path }

    /// A built-in config rewritten to name its dictionaries as text files.
    static func textConfig(_ config: Config) throws -> String {
        try String(contentsOfFile: dataDirectory + "/Configs/\(config.rawValue).json", encoding: .utf8)
            .replacingOccurrences(of: "\"ocd2\"", with: "\"text\"").replacingOccurrences(of: ".ocd2\"", with: ".txt\"")
    }

    /// Every built-in config, rewritten to name its dictionaries as text files (found through a
    /// search path; each with an empty line more than OpenCC's, so that it is not OpenCC's own
    /// file), compiles at run time to a plan that converts the fixtures exactly as the built-in
    /// tables do: one compiler for both.
    @Test("the 16 configs as text dictionaries convert the fixtures as the built-ins", arguments: Config.allCases)
    func textDictionaryConfigs(config: Config) throws {
        var files = ["mine.json": try Self.textConfig(config)]
        for name in try FileManager.default.contentsOfDirectory(atPath: Self.dataDirectory + "/Dictionaries") {
            files[name] = try String(contentsOfFile: Self.dataDirectory + "/Dictionaries/" + name, encoding: .utf8) + "\n"
        }
        let dir = try directory(files)
        let custom = try Converter(configuration: dir + "/mine.json")
        #expect(custom.config == nil)
        #expect(custom.plan.storage != nil, "compiled at run time, not the built-in plan")
        let builtin = Converter(config)
        for name in Fixtures.names {
            let text = try Fixtures.text(name)
            let same = custom.convert(text) == builtin.convert(text)
            #expect(same, "\(config) on \(name)")
        }
    }

    /// A text dictionary byte-identical to OpenCC's is its embedded copy: a built-in config that
    /// names OpenCC's dictionaries as text files is the built-in plan (nothing compiled).
    @Test("OpenCC's dictionaries as text files resolve to the built-in plan", arguments: [Config.s2twp, .tw2sp])
    func openCCTextDictionaries(config: Config) throws {
        let dir = try directory(["mine.json": try Self.textConfig(config)])
        let converter = try Converter(configuration: dir + "/mine.json", searchPaths: [Self.dataDirectory + "/Dictionaries"])
        #expect(converter.plan.storage == nil)
        let text = try Fixtures.text(Fixtures.names[0])
        #expect(converter.convert(text) == Converter(config).convert(text))
    }

    /// OpenCC's own file with OpenCC's dictionary names, and no dictionary files anywhere: the
    /// embedded copies are used, and the built-in plan is recognized (nothing compiled).
    @Test("OpenCC's own config file resolves to the embedded dictionaries and the built-in plan")
    func openCCConfigFile() throws {
        let json = try String(contentsOfFile: Self.dataDirectory + "/Configs/s2twp.json", encoding: .utf8)
        let dir = try directory(["s2twp.json": json])
        let converter = try Converter(configuration: dir + "/s2twp.json")
        #expect(converter.plan.storage == nil)
        #expect(converter.convert("鼠标和软件") == "滑鼠和軟體")
    }

    /// JSONC, an inline dictionary in front of the first stage, and one as an extra last stage.
    /// `data.c` lists Data/'s files by hand: every one must be there, byte for byte.
    @Test("the embedded copies of Data/ are Data/'s files")
    func embeddedData() throws {
        let fm = FileManager.default
        var names: [String] = []
        for folder in ["Dictionaries", "Configs"] {
            for name in try fm.contentsOfDirectory(atPath: Self.dataDirectory + "/" + folder) where name.hasSuffix(".txt") || name.hasSuffix(".json") {
                names.append(name)
                let bytes = try Data(contentsOf: URL(fileURLWithPath: Self.dataDirectory + "/\(folder)/\(name)"))
                let embedded = try #require(EmbeddedData.files[name], "\(name) is not embedded")
                #expect(Data(embedded) == bytes, "\(name) differs from Data/")
            }
        }
        #expect(Set(names) == Set(EmbeddedData.files.keys))
    }

    @Test("JSONC with inline overrides at the first stage and as an extra last stage")
    func inlineOverrides() throws {
        let json = """
        // s2t with my own entries
        {
          "name": "mine",
          "conversion_chain": [
            { "dict": { "type": "group", "match_policy": "short_circuit", "dicts": [
                { "type": "inline", "entries": { "软件": "软件", } },   /* kept as it is */
                { "type": "ocd2", "file": "STPhrases.ocd2" },
                { "type": "ocd2", "file": "STCharacters.ocd2" },
            ] } },
            { "dict": { "type": "inline", "entries": { "後": "后" } } },
          ],
        }
        """
        let dir = try directory(["mine.json": json])
        let converter = try Converter(configuration: dir + "/mine.json")
        #expect(converter.convert("软件和头发以后") == "软件和頭髮以后")
    }

    @Test("errors name the file, the line and the column", arguments: [
        ("{\n  \"conversion_chain\": [\n    { \"dict\": { \"type\": \"marisa\", \"file\": \"x\" } }\n  ]\n}", 3, 25,
         "dictionary type \"marisa\""),
        ("{\n  \"conversion_chain\": [ { \"dict\": {\n    \"type\": \"inline\", \"entries\": { \"a\": \"b\",\n    \"a\": \"c\" } } } ]\n}",
         4, 5, "duplicate key \"a\""),
        ("{ \"conversion_chain\": [ ", 1, 25, "unexpected end of file"),
        ("{ \"conversion_chain\": [ { \"dict\": { \"type\": \"text\", \"file\": \"none.txt\" } } ] }", 1, 35, "not found"),
        ("{ \"conversion_chain\": [ { \"dict\": { \"type\": \"inline\", \"entries\": { \"a\": \"\" } } } ] }", 1, 73,
         "non-empty string"),
    ])
    func errors(json: String, line: Int, column: Int, reason: String) throws {
        let dir = try directory(["bad.json": json])
        do {
            _ = try Converter(configuration: dir + "/bad.json")
            Issue.record("no error for \(json)")
        } catch {
            #expect(error.file == dir + "/bad.json")
            #expect(error.line == line && error.column == column, "\(error)")
            #expect(error.reason.contains(reason), "\(error)")
        }
    }

    @Test("a missing config, a dictionary that is not UTF-8 or malformed, a foreign .ocd2")
    func fileErrors() throws {
        #expect(throws: ConfigurationError(file: "/nonexistent/s2t.json", reason: "No such file or directory")) {
            try Converter(configuration: "/nonexistent/s2t.json")
        }
        let dir = try directory([
            "a.json": #"{ "conversion_chain": [ { "dict": { "type": "text", "file": "bad.txt" } } ] }"#,
            "b.json": #"{ "conversion_chain": [ { "dict": { "type": "text", "file": "tabless.txt" } } ] }"#,
            "c.json": #"{ "conversion_chain": [ { "dict": { "type": "ocd2", "file": "Mine.ocd2" } } ] }"#,
            "tabless.txt": "a\tb\nno tab here\n", "Mine.ocd2": "OPENCCMARISA",
        ])
        try Data([0x61, 0x09, 0xFF, 0x0A]).write(to: URL(fileURLWithPath: dir + "/bad.txt"))
        #expect(throws: ConfigurationError(file: dir + "/bad.txt", reason: "invalid UTF-8 at byte offset 2")) {
            try Converter(configuration: dir + "/a.json", searchPaths: [])
        }
        let malformed = #expect(throws: ConfigurationError.self) { try Converter(configuration: dir + "/b.json") }
        #expect(malformed?.line == 2 && malformed?.file?.hasSuffix("tabless.txt") == true)
        let foreign = #expect(throws: ConfigurationError.self) { try Converter(configuration: dir + "/c.json") }
        #expect(foreign?.reason.contains("opencc_dict -f ocd2 -t text") == true)
    }

    @Test("user entries win where they match; the configuration converts around them")
    func userEntries() throws {
        let converter = try Converter(.s2twp, overrides: ["软件": "軟件"])
        #expect(converter.convert("软件") == "軟件")
        #expect(converter.convert("买软件和硬件") == "買軟件和硬體")
        // A longer phrase of the config that starts before the entry does not swallow it:
        // 头发 is an s2t phrase, but 发 is the user's, so 头 converts on its own.
        #expect(try Converter(.s2t, overrides: ["发": "X"]).convert("头发") == "頭X")
        // Entries added later win over earlier ones for the same key.
        let both = try converter.overriding(try UserDictionary(["软件": "ruanjian", "硬件": "hardware"]))
        #expect(both.convert("软件硬件") == "ruanjianhardware")
        #expect(converter.convert("软件硬件") == "軟件硬體")
        #expect(throws: ConfigurationError.self) { try Converter(.s2t, overrides: ["": "x"]) }
        #expect(throws: ConfigurationError.self) { try UserDictionary(parsing: "a\tb\nc\n", name: "mine.txt") }
    }

    /// The configuration fuzz target's second finding: a value longer than a table's one-byte
    /// length stopped the process. Now it is an error naming the file and line, in every way a
    /// value arrives (a text dictionary, an inline one, user entries).
    @Test("a value longer than 255 bytes is an error naming its file and line, never a crash")
    func valueTooLong() throws {
        let long = String(repeating: "長", count: 86)   // 258 bytes
        let fits = String(repeating: "長", count: 85)   // 255 bytes
        let dir = try directory([
            "d.txt": "头\t頭\n发\t\(long)\n",
            "fits.txt": "发\t\(fits)\n",
            "text.json": #"{"conversion_chain": [{"dict": {"type": "text", "file": "d.txt"}}]}"#,
            "fits.json": #"{"conversion_chain": [{"dict": {"type": "text", "file": "fits.txt"}}]}"#,
            "inline.json": #"{"conversion_chain": [{"dict": {"type": "inline", "entries": {"发": "\#(long)"}}}]}"#,
        ])
        #expect(throws: ConfigurationError(file: dir + "/d.txt", line: 2, reason: DictionaryText.tooLong)) {
            try Converter(configuration: dir + "/text.json")
        }
        #expect(try Converter(configuration: dir + "/fits.json").convert("头发") == "头" + fits)
        #expect(throws: ConfigurationError.self) { try Converter(configuration: dir + "/inline.json") }
        #expect(throws: ConfigurationError(file: "mine.txt", line: 1, reason: DictionaryText.tooLong)) {
            try UserDictionary(parsing: "发\t\(long)\n", name: "mine.txt")
        }
        #expect(throws: ConfigurationError.self) { try UserDictionary(["发": long]) }
    }

    @Test("user entries across piece cuts and in a stream, with one and two threads")
    func userEntriesInLargeInputs() throws {
        let input = Array(String(repeating: "软件的U盘和头发，", count: 60_000).utf8)
        let expected = Array(String(repeating: "軟件的隨身碟和頭髮，", count: 60_000).utf8)
        for threads in [1, 2] {
            var converter = try Converter(.s2twp, overrides: ["软件": "軟件"])
            converter.maximumThreads = threads
            var out: [UInt8] = []
            try input.withUnsafeBytes { try converter.convert($0, appendingTo: &out) }
            let same = out == expected
            #expect(same, "\(threads) thread(s)")
            var stream = converter.makeStream()
            var streamed: [UInt8] = []
            for start in stride(from: 0, to: input.count, by: 77_777) {
                try stream.write(input[start..<min(input.count, start + 77_777)], into: &streamed)
            }
            try stream.finish(into: &streamed)
            let streamSame = streamed == expected
            #expect(streamSame, "streamed, \(threads) thread(s)")
        }
    }

    @Test("a chain whose every dictionary may output tofu, left out, copies the text as opencc does")
    func chainOfTofuRiskOnly() throws {
        let dict = #"{ "type": "text", "file": "x.txt", "may_output_tofu": true }"#
        let dir = try directory([
            "x.txt": "软\t軟\n",
            "plain.json": #"{ "conversion_chain": [ { "dict": "# + dict + " } ] }",
            "segmented.json": #"{ "segmentation": { "type": "mmseg", "dict": "# + dict + #" }, "conversion_chain": [ { "dict": "# + dict + " } ] }",
            "group.json": #"{ "conversion_chain": [ { "dict": { "type": "group", "dicts": ["# + dict + "] } } ] }",
        ])
        for name in ["plain", "segmented", "group"] {
            #expect(try Converter(configuration: dir + "/\(name).json").convert("软件abc") == "软件abc", "\(name)")
            let tofu = try Converter(configuration: dir + "/\(name).json", includeTofuRiskDictionaries: true)
            #expect(tofu.convert("软件abc") == "軟件abc", "\(name)")
        }
    }
}
