/// The binary layout of one compiled table, shared by ``TableBuilder`` (writes) and ``Table`` (reads).
///
/// A table is a trie over Unicode scalars, laid out so that the common case, a character that
/// starts no phrase, costs two loads (one of them from an 8.5 KB index that stays in L1):
///
///     header      Header (36 bytes)
///     pageIndex   UInt16 × 0x1100        scalar >> 8 → page number (0: a page of zeros)
///     altering    UInt64 × 4096          "an altering key may start with this transition"
///                                        (see `OptimisticRun.swift`): two bits of one word
///     pages       UInt64 × 256 × pages   scalar & 0xFF → the one-scalar prefix's record (0: none)
///     filter      UInt64 × 2^(filterBits-6)  "this transition may exist": two bits of one word
///                                        per transition, 16 bits per prefix (about 1.5% false
///                                        positives), which skips most failing probes
///     slots       UInt64 × 2^hashBits    longer prefixes, open addressing, load ≤ 3/4:
///                                        parent(22) | scalar(21) | rank(3) | more(1) | value(17),
///                                        8 to a cache line, so that a probe sequence rarely
///                                        leaves one and the slots of s2t (1 MB) stay in L2
///     slotValues  UInt64 × slotValueCount  a slot's value: offset(32) | length(8) << 32
///                                        | crossable(1) << 40 | openEnd(1) << 41
///                                        | openStart(1) << 42
///     values      UTF-8 bytes, 8 bytes of padding at the end
///
/// A record is payload(32) | length(8) << 32 | rank(8) << 40 | flags << 48, where the payload is
/// the value's UTF-8 bytes when it fits in 4 (every single character does), else its offset.
/// On a page that exists, a three-byte scalar that is not a key has itself as its value (rank
/// `noRank`, so it is still no key). Node ids: a one-scalar prefix is `scalar + 1`; a longer
/// one is `0x110001 + its slot`.
///
/// Each key carries a `rank`: the index of the child of a `short_circuit` group it comes from,
/// so that a lower rank wins over a longer match of a higher rank (see ``DictionarySpec``).
enum TableFormat {
    static let pageIndexCount = 0x1100
    static let pageSize = 256
    static let noRank: UInt8 = 0xFF
    static let scalarBits: UInt64 = 21
    static let hashMultiplier: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// The rank of the key whose record is `record` (bits 40…47): ``noRank`` when its scalar is
    /// no key.
    @inline(__always)
    static func rank(_ record: UInt64) -> UInt8 { UInt8(truncatingIfNeeded: record &>> 40) }

    /// The length in bytes of the value in `word`, a record or a slot's value word (bits 32…39).
    @inline(__always)
    static func valueLength(_ word: UInt64) -> Int { Int(truncatingIfNeeded: (word &>> 32) & 0xFF) }

    // Record flags (bits 48…). The loops that branch on a flag's value as 0 or 1, without a
    // compare, shift by these.
    static let hasChildrenBit: UInt64 = 49
    static let inlineValueBit: UInt64 = 50
    static let startsAlteringBit: UInt64 = 51
    static let singleBit: UInt64 = 52
    static let present: UInt64 = 1 << 48
    static let hasChildren: UInt64 = 1 << hasChildrenBit
    static let inlineValue: UInt64 = 1 << inlineValueBit
    /// Set on the records a loop cannot emit as a single character's output: a value longer
    /// than 4 bytes, an IDS operator (so that the loops need no range check), or a rank-0 key
    /// of a ranked table (a segment of its own).
    static let single: UInt64 = 1 << singleBit
    /// Set on a scalar that starts an altering key: one whose value is not the outputs of its
    /// scalars on their own (see `OptimisticRun.swift`).
    static let startsAltering: UInt64 = 1 << startsAlteringBit
    /// Set on a scalar that starts a key of rank 0: in a fused or segmenting table, where a
    /// segment may start (``Table/withinRun(_:at:length:record:key:hash:after:end:)`` looks no
    /// further at the others).
    static let startsRankZero: UInt64 = 1 << 53
    /// Set, with ``single``, on a one-scalar key of a staged table (``SegmentingStage``) whose
    /// first-stage output changed and holds a scalar of a later-stage phrase: that phrase may
    /// match across it, so the loop converts its segment again, stage by stage. A phrase key
    /// has the same bit in its slot value (``slotValueCrossable``).
    static let crossable: UInt64 = 1 << 54
    /// ``crossable`` for a key of two or more scalars, in its entry of `slotValues`.
    static let slotValueCrossable: UInt64 = 1 << 40
    /// Set on a key of a staged table whose first-stage output ends in a scalar of a later-stage
    /// phrase: that phrase may cross the unit's end, so no window of conversion again ends there.
    static let openEnd: UInt64 = 1 << 55
    /// ``openEnd`` for a key of two or more scalars, in its entry of `slotValues`.
    static let slotValueOpenEnd: UInt64 = 1 << 41
    /// Set on a ``crossable`` key whose first-stage output starts with a scalar a later-stage
    /// phrase may reach from before it (without it, the unit's start is a safe end).
    static let openStart: UInt64 = 1 << 56
    /// ``openStart`` for a key of two or more scalars, in its entry of `slotValues`.
    static let slotValueOpenStart: UInt64 = 1 << 42

