/// The text a plan makes of its phrases, as hashes (``Lexicon/Hash``) of the values of its
/// tables' keys of two scalars or more: made at the first question, since most text asks none.
///
/// ```swift
/// let values = PhraseValues(tables: Converter(.s2t).plan.stages)
/// var h = Lexicon.Hash()
/// for b in "岳陽".utf8 { h.add(b) }
/// values.contains(h)   // true: s2t makes 岳陽 of 岳阳
/// ```
final class PhraseValues: @unchecked Sendable {   // built once, behind the lock
    let tables: [Table]
    private let lock = ThreadLock()
    private var built: Hashes?

    /// The longest value the word segmenter looks for, in scalars (s2t 腊之以为饵 → 腊之以爲餌 has
    /// five; 腊 alone → 臘).
    static let maxScalars = 6

    init(tables: [Table]) {
        self.tables = tables
    }

    /// Whether a phrase value hashes to `h`.
    func contains(_ h: Lexicon.Hash) -> Bool {
        hashes().contains(h)
    }

    /// ``Hashes/holdsValue(_:across:lower:upper:target:)``, the hashes made only where a scalar
    /// of `target` is near `x` (a conversion of text with none never makes them).
    func holdsValue(_ base: UnsafePointer<UInt8>, across x: Int, lower: Int, upper: Int, target: UInt8) -> Bool {
        Hashes.holdsScript(base, around: x, lower: lower, upper: upper, target)
            && hashes().holdsValue(base, across: x, lower: lower, upper: upper, target: target)
    }

    /// The hashes, made at the first call: a span takes them once and asks without the lock.
    func hashes() -> Hashes {
        lock.withLock {
            if let built { return built }
            var found: [UInt64] = []
            for table in tables {
                table.forEachPhraseValue { value in
                    var h = Lexicon.Hash()
                    h.add(value.baseAddress!, count: value.count)
                    found.append(h.value)
                }
            }
            // The compiler's radix sort (six passes of 11 bits): `sorted()` of s2t's hashes took a
            // fifth of converting a line at the first window of words mode.
            let made = Hashes(sorted: KeyOrder.radixSorted(found, passes: 6) { $0 })
            built = made
            return made
        }
    }

    /// The values' hashes, sorted (a third of a `Set`'s memory; s2t: one per phrase), with
    /// where each run of equal top bits begins: a look-up reads one bucket of about a dozen.
    ///
    /// ```swift
    /// let hashes = PhraseValues(tables: Converter(.s2t).plan.stages).hashes()
    /// let found = Array("丰標".utf8).withUnsafeBufferPointer {
    ///     hashes.holdsValue($0.baseAddress!, across: 3, lower: 0, upper: 6, target: ScriptEvidence.traditional)
    /// }   // true: s2t makes 丰標 of 丰标
    /// ```
    struct Hashes: Sendable {
        private let sorted: [UInt64]
        private let buckets: [UInt32]
        private static let bits: UInt64 = 12

        init(sorted: [UInt64]) {
            self.sorted = sorted
            var buckets = [UInt32](repeating: 0, count: (1 << Int(Hashes.bits)) + 1)
            var i = 0
            for b in 0..<(1 << Int(Hashes.bits)) {
                buckets[b] = UInt32(i)
                while i < sorted.count && Int(sorted[i] >> (64 - Hashes.bits)) == b { i += 1 }
            }
            buckets[1 << Int(Hashes.bits)] = UInt32(sorted.count)
            self.buckets = buckets
        }

        /// Whether a phrase value hashes to `h`.
        @inline(__always)
        func contains(_ h: Lexicon.Hash) -> Bool {
            let b = Int(h.value >> (64 - Hashes.bits))
            var i = Int(buckets[b])
            let e = Int(buckets[b + 1])
            while i < e {
                if sorted[i] >= h.value { return sorted[i] == h.value }
                i += 1
            }
            return false
        }

        /// Whether a value of two to ``PhraseValues/maxScalars`` scalars starts in `[lower, x)`
        /// and ends in `(x, upper]` (byte offsets of `base`, scalar boundaries): a window of the
        /// word segmenter never ends inside text that the plan makes of a phrase (丰標 of 丰标 in
        /// s2t, where 丰 alone → 豐), so that such text reads as already converted when it is
        /// converted again. Only values holding a scalar of the `target` script class
        /// (``ScriptEvidence``) are looked for: where none is near `x` (most text still to
        /// convert), nothing is looked up.
        func holdsValue(_ base: UnsafePointer<UInt8>, across x: Int, lower: Int, upper: Int, target: UInt8) -> Bool {
            guard Hashes.holdsScript(base, around: x, lower: lower, upper: upper, target) else { return false }
            var a = x, back = 0
            while a > lower && back < PhraseValues.maxScalars - 1 {
                a -= 1
                while a > lower && base[a] & 0xC0 == 0x80 { a -= 1 }
                back += 1
                var h = Lexicon.Hash()
                h.add(base + a, count: x - a)
                var q = x, scalars = back
                while q < upper && scalars < PhraseValues.maxScalars {
                    let length = UTF8Scalars.decode(base + q).length
                    h.add(base + q, count: length)
                    q += length
                    scalars += 1
                    if contains(h) { return true }
                }
            }
            return false
        }

        /// Whether a scalar of the `target` class is among the ``PhraseValues/maxScalars`` − 1
        /// scalars on each side of `x`.
        static func holdsScript(_ base: UnsafePointer<UInt8>, around x: Int, lower: Int, upper: Int, _ target: UInt8) -> Bool {
            func isTarget(_ q: Int) -> Bool {
                let scalar = UTF8Scalars.decode(base + q).scalar
                return scalar < ScriptEvidence.limit && ScriptEvidence.classes[Int(scalar)] & target != 0
            }
            var a = x, b = x
            for _ in 0..<maxScalars - 1 {
                if a > lower {
                    a -= 1
                    while a > lower && base[a] & 0xC0 == 0x80 { a -= 1 }
                    if isTarget(a) { return true }
                }
                if b < upper {
                    if isTarget(b) { return true }
                    b += UTF8Scalars.decode(base + b).length
                }
            }
            return false
        }
    }
}
