/// A regular output file that is replaced only once the conversion has fully succeeded.
///
/// Bytes go to a temporary file created with mkstemp(3) in the destination's own directory,
/// so the final rename(2) cannot cross file systems and is atomic: readers see the old file or
/// the complete new one, never a prefix. `commit()` gives the new file the old one's permissions
/// (and owner, when allowed) and renames it over the destination. When it replaces a file it
/// fsyncs the new one first and the directory after, so that a crash cannot cost the old
/// contents (an in-place edit); a file that did not exist has nothing to lose and is not synced
/// (after a crash it may be missing, like any file just written). Any failure, or `discard()`,
/// unlinks the temporary file and leaves the destination untouched.
///
/// An existing file we may not write is refused (`Permission denied`, as `cp`, `>` and `opencc`
/// refuse it), although the directory would let us rename over it: a read-only file says
/// "do not change me". (Root may write any file, here as with `cp`.) Paths are file names as ``ArgumentBytes`` holds them, used byte for byte.
///
/// This also makes `-i f -o f` safe without a special case: `f` stays open for reading and
/// intact until the rename, which is what an in-place edit does.
final class AtomicFileOutput: OutputSink {
    let displayName: String
    /// Where the file ends up: symlinks resolved, so the link's target is replaced, not the link.
    private let destination: String
    private let temporaryPath: String
    private var fd: Int32
    /// Permissions and owner of the file being replaced; nil when creating a new file.
    private let original: (mode: mode_t, owner: uid_t, group: gid_t)?
    private var isFinished = false

    init(path: String) throws(CLIError) {
        displayName = ArgumentBytes.display(path)
        var info = stat()
        if withSystemPath(path, { stat($0, &info) }) == 0 {
            if (info.st_mode & S_IFMT) == S_IFDIR { throw .system(path, errno: EISDIR) }
            // access(2), not the mode bits: it knows root, ACLs and read-only mounts.
            if withSystemPath(path, { access($0, W_OK) }) != 0 { throw .system(path, errno: errno) }
            destination = Self.resolvingSymlinks(path)
            original = (info.st_mode & 0o7777, info.st_uid, info.st_gid)
        } else {
            let code = errno
            guard code == ENOENT, !path.hasSuffix("/") else { throw .system(path, errno: code) }
            destination = path
            original = nil
        }
        let directory = Self.directory(of: destination)
        var template = (ArgumentBytes.bytes(of: directory) + Array("/.jianfan-XXXXXX".utf8)).map { CChar(bitPattern: $0) }
        template.append(0)
        // Created and tracked with the signals held back: an interrupt in between would leave
        // the file behind (seen under load when Ctrl-C came right after the file appeared).
        let (created, code) = InterruptCleanup.withSignalsDeferred {
            template.withUnsafeMutableBufferPointer { buffer in
                let created = mkstemp(buffer.baseAddress!)
                let code = errno
                if created >= 0 { InterruptCleanup.track(cString: buffer.baseAddress!) }
                return (created, code)
            }
        }
        fd = created
        guard fd >= 0 else {
            let place = ArgumentBytes.display(directory)
            throw .system(path, errno: code, doing: "cannot create a temporary file in \(place)")
        }
        temporaryPath = ArgumentBytes.string(from: template.dropLast().map { UInt8(bitPattern: $0) })
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        let code = writeAll(fd: fd, bytes)
        if code != 0 { throw CLIError.system(displayName, errno: code) }
    }

    func commit() throws(CLIError) {
        guard !isFinished else { return }
        do throws(CLIError) {
            // chown before chmod: changing the owner clears set-user-ID bits.
            if let original {
                if original.owner != geteuid() || original.group != getegid() {
                    _ = fchown(fd, original.owner, original.group) // best effort, as `sed -i` does
                }
                try check(fchmod(fd, original.mode))
            } else {
                try check(fchmod(fd, 0o666 & ~Self.currentUmask))
            }
            if original != nil { try check(fsync(fd)) }
            let result = close(fd)
            fd = -1
            try check(result)
            try check(withSystemPath(temporaryPath) { from in withSystemPath(destination) { rename(from, $0) } })
        } catch {
            discard()
            throw error
        }
        isFinished = true
        InterruptCleanup.untrack()
        if original != nil { Self.syncDirectory(Self.directory(of: destination)) }
    }

    func discard() {
        guard !isFinished else { return }
        isFinished = true
        if fd >= 0 { close(fd) }
        fd = -1
        withSystemPath(temporaryPath) { _ = unlink($0) }
        InterruptCleanup.untrack()
    }

    deinit { discard() }

    private func check(_ result: Int32) throws(CLIError) {
        if result != 0 { throw .system(displayName, errno: errno) }
    }

    private static func resolvingSymlinks(_ path: String) -> String {
        guard let resolved = withSystemPath(path, { realpath($0, nil) }) else { return path }
        defer { free(resolved) }
        return ArgumentBytes.string(from: UnsafeRawBufferPointer(start: resolved, count: strlen(resolved)))
    }

    private static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// umask(2) can only be read by setting it; the CLI is single-threaded at this point.
    private static var currentUmask: mode_t {
        let mask = umask(0)
        umask(mask)
        return mask
    }

    /// Makes the rename itself durable. Best effort: some file systems refuse fsync on directories.
    private static func syncDirectory(_ path: String) {
        let dirFD = withSystemPath(path) { open($0, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        guard dirFD >= 0 else { return }
        _ = fsync(dirFD)
        close(dirFD)
    }
}

extension AtomicFileOutput {
    /// Rewrites each of `paths` in place with what `write` puts into its replacement, atomically:
    /// a file that fails is left as it was and reported, and the others are still done. Only
    /// regular files are rewritten. Returns the combined exit status. (`convert --in-place` and
    /// `normalize --in-place` differ only in `write`.)
    static func rewriteEach(_ paths: [String], _ write: (InputFile, AtomicFileOutput) throws -> Void) -> ExitStatus {
        var status = ExitStatus.success
        for path in paths {
            do {
                let input = try InputFile(path: path)
                guard input.identity?.isRegular == true else {
                    throw CLIError(status: .failure, message: "\(path): not a regular file, cannot rewrite it in place")
                }
                // Always the atomic replacement, even if this file is also standard output.
                let output = try AtomicFileOutput(path: path)
                do {
                    try write(input, output)
                    try output.commit()
                } catch {
                    output.discard()
                    throw error
                }
            } catch let error as CLIError {
                error.report()
                status = status.combined(with: error.status)
            } catch {
                // A file output never reports a broken pipe; nothing else can be thrown.
                preconditionFailure("unexpected \(error)")
            }
        }
        return status
    }
}
