import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A pseudo-terminal for a child's standard output or error: the child sees a terminal
/// (isatty is true) and the test reads what it wrote to it.
final class PseudoTerminal: @unchecked Sendable {
    let master: Int32
    let slave: FileHandle
    /// A second handle on the slave side, for a child's standard output (Foundation's Process
    /// does not give a child a terminal on both when both are the same handle).
    let secondSlave: FileHandle
    private var collected: [UInt8] = []
    private let lock = NSLock()
    private let done = DispatchSemaphore(value: 0)

    init() throws {
        master = C.posixOpenpt(O_RDWR | O_NOCTTY)
        guard master >= 0, C.grantpt(master) == 0, C.unlockpt(master) == 0, let name = C.ptsname(master) else {
            throw POSIXError(.ENOTTY)
        }
        let slaveFD = open(String(cString: name), O_RDWR | O_NOCTTY)
        guard slaveFD >= 0 else { throw POSIXError(.ENOTTY) }
        // Raw mode: no "\n" → "\r\n", so what the child wrote is what the test reads.
        var settings = termios()
        tcgetattr(slaveFD, &settings)
        cfmakeraw(&settings)
        tcsetattr(slaveFD, TCSANOW, &settings)
        slave = FileHandle(fileDescriptor: slaveFD, closeOnDealloc: true)
        let second = open(String(cString: name), O_RDWR | O_NOCTTY)
        guard second >= 0 else { throw POSIXError(.ENOTTY) }
        secondSlave = FileHandle(fileDescriptor: second, closeOnDealloc: true)
        // Drained as the child writes, so it never blocks on a full terminal buffer. The thread
        // holds `self` only while it runs (it ends at EIO once `finish` closes the slave side);
        // keeping the thread in a property too would make a cycle that outlives the test.
        let thread = Thread { [master, lock, done] in
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = read(master, &buffer, buffer.count)
                if count <= 0 { break }   // EIO once no process holds the slave open
                lock.lock()
                self.collected += buffer[..<count]
                lock.unlock()
            }
            done.signal()
        }
        thread.start()
    }

    /// Everything written, once the child has exited: closes our copy of the slave side so the
    /// reader sees the end.
    func finish() -> String {
        try? slave.close()
        try? secondSlave.close()
        _ = done.wait(timeout: .now() + 10)
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: collected, as: UTF8.self)
    }

    deinit { close(master) }
}

/// The C library's pseudo-terminal calls, which the Glibc module leaves out (they need
/// _XOPEN_SOURCE), looked up by name.
private enum C {
    static func symbol<T>(_ name: String, as type: T.Type) -> T {
        #if os(Linux)
        let everywhere: UnsafeMutableRawPointer? = nil                           // RTLD_DEFAULT
        #else
        let everywhere = UnsafeMutableRawPointer(bitPattern: -2)                 // RTLD_DEFAULT
        #endif
        return unsafeBitCast(dlsym(everywhere, name)!, to: type)
    }
    static let posixOpenpt = symbol("posix_openpt", as: (@convention(c) (Int32) -> Int32).self)
    static let grantpt = symbol("grantpt", as: (@convention(c) (Int32) -> Int32).self)
    static let unlockpt = symbol("unlockpt", as: (@convention(c) (Int32) -> Int32).self)
    static let ptsname = symbol("ptsname", as: (@convention(c) (Int32) -> UnsafeMutablePointer<CChar>?).self)
}

extension CLI {
    /// Runs `jianfan arguments` with standard error on a pseudo-terminal (and standard output
    /// too if `stdoutOnTerminal`), standard input fed by `feed` on a thread (then closed).
    /// Returns the status, what reached the file or terminal that was standard output, and
    /// what reached the terminal that was standard error.
    static func runOnTerminal(_ arguments: [String], stdoutOnTerminal: Bool = false, in directory: URL,
                              feed: @escaping @Sendable (FileHandle) -> Void = { _ in }) throws
        -> (status: Int32, stdout: String, terminal: String) {
        let terminal = try PseudoTerminal()
        let capture = try TemporaryDirectory()
        let outURL = capture.url.appendingPathComponent("stdout")
        try Data().write(to: outURL)
        let out = try FileHandle(forWritingTo: outURL)
        let input = Pipe()
        let process = Process()
        process.executableURL = try requireBinary()
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardInput = input
        process.standardOutput = stdoutOnTerminal ? terminal.secondSlave : out
        process.standardError = terminal.slave
        // A color terminal, whatever the test runner's environment says.
        var environment = ProcessInfo.processInfo.environment
        environment["TERM"] = "xterm"
        environment["NO_COLOR"] = nil
        process.environment = environment
        try process.run()
        let writer = input.fileHandleForWriting
        let feeder = Thread {
            feed(writer)
            try? writer.close()
        }
        feeder.start()
        process.waitUntilExit()
        try out.close()
        let shown = terminal.finish()
        return (exitStatus(of: process), String(decoding: try Data(contentsOf: outURL), as: UTF8.self), shown)
    }
}
