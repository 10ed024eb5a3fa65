#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The memory of tables compiled at run time: 64-byte-aligned blocks, freed when the last plan
/// that uses them goes away. (Embedded tables need none: they live in the binary.)
final class TableStorage: @unchecked Sendable {
    private let block: UnsafeMutableRawPointer?
    private let blocks: [TableBlock]
    /// Where each table starts.
    let tables: [Table]
    /// Bytes held.
    let size: Int

    /// Keeps `blocks` (serialized by ``TableBuilder/block(_:)``), one table each.
    init(blocks: [TableBlock]) {
        block = nil
        self.blocks = blocks
        tables = blocks.map { Table(base: UnsafeRawPointer($0.base)) }
        size = blocks.reduce(0) { $0 + $1.count }
        bytes = UnsafeRawBufferPointer(start: nil, count: 0)
        isMapped = false
    }

    /// Copies `data` (a cached plan's file) into one 64-byte-aligned block; ``bytes`` are its bytes.
    init(copying data: Data) {
        size = max((data.count + 63) & ~63, 64)
        let memory = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 64)
        data.withUnsafeBytes { if let from = $0.baseAddress { memory.copyMemory(from: from, byteCount: data.count) } }
        block = memory
        blocks = []
        tables = []
        bytes = UnsafeRawBufferPointer(start: memory, count: data.count)
        isMapped = false
    }

    /// The bytes of a block made by ``init(copying:)`` or ``init(mapping:)`` (empty otherwise).
    let bytes: UnsafeRawBufferPointer
    /// Whether `bytes` are a mapping of a file (unmapped when the storage goes).
    private let isMapped: Bool

    /// The file at `path` mapped read-only (``PlanCache`` replaces its files by a rename, never
    /// in place), or nil when it cannot be opened or mapped.
    init?(mapping path: String) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_size > 0, let memory = mmap(nil, Int(info.st_size), PROT_READ, MAP_PRIVATE, fd, 0),
              memory != MAP_FAILED else { return nil }
        block = nil
        blocks = []
        tables = []
        size = Int(info.st_size)
        bytes = UnsafeRawBufferPointer(start: memory, count: size)
        isMapped = true
    }

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
        blocks = []
        bytes = UnsafeRawBufferPointer(start: nil, count: 0)
        isMapped = false
        tables = offsets.map { Table(base: UnsafeRawPointer(memory.advanced(by: $0))) }
    }

    deinit {
        block?.deallocate()
        if isMapped { munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count) }
    }
}

/// One table's bytes in a 64-byte-aligned block of its own, zeroed when made.
final class TableBlock: @unchecked Sendable {
    let base: UnsafeMutableRawPointer
    let count: Int

    init(count: Int) {
        self.count = count
        // Rounded up to a cache line, as tables are laid out in the embedded blob.
        let size = max((count + 63) & ~63, 64)
        base = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 64)
        base.initializeMemory(as: UInt8.self, repeating: 0, count: size)
    }

    /// The bytes, to write the table (only while it is being made).
    var bytesForWriting: UnsafeMutableRawBufferPointer { UnsafeMutableRawBufferPointer(start: base, count: count) }

    /// A copy of the bytes (for the blob of built-in tables).
    var bytes: [UInt8] { Array(UnsafeRawBufferPointer(start: base, count: count)) }

    deinit { base.deallocate() }
}
