import Foundation
import Jianfan
import Testing

/// The self-describing surface: `configs`, `--help`, `--version`.
@Suite("Help, version and configs")
struct HelpAndConfigsTests {
    @Test("`jianfan configs` prints the sixteen configs with their summaries")
    func configsListing() throws {
        let dir = try TemporaryDirectory()
        let result = try CLI.run(["configs"], in: dir.url)
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let lines = result.stdoutText.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 16)
        #expect(result.stdoutText.hasSuffix("\n"))
        for (line, config) in zip(lines, Config.allCases) {
            let fields = line.split(separator: " ", maxSplits: 1)
            #expect(fields.first.map(String.init) == config.rawValue)
            #expect(fields.last?.trimmingCharacters(in: .whitespaces) == config.summary)
        }
    }

    @Test("--help shows an example and the exit statuses", arguments: [["--help"], ["help", "convert"], ["convert", "--help"]])
    func help(arguments: [String]) throws {
        let dir = try TemporaryDirectory()
        let result = try CLI.run(arguments, in: dir.url)
        #expect(result.status == 0)
        #expect(result.stdoutText.contains("jianfan -c s2t -i in.txt -o out.txt"))
        #expect(result.stdoutText.contains("EXIT STATUS"))
        #expect(result.stdoutText.contains("3  invalid input: not UTF-8"))
    }

    @Test("convert's help lists opencc's options")
    func convertOptions() throws {
        let dir = try TemporaryDirectory()
        let text = try CLI.run(["help", "convert"], in: dir.url).stdoutText
        for option in ["--config", "--input", "--output", "--in-place", "--lossy", "--engine", "--icu-transform",
                       "--include-tofu-risk-dictionaries"] {
            #expect(text.contains(option), "\(option)")
        }
    }

    @Test("--version prints one version line")
    func version() throws {
        let dir = try TemporaryDirectory()
        let result = try CLI.run(["--version"], in: dir.url)
        #expect(result.status == 0)
        #expect(result.stdoutText.wholeMatch(of: /jianfan \d+\.\d+\.\d+ \(OpenCC 1\.4\.2 data\)\n/) != nil, "\(result.stdoutText)")
    }

    @Test("an unknown option is a usage error (2)")
    func unknownOption() throws {
        let dir = try TemporaryDirectory()
        let result = try CLI.run(["--no-such-option"], in: dir.url)
        #expect(result.status == 2)
        #expect(result.stderr.contains("--no-such-option"))
        #expect(result.stdout.isEmpty)
    }

    @Test("conflicting options are usage errors (2)", arguments: [
        ["--in-place", "-o", "x.txt", "a.txt"],
        ["--in-place"],
        ["--in-place", "-"],
        ["--engine", "table", "--icu-transform", "Hans-Hant"],
    ])
    func conflictingOptions(arguments: [String]) throws {
        let dir = try TemporaryDirectory()
        try dir.write("a.txt", "a")
        let result = try CLI.run(arguments, in: dir.url)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("jianfan: "))
        #expect(try dir.readText("a.txt") == "a")
    }
}
