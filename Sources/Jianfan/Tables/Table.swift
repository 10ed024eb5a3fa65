/// A read-only view of one compiled table (see ``TableFormat``), over memory that outlives it.
///
/// - Complexity: a lookup costs one page read for the first scalar and, per further scalar of
///   a phrase, one filter bit and (rarely more than) one hash slot.
struct Table: @unchecked Sendable {
    /// The winning match at a position: `length` input bytes (0: none) become the `count`
    /// bytes at `values + offset`.
    struct Match {
        var length: Int
        var offset: Int
        var count: Int
        var rank: UInt8
    }

    let maxKeyLength: Int
    let entryCount: Int
    private let firstCount: UInt32
    private let pageIndex: UnsafePointer<UInt16>
    private let pages: UnsafePointer<UInt32>
    private let nodes: UnsafePointer<TableFormat.Node>
    private let filter: UnsafePointer<UInt8>
    private let slots: UnsafePointer<UInt64>
    private let slotValues: UnsafePointer<UInt64>
    let values: UnsafePointer<UInt8>
    private let filterShift: UInt64
    private let hashShift: UInt64
    private let slotMask: Int

    /// `base` must be 8-byte aligned and stay valid for the life of the process.
    init(base: UnsafeRawPointer) {
        let header = base.load(as: TableFormat.Header.self)
        let layout = TableFormat.Layout(header)
        maxKeyLength = Int(header.maxKeyLength)
        entryCount = Int(header.entryCount)
        firstCount = header.firstCount
        pageIndex = (base + layout.pageIndex).assumingMemoryBound(to: UInt16.self)
        pages = (base + layout.pages).assumingMemoryBound(to: UInt32.self)
        nodes = (base + layout.nodes).assumingMemoryBound(to: TableFormat.Node.self)
        filter = (base + layout.filter).assumingMemoryBound(to: UInt8.self)
        slots = (base + layout.slots).assumingMemoryBound(to: UInt64.self)
        slotValues = (base + layout.slotValues).assumingMemoryBound(to: UInt64.self)
        values = (base + layout.values).assumingMemoryBound(to: UInt8.self)
        filterShift = UInt64(64 - header.filterBits)
        hashShift = UInt64(64 - header.hashBits)
        slotMask = (1 << Int(header.hashBits)) - 1
    }

    /// The node id of the one-scalar prefix `scalar`, or 0.
    @inline(__always)
    func first(_ scalar: UInt32) -> UInt32 {
        let page = Int(pageIndex[Int(scalar >> 8)])
        return pages[page << 8 | Int(scalar & 0xFF)]
    }

    /// The winning match at `p` (which starts with `scalar` of `length` bytes), not reaching
    /// past `end`.
    @inline(__always)
    func match(_ p: UnsafePointer<UInt8>, scalar: UInt32, length: Int, end: UnsafePointer<UInt8>) -> Match {
        let id = first(scalar)
        if id == 0 { return Match(length: 0, offset: 0, count: 0, rank: 0) }
        let node = nodes[Int(id)]
        var best = Match(length: node.rank == TableFormat.noRank ? 0 : length, offset: Int(node.valueOffset),
                         count: Int(node.valueLength), rank: node.rank)
        var more = node.flags & TableFormat.hasChildrenFlag != 0
        var parent = id
        var q = p + length
        var bestSlot = -1
        while more && q < end {
            let (next, nextLength) = UTF8Scalars.decode(q)
            let key = TableFormat.transitionKey(parent: parent, scalar: next)
            let h = TableFormat.mix(key)
            let bit = Int(truncatingIfNeeded: h >> filterShift)
            if filter[bit >> 3] & (1 << UInt8(truncatingIfNeeded: bit & 7)) == 0 { break }
            var slot = Int(truncatingIfNeeded: h >> hashShift)
            var entry = slots[slot]
            while entry & TableFormat.keyMask != key {
                if entry == 0 { more = false; break }
                slot = (slot &+ 1) & slotMask
                entry = slots[slot]
            }
            if !more { break }
            q += nextLength
            parent = firstCount &+ 1 &+ UInt32(truncatingIfNeeded: slot)
            more = entry & TableFormat.slotMoreBit != 0
            let rank = UInt8(truncatingIfNeeded: (entry >> TableFormat.slotRankShift) & 7)
            // A lower rank is an earlier child of a short_circuit group: it beats any longer
            // match of a later child; within one rank the longer match wins.
            if rank != UInt8(TableFormat.slotNoRank) && (best.length == 0 || rank <= best.rank) {
                best.length = q - p
                best.rank = rank
                bestSlot = slot
            }
        }
        if bestSlot >= 0 {
            let value = slotValues[bestSlot]
            best.offset = Int(truncatingIfNeeded: value & 0xFFFF_FFFF)
            best.count = Int(truncatingIfNeeded: value >> 32)
        }
        return best
    }
}
