import Synchronization

/// The output directories a tree conversion has made or found, shared by its workers, so that
/// each file's directory is checked once per run rather than with a stat per file.
///
/// A directory this run created was empty, and the run writes each destination once: no file
/// in it can be there before the run writes it, so writing there needs no stat of the
/// destination either.
///
/// ```swift
/// let directories = KnownDirectories()
/// try directories.make("out/sub")   // mkdir -p, once: true when this run created it
/// try directories.make("out/sub")   // known: no system call
/// ```
final class KnownDirectories: Sendable {
    /// Each directory seen, and whether this run created it.
    private let known = Mutex<[String: Bool]>([:])

    /// Makes `path` and its parents unless a worker already did (or found them); returns
    /// whether this run created `path`.
    func make(_ path: String) throws(CLIError) -> Bool {
        if let created = known.withLock({ $0[path] }) { return created }
        let created = try AtomicWrite.makeDirectories(path)
        return known.withLock { known in
            let either = created || known[path] == true
            known[path] = either
            return either
        }
    }
}
