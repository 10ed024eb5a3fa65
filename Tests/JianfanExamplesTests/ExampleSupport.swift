import Foundation

/// What the examples take for granted: the repository's files, and a scratch folder.
enum ExampleSupport {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A seed document of `Tests/Fixtures` (000: news, 001: the notice), as text.
    static func fixture(_ prefix: String) throws -> String {
        let directory = packageRoot.appendingPathComponent("Tests/Fixtures")
        let name = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .first { $0.hasPrefix(prefix + "_") && $0.hasSuffix(".txt") }
        return try String(contentsOf: directory.appendingPathComponent(name ?? prefix), encoding: .utf8)
    }

    /// A new empty folder, removed after `body`.
    static func withFolder<T>(_ body: (String) throws -> T) throws -> T {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("jianfan-examples-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: url) }
        return try body(url.path)
    }

    static func write(_ text: String, to path: String) throws {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    /// The current directory is one per process: tests that change it take turns.
    static let currentDirectoryLock = NSLock()

    /// Runs `body` in a new folder made the current directory, for examples whose paths are
    /// relative (`docs`, `out/a.txt`), then goes back.
    static func inFolder(_ body: (String) throws -> Void) throws {
        currentDirectoryLock.lock()
        defer { currentDirectoryLock.unlock() }
        let previous = FileManager.default.currentDirectoryPath
        try withFolder { folder in
            guard FileManager.default.changeCurrentDirectoryPath(folder) else { throw CocoaError(.fileNoSuchFile) }
            defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }
            try body(folder)
        }
    }
}
