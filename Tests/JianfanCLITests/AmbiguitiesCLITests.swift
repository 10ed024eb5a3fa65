import Foundation
import Testing

/// `--ambiguities` from the command line: OpenCC's chunks of a MiB, each converted on its own.
@Suite("--ambiguities: records and chunks as opencc writes them")
struct AmbiguitiesCLITests {
    @Test("a full MiB ends 16 scalars early; a phrase across the cut is two pieces (as opencc 1.4.2 wrote)")
    func chunks() throws {
        let dir = try TemporaryDirectory()
        let mib = 1 << 20
        // 干, then ASCII up to 头发 whose 发 is the 16th scalar from the end of the first MiB.
        let input = "干" + String(repeating: "a", count: mib - 24) + "头发" + String(repeating: "a", count: 15 + mib)
        try dir.write("big.txt", input)
        let result = try CLI.run(["-c", "s2t", "--ambiguities", "big.txt"], in: dir.url)
        #expect(result.status == 0, "\(result.stderr)")
        let expected = [
            #"{"def":"干"}"#, #"{"amb":{"t":"幹","s":0}}"#,
            #"{"lit":""# + String(repeating: "a", count: mib - 24) + #"頭"}"#,
            #"{"def":"发"}"#, #"{"amb":{"t":"發","s":1}}"#,
            #"{"lit":""# + String(repeating: "a", count: mib - 1) + #""}"#,
            #"{"lit":""# + String(repeating: "a", count: 16) + #""}"#,
            #"{"end":{"output_bytes":2097152,"ambiguities":2,"sources":2}}"#,
        ]
        #expect(result.stdoutText.split(separator: "\n").map(String.init) == expected)
    }

    @Test("cannot be combined with --inspect, or with fields; ICU has no records")
    func combinations() throws {
        let dir = try TemporaryDirectory()
        let both = try CLI.run(["-c", "s2t", "--ambiguities", "--inspect"], stdin: Array("干\n".utf8), in: dir.url)
        #expect(both.status == 2 && both.stdout.isEmpty)
        let fields = try CLI.run(["-c", "s2t", "--ambiguities", "--jsonl", "t"], stdin: Array("{}\n".utf8), in: dir.url)
        #expect(fields.status == 2 && fields.stdout.isEmpty)
        let empty = try CLI.run(["-c", "s2t", "--ambiguities"], stdin: [], in: dir.url)
        #expect(empty.stdoutText == #"{"end":{"output_bytes":0,"ambiguities":0,"sources":0}}"# + "\n")
    }
}
