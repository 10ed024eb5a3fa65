internal import CJianfanTables

/// A word list with frequencies, as costs (−ln p): jieba 0.42.1's `dict.txt` and the Traditional
/// forms of its words (s2t, s2tw, s2twp, s2hk of each word), compiled by
/// `Data/Lexicon/compile-words.py` into an open-addressing hash table embedded in the library.
/// Nothing is parsed at load: a lookup reads one or two 4-byte slots of the embedded table.
///
/// ```swift
/// let lexicon = Lexicon.embedded
/// var h = Lexicon.Hash()
/// for b in "发明".utf8 { h.add(b) }
/// lexicon.cost(h)   // about 10.0: −ln(frequency / total)
/// ```
struct Lexicon: @unchecked Sendable {   // read-only memory embedded in the library
    /// FNV-1a 64 over a word's UTF-8, extended one byte at a time (so that the prefixes of a
    /// run of text are hashed in one pass).
    struct Hash {
        var value: UInt64 = 0xCBF2_9CE4_8422_2325
        @inline(__always)
        mutating func add(_ byte: UInt8) {
            value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        @inline(__always)
        mutating func add(_ bytes: UnsafePointer<UInt8>, count: Int) {
            for i in 0..<count { add(bytes[i]) }
        }
    }

    /// The longest word kept, in scalars.
    static let maxScalars = 4

    private let slots: UnsafePointer<UInt32>
    private let shift: UInt64
    private let mask: Int
    private let base: Float
    private let step: Float
    /// The characters that jieba tags, as words of one scalar, with a part of speech of grammar
    /// (adverb, preposition, conjunction, particle, pronoun, locative, measure word, numeral…),
    /// and their Traditional forms: sorted code points (``isFunction(_:)``).
    private let functionScalars: UnsafeBufferPointer<UInt32>
    /// The number of words.
    let count: Int
    /// The cost of a word jieba has never seen (a frequency of 1, as jieba counts it).
    let unknownCost: Float

    /// The lexicon embedded in the library.
    static let embedded = Lexicon(base: UnsafeRawPointer(jianfan_words_data()), size: jianfan_words_size())

    /// Reads the header of a compiled lexicon at `base` (which must live as long as the value).
    init(base raw: UnsafeRawPointer, size: Int) {
        precondition(size >= 32 && raw.loadUnaligned(as: UInt32.self) == 0x4457_464A
                     && raw.loadUnaligned(fromByteOffset: 4, as: UInt32.self) == 3, "Jianfan: bad lexicon")
        let bits = Int(raw.loadUnaligned(fromByteOffset: 8, as: UInt32.self))
        let functions = Int(raw.loadUnaligned(fromByteOffset: 24, as: UInt32.self))
        precondition(size == 32 + 4 << bits + 4 * functions, "Jianfan: truncated lexicon")
        functionScalars = UnsafeBufferPointer(start: (raw + 32 + 4 << bits).assumingMemoryBound(to: UInt32.self), count: functions)
        count = Int(raw.loadUnaligned(fromByteOffset: 12, as: UInt32.self))
        base = raw.loadUnaligned(fromByteOffset: 16, as: Float.self)
        step = raw.loadUnaligned(fromByteOffset: 20, as: Float.self)
        slots = (raw + 32).assumingMemoryBound(to: UInt32.self)
        shift = UInt64(64 - bits)
        mask = (1 << bits) - 1
        unknownCost = base + 254 * step
    }

    /// The cost of the word hashed to `h`, or nil when it is not in the lexicon.
    @inline(__always)
    func cost(_ h: Hash) -> Float? {
        cost(h, first: slots[home(h.value)])
    }

