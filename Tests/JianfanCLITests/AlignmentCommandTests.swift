import Foundation
import Testing

/// `jianfan normalize --against`: the report's places in the original files (file:line:col in
/// the terminal report, lines and columns in the JSON with its version), and --minimum-match
/// below the seed length.
@Suite("Alignment command")
struct AlignmentCommandTests {
    /// The notice has a title line and a reading annotation; the news quotes it on its third line.
    static let notice = "標題\n多措並舉夯實工業(yè)經濟回穩基礎、分業施策強化重點產業穩定發展\n"
    static let news = "新闻\n\n报道说，多措并举夯实工业经济回稳基础、分业施策强化重点产业稳定发展。\n"

    func files() throws -> TemporaryDirectory {
        let dir = try TemporaryDirectory()
        try dir.write("notice.txt", Self.notice)
        try dir.write("news.txt", Self.news)
        return dir
    }

    @Test("the terminal report gives each passage as file:line:col in both files")
    func terminal() throws {
        let dir = try files()
        let result = try CLI.run(["normalize", "notice.txt", "--to", "simplified", "--against", "news.txt"], in: dir.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdoutText.contains("1 passage\n"), "\(result.stdoutText)")
        #expect(result.stdoutText.contains("[1] notice.txt:2:1 → news.txt:3:5  (document 3..<32, reference 8..<37;"),
                "\(result.stdoutText)")
    }

    @Test("the JSON has a version, and every span its lines and columns in the original file")
    func json() throws {
        let dir = try files()
        let result = try CLI.run(
            ["normalize", "notice.txt", "--to", "simplified", "--against", "news.txt", "--json"], in: dir.url)
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdoutText.utf8)) as? [String: Any])
        #expect(object["version"] as? Int == 2)
        let references = try #require(object["references"] as? [[String: Any]])
        let passage = try #require((references.first?["passages"] as? [[String: Any]])?.first)
        func place(_ side: String, _ end: String) throws -> [Int] {
            let span = try #require(passage[side] as? [String: Any])
            let source = try #require(span["source"] as? [String: Any])
            let location = try #require(source[end] as? [String: Int])
            return [location["line"] ?? 0, location["column"] ?? 0, location["offset"] ?? 0]
        }
        // The notice's line 2 is 33 scalars long, the reading annotation "(yè)" included.
        #expect(try place("document", "start") == [2, 1, 3])
        #expect(try place("document", "end") == [2, 34, 36])
        #expect(try place("reference", "start") == [3, 5, 8])
        #expect(try place("reference", "end") == [3, 34, 37])
    }

    @Test("--minimum-match below 8 finds shorter quotes")
    func shortMinimum() throws {
        let dir = try TemporaryDirectory()
        try dir.write("a.txt", "今天我们说：天下为公。明天再说。\n")
        try dir.write("b.txt", "他写道：天下为公，众人称是。\n")
        let plain = try CLI.run(["normalize", "a.txt", "--against", "b.txt"], in: dir.url)
        #expect(plain.stdoutText.contains("0 passages"), "\(plain.stdoutText)")
        let short = try CLI.run(["normalize", "a.txt", "--against", "b.txt", "--minimum-match", "5"], in: dir.url)
        #expect(short.status == 0)
        #expect(short.stdoutText.contains("1 passage\n"), "\(short.stdoutText)")
        #expect(short.stdoutText.contains("a.txt:1:6 → b.txt:1:4"), "\(short.stdoutText)")
    }
}
