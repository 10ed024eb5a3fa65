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

    init(capacity: Int = 1 << 16) {
        self.capacity = max(capacity, ByteBuffer.slack * 2)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

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
        base.deallocate()
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
