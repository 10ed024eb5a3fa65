#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes one whole file of a tree atomically: a temporary file in the destination's
/// directory, renamed over the destination once complete, so a reader (or a crash) sees the old
/// file or the new one, never a part. A replaced file keeps its permissions and is synced before
/// the rename (an in-place edit must not lose the old contents); a new file gets `mode`.
///
/// ```swift
/// try AtomicWrite.write(bytes, to: "out/a.txt", mode: 0o644, worker: 0)
/// ```
///
/// A tree converts many small files at once, so this writes from memory in one call, where
/// ``AtomicFileOutput`` streams one large output.
enum AtomicWrite {
    static func write(_ bytes: [UInt8], to path: String, mode: mode_t, worker: Int) throws(CLIError) {
        var info = stat()
        var destination = path
        var replaced: mode_t?
        if stat(path, &info) == 0 {
            if (info.st_mode & S_IFMT) == S_IFDIR { throw .system(path, errno: EISDIR) }
            if let resolved = realpath(path, nil) {
                destination = String(cString: resolved)
                free(resolved)
            }
            replaced = info.st_mode & 0o7777
        }
        let slash = destination.lastIndex(of: "/")
        let directory = slash.map { $0 == destination.startIndex ? "/" : String(destination[..<$0]) } ?? "."
        var template = Array("\(directory)/.jianfan-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw .system(path, errno: errno, doing: "cannot create a temporary file") }
        let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        WorkerCleanup.track(temporary, worker: worker)
        defer { WorkerCleanup.untrack(worker: worker) }

        var code = bytes.withUnsafeBytes { writeAll(fd: fd, $0) }
        if code == 0, fchmod(fd, replaced ?? mode) != 0 { code = errno }
        if code == 0, replaced != nil, fsync(fd) != 0 { code = errno }
        if close(fd) != 0, code == 0 { code = errno }
        if code == 0, rename(temporary, destination) != 0 { code = errno }
        if code != 0 {
            unlink(temporary)
            throw .system(path, errno: code)
        }
    }

    /// Creates `path` and its missing parents, as `mkdir -p`; a directory made by another worker
    /// at the same moment is fine.
    static func makeDirectories(_ path: String) throws(CLIError) {
        var info = stat()
        if stat(path, &info) == 0 {
            if (info.st_mode & S_IFMT) == S_IFDIR { return }
            throw .system(path, errno: ENOTDIR)
        }
        if let slash = path.lastIndex(of: "/"), slash != path.startIndex {
            try makeDirectories(String(path[..<slash]))
        }
        if mkdir(path, 0o777) != 0, errno != EEXIST { throw .system(path, errno: errno) }
    }
}
