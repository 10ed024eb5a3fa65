internal import CJianfanSystem
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
    /// The processors this process may run on (its affinity mask), asked of the C library:
    /// Foundation's `ProcessInfo` would first set up much of Foundation, about 2 MB of memory.
    static let activeProcessorCount = Int(jianfan_system_processor_count())
}

// The buffers are written by exactly one worker each and read only after all workers finish.
extension ByteBuffer: @unchecked Sendable {}

/// The caller's input, read (never written) by every worker while the caller waits.
struct SharedInput: @unchecked Sendable {
    let bytes: UnsafeRawBufferPointer
}

/// Buffers a conversion reuses from call to call (a stream's flushes): the per-worker scratch
/// and the per-piece outputs, so that large conversions do not fault in fresh pages each time.
final class Workspace {
    var scratches: [Scratch] = []
    var outputs: [ByteBuffer] = []

    func scratch(_ i: Int) -> Scratch {
        while scratches.count <= i { scratches.append(Scratch()) }
        return scratches[i]
    }

    func outputs(_ n: Int, capacity: Int) -> [ByteBuffer] {
        while outputs.count < n { outputs.append(ByteBuffer(capacity: capacity)) }
        for o in outputs { o.removeAll() }
        return Array(outputs.prefix(n))
    }
}

extension Workspace: @unchecked Sendable {}
extension Scratch: @unchecked Sendable {}
