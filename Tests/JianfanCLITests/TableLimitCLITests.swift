import Foundation
import Testing

/// A user's configuration or dictionary beyond what one table holds, end to end: a long group
/// converts (the limit is lifted), a dictionary of too many phrases is exit status 2 with a
/// message that names it, and nothing is written.
@Suite("Table limits on the command line")
struct TableLimitCLITests {
    @Test("a short_circuit group of 20 dictionaries converts; the first with a match wins")
    func longGroup() throws {
        let dir = try TemporaryDirectory()
        // Dictionary i maps 头 to "i"; dictionary 19 alone has the longer 头发: the first wins.
        var dicts = (0..<19).map { "{ \"type\": \"inline\", \"entries\": { \"头\": \"\($0)\" } }" }
        dicts.append("{ \"type\": \"inline\", \"entries\": { \"头发\": \"long\", \"后\": \"19\" } }")
        try dir.write("g.json", "{ \"conversion_chain\": [ { \"dict\": { \"type\": \"group\", \"dicts\": [\n"
                      + dicts.joined(separator: ",\n") + "] } } ] }")
        let result = try CLI.run(["-c", "./g.json"], stdin: Array("头发后来\n".utf8), in: dir.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdoutText == "0发19来\n")
    }

    @Test("a --dict of more phrases than one table holds: exit 2, the file named, nothing written")
    func tooManyPhrases() throws {
        let dir = try TemporaryDirectory()
        var lines = ""
        for i in 0..<131_072 {
            lines += "\(Unicode.Scalar(0x4E00 + UInt32(i >> 9))!)\(Unicode.Scalar(0x4E00 + UInt32(i & 511))!)\tx\n"
        }
        try dir.write("big.txt", lines)
        try dir.write("out.txt", "old")
        let result = try CLI.run(["-c", "s2t", "--dict", "big.txt", "-o", "out.txt"], stdin: Array("软件\n".utf8), in: dir.url)
        #expect(result.status == 2)
        #expect(result.stderr.contains("big.txt") && result.stderr.contains("one table holds at most 131071"), "\(result.stderr)")
        #expect(try dir.readText("out.txt") == "old")
    }
}
