#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A pthread mutex, for the few tables that threads fill as they go (the word segmenter's
/// memo, ICU's idle clones, the CLI's known directories).
///
/// Not `Synchronization.Mutex`: ThreadSanitizer sees a pthread mutex's ordering, but not that
/// of the futex inside the uninstrumented standard library, and reports the accesses behind
/// one as races even in a ten-line program; `swift test --sanitize=thread` must stay clean.
package final class ThreadLock: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>

    package init() {
        mutex = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// Runs `body` holding the lock.
    package func withLock<R>(_ body: () throws -> R) rethrows -> R {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body()
    }
}
