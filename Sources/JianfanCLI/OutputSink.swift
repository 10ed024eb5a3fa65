/// Where converted bytes go: standard output, a file replaced atomically, or a device.
///
/// `write` throws ``CLIError``, or ``BrokenPipe`` when the reader went away. Writers are handed
/// converted pieces (up to about 64 KB) or chunks, so there is no further buffering here: each
/// call is already one large write(2), never one per line.
protocol OutputSink: AnyObject {
    /// The name to show in messages.
    var displayName: String { get }
    func write(_ bytes: UnsafeRawBufferPointer) throws
    /// Makes the output final. For a replaced file this is the moment it appears.
    func commit() throws(CLIError)
    /// Abandons the output: a replaced file is left exactly as it was.
    func discard()
}

extension OutputSink {
    func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }
}

/// Opens the output named by `-o`, deciding by what the file is, never by its name.
///
/// - none or `-`: standard output.
/// - the very file standard output already is (same device and inode, e.g. `-o /dev/stdout`
///   with stdout redirected to a file): standard output too. Replacing it would unlink the file
///   the shell opened, losing what others wrote before us and sending later writes nowhere.
/// - an existing device, FIFO or socket (`/dev/null`, a terminal): written directly, since
///   renaming over it would replace the node itself.
/// - a regular file, wherever it lives (`/dev/shm` included), or a new name: replaced
///   atomically (``AtomicFileOutput``). Nothing is truncated before the conversion succeeds, so
///   an output that is also an input (`-i f -o f`, by any name) is read intact.
///
/// ```swift
/// let sink = try openOutput("out.txt")   // an AtomicFileOutput
/// ```
func openOutput(_ path: String?) throws(CLIError) -> any OutputSink {
    guard let path, path != "-" else { return StandardOutput() }
    var info = stat()
    if withSystemPath(path, { stat($0, &info) }) == 0 {
        let type = info.st_mode & S_IFMT
        if type == S_IFDIR { throw .system(path, errno: EISDIR) }
        if let standardOutput = FileIdentity(fd: 1), standardOutput == FileIdentity(info) {
            return StandardOutput()
        }
        if type != S_IFREG, let device = try DeviceOutput(path: path) { return device }
    }
    return try AtomicFileOutput(path: path)
}

/// File descriptor 1. SIGPIPE is ignored (see `RootCommand.main`), so a closed pipe shows up
/// here as EPIPE and becomes a quiet ``BrokenPipe`` instead of a kill by signal.
final class StandardOutput: OutputSink {
    let displayName = "<stdout>"

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        let code = writeAll(fd: 1, bytes)
        if code == EPIPE { throw BrokenPipe() }
        if code != 0 { throw CLIError.system(displayName, errno: code) }
    }

    func commit() throws(CLIError) {}
    func discard() {}

    /// The identity of the file standard output is redirected to, if it is a regular file:
    /// converting that same file to standard output would read back our own output.
    static var redirectedFile: FileIdentity? {
        guard let identity = FileIdentity(fd: 1), identity.isRegular else { return nil }
        return identity
    }
}

/// A device, FIFO or socket, opened and written to directly (never created, never truncated).
final class DeviceOutput: OutputSink {
    let displayName: String
    private var fd: Int32

    /// Nil when `path` turns out to be a regular file once opened (it was replaced between
    /// stat(2) and open(2)): that one must be replaced atomically instead.
    init?(path: String) throws(CLIError) {
        displayName = ArgumentBytes.display(path)
        fd = withSystemPath(path) { open($0, O_WRONLY | O_NOCTTY | O_CLOEXEC) }
        guard fd >= 0 else { throw .system(path, errno: errno) }
        if FileIdentity(fd: fd)?.isRegular != false {
            close(fd)
            fd = -1
            return nil
        }
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        let code = writeAll(fd: fd, bytes)
        if code == EPIPE { throw BrokenPipe() }
        if code != 0 { throw CLIError.system(displayName, errno: code) }
    }

    func commit() throws(CLIError) {
        guard fd >= 0 else { return }
        let result = close(fd)
        fd = -1
        if result != 0 { throw .system(displayName, errno: errno) }
    }

    func discard() {
        if fd >= 0 { close(fd) }
        fd = -1
    }

    deinit { discard() }
}
