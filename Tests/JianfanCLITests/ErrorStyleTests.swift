import Foundation
import Testing

/// Every error, from every subcommand and from the argument parser, is one line in one style:
/// `jianfan: FILE: reason` or `jianfan: reason`.
@Suite("Error style")
struct ErrorStyleTests {
    @Test("usage errors are one `jianfan: ` line with status 2", arguments: [
        (["--no-such-option"], "jianfan: Unknown option '--no-such-option'"),
        (["normalize", "a.txt", "a.txt", "--against", "a.txt"], "jianfan: --against aligns one document: give one file"),
        (["normalize", "a.txt", "--html", "x.html"], "jianfan: --html needs at least one --against reference"),
        (["-c", "nope"], "jianfan: unknown config 'nope'; valid configs: s2t,"),
        (["configs", "extra"], "jianfan: Unexpected argument 'extra'"),
    ])
    func usageErrors(arguments: [String], start: String) throws {
        let dir = try TemporaryDirectory()
        try dir.write("a.txt", "a")
        let result = try CLI.run(arguments, in: dir.url)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix(start), "\(result.stderr)")
        #expect(result.stderr.filter { $0 == "\n" }.count == 1, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test("a file error names the file the same way in convert and normalize", arguments: [
        ["-i", "missing.txt"], ["missing.txt"], ["normalize", "missing.txt"],
    ])
    func fileErrors(arguments: [String]) throws {
        let dir = try TemporaryDirectory()
        let result = try CLI.run(arguments, in: dir.url)
        #expect(result.status == 1)
        #expect(result.stderr == "jianfan: missing.txt: No such file or directory\n")
    }

    @Test("a mistyped subcommand suggests the right one (2)", arguments: [
        ("config", "configs"), ("transform", "transforms"), ("normalise", "normalize"),
    ])
    func typo(word: String, suggestion: String) throws {
        let dir = try TemporaryDirectory()
        let result = try CLI.run([word], in: dir.url)
        #expect(result.status == 2)
        #expect(result.stderr == "jianfan: \(word): no such file or subcommand; did you mean 'jianfan \(suggestion)'?\n")
    }

    @Test("a file named like a mistyped subcommand is still converted")
    func typoThatIsAFile() throws {
        let dir = try TemporaryDirectory()
        try dir.write("config", Sample.simplified)
        let result = try CLI.run(["config"], in: dir.url)
        #expect(result.status == 0)
        #expect(result.stdoutText == Sample.traditional)
    }

    @Test("`jianfan help nothing` is a usage error (2) listing the subcommands")
    func helpForNothing() throws {
        let dir = try TemporaryDirectory()
        let result = try CLI.run(["help", "nothing"], in: dir.url)
        #expect(result.status == 2)
        #expect(result.stderr == "jianfan: help: no subcommand 'nothing' (subcommands: convert, configs, normalize, transforms, detect)\n")
        #expect(result.stdout.isEmpty)
        #expect(try CLI.run(["help", "transforms"], in: dir.url).status == 0)
    }
}
