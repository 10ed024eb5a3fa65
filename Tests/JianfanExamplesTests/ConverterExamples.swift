import Foundation
import Testing
@testable import Jianfan

/// The `///` examples of the converter, its configurations, user entries and validation, run
/// as written, each followed by what its comment says.
@Suite("Examples: Converter, Config, UserDictionary, ConfigurationError, UTF8Validation")
struct ConverterExamples {
    @Test("Converter")
    func converter() {
        let converter = Converter(.s2t)
        #expect(converter.convert("头发干了") == "頭髮幹了")
    }

    @Test("Converter.init(_:overrides:)")
    func overrides() throws {
        let converter = try Converter(.s2twp, overrides: ["软件": "軟件"])
        #expect(converter.convert("软件") == "軟件")
        #expect(Converter(.s2twp).convert("软件") == "軟體")   // "s2twp alone writes 軟體"
    }

    @Test("Converter.init(configuration:searchPaths:)")
    func configurationFile() throws {
        try ExampleSupport.withFolder { folder in
            // OpenCC's own s2t.json: it describes a built-in configuration.
            let json = try String(contentsOf: ExampleSupport.packageRoot.appendingPathComponent("Data/Configs/s2t.json"), encoding: .utf8)
            try ExampleSupport.write(json, to: "\(folder)/s2t.json")
            try FileManager.default.createDirectory(atPath: "\(folder)/dicts", withIntermediateDirectories: true)
            let converter = try Converter(configuration: "\(folder)/s2t.json", searchPaths: ["\(folder)/dicts"])
            #expect(converter.convert("头发干了") == "頭髮幹了")
            // A configuration that is compiled (a dictionary of its own), with a cache.
            try ExampleSupport.write(#"{ "conversion_chain": [ { "dict": { "type": "text", "file": "d.txt" } } ] }"#, to: "\(folder)/s2t.json")
            try ExampleSupport.write("头发\t頭髮\n", to: "\(folder)/d.txt")
            let cached = try Converter(configuration: "\(folder)/s2t.json", searchPaths: ["\(folder)/dicts"],
                                       cacheDirectory: "\(folder)/cache")   // compiled once, then read
            #expect(cached.convert("头发干了") == "頭髮干了")
            #expect(try FileManager.default.contentsOfDirectory(atPath: "\(folder)/cache").count == 1, "compiled once")
            let again = try Converter(configuration: "\(folder)/s2t.json", searchPaths: ["\(folder)/dicts"], cacheDirectory: "\(folder)/cache")
            #expect((again.plan.storage?.bytes.count ?? 0) > 0, "then read")
            #expect(again.convert("头发干了") == "頭髮干了")
        }
    }

    @Test("ContentHash")
    func contentHash() {
        var h = ContentHash()
        h.update(Array("软件\t軟體\n".utf8))
        var same = ContentHash()
        same.update(Array("软件\t軟體\n".utf8))
        #expect(h.digest == same.digest)
        #expect(h.digest != ContentHash().digest)
    }

    @Test("Converter.overriding(_:)")
    func overriding() throws {
        let converter = try Converter(.s2twp).overriding(try UserDictionary(["软件": "軟件"]))
        #expect(converter.convert("软件工程") == "軟件工程")
    }

    @Test("Converter.convert(_:appendingTo:)")
    func appendingTo() throws {
        var out: [UInt8] = []
        try Array("后来".utf8).withUnsafeBytes { try Converter(.s2t).convert($0, appendingTo: &out) }
        #expect(out == Array("後來".utf8))
    }

    @Test("Converter.convert(unsafeValidatedUTF8:appendingTo:)")
    func unsafeAppendingTo() {
        var out: [UInt8] = []
        var text = "后来"
        text.withUTF8 { Converter(.s2t).convert(unsafeValidatedUTF8: UnsafeRawBufferPointer($0), appendingTo: &out) }
        #expect(out == Array("後來".utf8))
    }

    @Test("Converter.convert(_:into:)")
    func into() throws {
        var room = [UInt8](repeating: 0, count: 64)
        let n = try Array("后来".utf8).withUnsafeBytes { input in
            try room.withUnsafeMutableBytes { try Converter(.s2t).convert(input, into: $0) }
        }   // n == 6, room[..<6] is "後來"
        #expect(n == 6)
        #expect(Array(room[..<6]) == Array("後來".utf8))
    }

    @Test("Converter.convert(unsafeValidatedUTF8:into:)")
    func unsafeInto() {
        var room = [UInt8](repeating: 0, count: 64)
        var text = "后来"
        let n = text.withUTF8 { input in
            room.withUnsafeMutableBytes { Converter(.s2t).convert(unsafeValidatedUTF8: UnsafeRawBufferPointer(input), into: $0) }
        }
        #expect(n == 6)
        #expect(Array(room[..<6]) == Array("後來".utf8))
    }

    @Test("Config")
    func config() {
        let config = Config(name: "s2twp.json")   // .s2twp; the ".json" suffix is optional
        print(config?.summary ?? "")
        #expect(config == .s2twp && Config(name: "s2twp") == .s2twp)
        #expect(config?.summary == "Simplified → Traditional (Taiwan variants and phrases)")
    }

    @Test("Config.init(name:), .summary, .targetIsSimplified")
    func configMembers() {
        #expect(Config(name: "/usr/share/opencc/t2s.json") == .t2s)   // .t2s
        #expect(Config(name: "S2T") == .s2t && Config(name: "s2x") == nil)
        #expect(Config.t2jp.summary == "Traditional (Kyūjitai) → Japanese Shinjitai")
        #expect(Config.allCases.filter(\.targetIsSimplified) == [.t2s, .tw2s, .tw2sp, .hk2s, .hk2sp])
    }

    @Test("Converter.config, .name")
    func converterMembers() throws {
        #expect(Converter(.s2twp).config == .s2twp)   // .s2twp
        #expect(Converter(.s2t).convertsJSONStringsInPlace)   // true
        let converter = Converter(.s2twp)
        print("converting with \(converter.name)")
        #expect(converter.name == "s2twp")
        try ExampleSupport.withFolder { folder in
            let json = try String(contentsOf: ExampleSupport.packageRoot.appendingPathComponent("Data/Configs/s2t.json"), encoding: .utf8)
            try ExampleSupport.write(json, to: "\(folder)/s2t.json")
            let fromFile = try Converter(configuration: "\(folder)/s2t.json")
            #expect(fromFile.config == nil && fromFile.name == "\(folder)/s2t.json")
        }
    }

    @Test("UserDictionary")
    func userDictionary() throws {
        let mine = try UserDictionary(["软件": "軟件"])
        let converter = try Converter(.s2twp).overriding(mine)
        #expect(converter.convert("软件和硬件") == "軟件和硬體")
    }

    @Test("ConfigurationError")
    func configurationError() throws {
        try ExampleSupport.withFolder { folder in
            try ExampleSupport.write("""
                {
                  "conversion_chain": [
                    { "dict": { "type": "marisa", "file": "x.ocd" } }
                  ]
                }
                """, to: "\(folder)/mine.json")
            var printed = ""
            do {
                _ = try Converter(configuration: "\(folder)/mine.json")
            } catch {
                print(error)   // …/mine.json:3:25: dictionary type "marisa" is not one of text, ocd2, ocd, inline, group
                printed = "\(error)"
            }
            #expect(printed == "\(folder)/mine.json:3:25: dictionary type \"marisa\" is not one of text, ocd2, ocd, inline, group")
        }
    }

    @Test("UTF8Validation")
    func validation() {
        #expect(UTF8Validation.firstInvalidOffset(in: [0x61, 0xC0, 0xAF]) == 1)   // 1 (an overlong "/")
        #expect(UTF8Validation.repaired([0x61, 0xFF]) == Array("a\u{FFFD}".utf8))
    }

    @Test("DictionaryText")
    func dictionaryText() throws {
        let dict = try DictionaryText(parsing: "发\t發 髮\n", name: "STCharacters")
        #expect(dict.entries[0].value == Array("發".utf8))
    }
}
