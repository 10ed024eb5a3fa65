/// The memory of tables compiled at run time: one 64-byte-aligned block holding them all, freed
/// when the last plan that uses it goes away. (Embedded tables need none: they live in the binary.)
final class TableStorage: @unchecked Sendable {
    private let block: UnsafeMutableRawPointer
    /// Where each table starts in the block.
    let tables: [Table]
    /// Bytes held.
    let size: Int

    /// Copies `tables` (serialized by ``TableBuilder/build(_:)``) into one block.
    init(_ serialized: [[UInt8]]) {
        var offsets: [Int] = []
        var cursor = 0
        for t in serialized {
            offsets.append(cursor)
            cursor = (cursor + t.count + 63) & ~63
        }
        size = max(cursor, 64)
        let memory = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 64)
        for (t, offset) in zip(serialized, offsets) {
            t.withUnsafeBytes { memory.advanced(by: offset).copyMemory(from: $0.baseAddress!, byteCount: t.count) }
        }
        block = memory
        tables = offsets.map { Table(base: UnsafeRawPointer(memory.advanced(by: $0))) }
    }

    deinit { block.deallocate() }
}
