import Dispatch
import Foundation
import Synchronization

/// Two buffers handed between the conversion and a thread of its own that decodes ahead of it
/// (``ReadAhead``) or encodes and writes behind it (``WriteBehind``), so that ICU's decoding
/// and encoding run beside the conversion instead of before and after it: on two cores,
/// GB18030 in and out costs the time of the slowest of the three, not their sum.
///
/// The buffers are raw memory, each touched by one side at a time: a semaphore hands it over.
final class HandoffBuffers: @unchecked Sendable {
    let slots: [UnsafeMutableRawBufferPointer]
    /// Bytes in each slot; -1 marks the end.
    let lengths: UnsafeMutablePointer<Int>

    init(size: Int) {
        slots = (0..<2).map { _ in .allocate(byteCount: size, alignment: 16) }
        lengths = .allocate(capacity: 2)
        lengths.initialize(repeating: 0, count: 2)
    }

    deinit {
        slots.forEach { $0.deallocate() }
        lengths.deallocate()
    }
}

/// A producer of UTF-8 run one buffer ahead on its own thread; ``read(into:)`` hands out what it
/// made, in order, and rethrows its error once everything made before the error is handed out.
///
/// ```swift
/// let ahead = ReadAhead(size: 1 << 20) { buffer in try decoder.read(into: buffer) }
/// let count = try ahead.read(into: buffer)
/// ```
final class ReadAhead: @unchecked Sendable {
    private let buffers: HandoffBuffers
    private let filled = DispatchSemaphore(value: 0)
    private let empty = DispatchSemaphore(value: 2)
    private let stopped = Atomic<Bool>(false)
    private let finished = DispatchSemaphore(value: 0)
    private var failure: (any Error)?
    private var current = -1
    private var next = 0
    private var position = 0
    private var ended = false

    private let produce: (UnsafeMutableRawBufferPointer) throws -> Int

    init(size: Int, produce: @escaping (UnsafeMutableRawBufferPointer) throws -> Int) {
        buffers = HandoffBuffers(size: size)
        self.produce = produce
        Thread { [self] in run() }.start()
    }

    private func run() {
        defer { finished.signal() }
        var index = 0
        while true {
            empty.wait()
            if stopped.load(ordering: .acquiring) { return }
            var count = 0
            do {
                count = try produce(buffers.slots[index])
            } catch {
                failure = error
            }
            buffers.lengths[index] = count
            filled.signal()
            if count == 0 { return }
            index ^= 1
        }
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        if ended { return 0 }
        if current < 0 {
            filled.wait()
            current = next
            next ^= 1
            position = 0
        }
        let length = buffers.lengths[current]
        if length == 0 {
            ended = true
            if let failure { throw failure }
            return 0
        }
        let count = min(buffer.count, length - position)
        buffer.baseAddress!.copyMemory(from: buffers.slots[current].baseAddress! + position, byteCount: count)
        position += count
        if position == length {
            current = -1
            empty.signal()
        }
        return count
    }

    /// Stops the thread (after the producer's current call) and waits for it; call once.
    func close() {
        stopped.store(true, ordering: .releasing)
        empty.signal()
        empty.signal()
        finished.wait()
    }
}

/// A consumer of UTF-8 (encode, then write) run on its own thread, one buffer behind
/// ``write(_:)``. Its error comes back from the next ``write(_:)`` or from ``finish()``.
///
/// ```swift
/// let behind = WriteBehind(size: 1 << 20) { bytes, final in try encoder.write(bytes, final) }
/// try behind.write(piece)
/// try behind.finish()
/// ```
final class WriteBehind: @unchecked Sendable {
    private let buffers: HandoffBuffers
    private let ready = DispatchSemaphore(value: 0)
    private let free = DispatchSemaphore(value: 1)
    private let finished = DispatchSemaphore(value: 0)
    private let failed = Atomic<Bool>(false)
    private var failure: (any Error)?
    private var filling = 0
    private var length = 0
    private var closed = false
    /// Whether the consumer's final call is to be made (false when abandoned).
    private let commits = Atomic<Bool>(false)

    private let consume: (UnsafeRawBufferPointer, _ final: Bool) throws -> Void

    init(size: Int, consume: @escaping (UnsafeRawBufferPointer, _ final: Bool) throws -> Void) {
        buffers = HandoffBuffers(size: size)
        self.consume = consume
        Thread { [self] in run() }.start()
    }

    private func run() {
        defer { finished.signal() }
        var index = 0
        while true {
            ready.wait()
            let count = buffers.lengths[index]
            if !failed.load(ordering: .acquiring) {
                do {
                    if count < 0 {
                        if commits.load(ordering: .acquiring) { try consume(UnsafeRawBufferPointer(start: nil, count: 0), true) }
                    } else {
                        try consume(UnsafeRawBufferPointer(rebasing: buffers.slots[index][..<count]), false)
                    }
                } catch {
                    failure = error
                    failed.store(true, ordering: .releasing)
                }
            }
            if count < 0 { return }
            free.signal()
            index ^= 1
        }
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        var offset = 0
        while offset < bytes.count {
            if failed.load(ordering: .acquiring) { break }
            let slot = buffers.slots[filling]
            let count = min(slot.count - length, bytes.count - offset)
            (slot.baseAddress! + length).copyMemory(from: bytes.baseAddress! + offset, byteCount: count)
            length += count
            offset += count
            if length == slot.count { handOff() }
        }
        if failed.load(ordering: .acquiring) { throw failure! }
    }

    private func handOff() {
        buffers.lengths[filling] = length
        ready.signal()
        free.wait()
        filling ^= 1
        length = 0
    }

    /// Hands over what is left, has the consumer finish, and waits for it.
    func finish() throws {
        try end(commit: true)
        if failed.load(ordering: .acquiring) { throw failure! }
    }

    /// Ends the thread without the consumer's final call (the conversion failed); safe to call
    /// after ``finish()``.
    func close() {
        try? end(commit: false)
    }

    private func end(commit: Bool) throws {
        guard !closed else { return }
        closed = true
        if length > 0 { handOff() }
        commits.store(commit, ordering: .releasing)
        buffers.lengths[filling] = -1
        ready.signal()
        finished.wait()
    }
}
