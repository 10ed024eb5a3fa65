import Foundation
import Testing

/// `--jsonl` converting whole lines where their fields stand (the conversions that allow it),
/// and field by field the lines that need it: the two give the same bytes.
@Suite("Fields: JSON Lines converted in place")
struct FieldsInPlaceTests {
    @Test("a phrase split across two fields, an escape or a quote converts as two texts")
    func phrasesStopAtFieldEnds() throws {
        let dir = try TemporaryDirectory()
        // 头发 is a phrase (頭髮); 头 and 发 alone are 頭 and 發.
        let input = #"{"a":"头","b":"发","c":"头发"}"# + "\n"
            + #"{"a":"头\"发","b":"头\\发","c":"头\n发","d":"头\t发，头发"}"# + "\n"
            + #"{"a":["头","发"],"头":"发"}"# + "\n"
        let result = try CLI.run(["-c", "s2t", "--jsonl", "*"], stdin: Array(input.utf8), in: dir.url)
        #expect(result.status == 0)
        #expect(result.stdoutText == #"{"a":"頭","b":"發","c":"頭髮"}"# + "\n"
            + #"{"a":"頭\"發","b":"頭\\發","c":"頭\n發","d":"頭\t發，頭髮"}"# + "\n"
            + #"{"a":["頭","發"],"头":"發"}"# + "\n")
    }

    @Test("keys with ASCII in them (SQL注入) match inside a field only, never across its quotes")
    func asciiInKeys() throws {
        let dir = try TemporaryDirectory()
        let input = #"{"t":"SQL注入","u":"SQL","v":"注入"}"# + "\n" + #"{"SQL":"x","t":"SQL\"注入"}"# + "\n"
        let result = try CLI.run(["-c", "s2twp", "--jsonl", "t", "--jsonl", "u", "--jsonl", "v"],
                                 stdin: Array(input.utf8), in: dir.url)
        #expect(result.stdoutText == #"{"t":"SQL隱碼攻擊","u":"SQL","v":"注入"}"# + "\n" + #"{"SQL":"x","t":"SQL\"注入"}"# + "\n")
    }

