import Foundation
import Testing

/// --jsonl, --csv and --tsv for convert and normalize: the named fields converted, every other
/// byte of a line as it was.
@Suite("Fields: JSON Lines, CSV, TSV")
struct FieldTests {
    static let jsonLines = """
        {"title": "头发", "n": 1.5e3, "meta": {"title": "软件", "x": "后来"}, "tags": ["头发", {"k": "发"}], "ok": true}

        {"title":"\\u5934\\u53D1 \\"x\\"\\n","other":"头发"}
        {"title":"\\ud83d\\ude00头发","z":null}
        {"title":"头发\\u2028后来\\t","more":[1,2,{"title":"头发"}]}
        ["头发", {"title": "头发"}]

        """

    @Test("dotted paths; arrays are transparent; untouched bytes identical")
    func paths() throws {
        let dir = try TemporaryDirectory()
        try dir.write("a.jsonl", Self.jsonLines)
        let result = try CLI.run(["-c", "s2t", "--jsonl", "title", "--jsonl", "meta.title", "a.jsonl"], in: dir.url)
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        #expect(result.stdoutText == """
            {"title": "頭髮", "n": 1.5e3, "meta": {"title": "軟件", "x": "后来"}, "tags": ["头发", {"k": "发"}], "ok": true}

            {"title":"\\u982D\\u9AEE \\"x\\"\\n","other":"头发"}
            {"title":"😀頭髮","z":null}
            {"title":"頭髮\\u2028後來\\t","more":[1,2,{"title":"头发"}]}
            ["头发", {"title": "頭髮"}]

            """)
    }

    @Test("`*` converts every string value, never a key; a named object or array converts all inside")
    func wildcardAndContainers() throws {
        let dir = try TemporaryDirectory()
        let line = #"{"头发": "头发", "tags": ["后来", {"k": "发"}], "n": "软件"}"# + "\n"
        try dir.write("a.jsonl", line)
        let all = try CLI.run(["-c", "s2t", "--jsonl", "*", "a.jsonl"], in: dir.url)
        #expect(all.stdoutText == #"{"头发": "頭髮", "tags": ["後來", {"k": "發"}], "n": "軟件"}"# + "\n")
        let tags = try CLI.run(["-c", "s2t", "--jsonl", "tags", "a.jsonl"], in: dir.url)
        #expect(tags.stdoutText == #"{"头发": "头发", "tags": ["後來", {"k": "發"}], "n": "软件"}"# + "\n")
    }

    @Test("\\u escapes: a converted field is escaped as the input had it, one unchanged stays byte-identical")
    func escapes() throws {
        let dir = try TemporaryDirectory()
        let input = #"{"a":"\u5934\u53d1","b":"\u4e2d\u6587","c":"头\u53D1"}"# + "\n"
        let result = try CLI.run(["-c", "s2t", "--jsonl", "*"], stdin: Array(input.utf8), in: dir.url)
        // 中文 does not change: its escapes stay; c has raw UTF-8 as well, so it is written as UTF-8.
        #expect(result.stdoutText == #"{"a":"\u982d\u9aee","b":"\u4e2d\u6587","c":"頭髮"}"# + "\n")
        let python = try JSONSerialization.jsonObject(with: Data(result.stdout)) as? [String: String]
        #expect(python == ["a": "頭髮", "b": "中文", "c": "頭髮"])
    }

    @Test("written back in runs: quotes, U+2028 and other E2-led characters inside long texts, both styles")
    func escapedRuns() throws {
        let dir = try TemporaryDirectory()
        // UTF-8 style: runs of more than eight bytes around a quote, a backslash, a tab, an ellipsis
        // (E2 80 A6, copied), U+2028 (E2 80 A8, escaped); \u style: ASCII runs copied, the rest escaped.
        let input = #"{"t":"头发头发头发\"后来…后来\u2028头发\\\t头发头发头发"}"# + "\n"
            + #"{"t":"abcdefghij \"quoted text\" \u5934\u53D1 and more ASCII text"}"# + "\n"
        let result = try CLI.run(["-c", "s2t", "--jsonl", "t"], stdin: Array(input.utf8), in: dir.url)
        #expect(result.stdoutText == #"{"t":"頭髮頭髮頭髮\"後來…後來\u2028頭髮\\\t頭髮頭髮頭髮"}"# + "\n"
            + #"{"t":"abcdefghij \"quoted text\" \u982D\u9AEE and more ASCII text"}"# + "\n")
    }

    @Test("a field with a lone surrogate escape stays as it is; the fields after it still convert")
    func loneSurrogate() throws {
        let dir = try TemporaryDirectory()
        let input = #"{"t":"\ud800头发","u":"头发\n后来","v":"\ud83d\ude00后来"}"# + "\n" + #"{"t":"头发"}"# + "\n"
        let result = try CLI.run(["-c", "s2t", "--jsonl", "*"], stdin: Array(input.utf8), in: dir.url)
        #expect(result.stdoutText == #"{"t":"\ud800头发","u":"頭髮\n後來","v":"😀後來"}"# + "\n" + #"{"t":"頭髮"}"# + "\n")
    }

    @Test("keys are matched by their decoded bytes (escaped keys, dots inside a key); long strings scanned right")
    func keysAndLongStrings() throws {
        let dir = try TemporaryDirectory()
        // An escaped key names the same field; a key with a dot walks as a dotted path; a key that
        // is only a prefix of a name does not match. Quotes, backslashes and control characters at
        // every offset of a long string (the scan reads eight bytes at a time).
        let long = (0..<20).map { "头发\\\"\\n\\t" + String(repeating: "x", count: $0) }.joined()
        var input = #"{"t\u0069tle":"头发","meta.title":"后来","titl":"头发","meta":{"title":"软件"}}"# + "\n"
        input += "{\"title\":\"\(long)\",\"x\":\"\(long)\"}\n"
        let result = try CLI.run(["-c", "s2t", "--jsonl", "title", "--jsonl", "meta.title"], stdin: Array(input.utf8), in: dir.url)
        #expect(result.status == 0, "\(result.stderr)")
        let converted = long.replacingOccurrences(of: "头发", with: "頭髮")
        #expect(result.stdoutText == #"{"t\u0069tle":"頭髮","meta.title":"後來","titl":"头发","meta":{"title":"軟件"}}"# + "\n"
            + "{\"title\":\"\(converted)\",\"x\":\"\(long)\"}\n")
        let control = try CLI.run(["-c", "s2t", "--jsonl", "t"], stdin: Array("{\"t\":\"0123456789\u{01}\"}\n".utf8), in: dir.url)
        #expect(control.status == 3)
        #expect(control.stderr.contains("control character in a string at column 17"), "\(control.stderr)")
    }

    @Test("an invalid line: status 3 with its number, or with --skip-invalid passed through and counted")
    func invalidLines() throws {
        let dir = try TemporaryDirectory()
        try dir.write("b.jsonl", "{\"t\":\"头发\"}\n{\"t\": 01}\n{\"t\":\"后来\"} x\n{\"t\":\"头发\"}\n")
        let failed = try CLI.run(["-c", "s2t", "--jsonl", "t", "b.jsonl"], in: dir.url)
        #expect(failed.status == 3)
        #expect(failed.stderr.contains("b.jsonl:2: invalid JSON"), "\(failed.stderr)")
        let skipped = try CLI.run(["-c", "s2t", "--jsonl", "t", "--skip-invalid", "b.jsonl"], in: dir.url)
        #expect(skipped.status == 0)
        #expect(skipped.stdoutText == "{\"t\":\"頭髮\"}\n{\"t\": 01}\n{\"t\":\"后来\"} x\n{\"t\":\"頭髮\"}\n")
        #expect(skipped.stderr == "jianfan: b.jsonl: 2 invalid lines passed through unchanged\n")
    }

    @Test("many lines across read chunks: every line converted as a whole conversion would")
    func manyLines() throws {
        let dir = try TemporaryDirectory()
        var input = "", expected = ""
        for index in 0..<60_000 {
            input += "{\"id\":\(index),\"text\":\"头发后来\\n第\(index)行\",\"keep\":\"头发\"}\r\n"
            expected += "{\"id\":\(index),\"text\":\"頭髮後來\\n第\(index)行\",\"keep\":\"头发\"}\r\n"
        }
        try dir.write("big.jsonl", input)
        let result = try CLI.run(["-c", "s2t", "--jsonl", "text", "-i", "big.jsonl", "-o", "out.jsonl"], in: dir.url)
        #expect(result.status == 0)
        #expect(try dir.readText("out.jsonl") == expected)
        // Blocks are split across cores: a bad line deep inside still has its own number.
        var lines = input.components(separatedBy: "\r\n")
        lines[50_000] = "{\"id\": oops}"
        try dir.write("bad.jsonl", lines.joined(separator: "\r\n"))
        let bad = try CLI.run(["-c", "s2t", "--jsonl", "text", "bad.jsonl"], in: dir.url)
        #expect(bad.status == 3)
        #expect(bad.stderr.contains("bad.jsonl:50001: invalid JSON"), "\(bad.stderr)")
        let skipped = try CLI.run(["-c", "s2t", "--jsonl", "text", "--skip-invalid", "bad.jsonl"], in: dir.url)
        #expect(skipped.status == 0)
        #expect(skipped.stderr == "jianfan: bad.jsonl: 1 invalid line passed through unchanged\n")
        #expect(skipped.stdoutText.contains("\n{\"id\": oops}\r\n{\"id\":50001,\"text\":\"頭髮後來"))
        #expect(skipped.stdoutText.components(separatedBy: "\r\n").count == 60_001)
    }

    @Test("JSON Lines cut into pieces for the cores: any chunking of the input, the same output; errors name their line")
    func anyChunking() throws {
        let dir = try TemporaryDirectory()
        var inputLines: [String] = [], expected = ""
        for index in 0..<45_000 {
            switch index % 7 {
            case 0: // a long line, so that pieces and blocks end at every kind of place
                let long = String(repeating: "头发后来", count: 40 + index % 100)
                inputLines.append("{\"text\":\"\(long)\",\"n\":\(index)}\n")
                expected += "{\"text\":\"\(String(repeating: "頭髮後來", count: 40 + index % 100))\",\"n\":\(index)}\n"
            case 1:
                inputLines.append("  \r\n")
                expected += "  \r\n"
            case 2:
                inputLines.append("{\"text\":\"\\u5934\\u53d1\",\"keep\":\"头发\"}\r\n")
                expected += "{\"text\":\"\\u982d\\u9aee\",\"keep\":\"头发\"}\r\n"
            case 3:
                inputLines.append("[{\"text\": [\"后来\", 1.5e-3, true]}, null]\n")
                expected += "[{\"text\": [\"後來\", 1.5e-3, true]}, null]\n"
            default:
                inputLines.append("{\"id\":\(index),\"text\":\"第\(index)行头发\"}\n")
                expected += "{\"id\":\(index),\"text\":\"第\(index)行頭髮\"}\n"
            }
        }
        try dir.write("big.jsonl", inputLines.joined())
        let whole = try CLI.run(["-c", "s2t", "--jsonl", "text", "-i", "big.jsonl", "-o", "out.jsonl"], in: dir.url)
        #expect(whole.status == 0)
        #expect(try dir.readText("out.jsonl") == expected)
        // Through a pipe in writes of these sizes: the reads, and so the blocks, fall elsewhere.
        for size in [997, 65_537, 1_048_573] {
            let piped = try CLI.run(["-c", "dd if=big.jsonl bs=\(size) status=none | \"$0\" -c s2t --jsonl text",
                                     try CLI.requireBinary().path], in: dir.url, executable: CLI.shell)
            #expect(piped.status == 0)
            #expect(piped.stdoutText == expected, "writes of \(size) bytes")
        }
        // An invalid line in a later block and piece: its own number, and each one counted.
        // (Each line keeps its own line end: a String would not split "\r\n" at its "\n".)
        var lines = inputLines
        lines[41_004] = "{\"text\": \"头发}\n"
        lines[3] = "{\"text\": 01}\n"
        try dir.write("bad.jsonl", lines.joined())
        let bad = try CLI.run(["-c", "s2t", "--jsonl", "text", "bad.jsonl"], in: dir.url)
        #expect(bad.status == 3)
        #expect(bad.stderr.contains("bad.jsonl:4: invalid JSON"), "\(bad.stderr)")
        lines[3] = inputLines[3]
        try dir.write("bad.jsonl", lines.joined())
        let late = try CLI.run(["-c", "s2t", "--jsonl", "text", "bad.jsonl"], in: dir.url)
        #expect(late.status == 3)
        #expect(late.stderr.contains("bad.jsonl:41005: invalid JSON: unterminated string at column 10"), "\(late.stderr)")
        lines[3] = "[}\n"
        try dir.write("bad.jsonl", lines.joined())
        let skipped = try CLI.run(["-c", "s2t", "--jsonl", "text", "--skip-invalid", "bad.jsonl"], in: dir.url)
        #expect(skipped.status == 0)
        #expect(skipped.stderr == "jianfan: bad.jsonl: 2 invalid lines passed through unchanged\n")
        #expect(skipped.stdoutText.contains("[}\n{\"id\":4,") && skipped.stdoutText.contains("{\"text\": \"头发}\n{\"id\":41005,"))
    }

    @Test("CSV by header name: the header unchanged, quoting kept, line breaks inside quotes")
    func csvByName() throws {
        let dir = try TemporaryDirectory()
        try dir.write("a.csv", "id,头发,text\r\n1,头发,头发\r\n2,\"后来 \"\"头发\"\"\n换行\",\"头发\"\r\n3,,\n4,x")
        let result = try CLI.run(["-c", "s2t", "--csv", "text", "a.csv"], in: dir.url)
        #expect(result.status == 0)
        #expect(result.stdoutText == "id,头发,text\r\n1,头发,頭髮\r\n2,\"后来 \"\"头发\"\"\n换行\",\"頭髮\"\r\n3,,\n4,x")
        let second = try CLI.run(["-c", "s2t", "--csv", "2", "a.csv"], in: dir.url)
        #expect(second.stdoutText == "id,頭髮,text\r\n1,頭髮,头发\r\n2,\"後來 \"\"頭髮\"\"\n換行\",\"头发\"\r\n3,,\n4,x")
    }

    @Test("TSV by name; an unknown column is a usage error; a broken quote fails or is skipped")
    func tsvAndErrors() throws {
        let dir = try TemporaryDirectory()
        try dir.write("a.tsv", "id\ttext\n1\t头发\n")
        let tsv = try CLI.run(["-c", "s2t", "--tsv", "text", "a.tsv"], in: dir.url)
        #expect(tsv.stdoutText == "id\ttext\n1\t頭髮\n")
        let unknown = try CLI.run(["-c", "s2t", "--tsv", "nope", "a.tsv"], in: dir.url)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no column named 'nope'"))
        try dir.write("b.csv", "t\n\"头发\"x\n头发\n")
        let broken = try CLI.run(["-c", "s2t", "--csv", "t", "b.csv"], in: dir.url)
        #expect(broken.status == 3)
        #expect(broken.stderr.contains("b.csv:2: invalid CSV"))
        let skipped = try CLI.run(["-c", "s2t", "--csv", "t", "--skip-invalid", "b.csv"], in: dir.url)
        #expect(skipped.stdoutText == "t\n\"头发\"x\n頭髮\n")
        #expect(skipped.stderr.contains("1 invalid line"))
    }

    @Test("normalize --jsonl normalizes each field on its own")
    func normalizeFields() throws {
        let dir = try TemporaryDirectory()
        let input = #"{"t":"業(yè)务,头发","u":"業(yè)"}"# + "\n"
        let result = try CLI.run(["normalize", "-", "--to", "traditional", "--jsonl", "t"], stdin: Array(input.utf8), in: dir.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdoutText == #"{"t":"業務，頭髮","u":"業(yè)"}"# + "\n")
    }

    @Test("--in-place with --jsonl rewrites the file")
    func inPlace() throws {
        let dir = try TemporaryDirectory()
        try dir.write("a.jsonl", "{\"t\":\"头发\",\"u\":\"头发\"}\n")
        let result = try CLI.run(["-c", "s2t", "--jsonl", "t", "--in-place", "a.jsonl"], in: dir.url)
        #expect(result.status == 0)
        #expect(try dir.readText("a.jsonl") == "{\"t\":\"頭髮\",\"u\":\"头发\"}\n")
    }
}
