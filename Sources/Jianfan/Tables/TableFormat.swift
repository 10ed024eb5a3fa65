/// The binary layout of one compiled table, shared by ``TableBuilder`` (writes) and ``Table`` (reads).
///
/// A table is a trie over Unicode scalars, built so that the common case costs two array reads:
///
///     header      TableHeader (32 bytes)
///     pageIndex   UInt16 × 0x1100        scalar >> 8 → page number (0: a page of zeros)
///     pages       UInt32 × 256 × pages   scalar & 0xFF → node id of the one-scalar prefix (0: none)
///     nodes       Node × (firstCount+1)  one-scalar prefixes: what they output, whether they continue
///     filter      bit per hash           "this transition may exist": skips most failing probes
///     slots       UInt64 × 2^hashBits    longer prefixes: parent(21) | scalar(21) | rank(3) | more(1)
///     slotValues  UInt64 × 2^hashBits    beside each slot: value offset(32) | length(8) << 32
///     values      UTF-8 bytes, 8 bytes of padding at the end
///
/// A longer prefix lives in its hash slot and its node id is `firstCount + 1 + slot index`. The
/// slots hold only what the walk needs (about 1 MB for s2t, so they stay in L2); where a prefix's
/// output is, is read once per match, from `slotValues`.
/// Each terminal node carries a `rank`: the index of the child of a `short_circuit` group it comes
/// from, so that a lower rank wins over a longer match of a higher rank (see ``DictionarySpec``).
enum TableFormat {
    static let pageIndexCount = 0x1100
    static let pageSize = 256
    static let noRank: UInt8 = 0xFF
    static let hasChildrenFlag: UInt8 = 1
    static let nodeBits: UInt64 = 21
    static let hashMultiplier: UInt64 = 0x9E37_79B9_7F4A_7C15

    struct Header {
        var maxKeyLength: UInt32      // in scalars
        var firstCount: UInt32        // one-scalar prefixes (node ids 1...firstCount)
        var pageCount: UInt32
        var hashBits: UInt32
        var filterBits: UInt32
        var valuesLength: UInt32
        var entryCount: UInt32
        var reserved: UInt32 = 0
    }

    /// 8 bytes: where the output of this prefix is, its rank, whether longer keys continue it.
    struct Node {
        var valueOffset: UInt32
        var valueLength: UInt8
        var rank: UInt8
        var flags: UInt8
        var reserved: UInt8 = 0
    }

    static let keyMask: UInt64 = (1 << 42) - 1
    static let slotRankShift: UInt64 = 42
    /// Ranks in a slot take 3 bits; 7 means "not a key, only a prefix of longer keys".
    static let slotNoRank: UInt64 = 7
    static let slotMoreBit: UInt64 = 1 << 45

    @inline(__always)
    static func transitionKey(parent: UInt32, scalar: UInt32) -> UInt64 {
        UInt64(parent) << nodeBits | UInt64(scalar)
    }

    @inline(__always)
    static func mix(_ key: UInt64) -> UInt64 { key &* hashMultiplier }

    static func align8(_ n: Int) -> Int { (n + 7) & ~7 }

    /// Byte offsets of each section for a table with this header.
    struct Layout {
        let pageIndex: Int, pages: Int, nodes: Int, filter: Int, slots: Int, slotValues: Int, values: Int, end: Int

        init(_ h: Header) {
            pageIndex = MemoryLayout<Header>.size
            pages = align8(pageIndex + TableFormat.pageIndexCount * 2)
            nodes = pages + Int(h.pageCount) * TableFormat.pageSize * 4
            filter = align8(nodes + (Int(h.firstCount) + 1) * MemoryLayout<Node>.size)
            slots = filter + (1 << Int(h.filterBits)) / 8
            slotValues = slots + (1 << Int(h.hashBits)) * 8
            values = slotValues + (1 << Int(h.hashBits)) * 8
            end = align8(values + Int(h.valuesLength) + 8)
        }
    }
}
