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

    /// Converts the lines of `bytes` and writes the parts' outputs in order; returns the bytes used.
    func processInParallel(_ bytes: UnsafeRawBufferPointer, name: String, state: inout BlockState,
                           writing write: (UnsafeRawBufferPointer) throws -> Void) throws -> Int {
        let partCount = max(1, min(fieldWorkers, bytes.count / (64 << 10)))
        // Cut after a line feed near each equal share; each part knows its first line's number.
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
        let results = PartResults(count: ends.count)
        var firstLines: [Int] = []
        var line = state.line
        for (index, end) in ends.enumerated() {
            firstLines.append(line)
            let from = index == 0 ? 0 : ends[index - 1]
            var at = from
            while at < end, let feed = memchr(bytes.baseAddress! + at, 0x0A, end - at) {
                line += 1
                at = UnsafeRawPointer(feed) - bytes.baseAddress! + 1
            }
        }
        let shared = SharedParts(pump: self, bytes: bytes, ends: ends, firstLines: firstLines, name: name, results: results)
        DispatchQueue.concurrentPerform(iterations: ends.count) { index in
            shared.run(index)
        }
        for slot in results.slots {
            if let error = slot.error { throw error }
        }
        for slot in results.slots {
            try slot.output.withUnsafeBytes { try write($0) }
            state.skipped += slot.skipped
        }
        state.line = line
        return bytes.count
    }
}

/// The processors the field pump spreads JSON Lines over: those a converter uses.
private let fieldWorkers = Converter(.s2t).maximumThreads

/// The parts' outputs, each written by exactly one worker and read after all have finished.
private final class PartResults: @unchecked Sendable {
    /// One slot per part, each written by the one worker that converts that part. (Writing to
    /// elements of one shared array from several threads is a data race in Swift: ThreadSanitizer
    /// reported it. The array of slots itself is never mutated after it is made.)
    final class Slot {
        var output: [UInt8] = []
        var error: Error?
        var skipped = 0
    }
    let slots: [Slot]

    init(count: Int) {
        slots = (0..<count).map { _ in Slot() }
    }
}

/// What every worker reads (never writes) while the caller waits.
private struct SharedParts: @unchecked Sendable {
    let pump: FieldPump
    let bytes: UnsafeRawBufferPointer
    let ends: [Int]
    let firstLines: [Int]
    let name: String
    let results: PartResults

    func run(_ index: Int) {
        let from = index == 0 ? 0 : ends[index - 1]
        let part = UnsafeRawBufferPointer(rebasing: bytes[from..<ends[index]])
        var state = FieldPump.BlockState()
        state.line = firstLines[index]
        var output: [UInt8] = []
        output.reserveCapacity(part.count + part.count / 8)
        do {
            _ = try pump.process(part, atEnd: false, name: name, state: &state, into: &output)
            results.slots[index].output = output
            results.slots[index].skipped = state.skipped
        } catch {
            results.slots[index].error = error
        }
    }
}
