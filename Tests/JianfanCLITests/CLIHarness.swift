import Foundation
import Testing

/// What one run of the `jianfan` binary produced.
struct RunResult {
    let status: Int32
    let stdout: [UInt8]
    let stderr: String

    var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
}

/// Runs the real `jianfan` executable, built by `swift build`/`swift test` next to the test
/// bundle, with `Foundation.Process`.
///
/// Standard output and error go to files, not pipes, so a chatty child can never block on a
/// full pipe while the test waits for it to exit.
enum CLI {
    /// The built binary: in the products directory, which holds the test bundle (macOS) or the
    /// test executable (Linux). `JIANFAN_BINARY` overrides, for running against an install.
    static let binary: URL? = {
        if let path = ProcessInfo.processInfo.environment["JIANFAN_BINARY"] {
            return URL(fileURLWithPath: path)
        }
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let candidates = [
            executable.deletingLastPathComponent(),
            Bundle.main.bundleURL,
            Bundle.main.bundleURL.deletingLastPathComponent(),
            Bundle.main.executableURL?.deletingLastPathComponent(),
        ]
        for directory in candidates.compactMap({ $0 }) {
            let candidate = directory.appendingPathComponent("jianfan")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }()

    static func requireBinary() throws -> URL {
        try #require(
            binary,
            "the jianfan executable was not found next to the tests (\(CommandLine.arguments[0])); run `swift build` first"
        )
    }

    /// Runs `jianfan arguments` in `directory`. Standard input is `stdin`, or empty.
    /// `environment` is added to the inherited one (see the other `run`).
    static func run(_ arguments: [String], stdin: [UInt8] = [], in directory: URL,
                    executable: URL? = nil, environment: [String: String] = [:]) throws -> RunResult {
        let capture = try TemporaryDirectory()
        let inURL = capture.url.appendingPathComponent("stdin")
        try Data(stdin).write(to: inURL)
        let input = try FileHandle(forReadingFrom: inURL)
        defer { try? input.close() }
        return try run(arguments, stdin: input, in: directory, executable: executable, environment: environment)
    }

    /// Runs `jianfan arguments` with the given standard input file handle; or `executable
    /// arguments` when given (a shell or `setpriv` that starts `jianfan` itself). The cache of
    /// compiled configurations is a fresh directory, removed afterwards, unless `environment`
    /// names one (`JIANFAN_CACHE_DIR`): tests never write to the user's cache.
    static func run(_ arguments: [String], stdin: FileHandle, in directory: URL,
                    executable: URL? = nil, environment: [String: String] = [:]) throws -> RunResult {
        let capture = try TemporaryDirectory()
        let outURL = capture.url.appendingPathComponent("stdout")
        let errURL = capture.url.appendingPathComponent("stderr")
        try Data().write(to: outURL)
        try Data().write(to: errURL)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)

        let process = Process()
        process.executableURL = try executable ?? requireBinary()
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment
            .merging(["JIANFAN_CACHE_DIR": capture.url.appendingPathComponent("cache").path]) { $1 }
            .merging(environment) { $1 }
        process.standardInput = stdin
        process.standardOutput = out
        process.standardError = err
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return RunResult(
            status: exitStatus(of: process),
            stdout: Array(try Data(contentsOf: outURL)),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self)
        )
    }

    /// The shell's convention: 128 + signal number for a child killed by a signal.
    /// Runs `executable arguments` in `directory` with standard output sent to `output` (a file
    /// being appended to, say) and standard error discarded; returns the exit status.
    static func run(_ arguments: [String], standardOutput output: FileHandle, in directory: URL,
                    executable: URL? = nil) throws -> Int32 {
        let process = Process()
        process.executableURL = try executable ?? requireBinary()
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return exitStatus(of: process)
    }

    static func exitStatus(of process: Process) -> Int32 {
        process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
    }
}

/// A fresh directory, removed with its contents when released.
final class TemporaryDirectory {
    let url: URL

    /// A new directory in `parent` (default: the system's temporary directory).
    init(in parent: URL = FileManager.default.temporaryDirectory) throws {
        url = parent
            .appendingPathComponent("jianfan-cli-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> URL {
        let target = file(name)
        try Data(bytes).write(to: target)
        return target
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> URL {
        try write(name, Array(text.utf8))
    }

    func read(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: file(name)))
    }

    func readText(_ name: String) throws -> String {
        String(decoding: try read(name), as: UTF8.self)
    }

    /// Names in the directory, to check no temporary file was left behind.
    func contents() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
    }
}

/// Text with its expected OpenCC s2t conversion (phrases: 头发 → 頭髮, not 頭發; 后来 → 後來).
enum Sample {
    static let simplified = "头发后来\n"
    static let traditional = "頭髮後來\n"
}
