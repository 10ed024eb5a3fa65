import Foundation
import Testing

/// Outputs are replaced only after success; failures leave every file as it was, with no
/// temporary file behind; a reader closing the pipe early is not an error.
@Suite("Output safety")
struct OutputSafetyTests {
    @Test("a directory as output is an error (1) naming it")
    func directoryAsOutput() throws {
        let dir = try TemporaryDirectory()
        try dir.write("in.txt", "abc")
        try FileManager.default.createDirectory(at: dir.file("out"), withIntermediateDirectories: false)
        let result = try CLI.run(["-i", "in.txt", "-o", "out"], in: dir.url)
        #expect(result.status == 1)
        #expect(result.stderr == "jianfan: out: Is a directory\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.file("out").path).isEmpty)
    }

    @Test("an output in a missing directory is an error (1) naming it")
    func outputInMissingDirectory() throws {
        let dir = try TemporaryDirectory()
        try dir.write("in.txt", "abc")
        let result = try CLI.run(["-i", "in.txt", "-o", "nowhere/out.txt"], in: dir.url)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("jianfan: nowhere/out.txt: "))
        #expect(result.stderr.hasSuffix("No such file or directory\n"))
        #expect(try dir.contents() == ["in.txt"])
    }

    @Test("an output that fails mid-way leaves the old output untouched")
    func failureMidwayKeepsOldOutput() throws {
        let dir = try TemporaryDirectory()
        let big = [UInt8](repeating: UInt8(ascii: "x"), count: 3 << 20)
        try dir.write("big.txt", big)
        try dir.write("out.txt", "old output\n")
        // The first input is fully converted into the temporary file before the second fails.
        let result = try CLI.run(["big.txt", "missing.txt", "-o", "out.txt"], in: dir.url)
        #expect(result.status == 1)
        #expect(result.stderr == "jianfan: missing.txt: No such file or directory\n")
        #expect(try dir.readText("out.txt") == "old output\n")
        #expect(try dir.contents() == ["big.txt", "out.txt"])
    }

    @Test("invalid UTF-8 deep in a large input leaves the old output untouched")
    func invalidUTF8MidwayKeepsOldOutput() throws {
        let dir = try TemporaryDirectory()
        let valid = Array(String(repeating: "头发后来 line\n", count: 200_000).utf8)
        try dir.write("in.txt", valid + [0xFF] + Array("more".utf8))
        try dir.write("out.txt", "old output\n")
        let result = try CLI.run(["-c", "s2t", "-i", "in.txt", "-o", "out.txt"], in: dir.url)
        #expect(result.status == 3)
        #expect(result.stderr.hasPrefix("jianfan: in.txt: invalid UTF-8 at byte offset \(valid.count)"))
        #expect(try dir.readText("out.txt") == "old output\n")
        #expect(try dir.contents() == ["in.txt", "out.txt"])
    }

    @Test("--in-place leaves a file with invalid UTF-8 untouched and still converts the others")
    func inPlaceFailureIsolated() throws {
        let dir = try TemporaryDirectory()
        let bad: [UInt8] = Array("头发".utf8) + [0xC0, 0xAF]
        try dir.write("bad.txt", bad)
        try dir.write("good.txt", Sample.simplified)
        let result = try CLI.run(["--in-place", "bad.txt", "good.txt"], in: dir.url)
        #expect(result.status == 3)
        #expect(result.stderr.hasPrefix("jianfan: bad.txt: invalid UTF-8 at byte offset 6"))
        #expect(try dir.read("bad.txt") == bad)
        #expect(try dir.readText("good.txt") == Sample.traditional)
        #expect(try dir.contents() == ["bad.txt", "good.txt"])
    }

    @Test("converting a file into the file standard output appends to is refused")
    func stdoutIsInput() throws {
        let dir = try TemporaryDirectory()
        let file = try dir.write("f.txt", "abc\n")
        let appending = try FileHandle(forWritingTo: file)
        try appending.seekToEnd()
        let status = try CLI.run(["-c", "s2t", "f.txt"], standardOutput: appending, in: dir.url)
        try appending.close()
        #expect(status == 1)
        #expect(try dir.readText("f.txt") == "abc\n")
    }

    @Test("-o /dev/stdout writes to standard output, never replacing the file it is redirected to")
    func outputToStandardOutputPath() throws {
        let dir = try TemporaryDirectory()
        try dir.write("in.txt", Sample.simplified)
        let file = try dir.write("captured.txt", "header\n")
        let appending = try FileHandle(forWritingTo: file)
        try appending.seekToEnd()
        let status = try CLI.run(["-c", "s2t", "-i", "in.txt", "-o", "/dev/stdout"], standardOutput: appending, in: dir.url)
        try appending.close()
        #expect(status == 0)
        #expect(try dir.readText("captured.txt") == "header\n" + Sample.traditional)

        let devNull = try CLI.run(["-c", "s2t", "-i", "in.txt", "-o", "/dev/null"], in: dir.url)
        #expect(devNull.status == 0)
        let kind = try FileManager.default.attributesOfItem(atPath: "/dev/null")[.type] as? FileAttributeType
        #expect(kind == .typeCharacterSpecial)
    }

    @Test("a reader closing the pipe early ends the conversion quietly with status 0", .timeLimit(.minutes(1)))
    func closedPipe() throws {
        let dir = try TemporaryDirectory()
        // About 1.2 MB: many times a pipe's buffer, so jianfan is still writing when the reader
        // goes away (and small enough to convert in seconds in a sanitizer's debug build).
        let line = Array("plain text line, no Han, long enough to fill pipes quickly\n".utf8)
        try dir.write("in.txt", Array([[UInt8]](repeating: line, count: 20_000).joined()))
        let output = Pipe()
        let errors = try dir.write("stderr.txt", "")
        let errorHandle = try FileHandle(forWritingTo: errors)
        let process = Process()
        process.executableURL = try CLI.requireBinary()
        process.arguments = ["-c", "s2t", "-i", "in.txt"]
        process.currentDirectoryURL = dir.url
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = errorHandle
        try process.run()
        // `| head -c 1`: take one byte, then go away.
        let first = try output.fileHandleForReading.read(upToCount: 1)
        #expect(first?.count == 1)
        try output.fileHandleForReading.close()
        process.waitUntilExit()
        try errorHandle.close()
        #expect(CLI.exitStatus(of: process) == 0)
        #expect(try dir.readText("stderr.txt") == "")
    }

    @Test("an interrupted conversion removes its temporary file and keeps the old output", .timeLimit(.minutes(1)))
    func interruptedConversion() throws {
        let dir = try TemporaryDirectory()
        try dir.write("out.txt", "old output\n")
        let input = Pipe()
        let process = Process()
        process.executableURL = try CLI.requireBinary()
        process.arguments = ["-c", "s2t", "-o", "out.txt"]
        process.currentDirectoryURL = dir.url
        process.standardInput = input
        process.standardError = FileHandle.nullDevice
        try process.run()
        try input.fileHandleForWriting.write(contentsOf: Data("some text\n".utf8))
        // Standard input stays open, so jianfan waits with its temporary file in place.
        let deadline = Date().addingTimeInterval(10)
        while try dir.contents().count < 2, Date() < deadline { usleep(10_000) }
        #expect(try dir.contents().contains { $0.hasPrefix(".jianfan-") })
        process.terminate() // SIGTERM
        process.waitUntilExit()
        try input.fileHandleForWriting.close()
        #expect(CLI.exitStatus(of: process) == 128 + SIGTERM)
        #expect(try dir.contents() == ["out.txt"])
        #expect(try dir.readText("out.txt") == "old output\n")
    }
}