    // Slot fields.
    static let keyMask: UInt64 = (1 << 43) - 1
    static let slotRankShift: UInt64 = 43
    /// Ranks in a slot take 3 bits; 7 means "not a key, only a prefix of longer keys".
    static let slotNoRank: UInt64 = 7
    static let slotMoreBit: UInt64 = 1 << 46
    /// A key's slot holds the index of its value in `slotValues` from this bit up.
    static let slotValueShift: UInt64 = 47
    static let maxSlotValues = 1 << 17
    static let firstSlotID: UInt32 = 0x110001

    struct Header {
        var maxKeyLength: UInt32      // in scalars
        var firstCount: UInt32        // one-scalar prefixes
        var pageCount: UInt32
        var hashBits: UInt32
        var filterBits: UInt32
        var valuesLength: UInt32
        var entryCount: UInt32
        /// One-scalar prefixes that start a longer key (few: the loop tests for them first).
        var phraseStarts: UInt32 = 0
        /// Keys longer than one scalar: entries of `slotValues`.
        var slotValueCount: UInt32 = 0
    }

    @inline(__always)
    static func transitionKey(parent: UInt32, scalar: UInt32) -> UInt64 {
        UInt64(parent) << scalarBits | UInt64(scalar)
    }

    /// The filter also answers "does any key hold the adjacent scalars `a b`?" (see
    /// `OptimisticRun.swift`), under this key: the transition's, with a bit no transition key has.
    @inline(__always)
    static func keyPairKey(_ a: UInt32, _ b: UInt32) -> UInt64 {
        transitionKey(parent: a &+ 1, scalar: b) | 1 << 61
    }

    @inline(__always)
    static func mix(_ key: UInt64) -> UInt64 { key &* hashMultiplier }

    /// The two filter bits of hash `h` (bits of the middle of the product, which are well mixed;
    /// the top bits choose the filter word and the slot).
    @inline(__always)
    static func filterMask(_ h: UInt64) -> UInt64 {
        (1 &<< ((h &>> 32) & 63)) | (1 &<< ((h &>> 38) & 63))
    }

    /// The altering filter's size: fixed, so that its word and bits come from fixed bits of the
    /// hash (32 KB, in L1; s2t has about 7,300 altering pairs: 0.3% false positives).
    static let alteringFilterWords = 4096

    /// The word of the altering filter for the transition hashed to `h`, and its two bits.
    @inline(__always)
    static func alteringWord(_ h: UInt64) -> Int { Int(truncatingIfNeeded: h &>> 52) }

    @inline(__always)
    static func alteringMask(_ h: UInt64) -> UInt64 {
        (1 &<< ((h &>> 40) & 63)) | (1 &<< ((h &>> 46) & 63))
    }

    static func align8(_ n: Int) -> Int { (n + 7) & ~7 }

    /// Bytes from the page index to the altering filter and to the pages: fixed, so one pointer
    /// reaches all three.
    static let alteringFilterAfterIndex = align8(MemoryLayout<Header>.size + pageIndexCount * 2) - MemoryLayout<Header>.size
    static let pagesAfterIndex = alteringFilterAfterIndex + alteringFilterWords * 8

    /// Byte offsets of each section for a table with this header.
    struct Layout {
        let pageIndex: Int, alteringFilter: Int, pages: Int, filter: Int, slots: Int, slotValues: Int, values: Int, end: Int

        init(_ h: Header) {
            pageIndex = MemoryLayout<Header>.size
            alteringFilter = align8(pageIndex + TableFormat.pageIndexCount * 2)
            pages = alteringFilter + TableFormat.alteringFilterWords * 8
            filter = pages + Int(h.pageCount) * TableFormat.pageSize * 8
            slots = filter + (1 << Int(h.filterBits)) / 8
            slotValues = slots + (1 << Int(h.hashBits)) * 8
            values = slotValues + Int(h.slotValueCount) * 8
            end = align8(values + Int(h.valuesLength) + 8)
        }
    }
}
