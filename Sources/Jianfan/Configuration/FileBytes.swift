#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#elseif canImport(Android)
import Android
#endif

/// Whole files read with the C library (stat, open, read), for configurations and
/// dictionaries.
///
/// Not `FileManager.contents(atPath:)`: in the Swift 6.3 toolchain on Linux, FoundationEssentials
/// loses a 4 KB buffer on each call (LeakSanitizer, found by the configuration fuzz target), so
/// an application that loads configurations again and again would grow.
enum FileBytes {
    /// What a path names.
    enum Kind: Equatable { case missing, directory, other }

    /// What `path` names, following symbolic links.
    static func kind(atPath path: String) -> Kind {
        var status = stat()
        guard stat(path, &status) == 0 else { return .missing }
        return status.st_mode & S_IFMT == S_IFDIR ? .directory : .other
    }

    /// The bytes of the file at `path`, or nil when it cannot be opened or read.
    static func contents(atPath path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0, status.st_mode & S_IFMT != S_IFDIR else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(max(Int(status.st_size), 0) + 1)
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count == 0 { return bytes }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            bytes.append(contentsOf: chunk[..<count])
        }
    }
}
