import Dispatch
import Jianfan

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// JSON Lines blocks on every core: lines are independent, so a block is cut at line ends into
/// one part per core and each part is scanned, converted and written back on its own; the
/// outputs are joined in order. Scanning and writing back cost more than the conversion
/// itself, so on one core the whole pipeline would run at a fraction of plain conversion's
/// speed. (CSV records may hold line breaks inside quotes, so CSV blocks stay on one core.)
extension FieldPump {
    /// Blocks smaller than this are not worth the threads.
    static let parallelThreshold = 256 << 10
    /// The most parts a block is cut into: one per processor a converter uses.
    static let parallelParts = Converter(.s2t).maximumThreads

    /// Converts the lines of `bytes` and writes the parts' outputs in order; returns the bytes used.
    func processInParallel(_ bytes: UnsafeRawBufferPointer, name: String, state: inout BlockState,
                           parts results: PartResults, writing write: (UnsafeRawBufferPointer) throws -> Void) throws -> Int {
        let partCount = max(1, min(results.slots.count, bytes.count / (64 << 10)))
        // Cut after a line feed near each equal share.
        var ends: [Int] = []
        var start = 0
        for index in 1...partCount {
            let target = index == partCount ? bytes.count : max(start, bytes.count * index / partCount)
            var end = bytes.count
            if target < bytes.count, let feed = memchr(bytes.baseAddress! + target, 0x0A, bytes.count - target) {
                end = UnsafeRawPointer(feed) - bytes.baseAddress! + 1
            }
            if end > start { ends.append(end) }
            start = end
            if end == bytes.count { break }
        }
        // Each part counts its lines from 1; a part that fails is run again with its real first
        // line number, so that the message names the line in the file.
        let shared = SharedParts(pump: self, bytes: bytes, ends: ends, name: name, results: results)
        DispatchQueue.concurrentPerform(iterations: ends.count) { index in
            shared.run(index)
        }
        let used = results.slots.prefix(ends.count)
        var line = state.line
        for (index, slot) in used.enumerated() {
            if slot.error != nil {
                var again = BlockState()
                again.line = line
                let from = index == 0 ? 0 : ends[index - 1]
                _ = try process(UnsafeRawBufferPointer(rebasing: bytes[from..<ends[index]]), atEnd: false, name: name,
                                state: &again, scratch: slot.scratch)
                if let error = slot.error { throw error }
            }
            line += slot.lines
        }
        for slot in used {
            try slot.scratch.output.withUnsafeBytes { try write($0) }
            state.skipped += slot.skipped
        }
        state.line = line
        return bytes.count
    }
}

/// The parts' outputs, each written by exactly one worker and read after all have finished.
/// Made once per input and reused block after block (the scratch buffers keep their storage).
final class PartResults: @unchecked Sendable {
    /// One slot per part, each written by the one worker that converts that part. (Writing to
    /// elements of one shared array from several threads is a data race in Swift: ThreadSanitizer
    /// reported it. The array of slots itself is never mutated after it is made.)
    final class Slot {
        let scratch = FieldScratch()
        var error: Error?
        var skipped = 0
        var lines = 0
    }
    let slots: [Slot]

    init(count: Int) {
        slots = (0..<max(1, count)).map { _ in Slot() }
    }
}

/// What every worker reads (never writes) while the caller waits.
private struct SharedParts: @unchecked Sendable {
    let pump: FieldPump
    let bytes: UnsafeRawBufferPointer
    let ends: [Int]
    let name: String
    let results: PartResults

    func run(_ index: Int) {
        let from = index == 0 ? 0 : ends[index - 1]
        let part = UnsafeRawBufferPointer(rebasing: bytes[from..<ends[index]])
        var state = FieldPump.BlockState()
        let slot = results.slots[index]
        slot.error = nil
        slot.skipped = 0
        do {
            _ = try pump.process(part, atEnd: false, name: name, state: &state, scratch: slot.scratch)
            slot.skipped = state.skipped
            slot.lines = state.line - 1
        } catch {
            slot.error = error
        }
    }
}
