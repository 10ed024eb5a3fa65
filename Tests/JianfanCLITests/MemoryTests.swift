import Foundation
import Testing

/// Memory stays bounded whatever the input: 200 MB through standard input, as one huge line
/// and as many short lines, with the child's peak RSS under 64 MB.
///
/// The peak is the kernel's high-water mark for the child's own address space (VmHWM), sampled
/// from /proc while it runs; being a high-water mark, a sample taken any time after a spike
/// still shows it. rusage cannot be used: at exec, Linux folds the peak of the address space
/// being left into the process's ru_maxrss, and for a child spawned by this test process that
/// is the test process's own (shared under posix_spawn's vfork, copied under fork), often above
/// 64 MB; ru_maxrss from wait4(2) or getrusage(RUSAGE_CHILDREN) says more about the tests than
/// about jianfan (measured: a 300 MB parent's `/bin/true` child reports 300 MB). A child still
/// running after ``deadline`` is killed, so a stuck conversion fails instead of hanging.
///
/// Not under a sanitizer (`Scripts/sanitizers.sh`): ASan's shadow memory and quarantine and
/// TSan's shadow are part of the child's RSS, so the bound would measure the sanitizer.
@Suite(
    "Bounded memory", .serialized,
    .disabled(if: SanitizerRun.isActive, "peak RSS under a sanitizer counts its shadow memory, not jianfan's")
)
struct MemoryTests {
    static let totalBytes = 200 << 20
    static let limitKiB = 64 << 10
    /// About 15 s each in a debug build on two cores.
    static let deadline: TimeInterval = 60

    @Test("200 MB as one line without a newline stays under 64 MB", .timeLimit(.minutes(2)))
    func oneHugeLine() throws {
        try check(pattern: "头发后来中文text ", expected: "頭髮後來中文text ")
    }

    @Test("200 MB of short lines stays under 64 MB", .timeLimit(.minutes(2)))
    func manyLines() throws {
        try check(pattern: "头发后来中文text\n", expected: "頭髮後來中文text\n")
    }

    /// Only Han characters: no line break, space or punctuation where a stream could cut easily.
    @Test("200 MB as one line of Han alone stays under 64 MB", .timeLimit(.minutes(2)))
    func oneHugeLineOfHanOnly() throws {
        try check(pattern: "头发后来中文", expected: "頭髮後來中文")
    }

    /// `normalize` (readings, punctuation, script) streams too: a line longer than its window
    /// is cut into parts, and nothing holds more than a window of it.
    @Test("80 MB as one line through normalize stays under 64 MB", .timeLimit(.minutes(2)))
    func normalizeOneHugeLine() throws {
        try check(pattern: "头发后来中文text ", expected: "頭髮後來中文text ",
                  arguments: ["normalize", "--to", "traditional"], totalBytes: 80 << 20)
    }

    @Test("80 MB of short lines through normalize with line repair stays under 64 MB", .timeLimit(.minutes(2)))
    func normalizeManyLines() throws {
        try check(pattern: "头发后来中文text\n", expected: "頭髮後來中文text\n",
                  arguments: ["normalize", "--to", "traditional", "--steps", "readings,punctuation,lines,script"],
                  totalBytes: 80 << 20)
    }

    /// Streams `totalBytes` of repeated `pattern` through `jianfan -c s2t` (or `arguments`). The
    /// expected text has the same UTF-8 length, so the output must be exactly as long as the input.
    private func check(pattern: String, expected: String, arguments: [String] = ["-c", "s2t"],
                       totalBytes: Int = MemoryTests.totalBytes) throws {
        let binary = try CLI.requireBinary()
        let block = Array(String(repeating: pattern, count: (1 << 20) / pattern.utf8.count).utf8)
        let expectedBlock = Array(String(repeating: expected, count: (1 << 20) / pattern.utf8.count).utf8)
        let blocks = totalBytes / block.count

        // The writer must see EPIPE, not die of SIGPIPE, if the child is killed or fails.
        signal(SIGPIPE, SIG_IGN)
        let child = try SpawnedChild(binary: binary, arguments: arguments)
        let watchdog = Watchdog(pid: child.pid, after: Self.deadline)
        let sampler = PeakRSSSampler(pid: child.pid)
        // Generated on the fly: the test never holds more than one block either.
        let writer = Thread {
            var failed = false
            for _ in 0..<blocks where !failed {
                failed = block.withUnsafeBytes { writeAll(child.stdin, $0) } == false
            }
            close(child.stdin)
        }
        writer.start()

        var received = 0
        var head: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(child.stdout, $0.baseAddress!, $0.count) }
            if count < 0, errno == EINTR { continue }
            if count <= 0 { break }
            if head.count < expectedBlock.count { head += buffer[..<min(count, expectedBlock.count - head.count)] }
            received += count
        }
        close(child.stdout)
        child.waitForExit()
        let killed = watchdog.disarm() // before reaping: until then the pid cannot be reused
        let peakKiB = sampler.stop()
        let status = child.reap()

        #expect(killed == false, "still running after \(Int(Self.deadline)) s, so killed; output so far: \(received) bytes")
        #expect(status == 0)
        #expect(received == blocks * block.count)
        // Compared before #expect: its diff of two mismatching megabytes would take minutes.
        let headIsConverted = head[...] == expectedBlock[..<head.count]
        #expect(headIsConverted, "the first MiB of output is not the s2t conversion")
        #expect(peakKiB > 0, "no VmHWM sample from /proc")
        #expect(peakKiB < Self.limitKiB, "peak RSS \(peakKiB / 1024) MB")
    }
}

