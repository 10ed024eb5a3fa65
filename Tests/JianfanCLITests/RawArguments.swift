import Foundation
import Testing

/// Running `jianfan` with arguments that are not UTF-8, and as a user other than root.
///
/// `Process` takes arguments as Swift strings, which cannot hold a byte such as 0xFF, so raw
/// arguments go through `/bin/sh`, which rebuilds each one with printf from octal escapes.
extension CLI {
    static let shell = URL(fileURLWithPath: "/bin/sh")

    /// Runs `jianfan` with exactly these argument bytes.
    static func run(rawArguments: [[UInt8]], stdin: [UInt8] = [], in directory: URL) throws -> RunResult {
        let words = rawArguments.map { bytes in
            "\"$(printf '" + bytes.map { "\\" + String($0, radix: 8) }.joined() + "')\""
        }
        let script = "exec \"$0\" " + words.joined(separator: " ")
        return try run(["-c", script, try requireBinary().path], stdin: stdin, in: directory, executable: shell)
    }

    /// Runs `jianfan arguments` as the unprivileged user `nobody` when the tests run as root
    /// (root may write to any file, so a permission check could not fail otherwise).
    static func runUnprivileged(_ arguments: [String], in directory: URL) throws -> RunResult {
        guard geteuid() == 0 else { return try run(arguments, in: directory) }
        // A copy `nobody` can reach: the build directory may sit where only root can (/root).
        let copy = try TemporaryDirectory()
        let binary = copy.file("jianfan")
        try FileManager.default.copyItem(at: try requireBinary(), to: binary)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: copy.url.path)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: binary.path)
        let setpriv = URL(fileURLWithPath: "/usr/bin/setpriv")
        let dropping = ["--reuid=\(nobody)", "--regid=\(nobody)", "--clear-groups", binary.path]
        return try withExtendedLifetime(copy) { try run(dropping + arguments, in: directory, executable: setpriv) }
    }

    /// The user and group id of `nobody` on Debian and most Linux systems.
    static let nobody: UInt32 = 65534
}

extension TemporaryDirectory {
    /// Creates the file whose name is exactly `name` (bytes, not necessarily UTF-8).
    func write(rawName name: [UInt8], _ contents: [UInt8]) throws {
        let fd = withPath(name) { open($0, O_WRONLY | O_CREAT | O_TRUNC, 0o644) }
        try #require(fd >= 0, "cannot create \(name): errno \(errno)")
        defer { close(fd) }
        let written = contents.withUnsafeBytes { systemWrite(fd, $0.baseAddress, $0.count) }
        try #require(written == contents.count)
    }

    /// The contents of the file named exactly `name`, or nil if there is none.
    func read(rawName name: [UInt8]) -> [UInt8]? {
        let fd = withPath(name) { open($0, O_RDONLY) }
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var result: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            result += buffer[..<count]
        }
        return result
    }

    /// The names in the directory as bytes, sorted.
    func rawContents() throws -> [[UInt8]] {
        let directory = try #require(opendir(url.path))
        defer { closedir(directory) }
        var names: [[UInt8]] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                Array(raw.prefix { $0 != 0 })
            }
            if name != Array(".".utf8), name != Array("..".utf8) { names.append(name) }
        }
        return names.sorted { $0.lexicographicallyPrecedes($1) }
    }

    private func withPath<R>(_ name: [UInt8], _ body: (UnsafePointer<CChar>) -> R) -> R {
        let full = Array(url.path.utf8) + [UInt8(ascii: "/")] + name + [0]
        return full.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { body($0.baseAddress!) } }
    }
}

/// read(2) and write(2), reachable where methods of the same names shadow them.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(fd, buffer, count)
}

private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    write(fd, buffer, count)
}
