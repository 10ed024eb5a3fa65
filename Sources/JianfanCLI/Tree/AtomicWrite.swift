#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

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
    /// `isNew`: the caller knows nothing is at `path` (a directory this run created), so
    /// there is nothing to replace and no stat to make.
    static func write(_ bytes: [UInt8], to path: String, mode: mode_t, worker: Int, isNew: Bool = false) throws(CLIError) {
        var info = stat()
        var destination = path
        var replaced: mode_t?
        if !isNew, stat(path, &info) == 0 {
            if (info.st_mode & S_IFMT) == S_IFDIR { throw .system(path, errno: EISDIR) }
            if let resolved = realpath(path, nil) {
                destination = String(cString: resolved)
                free(resolved)
            }
            replaced = info.st_mode & 0o7777
        }
        let slash = destination.lastIndex(of: "/")
        let directory = slash.map { $0 == destination.startIndex ? "/" : String(destination[..<$0]) } ?? "."
        let (fd, temporary) = try createTemporary(in: directory, mode: mode, for: path)
        WorkerCleanup.track(temporary, worker: worker)
        defer { WorkerCleanup.untrack(worker: worker) }

        var code = bytes.withUnsafeBytes { writeAll(fd: fd, $0) }
        // A new file got `mode` from open(2) (already umask-masked); a replaced one keeps its bits.
        if code == 0, let replaced, fchmod(fd, replaced) != 0 { code = errno }
        if code == 0, replaced != nil, fsync(fd) != 0 { code = errno }
        if close(fd) != 0, code == 0 { code = errno }
        if code == 0, rename(temporary, destination) != 0 { code = errno }
        if code != 0 {
            unlink(temporary)
            throw .system(path, errno: code)
        }
    }

    /// A new file `.jianfan-PID-N` in `directory`, created exclusively with `mode`: a name
    /// of our own rather than mkstemp's, whose file (mode 0600) needs a getrandom and an fchmod
    /// more per file. O_EXCL never follows or reuses an existing name: a taken one is skipped.
    private static func createTemporary(
        in directory: String, mode: mode_t, for path: String
    ) throws(CLIError) -> (CInt, String) {
        for _ in 0..<64 {
            let name = "\(directory)/.jianfan-\(processID)-\(temporaryCounter.wrappingAdd(1, ordering: .relaxed).oldValue)"
            let fd = open(name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
            if fd >= 0 { return (fd, name) }
            if errno != EEXIST { throw .system(path, errno: errno, doing: "cannot create a temporary file") }
        }
        throw .system(path, errno: EEXIST, doing: "cannot create a temporary file")
    }

    private static let temporaryCounter = Atomic<Int>(0)
    /// Read once: glibc no longer caches getpid(2), which would be one more system call per file.
    private static let processID = getpid()

    /// Creates `path` and its missing parents, as `mkdir -p`; a directory made by another worker
    /// at the same moment is fine. Returns whether this call created `path`.
    @discardableResult
    static func makeDirectories(_ path: String) throws(CLIError) -> Bool {
        var info = stat()
        if stat(path, &info) == 0 {
            if (info.st_mode & S_IFMT) == S_IFDIR { return false }
            throw .system(path, errno: ENOTDIR)
        }
        if let slash = path.lastIndex(of: "/"), slash != path.startIndex {
            try makeDirectories(String(path[..<slash]))
        }
        if mkdir(path, 0o777) == 0 { return true }
        if errno != EEXIST { throw .system(path, errno: errno) }
        return false
    }
}
