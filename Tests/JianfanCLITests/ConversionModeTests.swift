import Foundation
import Testing

/// The ways input reaches output: files, standard streams, several inputs, in place.
/// Every test asserts real OpenCC s2t output, not just that bytes moved.
@Suite("Conversion modes")
struct ConversionModeTests {
    @Test("-i file -o file converts into the output file")
    func fileToFile() throws {
        let dir = try TemporaryDirectory()
        try dir.write("in.txt", Sample.simplified)
        let result = try CLI.run(["-c", "s2t", "-i", "in.txt", "-o", "out.txt"], in: dir.url)
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.isEmpty)
        #expect(try dir.readText("out.txt") == Sample.traditional)
        #expect(try dir.readText("in.txt") == Sample.simplified)
        #expect(try dir.contents() == ["in.txt", "out.txt"])
    }

    @Test("standard input to standard output, with and without the convert subcommand")
    func stdinToStdout() throws {
        let dir = try TemporaryDirectory()
        for arguments in [["-c", "s2t"], ["convert", "-c", "s2t"], ["-c", "s2t", "-i", "-"]] {
            let result = try CLI.run(arguments, stdin: Array(Sample.simplified.utf8), in: dir.url)
            #expect(result.status == 0, "\(arguments)")
            #expect(result.stderr.isEmpty)
            #expect(result.stdoutText == Sample.traditional, "\(arguments)")
        }
    }

    /// `-c`/`-i`/`-o` command lines are parsed by hand (no ArgumentParser reflection at start-up);
    /// through `convert` the same line goes through ArgumentParser: both must behave alike.
    @Test("the plain opencc command line and the convert subcommand agree", arguments: [
        ["-c", "s2t", "-i", "in.txt", "-o", "out.txt"],
        ["--config", "s2t.json", "--input", "in.txt", "--input", "in.txt", "--output", "out.txt"],
        ["-c", "bogus", "-i", "in.txt", "-o", "out.txt"],
        ["-c", "s2t", "-i", "missing.txt", "-o", "out.txt"],
        ["-c", "s2t", "-c", "t2s", "-i", "in.txt"],
        ["-c", "s2t", "-o", "out.txt", "-o", "other.txt", "-i", "in.txt"],
        ["-c", "s2t", "-i"],
        ["-c", "s2t", "-i", "--lossy"],
    ])
    func quickAndFullParsingAgree(arguments: [String]) throws {
        var results: [(RunResult, [String: String])] = []
        for prefix in [[], ["convert"]] {
            let dir = try TemporaryDirectory()
            try dir.write("in.txt", Sample.simplified)
            let result = try CLI.run(prefix + arguments, in: dir.url)
            var files: [String: String] = [:]
            for name in try dir.contents() { files[name] = try dir.readText(name) }
            results.append((result, files))
        }
        let (quick, quickFiles) = results[0], (full, fullFiles) = results[1]
        #expect(quick.status == full.status)
        #expect(quick.stdout == full.stdout)
        #expect(quickFiles == fullFiles)
        #expect(quick.stderr.isEmpty == full.stderr.isEmpty)
        // The last -o wins, as ArgumentParser has it.
        if quick.status == 0, let at = arguments.lastIndex(where: { $0 == "-o" || $0 == "--output" }) {
            #expect(quickFiles[arguments[at + 1]]?.hasPrefix(Sample.traditional) == true)
        }
    }

    @Test("input that arrives a line at a time through a pipe comes out a line at a time")
    func lineAtATime() throws {
        let dir = try TemporaryDirectory()
        let input = Pipe(), output = Pipe()
        let process = Process()
        process.executableURL = try CLI.requireBinary()
        process.arguments = ["-c", "s2t"]
        process.currentDirectoryURL = dir.url
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The second line is written only once the first one's conversion has been read back:
        // a converter that waited for more input (or for the end) would never answer, and is
        // stopped after 20 s so that the expectations below fail instead of hanging.
        DispatchQueue.global().asyncAfter(deadline: .now() + 20) { if process.isRunning { process.terminate() } }
        var received: [UInt8] = []
        for (line, expected) in [("头发\n", "頭髮\n"), ("后来\n", "後來\n")] {
            input.fileHandleForWriting.write(Data(line.utf8))
            while received.count < Array(expected.utf8).count {
                let data = output.fileHandleForReading.availableData
                if data.isEmpty { break }
                received += data
            }
            #expect(String(decoding: received, as: UTF8.self) == expected)
            received.removeAll()
        }
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    @Test("the binary copied alone into another directory still converts: the tables are compiled in")
    func copiedBinary() throws {
        let dir = try TemporaryDirectory()
        let copy = dir.url.appendingPathComponent("bin/jianfan")
        try FileManager.default.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: try CLI.requireBinary(), to: copy)
        try dir.write("in.txt", "头发后来")
        let status = try CLI.run(["-c", "s2t", "-i", "in.txt", "-o", "out.txt"], standardOutput: FileHandle.nullDevice,
                                 in: dir.url, executable: copy)
        #expect(status == 0)
        #expect(try String(contentsOf: dir.url.appendingPathComponent("out.txt"), encoding: .utf8) == "頭髮後來")
    }

    @Test("s2t is the default config, as in opencc")
    func defaultConfig() throws {
        let dir = try TemporaryDirectory()
        let result = try CLI.run([], stdin: Array(Sample.simplified.utf8), in: dir.url)
        #expect(result.status == 0)
        #expect(result.stdoutText == Sample.traditional)
    }

    @Test("the config may be written s2t.json, and opencc's long options work")
    func openccSpelling() throws {
        let dir = try TemporaryDirectory()
        try dir.write("in.txt", Sample.simplified)
        let result = try CLI.run(
            ["--config", "s2t.json", "--input", "in.txt", "--output", "out.txt"], in: dir.url)
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        #expect(try dir.readText("out.txt") == Sample.traditional)

        let t2s = try CLI.run(["-c", "t2s.json"], stdin: Array(Sample.traditional.utf8), in: dir.url)
        #expect(t2s.stdoutText == Sample.simplified)
    }

    @Test("several inputs go to standard output in order: repeated -i first, then positional")
    func severalInputsToStdout() throws {
        let dir = try TemporaryDirectory()
        try dir.write("a.txt", "头发\n")
        try dir.write("b.txt", "plain\n")
        try dir.write("c.txt", "后来")
        let result = try CLI.run(["-c", "s2t", "-i", "a.txt", "-i", "b.txt", "c.txt"], in: dir.url)
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        #expect(result.stdoutText == "頭髮\nplain\n後來")
    }

    @Test("several inputs with -o are concatenated into that one file")
    func severalInputsToFile() throws {
        let dir = try TemporaryDirectory()
        try dir.write("a.txt", "头发\n")
        try dir.write("b.txt", "后来\n")
        let result = try CLI.run(["a.txt", "b.txt", "-o", "out.txt"], in: dir.url)
        #expect(result.status == 0)
        #expect(try dir.readText("out.txt") == "頭髮\n後來\n")
    }

    @Test("--in-place rewrites every input and keeps its permissions")
    func inPlace() throws {
        let dir = try TemporaryDirectory()
        let first = try dir.write("a.txt", Sample.simplified)
        try dir.write("b.txt", "头发")
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: first.path)
        let result = try CLI.run(["-c", "s2t", "--in-place", "a.txt", "b.txt"], in: dir.url)
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.isEmpty)
        #expect(try dir.readText("a.txt") == Sample.traditional)
        #expect(try dir.readText("b.txt") == "頭髮")
        let mode = try FileManager.default.attributesOfItem(atPath: first.path)[.posixPermissions] as? Int
        #expect(mode == 0o640)
        #expect(try dir.contents() == ["a.txt", "b.txt"])
    }

    @Test("-i f -o f converts f and never destroys it, whatever name reaches it")
    func sameFileInAndOut() throws {
        let dir = try TemporaryDirectory()
        try dir.write("f.txt", Sample.simplified)
        let result = try CLI.run(["-c", "s2t", "-i", "f.txt", "-o", "./f.txt"], in: dir.url)
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        #expect(try dir.readText("f.txt") == Sample.traditional)

        // Through a symlink the link's target is rewritten and the link itself stays a link.
        try dir.write("g.txt", Sample.simplified)
        try FileManager.default.createSymbolicLink(atPath: dir.file("link.txt").path, withDestinationPath: "g.txt")
        let linked = try CLI.run(["-c", "s2t", "-i", "g.txt", "-o", "link.txt"], in: dir.url)
        #expect(linked.status == 0)
        #expect(try dir.readText("g.txt") == Sample.traditional)
        let kind = try FileManager.default.attributesOfItem(atPath: dir.file("link.txt").path)[.type] as? FileAttributeType
        #expect(kind == .typeSymbolicLink)
        #expect(try dir.contents() == ["f.txt", "g.txt", "link.txt"])
    }

    @Test("--include-tofu-risk-dictionaries is accepted like opencc's")
    func tofuRiskFlag() throws {
        let dir = try TemporaryDirectory()
        let result = try CLI.run(
            ["-c", "s2t", "--include-tofu-risk-dictionaries"], stdin: Array(Sample.simplified.utf8), in: dir.url)
        #expect(result.status == 0)
        #expect(result.stdoutText == Sample.traditional)
    }
}
