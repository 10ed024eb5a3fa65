import Foundation
import Testing

/// --check and --diff: nothing converted or written, the inputs that would change listed or
/// diffed, status 1 when any would.
@Suite("Check and diff")
struct CheckDiffTests {
    static let simplified = "头发\n中文\n一\n二\n三\n四\n五\n六\n七\n后来\n"

    @Test("--check lists the inputs that would change, exit 1; exit 0 when none")
    func check() throws {
        let dir = try TemporaryDirectory()
        try dir.write("s.txt", Self.simplified)
        try dir.write("t.txt", "頭髮\n")
        let changed = try CLI.run(["-c", "s2t", "--check", "s.txt", "t.txt"], in: dir.url)
        #expect(changed.status == 1)
        #expect(changed.stdoutText == "s.txt\n")
        #expect(try dir.readText("s.txt") == Self.simplified)
        let clean = try CLI.run(["-c", "s2t", "--check", "t.txt"], in: dir.url)
        #expect(clean.status == 0)
        #expect(clean.stdout.isEmpty)
        let stdin = try CLI.run(["-c", "t2s", "--check"], stdin: Array("頭髮".utf8), in: dir.url)
        #expect(stdin.status == 1)
        #expect(stdin.stdoutText == "<stdin>\n")
        #expect(try dir.contents() == ["s.txt", "t.txt"])
    }

    @Test("--check with -o or --in-place is a usage error; a missing input is status 1")
    func checkErrors() throws {
        let dir = try TemporaryDirectory()
        try dir.write("t.txt", "頭髮\n")
        #expect(try CLI.run(["-c", "s2t", "--check", "-o", "x", "t.txt"], in: dir.url).status == 2)
        #expect(try CLI.run(["-c", "s2t", "--diff", "--in-place", "t.txt"], in: dir.url).status == 2)
        let missing = try CLI.run(["-c", "s2t", "--check", "missing.txt", "t.txt"], in: dir.url)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("missing.txt"))
        let invalid = try CLI.run(["-c", "s2t", "--check"], stdin: [0xFF], in: dir.url)
        #expect(invalid.status == 3)
    }

    @Test("--diff prints a unified diff with three lines of context, uncolored when not a terminal")
    func diff() throws {
        let dir = try TemporaryDirectory()
        try dir.write("s.txt", Self.simplified)
        let result = try CLI.run(["-c", "s2t", "--diff", "s.txt"], in: dir.url)
        #expect(result.status == 1)
        #expect(result.stdoutText == """
            --- s.txt
            +++ s.txt
            @@ -1,4 +1,4 @@
            -头发
            +頭髮
             中文
             一
             二
            @@ -7,4 +7,4 @@
             五
             六
             七
            -后来
            +後來

            """)
    }

    @Test("--diff when the normalizer joins lines: lines matched, not paired")
    func diffJoinedLines() throws {
        let dir = try TemporaryDirectory()
        try dir.write("a.txt", "坚持聚焦重点。政策效应持\n\n续释放。\n\n下一段。\n")
        let result = try CLI.run(["normalize", "a.txt", "--steps", "lines", "--diff"], in: dir.url)
        #expect(result.status == 1, "\(result.stderr)")
        // Five lines became three: whichever blank line Myers keeps, the counts and lines are these.
        #expect(result.stdoutText.hasPrefix("--- a.txt\n+++ a.txt\n@@ -1,5 +1,3 @@\n-坚持聚焦重点。政策效应持\n"), "\(result.stdoutText)")
        #expect(result.stdoutText.contains("\n+坚持聚焦重点。政策效应持续释放。\n"))
        #expect(result.stdoutText.contains("\n-续释放。\n"))
        #expect(result.stdoutText.hasSuffix("\n 下一段。\n"))
        #expect(result.stdoutText.split(separator: "\n").filter { $0.hasPrefix("-") && !$0.hasPrefix("---") }.count == 3)
        let check = try CLI.run(["normalize", "a.txt", "--to", "simplified", "--steps", "script", "--check"], in: dir.url)
        #expect(check.status == 0)
        #expect(check.stdout.isEmpty)
    }

    @Test("--diff is colored when standard output is a terminal")
    func coloredDiff() throws {
        let dir = try TemporaryDirectory()
        try dir.write("s.txt", "头发\n")
        let result = try CLI.runOnTerminal(["-c", "s2t", "--diff", "s.txt"], stdoutOnTerminal: true, in: dir.url)
        #expect(result.status == 1)
        #expect(result.terminal.contains("\u{1B}[31m-头发\u{1B}[0m"))
        #expect(result.terminal.contains("\u{1B}[32m+頭髮\u{1B}[0m"))
        #expect(result.terminal.contains("\u{1B}[36m@@ -1,1 +1,1 @@\u{1B}[0m"))
    }

    @Test("normalize --stats says when the input was already in the target script")
    func statsAlready() throws {
        let dir = try TemporaryDirectory()
        try dir.write("t.txt", "這個軟體很好。\n")
        let already = try CLI.run(["normalize", "t.txt", "--to", "traditional", "--stats"], in: dir.url)
        #expect(already.status == 0)
        #expect(already.stderr.contains("t.txt: already traditional"), "\(already.stderr)")
        let converted = try CLI.run(["normalize", "t.txt", "--to", "simplified", "--stats"], in: dir.url)
        #expect(converted.stderr.contains("t.txt: was traditional, now simplified"), "\(converted.stderr)")
    }
}
