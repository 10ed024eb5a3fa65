/// Sorted entries' keys and values copied end to end into two arrays, for the passes of the
/// table serializer: they read them in order, where each entry's own small arrays lie anywhere
/// on the heap (in the order the dictionary's lines came, not the keys'), a cache miss each in
/// each pass. Copying them costs those misses once.
struct PackedEntries {
    private(set) var scalars: [UInt32] = []
    private(set) var bytes: [UInt8] = []
    /// Where each entry's key starts in `scalars` and its value in `bytes`; one more, the ends.
    private(set) var keyStarts: [Int] = [0]
    private(set) var valueStarts: [Int] = [0]

    /// Packs `entries`, first checking that a table can hold each (``TableLimits/violation(of:)``).
    /// - Throws: ``DictionaryError/tooLarge(_:reason:)`` naming `name`.
    init(_ entries: [TableBuilder.FlatEntry], name: String) throws(DictionaryError) {
        scalars.reserveCapacity(entries.count * 3)
        bytes.reserveCapacity(entries.count * 8)
        keyStarts.reserveCapacity(entries.count + 1)
        valueStarts.reserveCapacity(entries.count + 1)
        for i in entries.indices {
            if let reason = TableLimits.violation(of: entries[i]) { throw DictionaryError.tooLarge(name, reason: reason) }
            entries[i].key.withUnsafeBufferPointer { scalars.append(contentsOf: $0) }
            entries[i].value.withUnsafeBufferPointer { bytes.append(contentsOf: $0) }
            keyStarts.append(scalars.count)
            valueStarts.append(bytes.count)
        }
    }
}

/// Unsafe views of ``PackedEntries`` for the loops (no bounds checks, no references to count).
struct PackedView {
    let scalars: UnsafeBufferPointer<UInt32>
    let bytes: UnsafeBufferPointer<UInt8>
    let keyStarts: UnsafeBufferPointer<Int>
    let valueStarts: UnsafeBufferPointer<Int>

    @inline(__always)
    func key(_ i: Int) -> UnsafeBufferPointer<UInt32> {
        UnsafeBufferPointer(rebasing: scalars[keyStarts[i]..<keyStarts[i + 1]])
    }

    @inline(__always)
    func value(_ i: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[valueStarts[i]..<valueStarts[i + 1]])
    }
}

extension PackedEntries {
    /// Calls `body` with views of the packed arrays, valid only within it.
    func withView<R, E: Error>(_ body: (PackedView) throws(E) -> R) throws(E) -> R {
        try scalars.withUnsafeBufferPointer { (scalars) throws(E) -> R in
            try bytes.withUnsafeBufferPointer { (bytes) throws(E) -> R in
                try keyStarts.withUnsafeBufferPointer { (keyStarts) throws(E) -> R in
                    try valueStarts.withUnsafeBufferPointer { (valueStarts) throws(E) -> R in
                        try body(PackedView(scalars: scalars, bytes: bytes, keyStarts: keyStarts, valueStarts: valueStarts))
                    }
                }
            }
        }
    }
}
