/// Removes the temporary file of an unfinished output when the process is interrupted
/// (Ctrl-C, SIGTERM, SIGHUP), so an interrupted conversion leaves no debris next to the file.
///
/// At most one output is being written at a time, so one slot suffices. The path is kept as a
/// preallocated C string because a signal handler may only call async-signal-safe functions:
/// unlink(2), signal(2) and raise(3) qualify; allocating or touching Swift objects does not.
enum InterruptCleanup {
    nonisolated(unsafe) private static var slot: UnsafeMutablePointer<CChar>?

    /// Installs the handlers. Call once at startup.
    static func install() {
        // A parent may hand down a mask blocking these (Foundation's Process does): the
        // conversion must still stop, and clean up, when asked to.
        var deliverable = sigset_t()
        sigemptyset(&deliverable)
        for signalNumber in handled {
            sigaddset(&deliverable, signalNumber)
            signal(signalNumber) { received in
                if let path = InterruptCleanup.slot { unlink(path) }
                // Die of the same signal, so the parent sees the conventional status.
                signal(received, SIG_DFL)
                raise(received)
            }
        }
        sigprocmask(SIG_UNBLOCK, &deliverable, nil)
    }

    /// Remembers the file to remove on an interrupt, by its exact bytes.
    static func track(cString path: UnsafePointer<CChar>) {
        untrack()
        slot = strdup(path)
    }

    /// Runs `body` with the three signals blocked; one that arrives meanwhile is delivered,
    /// and handled, once `body` has returned.
    static func withSignalsDeferred<Result>(_ body: () -> Result) -> Result {
        var blocked = sigset_t(), previous = sigset_t()
        sigemptyset(&blocked)
        for signalNumber in handled { sigaddset(&blocked, signalNumber) }
        sigprocmask(SIG_BLOCK, &blocked, &previous)
        defer { sigprocmask(SIG_SETMASK, &previous, nil) }
        return body()
    }

    private static let handled = [SIGINT, SIGTERM, SIGHUP]

    static func untrack() {
        guard let path = slot else { return }
        slot = nil // clear before freeing so a handler never sees a dangling pointer
        free(path)
    }
}
