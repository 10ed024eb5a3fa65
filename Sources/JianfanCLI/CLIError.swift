import Jianfan

/// A failure to report as `jianfan: <message>` on standard error, with its exit status.
///
/// Messages name the file the user typed (not a resolved path) so they can be acted on.
struct CLIError: Error, CustomStringConvertible {
    let status: ExitStatus
    let message: String

    var description: String { "jianfan: \(message)" }

    /// A system call failed on `path`; `errno` explains why, as `cat` or `cp` would.
    /// `path` is a file name as ``ArgumentBytes`` holds it; bytes that are not UTF-8 show as U+FFFD.
    static func system(_ path: String, errno code: Int32, doing action: String? = nil) -> CLIError {
        let reason = String(cString: strerror(code))
        let name = ArgumentBytes.display(path)
        let text = action.map { "\(name): \($0): \(reason)" } ?? "\(name): \(reason)"
        return CLIError(status: .failure, message: text)
    }

    static func invalidUTF8(_ name: String, offset: Int) -> CLIError {
        // A UTF-16 or GB18030 file is not damaged UTF-8: say what it looks like instead of --lossy.
        let advice = EncodingSuspicion.advice(for: name) ?? "--lossy replaces invalid bytes with U+FFFD"
        return CLIError(status: .invalidUTF8, message: "\(name): invalid UTF-8 at byte offset \(offset) (\(advice))")
    }

    /// Input not valid in its encoding, or a character the output encoding lacks: bad input
    /// (status 3), like invalid UTF-8. ICU missing or failing is a failure (status 1).
    static func encoding(_ name: String, _ error: TextEncodingError) -> CLIError {
        switch error {
        case .invalidInput:
            CLIError(status: .invalidUTF8, message: "\(name): \(error) (--lossy replaces invalid sequences with U+FFFD)")
        case .unmappable:
            CLIError(status: .invalidUTF8, message: "\(name): \(error) (--lossy writes such characters as &#x…; references)")
        case .unknown:
            CLIError(status: .usage, message: "\(error)")
        default:
            CLIError(status: .failure, message: "\(name): \(error)")
        }
    }

    static func usage(_ message: String) -> CLIError {
        CLIError(status: .usage, message: message)
    }

    /// Prints the message on standard error. Uses write(2) directly: stderr is unbuffered anyway,
    /// and the C `stderr` global is not usable from strict-concurrency Swift.
    func report() {
        ProgressMeter.current?.clear()
        StandardError.write(description + "\n")
    }
}

/// Standard output was closed by its reader (EPIPE): stop converting, exit quietly.
struct BrokenPipe: Error {}

/// Unbuffered writes to file descriptor 2.
enum StandardError {
    static func write(_ text: String) {
        var bytes = Array(text.utf8)
        _ = bytes.withUnsafeMutableBytes { writeAll(fd: 2, UnsafeRawBufferPointer($0)) }
    }
}

/// Writes every byte, retrying short writes and EINTR. Returns 0 or the failing `errno`.
func writeAll(fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32 {
    var offset = 0
    while offset < bytes.count {
        let written = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
        if written < 0 {
            if errno == EINTR { continue }
            return errno
        }
        offset += written
    }
    return 0
}
