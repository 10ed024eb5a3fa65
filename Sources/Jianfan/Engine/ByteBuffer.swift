/// A growable byte buffer for the hot loop: raw pointer writes, capacity checked once per token.
///
/// It is a class so that scratch buffers can be reused across chunks without copies; each
/// conversion owns its own, so none is ever shared between threads.
final class ByteBuffer {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var capacity: Int
    var count = 0

    /// Bytes the writer may store past `count` without asking (a token's value is ≤ 255 bytes,
    /// and a copied scalar is written as 4 bytes at once).
    static let slack = 512

    /// False while the buffer writes into memory it was lent (``init(borrowing:capacity:)``);
    /// growing moves it into memory of its own.
    private(set) var ownsStorage = true

    init(capacity: Int = 1 << 16) {
        self.capacity = max(capacity, ByteBuffer.slack * 2)
        base = .allocate(capacity: self.capacity)
    }

    /// A buffer that writes into `storage` (say, a new array's uninitialized capacity) until it
    /// needs more room than that: then it copies what it has into memory of its own.
    init(borrowing storage: UnsafeMutablePointer<UInt8>, capacity: Int) {
        precondition(capacity >= ByteBuffer.slack * 2)
        self.capacity = capacity
        base = storage
        ownsStorage = false
    }

    deinit { if ownsStorage { base.deallocate() } }

    /// Makes room for `additional` bytes plus the slack.
    @inline(__always)
    func reserve(_ additional: Int) {
        if count &+ additional &+ ByteBuffer.slack > capacity { grow(count + additional + ByteBuffer.slack) }
    }

    @inline(never)
    private func grow(_ needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        if ownsStorage { base.deallocate() }
        ownsStorage = true
        base = newBase
        capacity = newCapacity
    }

    func append(_ bytes: UnsafeRawBufferPointer) {
        reserve(bytes.count)
        if let source = bytes.baseAddress {
            (base + count).update(from: source.assumingMemoryBound(to: UInt8.self), count: bytes.count)
        }
        count += bytes.count
    }

    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

    func removeAll() { count = 0 }
}
