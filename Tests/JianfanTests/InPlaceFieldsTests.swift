import Foundation
import Jianfan
import Testing

/// ``Converter/convertsJSONStringsInPlace``: what lets `--jsonl` convert whole lines where their
/// fields stand, checked on the plan's tables.
@Suite("JSON strings in place: the plan property")
struct InPlaceFieldsTests {
    @Test("every built-in configuration qualifies, checked on its tables")
    func builtIns() {
        for config in Config.allCases {
            #expect(Converter(config).tablesKeepJSONStringsApart, "\(config)")
            #expect(Converter(config, includeTofuRiskDictionaries: true).tablesKeepJSONStringsApart, "\(config)")
            #expect(Converter(config).convertsJSONStringsInPlace, "\(config)")
        }
    }

    @Test("a configuration file is checked on its tables")
    func configurationFile() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let converter = try Converter(configuration: root.appendingPathComponent("Data/Configs/s2twp.json").path)
        #expect(converter.config == nil)
        #expect(converter.convertsJSONStringsInPlace)
    }

    @Test("the words segmenter and protected markup rule it out")
    func modes() {
        #expect(!Converter(.s2t).segmenting(.words).convertsJSONStringsInPlace)
        #expect(!Converter(.s2t).protecting(.html).convertsJSONStringsInPlace)
    }

    @Test("a user's entries: fine unless a key could match syntax or an escape, or a value needs one",
          arguments: [
              (["头发": "頭髮"], true),
              (["SQL注入": "SQL隱碼攻擊", "后-来": "後-來"], true),   // ASCII inside keys, not ASCII only
              (["SQL": "Sql"], false),                            // ASCII only: would match syntax and ASCII strings
              (["x": "叉"], false),
              (["n头": "N頭"], false),                            // starts with n: the n of \n
              (["t头": "T頭"], false),
              (["头\"发": "頭髮"], false),                         // a quote
              (["头\\发": "頭髮"], false),                         // a backslash
              (["头发": "頭\"髮"], false),                         // values that need an escape
              (["头发": "頭\\髮"], false),
              (["头发": "頭\u{2028}髮"], false),
              (["头发": "⿰頭髮"], false),                          // an IDS operator
              (["头": "頭\u{7}"], false),
          ])
    func entries(_ entries: [String: String], qualifies: Bool) throws {
        let converter = try Converter(.s2t, overrides: entries)
        #expect(converter.convertsJSONStringsInPlace == qualifies, "\(entries)")
    }
}
