import Foundation
import Testing

/// The progress line: on a terminal standard error once the work takes over a second, never
/// in the output, never when standard error is not a terminal.
@Suite("Progress line", .serialized)
struct ProgressTests {
    /// Standard input arrives over about two seconds, in ten pieces.
    static let feed: @Sendable (FileHandle) -> Void = { handle in
        for _ in 0..<10 {
            handle.write(Data(String(repeating: "头发后来\n", count: 1000).utf8))
            Thread.sleep(forTimeInterval: 0.2)
        }
    }
    static let expected = String(repeating: "頭髮後來\n", count: 10_000)

    @Test("a slow conversion shows bytes done and the rate on a terminal, then erases it")
    func terminal() throws {
        let dir = try TemporaryDirectory()
        let result = try CLI.runOnTerminal(["-c", "s2t"], in: dir.url, feed: Self.feed)
        #expect(result.status == 0)
        #expect(result.stdout == Self.expected)
        #expect(result.terminal.contains(" KB, "), "\(result.terminal)")
        #expect(result.terminal.contains("B/s"), "\(result.terminal)")
        #expect(result.terminal.hasPrefix("\r"))
        #expect(result.terminal.hasSuffix("\r\u{1B}[K"))   // erased at the end
    }

    @Test("detect shows the line too while it reads slowly, and erases it before its verdict")
    func detect() throws {
        let dir = try TemporaryDirectory()
        let result = try CLI.runOnTerminal(["detect"], in: dir.url, feed: Self.feed)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("<stdin>: simplified; han 40000,"), "\(result.stdout)")
        #expect(result.terminal.contains(" KB, "), "\(result.terminal)")
        #expect(result.terminal.contains("B/s"), "\(result.terminal)")
        #expect(result.terminal.hasSuffix("\r\u{1B}[K"))
    }

    @Test("normalize shows the line too while it reads slowly, and erases it")
    func normalize() throws {
        let dir = try TemporaryDirectory()
        let result = try CLI.runOnTerminal(["normalize"], in: dir.url, feed: Self.feed)
        #expect(result.status == 0)
        #expect(result.stdout == String(repeating: "头发后来\n", count: 10_000))
        #expect(result.terminal.contains(" KB, "), "\(result.terminal)")
        #expect(result.terminal.contains("B/s"), "\(result.terminal)")
        #expect(result.terminal.hasSuffix("\r\u{1B}[K"))
    }

    @Test("detect on a quick file shows nothing")
    func detectQuick() throws {
        let dir = try TemporaryDirectory()
        try dir.write("a.txt", "头发\n")
        let result = try CLI.runOnTerminal(["detect", "a.txt"], in: dir.url)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("a.txt: simplified"))
        #expect(result.terminal.isEmpty)
    }

    @Test("no progress when standard error is not a terminal")
    func notTerminal() throws {
        let dir = try TemporaryDirectory()
        let input = Pipe()
        let capture = try TemporaryDirectory()
        let out = try FileHandle(forWritingTo: try capture.write("out", []))
        let err = try FileHandle(forWritingTo: try capture.write("err", []))
        let process = Process()
        process.executableURL = try CLI.requireBinary()
        process.arguments = ["-c", "s2t"]
        process.currentDirectoryURL = dir.url
        process.standardInput = input
        process.standardOutput = out
        process.standardError = err
        try process.run()
        Self.feed(input.fileHandleForWriting)
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(try capture.readText("out") == Self.expected)
        #expect(try capture.read("err").isEmpty)
    }

    @Test("a quick conversion shows nothing even on a terminal")
    func quick() throws {
        let dir = try TemporaryDirectory()
        try dir.write("a.txt", "头发\n")
        let result = try CLI.runOnTerminal(["-c", "s2t", "a.txt"], in: dir.url)
        #expect(result.status == 0)
        #expect(result.stdout == "頭髮\n")
        #expect(result.terminal.isEmpty)
    }
}
