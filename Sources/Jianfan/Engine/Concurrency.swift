import Foundation
import Synchronization

/// Hands out piece indices to the worker threads of one conversion.
final class Counter: Sendable {
    private let value = Atomic<Int>(0)

    func take(below limit: Int) -> Int? {
        let i = value.wrappingAdd(1, ordering: .relaxed).oldValue
        return i < limit ? i : nil
    }
}

enum System {
    static let activeProcessorCount = ProcessInfo.processInfo.activeProcessorCount
}

// The buffers are written by exactly one worker each and read only after all workers finish.
extension ByteBuffer: @unchecked Sendable {}

/// The caller's input, read (never written) by every worker while the caller waits.
struct SharedInput: @unchecked Sendable {
    let bytes: UnsafeRawBufferPointer
}