    /// Lines of every kind: long runs of lines that convert in place, with lines between them
    /// that go field by field (escapes of non-ASCII, other escapes, Chinese outside the field,
    /// U+2028, an IDS operator, invalid JSON), alone or a few together.
    static func mixedLines(count: Int) -> [String] {
        var random = SystemRandomNumberGenerator()
        let texts = ["头发后来", "软件和硬件", "“引号”里的头发…", "SQL注入攻击", "第一行\\n第二行\\t头发", "她说\\\"头发\\\"", "a\\\\b后来"]
        var lines: [String] = []
        for index in 0..<count {
            let text = texts[index % texts.count] + String(repeating: "发", count: index % 5)
            switch Int.random(in: 0..<100, using: &random) {
            case 0: lines.append(#"{"id":\#(index),"text":"\u5934\u53d1\#(text)"}"#)
            case 1: lines.append(#"{"id":\#(index),"text":"\#(text)","keep":"头发"}"#)
            case 2: lines.append(#"{"id":\#(index),"text":"\#(text)\/\b\f"}"#)
            case 3: lines.append("{\"id\":\(index),\"text\":\"\(text)\u{2028}后来\"}")
            case 4: lines.append("{\"id\":\(index),\"text\":\"\(text)⿰木\"}")
            case 5: lines.append(#"{"id":\#(index),"text":"\#(text)" x"#)
            case 6: lines.append("  ")
            default: lines.append(#"{"id":\#(index),"text":"\#(text)","lang":"zh"}"#)
            }
        }
        return lines
    }

    @Test("in place and field by field give the same bytes, whatever the mix of lines")
    func sameAsFieldByField() throws {
        let dir = try TemporaryDirectory()
        try dir.write("a.jsonl", Self.mixedLines(count: 40_000).joined(separator: "\n") + "\n")
        // An entry that never matches, but starts with n: the conversion can no longer go in place.
        try dir.write("n.txt", "n㐀㐀㐀\t叉\n")
        for config in ["s2t", "s2twp", "t2s"] {
            let inPlace = try CLI.run(["-c", config, "--jsonl", "text", "--skip-invalid", "a.jsonl"], in: dir.url)
            let byField = try CLI.run(["-c", config, "--dict", "n.txt", "--jsonl", "text", "--skip-invalid", "a.jsonl"], in: dir.url)
            #expect(inPlace.status == 0)
            #expect(inPlace.stdout == byField.stdout, "\(config)")
            #expect(inPlace.stderr == byField.stderr)
            #expect(inPlace.stdoutText.contains(#""text":"頭髮後來""#) || config == "t2s")
        }
    }

    /// Lines that have the shape of the line before them (same syntax and keys) up to one
    /// value or byte: each is checked as if it were read for the first time.
    static let nearShapes = [
        #"{"id": -2.5e3, "text": "“头发”\"后来\"…", "lang": "en", "ok": true, "no": null}"#,
        #"{"id": 01, "text": "头发", "lang": "zh", "ok": true, "no": null}"#,
        #"{"id": 1., "text": "头发", "lang": "zh", "ok": true, "no": null}"#,
        #"{"id": "1", "text": "头发", "lang": "zh", "ok": true, "no": null}"#,
        #"{"id": 1, "text": 2, "lang": "zh", "ok": true, "no": null}"#,
        #"{"id": 1, "text": "头\u53d1", "lang": "zh", "ok": true, "no": null}"#,
        #"{"id": 1, "text": "头\x", "lang": "zh", "ok": true, "no": null}"#,
        "{\"id\": 1, \"text\": \"头\u{2028}发\", \"lang\": \"zh\", \"ok\": true, \"no\": null}",
        "{\"id\": 1, \"text\": \"头\u{01}发\", \"lang\": \"zh\", \"ok\": true, \"no\": null}",
        #"{"id": 1, "text": "头发", "lang": "中文", "ok": true, "no": null}"#,
        #"{"id": 1, "text": "头发", "lang": "zh", "ok": tru, "no": null}"#,
        #"{"id": 1, "text": "头发", "lang": "zh", "ok": true, "no": null} x"#,
        #"{"id": 1, "text": "头发", "lang": "zh", "ok": true, "no": null}  "#,
        #"{"id": 1, "text": "头发", "lang": "zh", "ok": true, "no": null"#,
        #"{"id": 1, "text": "头发", "lang": "zh", "ok": true, "nO": null}"#,
        #"{"id": 1, "text": "头发", "lang": "zh", "ok": true}"#,
        #"{"id": 1, "text": "头发"#,
    ]

    @Test("a line with the shape of the one before, but for one value or byte: the same bytes and errors as field by field")
    func nearShapesAsFieldByField() throws {
        let dir = try TemporaryDirectory()
        let shaped = #"{"id": 7, "text": "头发后来", "lang": "zh", "ok": true, "no": null}"#
        var lines: [String] = []
        for (index, line) in Self.nearShapes.enumerated() {
            // Long runs in place around each line; the line itself after one of the same shape.
            lines += Array(repeating: shaped, count: 100 + index) + [line]
        }
        try dir.write("a.jsonl", (lines + [shaped]).joined(separator: "\n") + "\n")
        try dir.write("n.txt", "n㐀㐀㐀\t叉\n")
        let inPlace = try CLI.run(["-c", "s2t", "--jsonl", "text", "--skip-invalid", "a.jsonl"], in: dir.url)
        let byField = try CLI.run(["-c", "s2t", "--dict", "n.txt", "--jsonl", "text", "--skip-invalid", "a.jsonl"], in: dir.url)
        #expect(inPlace.status == 0)
        #expect(inPlace.stdout == byField.stdout)
        #expect(inPlace.stderr == byField.stderr)
        #expect(inPlace.stderr.contains(" 8 invalid lines passed through unchanged"), "\(inPlace.stderr)")
        #expect(inPlace.stdoutText.contains(#""text": "“頭髮”\"後來\"…", "lang": "en""#))
        // Each invalid line stops the conversion with the error the line gives read on its own.
        for line in Self.nearShapes where line.hasSuffix("tru, \"no\": null}") || line.hasSuffix("} x") {
            try dir.write("b.jsonl", [shaped, shaped, line].joined(separator: "\n") + "\n")
            let failed = try CLI.run(["-c", "s2t", "--jsonl", "text", "b.jsonl"], in: dir.url)
            let alone = try CLI.run(["-c", "s2t", "--dict", "n.txt", "--jsonl", "text", "b.jsonl"], in: dir.url)
            #expect(failed.status == 3)
            #expect(failed.stderr == alone.stderr)
            #expect(failed.stderr.contains("b.jsonl:3: invalid JSON"), "\(failed.stderr)")
        }
    }

    @Test("an invalid line inside a long run of lines that convert in place: its number, or passed through")
    func errorsInsideRuns() throws {
        let dir = try TemporaryDirectory()
        var lines = (0..<30_000).map { #"{"id":\#($0),"text":"头发后来"}"# }
        lines[12_345] = #"{"id":12345,"text":"头发后来"}}"#
        try dir.write("a.jsonl", lines.joined(separator: "\n") + "\n")
        let failed = try CLI.run(["-c", "s2t", "--jsonl", "text", "a.jsonl"], in: dir.url)
        #expect(failed.status == 3)
        #expect(failed.stderr.contains("a.jsonl:12346: invalid JSON: unexpected text after the value at column 35"), "\(failed.stderr)")
        let skipped = try CLI.run(["-c", "s2t", "--jsonl", "text", "--skip-invalid", "a.jsonl"], in: dir.url)
        #expect(skipped.status == 0)
        #expect(skipped.stderr == "jianfan: a.jsonl: 1 invalid line passed through unchanged\n")
        var expected = (0..<30_000).map { #"{"id":\#($0),"text":"頭髮後來"}"# }
        expected[12_345] = lines[12_345]
        #expect(skipped.stdoutText == expected.joined(separator: "\n") + "\n")
    }
}
