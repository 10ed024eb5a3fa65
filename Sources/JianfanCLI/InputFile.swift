/// A file's identity: the same file has the same device and inode whatever path names it.
struct FileIdentity: Equatable, Sendable {
    let device: UInt64
    let inode: UInt64
    /// Only regular files can be the same file as an output in a way that matters.
    let isRegular: Bool

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        isRegular = (info.st_mode & S_IFMT) == S_IFREG
    }

    init?(fd: Int32) {
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        self.init(info)
    }
}

/// An input opened for reading in fixed-size chunks: a file, or standard input for `-`.
///
/// Opening checks up front what read(2) would report late or confusingly (a directory).
final class InputFile {
    /// The name as the user typed it, for messages (bytes that are not UTF-8 show as U+FFFD);
    /// `<stdin>` for standard input.
    let displayName: String
    /// The path as given (`-` for standard input).
    let path: String
    let fd: Int32
    let identity: FileIdentity?
    private let ownsDescriptor: Bool
    private var reachedEnd = false

    static let standardInputName = "<stdin>"

    init(path: String) throws(CLIError) {
        self.path = path
        if path == "-" {
            displayName = Self.standardInputName
            fd = 0
            ownsDescriptor = false
            identity = FileIdentity(fd: 0)
            return
        }
        let opened = withSystemPath(path) { open($0, O_RDONLY | O_CLOEXEC) }
        guard opened >= 0 else { throw .system(path, errno: errno) }
        var info = stat()
        guard fstat(opened, &info) == 0 else {
            let code = errno
            close(opened)
            throw .system(path, errno: code)
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            close(opened)
            throw .system(path, errno: EISDIR)
        }
        displayName = ArgumentBytes.display(path)
        fd = opened
        ownsDescriptor = true
        identity = FileIdentity(info)
    }

    /// Fills `buffer` with as much input as is available now; 0 means end of input.
    ///
    /// A file fills the whole buffer. A pipe or terminal is read until a read would block:
    /// bulk input from a fast writer then arrives in full chunks (a pipe gives at most 64 KiB per
    /// read, and each chunk costs the converter a search for a safe cut), while a line typed
    /// at a terminal is converted at once.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(CLIError) -> Int {
        var filled = 0
        while filled < buffer.count, !reachedEnd {
            let count = systemRead(fd, buffer.baseAddress! + filled, buffer.count - filled)
            if count < 0 {
                if errno == EINTR { continue }
                throw .system(displayName, errno: errno)
            }
            if count == 0 {
                // Remembered: after Ctrl-D a terminal would happily block for more.
                reachedEnd = true
            }
            filled += count
            if identity?.isRegular != true, !hasInputReady { break }
        }
        return filled
    }

    private var hasInputReady: Bool {
        var request = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&request, 1, 0) > 0
    }

    deinit {
        if ownsDescriptor { close(fd) }
    }
}

/// read(2), reachable from inside a type that has its own `read` method.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(fd, buffer, count)
}
