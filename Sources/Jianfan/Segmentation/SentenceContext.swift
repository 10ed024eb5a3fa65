/// Which reading a sentence is in, for the chains of a configuration (s2twp 文档 → 文件 → 檔案,
/// tw2sp 檔案 → 文件 → 文档): the scalars of the sentence that exist only in the source script
/// and only in the output's script (``ScriptEvidence``).
///
/// A sentence runs from one end of a sentence (a line break, 。！？, or `.`, `!`, `?` before a
/// space) to the next, or to an end of the span; the word segmenter lets the parallel and
/// streaming paths cut text only there (``WordSegmenter/allowsCut(between:and:)``), so a
/// sentence is always whole in the span that holds it, and its evidence is that of the whole text.
///
/// A chain's phrase is converted as OpenCC does when its sentence holds source evidence and
/// the sentence, converted, holds the output's script and none of the source's (so that the
/// output, converted again, reads as converted); a chain's middle (a key that is also a value:
/// 文件, 程序) is copied as it is when its sentence holds only the output's script; otherwise
/// ``Reconversion`` settles the chain from the lexicon.
///
/// ```swift
/// let words = Converter(.s2twp, segmenter: .words)
/// words.convert("点击「新建文档」。")   // "點選「新建文件」。" (OpenCC's 文件)
/// words.convert("點選「新建文件」。")   // unchanged: 文件 reads as converted
/// ```
struct SentenceContext {
    /// What a sentence says.
    struct Evidence {
        /// A scalar only of the source script.
        var source = false
        /// A scalar only of the output's script.
        var target = false
        /// Converted, the sentence holds the output's script and none of the source's.
        var convertsClean = false
    }

    let scripts: WordLattice.Scripts
    /// The bounds of the sentence last read, and what it says.
    private var range = 0..<0
    private var known = Evidence()

    init(scripts: WordLattice.Scripts) {
        self.scripts = scripts
    }

    /// Whether a sentence ends between these two scalars: after a line break, 。, ！ or ？, or
    /// after `.`, `!` or `?` before a space or a line break.
    @inline(__always)
    static func endsSentence(after previous: UInt32, before next: UInt32) -> Bool {
        switch previous {
        case 0x0A, 0x3002, 0xFF01, 0xFF1F: return true
        case 0x21, 0x2E, 0x3F: return next == 0x20 || next == 0x0A || next == 0x0D
        default: return false
        }
    }

    /// Whether a sentence ends after `previous` whatever follows it (a line break, 。, ！, ？).
    @inline(__always)
    static func endsSentence(after previous: UInt32) -> Bool {
        previous == 0x0A || previous == 0x3002 || previous == 0xFF01 || previous == 0xFF1F
    }

    /// The evidence of the sentence of `base[0..<count]` that holds the byte at `p`.
    /// `convert` is the plan's conversion of a piece of text.
    mutating func evidence(_ base: UnsafePointer<UInt8>, count: Int, at p: Int,
                           convert: (UnsafeRawBufferPointer) -> [UInt8]) -> Evidence {
        if range.contains(p) { return known }
        let bounds = SentenceContext.sentence(base, count: count, at: p)
        var evidence = SentenceContext.read(UnsafeRawBufferPointer(start: base + bounds.lowerBound, count: bounds.count), scripts)
        if evidence.source {
            let converted = convert(UnsafeRawBufferPointer(start: base + bounds.lowerBound, count: bounds.count))
            let after = converted.withUnsafeBytes { SentenceContext.read($0, scripts) }
            evidence.convertsClean = after.target && !after.source
        }
        range = bounds
        known = evidence
        return evidence
    }

    /// The bounds of the sentence of `base[0..<count]` that holds the byte at `p`.
    static func sentence(_ base: UnsafePointer<UInt8>, count: Int, at p: Int) -> Range<Int> {
        var lower = p
        while lower > 0 && base[lower] & 0xC0 == 0x80 { lower -= 1 }
        while lower > 0 {
            var before = lower - 1
            while before > 0 && base[before] & 0xC0 == 0x80 { before -= 1 }
            if endsSentence(after: UTF8Scalars.decode(base + before).scalar, before: UTF8Scalars.decode(base + lower).scalar) { break }
            lower = before
        }
        var upper = lower
        while upper < count {
            let (scalar, length) = UTF8Scalars.decode(base + upper)
            upper += length
            if upper > p, upper < count, endsSentence(after: scalar, before: UTF8Scalars.decode(base + upper).scalar) { break }
        }
        return lower..<min(upper, count)
    }

    /// The source and output scripts' evidence in `text`.
    static func read(_ text: UnsafeRawBufferPointer, _ scripts: WordLattice.Scripts) -> Evidence {
        var evidence = Evidence()
        guard let base = text.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return evidence }
        let classes = ScriptEvidence.classes
        var q = 0
        while q < text.count {
            if base[q] < 0x80 { q += 1; continue }
            let (scalar, length) = UTF8Scalars.decode(base + q)
            if scalar < ScriptEvidence.limit {
                let c = classes[Int(scalar)]
                if c & scripts.source != 0 { evidence.source = true }
                if c & scripts.target != 0 { evidence.target = true }
            }
            q += length
        }
        return evidence
    }
}
