#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Removes the temporary files of the outputs being written when the process is interrupted,
/// for a tree converted by several workers at once (``InterruptCleanup`` has one slot, for the
/// one output of a plain conversion).
///
/// Each worker owns one slot: a preallocated C string, because a signal handler may only call
/// async-signal-safe functions (unlink(2), signal(2), raise(3)). A slot is emptied by writing
/// NUL to its first byte before its path changes, so the handler never unlinks half a path.
///
/// ```swift
/// WorkerCleanup.install(workers: 2)
/// WorkerCleanup.track("out/.jianfan-abc123", worker: 0)
/// WorkerCleanup.untrack(worker: 0)
/// ```
enum WorkerCleanup {
    static let slotSize = Int(PATH_MAX) + 1
    nonisolated(unsafe) private static var slots: UnsafeMutablePointer<CChar>?
    nonisolated(unsafe) private static var count = 0
    /// Slot sets replaced by a larger one (see ``install(workers:)``), still reachable.
    nonisolated(unsafe) private static var retired: [UnsafeMutablePointer<CChar>?] = []

    nonisolated(unsafe) private static var capacity = 0

    static func install(workers: Int) {
        // Installed again (a second tree in one process): the slots are reused when there are
        // enough. A larger set replaces them and the old one is kept, never freed, because a
        // handler running at that moment may still read it.
        if workers > capacity {
            let larger = UnsafeMutablePointer<CChar>.allocate(capacity: workers * slotSize)
            larger.initialize(repeating: 0, count: workers * slotSize)
            count = 0
            retired.append(slots)
            slots = larger
            capacity = workers
        } else {
            slots!.initialize(repeating: 0, count: workers * slotSize)
        }
        count = workers
        var deliverable = sigset_t()
        sigemptyset(&deliverable)
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            sigaddset(&deliverable, signalNumber)
            signal(signalNumber) { received in
                if let slots = WorkerCleanup.slots {
                    for worker in 0..<WorkerCleanup.count {
                        let path = slots + worker * WorkerCleanup.slotSize
                        if path.pointee != 0 { unlink(path) }
                    }
                }
                signal(received, SIG_DFL)
                raise(received)
            }
        }
        sigprocmask(SIG_UNBLOCK, &deliverable, nil)
    }

    static func track(_ path: String, worker: Int) {
        guard let slots, worker < count else { return }
        let slot = slots + worker * slotSize
        slot.pointee = 0
        let bytes = Array(path.utf8.prefix(slotSize - 1))
        for (k, byte) in bytes.enumerated().dropFirst() { slot[k] = CChar(bitPattern: byte) }
        slot[bytes.count] = 0
        // The first byte last: only now is the slot a whole path.
        if let first = bytes.first { slot.pointee = CChar(bitPattern: first) }
    }

    static func untrack(worker: Int) {
        guard let slots, worker < count else { return }
        slots[worker * slotSize] = 0
    }
}
