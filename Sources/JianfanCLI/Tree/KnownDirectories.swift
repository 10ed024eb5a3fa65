#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Jianfan

/// The output directories a tree conversion has made or found, shared by its workers, so that
/// each file's directory is checked once per run rather than with a stat per file.
///
/// A directory this run created was empty, and the run writes each destination once: no file
/// in it can be there before the run writes it, so writing there needs no stat of the
/// destination either.
///
/// The map is guarded by a ``ThreadLock`` (a pthread mutex, which ThreadSanitizer sees; it
/// reported the workers' accesses behind `Synchronization.Mutex` as a race).
///
/// ```swift
/// let directories = KnownDirectories()
/// try directories.make("out/sub")   // mkdir -p, once: true when this run created it
/// try directories.make("out/sub")   // known: no system call
/// ```
final class KnownDirectories: @unchecked Sendable {
    /// Each directory seen, and whether this run created it (only under `lock`).
    private var known: [String: Bool] = [:]
    private let lock = ThreadLock()

    private func locked<Result>(_ body: (inout [String: Bool]) -> Result) -> Result {
        lock.withLock { body(&known) }
    }

    /// Makes `path` and its parents unless a worker already did (or found them); returns
    /// whether this run created `path`.
    func make(_ path: String) throws(CLIError) -> Bool {
        if let created = locked({ $0[path] }) { return created }
        let created = try AtomicWrite.makeDirectories(path)
        return locked { known in
            let either = created || known[path] == true
            known[path] = either
            return either
        }
    }
}
