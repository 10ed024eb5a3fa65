#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The progress line on standard error: bytes (and files) done, the rate and, when every input
/// is a regular file, the share done and the time left. It appears only when standard error is
/// a terminal and the work has taken a second (a shorter job never flickers a line), is redrawn
/// at most five times a second, and is erased before any message and at the end, so it never
/// mixes with output or errors.
///
/// ```
///   41.9 MB of 120.3 MB (34%), file 2 of 3, 210.4 MB/s, 0:00:01 left
/// ```
final class ProgressMeter {
    /// The meter of the running command, if it shows one; the pumps report to it. The CLI is
    /// single-threaded where it reads, so a plain global is enough.
    nonisolated(unsafe) static var current: ProgressMeter?

    private let total: Int?
    private let fileCount: Int
    private var done = 0
    private var file = 1
    private let started = ProgressMeter.now()
    private var lastDraw = 0.0
    private var shown = false

    /// Delay before the line first appears, in seconds.
    static let delay = 1.0

    private init(total: Int?, fileCount: Int) {
        self.total = total
        self.fileCount = fileCount
    }

    /// Starts a meter for these inputs if standard error is a terminal (and `TERM` is not
    /// `dumb`); otherwise there is none and reporting costs one nil check.
    static func start(inputs: [String]) {
        guard isatty(2) != 0, getenv("TERM").map({ String(cString: $0) }) != "dumb" else { return }
        var total = 0
        var known = true
        for path in inputs {
            var info = stat()
            if path == "-" || stat(path, &info) != 0 || (info.st_mode & S_IFMT) != S_IFREG {
                known = false
            } else {
                total += Int(info.st_size)
            }
        }
        current = ProgressMeter(total: known ? total : nil, fileCount: inputs.count)
    }

    /// Counts bytes read.
    func advance(_ bytes: Int) {
        done += bytes
        let elapsed = Self.now() - started
        guard elapsed >= Self.delay, elapsed - lastDraw >= 0.2 else { return }
        lastDraw = elapsed
        draw(elapsed: elapsed)
    }

    /// Moves on to the next input.
    func nextFile() { file += 1 }

    /// Erases the line, if it is shown, so that a message or the shell prompt starts clean.
    func clear() {
        guard shown else { return }
        StandardError.write("\r\u{1B}[K")
        shown = false
    }

    private func draw(elapsed: Double) {
        let rate = Double(done) / elapsed
        var text = "  " + Self.size(Double(done))
        if let total, total > 0 {
            text += " of \(Self.size(Double(total))) (\(min(100, done * 100 / total))%)"
        }
        if fileCount > 1 { text += ", file \(min(file, fileCount)) of \(fileCount)" }
        text += ", \(Self.size(rate))/s"
        if let total, rate > 0 {
            let left = Int((Double(max(0, total - done)) / rate).rounded(.up))
            let clock = "\(left / 3600):" + String(format2: left / 60 % 60) + ":" + String(format2: left % 60)
            text += ", \(clock) left"
        }
        StandardError.write("\r" + text + "\u{1B}[K")
        shown = true
    }

    private static func size(_ bytes: Double) -> String {
        let units = ["B", "KB", "MB", "GB", "TB"]
        var value = bytes
        var unit = 0
        while value >= 1000, unit < units.count - 1 { value /= 1000; unit += 1 }
        let tenths = Int((value * 10).rounded())
        return unit == 0 ? "\(Int(bytes)) B" : "\(tenths / 10).\(tenths % 10) \(units[unit])"
    }

    private static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

private extension String {
    /// Two digits, zero-padded.
    init(format2 value: Int) { self = value < 10 ? "0\(value)" : "\(value)" }
}
