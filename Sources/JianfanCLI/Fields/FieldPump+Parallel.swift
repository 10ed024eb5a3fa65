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
/// own. While the workers are on one block, the caller reads and checks the next and writes
/// out the last one's slots, in order. (CSV records may hold line breaks inside quotes, so CSV
/// blocks stay on one core.)
extension FieldPump {
    /// About how many bytes of whole lines make one piece.
    static let pieceSize = 128 << 10
    /// How much JSON Lines input is read at a time: a block is the whole lines of it.
    static let jsonLinesReadSize = 2 << 20
    /// The most workers a block is given: one per processor a converter uses.
    static let parallelWorkers = Converter(.s2t).maximumThreads

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

/// One block of JSON Lines on its way through the workers: its own copy of the bytes (the
/// caller reads the next block meanwhile), its pieces and their results.
final class BlockJob: @unchecked Sendable {
    private var storage = UnsafeMutableRawBufferPointer(start: nil, count: 0)
    private(set) var bytes = UnsafeRawBufferPointer(start: nil, count: 0)
    private(set) var ends: [Int] = []
    let results: PartResults
    private let group = DispatchGroup()
    private var running = false

    /// A job whose workers use `scratches` (jobs that share them never run at once).
    init(scratches: [FieldScratch]) {
        results = PartResults(workers: scratches)
    }

    deinit {
        wait()
        storage.deallocate()
    }

    /// Copies `block` (whole lines) in and starts the workers on it.
    func start(_ block: UnsafeRawBufferPointer, pump: FieldPump, name: String) {
        if storage.count < block.count {
            storage.deallocate()
            storage = .allocate(byteCount: max(block.count, FieldPump.jsonLinesReadSize + (64 << 10)), alignment: 16)
        }
        if block.count > 0, let base = block.baseAddress { storage.baseAddress!.copyMemory(from: base, byteCount: block.count) }
        bytes = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(storage)[..<block.count])
        ends = FieldPump.pieceEnds(of: bytes, target: FieldPump.pieceSize)
        results.prepare(pieces: ends.count)
        let shared = SharedParts(pump: pump, bytes: bytes, ends: ends, name: name, results: results)
        running = true
        for worker in 0..<min(ends.count, results.workers.count) {
            DispatchQueue.global().async(group: group) { shared.work(worker) }
        }
    }

    /// Waits for the workers, if they run.
    func wait() {
        if running { group.wait() }
        running = false
    }

    /// Waits for the workers and takes the block's lines into `state`. A piece that failed
    /// counted its lines from 1: it is run again with its real first line number, so that the
    /// message names the line in the file.
    func finish(pump: FieldPump, name: String, state: inout FieldPump.BlockState) throws {
        wait()
        var line = state.line
        for index in ends.indices {
            let slot = results.slots[index]
            if slot.error != nil {
                var again = FieldPump.BlockState()
                again.line = line
                let from = index == 0 ? 0 : ends[index - 1]
                _ = try pump.process(UnsafeRawBufferPointer(rebasing: bytes[from..<ends[index]]), atEnd: false, name: name,
                                     state: &again, scratch: results.workers[0])
                if let error = slot.error { throw error }
            }
            line += slot.lines
            state.skipped += slot.skipped
        }
        state.line = line
    }

    /// Writes the pieces' outputs in order (after ``finish(pump:name:state:)``).
    func write(to write: (UnsafeRawBufferPointer) throws -> Void) throws {
        for slot in results.slots.prefix(ends.count) {
            try slot.output.withUnsafeBytes { try write($0) }
        }
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

    init(workers: [FieldScratch]) {
        self.workers = workers
    }

    /// One fresh scratch for each of `count` workers (at least one).
    static func scratches(count: Int) -> [FieldScratch] {
        (0..<max(1, count)).map { _ in FieldScratch() }
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
            slot.lines = 0
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