/// Kills a process (by the pid we spawned) unless disarmed in time.
private final class Watchdog: @unchecked Sendable {
    private let lock = NSLock()
    private var armed = true
    private var fired = false

    init(pid: pid_t, after seconds: TimeInterval) {
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds) { [self] in
            lock.withLock {
                guard armed else { return }
                fired = true
                kill(pid, SIGKILL) // not yet reaped, so the pid is still our child's
            }
        }
    }

    /// Returns whether the child had to be killed.
    func disarm() -> Bool {
        lock.withLock {
            armed = false
            return fired
        }
    }
}

/// A child process with piped standard input and output.
private struct SpawnedChild: @unchecked Sendable {
    let pid: pid_t
    /// Write end of the child's standard input.
    let stdin: Int32
    /// Read end of the child's standard output.
    let stdout: Int32

    init(binary: URL, arguments: [String]) throws {
        var input: [Int32] = [0, 0]
        var output: [Int32] = [0, 0]
        guard pipe(&input) == 0, pipe(&output) == 0 else {
            throw POSIXError(.init(rawValue: errno) ?? .EIO)
        }
        // Close-on-exec, so children spawned concurrently by other tests don't inherit them
        // and keep our pipes open (dup2 below clears the flag on the child's 0 and 1).
        for fd in input + output { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, input[0], 0)
        posix_spawn_file_actions_adddup2(&actions, output[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)

        let argv = ([binary.path] + arguments).map { strdup($0) } + [nil]
        let envp = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, binary.path, &actions, nil, argv, envp)
        close(input[0])
        close(output[1])
        guard result == 0 else {
            close(input[1])
            close(output[0])
            throw POSIXError(.init(rawValue: result) ?? .EIO)
        }
        self.pid = pid
        stdin = input[1]
        stdout = output[0]
    }

    /// Waits until the child has exited, without reaping it.
    func waitForExit() {
        var info = siginfo_t()
        while waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) < 0, errno == EINTR {}
    }

    /// Reaps the child and returns its exit status (128 + signal if killed).
    func reap() -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }
}

/// Samples a running child's VmHWM (peak resident set, KiB) from /proc every 10 ms.
private final class PeakRSSSampler: @unchecked Sendable {
    private let lock = NSLock()
    private var running = true
    private var peak = 0
    private let done = DispatchSemaphore(value: 0)

    init(pid: pid_t) {
        Thread { [self] in
            while lock.withLock({ running }) {
                if let kib = Self.highWaterMark(pid: pid) { lock.withLock { peak = max(peak, kib) } }
                usleep(10_000)
            }
            done.signal()
        }.start()
    }

    /// Stops sampling (call once the child has exited) and returns the peak seen.
    func stop() -> Int {
        lock.withLock { running = false }
        done.wait()
        return lock.withLock { peak }
    }

    /// Read with read(2): /proc files report size 0, which some file APIs take at its word.
    private static func highWaterMark(pid: pid_t) -> Int? {
        let fd = open("/proc/\(pid)/status", O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: 8192)
        let count = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
        guard count > 0 else { return nil }
        let status = String(decoding: bytes[..<count], as: UTF8.self)
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return nil }
        // "VmHWM:\t   23456 kB"
        return Int(line.dropFirst("VmHWM:".count).split(whereSeparator: { $0 == " " || $0 == "\t" }).first ?? "")
    }
}

/// Writes all of `bytes`; false if the reader went away.
private func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
    var offset = 0
    while offset < bytes.count {
        let written = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
        if written < 0, errno == EINTR { continue }
        if written <= 0 { return false }
        offset += written
    }
    return true
}
