import Dispatch
import Jianfan
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// JSON Lines blocks on every core: lines are independent, so a block is cut at line ends into
/// pieces of about ``pieceSize`` bytes, which the workers (one per core) take one after another
/// as they finish the last: a worker slowed down by another process leaves its share to the
/// others. Each piece is scanned, converted and written back on its own into a slot of its
/// own; the slots are written out in order. Scanning and writing back cost more than the
/// conversion itself, so on one core the whole pipeline would run at a fraction of plain
/// conversion's speed. (CSV records may hold line breaks inside quotes, so CSV blocks stay on
/// one core.)
extension FieldPump {
    /// Blocks smaller than this are not worth the threads.
    static let parallelThreshold = 256 << 10
    /// About how many bytes of whole lines make one piece.
    static let pieceSize = 128 << 10
    /// How much JSON Lines input is read at a time: a block is the whole lines of it.
    static let jsonLinesReadSize = 2 << 20
    /// The most workers a block is given: one per processor a converter uses.
    static let parallelWorkers = Converter(.s2t).maximumThreads

    /// Converts the lines of `bytes` and writes the pieces' outputs in order; returns the bytes used.
    func processInParallel(_ bytes: UnsafeRawBufferPointer, name: String, state: inout BlockState,
                           parts results: PartResults, writing write: (UnsafeRawBufferPointer) throws -> Void) throws -> Int {
        let ends = Self.pieceEnds(of: bytes, target: Self.pieceSize)
        results.prepare(pieces: ends.count)
        // Each piece counts its lines from 1; a piece that fails is run again with its real
        // first line number, so that the message names the line in the file.
        let shared = SharedParts(pump: self, bytes: bytes, ends: ends, name: name, results: results)
        let workers = min(ends.count, results.workers.count)
        if workers <= 1 {
            shared.work(0)
        } else {
            DispatchQueue.concurrentPerform(iterations: workers) { shared.work($0) }
        }
        var line = state.line
        for index in ends.indices {
            let slot = results.slots[index]
            if slot.error != nil {
                var again = BlockState()
                again.line = line
                let from = index == 0 ? 0 : ends[index - 1]
                _ = try process(UnsafeRawBufferPointer(rebasing: bytes[from..<ends[index]]), atEnd: false, name: name,
                                state: &again, scratch: results.workers[0])
                if let error = slot.error { throw error }
            }
            line += slot.lines
        }
        for slot in results.slots.prefix(ends.count) {
            try slot.output.withUnsafeBytes { try write($0) }
            state.skipped += slot.skipped
        }
        state.line = line
        return bytes.count
    }

    /// The ends of the pieces of `bytes`: each just after the first line feed at or past a
    /// multiple of `target`, the last at the end of `bytes`.
    static func pieceEnds(of bytes: UnsafeRawBufferPointer, target: Int) -> [Int] {
        var ends: [Int] = []
        var start = 0
        while start < bytes.count {
            var end = bytes.count
            let probe = start + target
            if probe < bytes.count, let feed = memchr(bytes.baseAddress! + probe, 0x0A, bytes.count - probe) {
                end = UnsafeRawPointer(feed) - bytes.baseAddress! + 1
            }
            ends.append(end)
            start = end
        }
        return ends
    }
}

/// The pieces' outputs, each written by exactly one worker and read after all have finished,
/// and one scratch per worker. Made once per input and reused block after block (the buffers
/// keep their storage).
final class PartResults: @unchecked Sendable {
    /// One slot per piece, written by the one worker that converts that piece. (Writing to
    /// elements of one shared array from several threads is a data race in Swift: ThreadSanitizer
    /// reported it. The array of slots is changed only between blocks, on the caller's thread.)
    final class Slot {
        var output: [UInt8] = []
        var error: Error?
        var skipped = 0
        var lines = 0
    }
    private(set) var slots: [Slot] = []
    /// One scratch per worker: the texts, edits and converted texts of the piece it is on.
    let workers: [FieldScratch]

    init(count: Int) {
        workers = (0..<max(1, count)).map { _ in FieldScratch() }
    }

    /// Makes sure there is a slot for each of `pieces` pieces (called between blocks).
    func prepare(pieces: Int) {
        while slots.count < pieces { slots.append(Slot()) }
    }
}

/// What every worker reads (never writes, but for its own slots) while the caller waits.
private final class SharedParts: @unchecked Sendable {
    let pump: FieldPump
    let bytes: UnsafeRawBufferPointer
    let ends: [Int]
    let name: String
    let results: PartResults
    let next = Atomic<Int>(0)

    init(pump: FieldPump, bytes: UnsafeRawBufferPointer, ends: [Int], name: String, results: PartResults) {
        self.pump = pump
        self.bytes = bytes
        self.ends = ends
        self.name = name
        self.results = results
    }

    /// Worker `worker` converts the next piece not yet taken until none is left.
    func work(_ worker: Int) {
        let scratch = results.workers[worker]
        while true {
            let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
            guard index < ends.count else { return }
            let from = index == 0 ? 0 : ends[index - 1]
            let part = UnsafeRawBufferPointer(rebasing: bytes[from..<ends[index]])
            var state = FieldPump.BlockState()
            let slot = results.slots[index]
            slot.error = nil
            slot.skipped = 0
            do {
                _ = try pump.process(part, atEnd: false, name: name, state: &state, scratch: scratch)
                slot.skipped = state.skipped
                slot.lines = state.line - 1
                // The piece's output moves to its slot; the slot's old buffer is the next one's room.
                swap(&slot.output, &scratch.output)
            } catch {
                slot.error = error
            }
        }
    }
}