    /// The first slot a word hashed to `h` may be in: the hash's top bits after a multiply
    /// (FNV-1a's own top bits hardly depend on the last byte, and words that differ only in
    /// their last scalar would share one long run of slots).
    @inline(__always)
    private func home(_ h: UInt64) -> Int {
        Int(truncatingIfNeeded: (h &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The entry of the first slot of the word hashed to `h`, for ``cost(_:first:)``: reading
    /// the slots of several words before testing any lets the reads overlap.
    @inline(__always)
    func firstSlot(_ h: Hash) -> UInt32 {
        slots[home(h.value)]
    }

    /// ``cost(_:)``, given the entry of the word's first slot (read ahead by
    /// ``holdsWord(_:across:lower:upper:)`` and ``WordLattice``, so that the reads of several
    /// words overlap).
    @inline(__always)
    func cost(_ h: Hash, first: UInt32) -> Float? {
        var fingerprint = UInt32(truncatingIfNeeded: h.value >> 8) & 0xFF_FFFF
        if fingerprint == 0 { fingerprint = 1 }
        var s = home(h.value), entry = first
        while true {
            if entry == 0 { return nil }
            if entry >> 8 == fingerprint { return base + Float(entry & 0xFF - 1) * step }
            s = (s + 1) & mask
            entry = slots[s]
        }
    }

    /// Whether jieba tags `scalar` (or the character it is a Traditional form of), as a word of
    /// its own, with a part of speech of grammar rather than content: 是只's 只 (an adverb), 了,
    /// 被, 才, 几; not 周 or 线. See ``PhraseCost/pairBinding(_:scalars:lexicon:)``.
    ///
    /// ```swift
    /// Lexicon.embedded.isFunction(0x53EA)   // true: 只
    /// Lexicon.embedded.isFunction(0x5468)   // false: 周
    /// ```
    func isFunction(_ scalar: UInt32) -> Bool {
        var (low, high) = (0, functionScalars.count)
        while low < high {
            let mid = (low + high) / 2
            if functionScalars[mid] < scalar { low = mid + 1 } else { high = mid }
        }
        return low < functionScalars.count && functionScalars[low] == scalar
    }

    /// The cost of a word given as a string (for tests and tools).
    func cost(of word: String) -> Float? {
        cost(of: word.utf8)
    }

    /// The cost of a word given as its UTF-8 bytes.
    func cost(of bytes: some Sequence<UInt8>) -> Float? {
        var h = Hash()
        for b in bytes { h.add(b) }
        return cost(h)
    }

    /// Whether a word of two to four scalars starts in `[lower, x)` and ends in `(x, upper]`
    /// (byte offsets of `base`; `x`, `lower` and `upper` are scalar boundaries): whether a
    /// reading of the lexicon runs across `x` (in 发明, across the 3 bytes of 发). The six
    /// candidates' slots are all read before any is tested, so that the reads overlap.
    func holdsWord(_ base: UnsafePointer<UInt8>, across x: Int, lower: Int, upper: Int) -> Bool {
        holdsWord(base, across: x, lower: lower, upper: upper, orAcross: x, lower: x, upper: x)
    }

    /// Whether a word runs across `x` (in `[lower, upper]`) or across `y` (in `[yLower, yUpper]`),
    /// as ``holdsWord(_:across:lower:upper:)`` asks of each; the slots of all twelve candidates
    /// are read before any is tested (the two ends of a phrase, ``Contest``).
    func holdsWord(_ base: UnsafePointer<UInt8>, across x: Int, lower: Int, upper: Int,
                   orAcross y: Int, lower yLower: Int, upper yUpper: Int) -> Bool {
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 30) { buffer in
            let hashes = buffer.baseAddress!, firsts = hashes + 12, offsets = hashes + 24
            var n = candidates(base, across: x, lower: lower, upper: upper, into: hashes, offsets: offsets)
            n += candidates(base, across: y, lower: yLower, upper: yUpper, into: hashes + n, offsets: offsets)
            for k in 0..<n {
                firsts[k] = UInt64(slots[home(hashes[k])])
            }
            for k in 0..<n where cost(Hash(value: hashes[k]), first: UInt32(truncatingIfNeeded: firsts[k])) != nil {
                return true
            }
            return false
        }
    }

    /// Writes to `hashes` the hashes of the (up to six) candidate words across `x` of
    /// ``holdsWord(_:across:lower:upper:)`` and returns their number; `offsets` is room for six.
    @inline(__always)
    private func candidates(_ base: UnsafePointer<UInt8>, across x: Int, lower: Int, upper: Int,
                            into hashes: UnsafeMutablePointer<UInt64>, offsets: UnsafeMutablePointer<UInt64>) -> Int {
        var before = 0, after = 0
        var a = x
        while a > lower && before < Lexicon.maxScalars - 1 {
            a -= 1
            while a > lower && base[a] & 0xC0 == 0x80 { a -= 1 }
            offsets[before] = UInt64(a)
            before += 1
        }
        var q = x
        while q < upper && after < Lexicon.maxScalars - 1 {
            q += UTF8Scalars.decode(base + q).length
            offsets[3 + after] = UInt64(q)
            after += 1
        }
        var n = 0
        for b in 0..<before {
            var h = Hash()
            let start = Int(offsets[b])
            h.add(base + start, count: x - start)
            var previous = x
            for f in 0..<min(after, Lexicon.maxScalars - 1 - b) {
                let next = Int(offsets[3 + f])
                h.add(base + previous, count: next - previous)
                previous = next
                hashes[n] = h.value
                n += 1
            }
        }
        return n
    }
}
