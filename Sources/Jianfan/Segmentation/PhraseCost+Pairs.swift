/// Pairs of scalars: which of the configuration's two-scalar phrases that the lexicon lacks are
/// words, and how strongly they bind.
///
/// OpenCC's two-scalar phrases are of two kinds. Some are words that jieba's lexicon happens
/// to lack (周线 → 週線, the weekly line of a stock chart). Others are no words at all, but pairs
/// that pick the form of a grammatical character from its neighbour (是只 → 是隻, 了如 → 瞭如,
/// 被发 → 被髮, 时才 → 時纔), and greedy matching's best-known errors are these pairs read across
/// a word (还是只有, 展示了如何, 被发明). Costed as their scalars apart, the words lost too:
/// s2t's 周线图 read 周 + 线图 (线图 is a word of jieba, seen 26 times) and made 周線圖, not
/// OpenCC's 週線圖.
///
/// jieba tags each character, as a word of its own, with its commonest part of speech. A pair
/// in which neither scalar is tagged as grammar (``Lexicon/isFunction(_:)``: adverbs,
/// prepositions, conjunctions, particles, pronouns, locatives, measure words, numerals…) is
/// read as a word: it binds as the lexicon's median word of two scalars (3.75, as
/// `compile-words.py --binding` prints) but is never read as likelier than the lexicon's
/// upper-quartile word of two scalars (frequency 68, cost 13.69): a word that common would be
/// in the lexicon. So 周线 costs 14.09 and holds against 线图; 周内 (→ 周內, two common
/// characters) costs no less than 13.69 and does not cut the word 两周 (221) in 两周内.
///
/// Measured on the real-text corpus against the build before it (`Scripts/words-eval.py`; the
/// lines each read by hand): 15 s2t lines change, 11 for the better (斗酒, 煙鬟, ISO 週數年,
/// 簽入, 岳陽, 雲屏) and 5 for the worse (content pairs that pick a form: 表转 → 錶轉 in 上表转置,
/// 秋发 → 秋髮, 彩凤 → 綵鳳, 干土 → 乾土); OpenCC's regression cases 550 → 552 of 556.
///
/// ```swift
/// Converter(.s2t, segmenter: .words).convert("周线图")   // "週線圖"
/// ```
extension PhraseCost {
    /// The median binding of jieba 0.42.1's words of two scalars.
    static let pairMedianBinding: Float = 3.75
    /// The cost of jieba 0.42.1's upper-quartile word of two scalars (frequency 68).
    static let pairFloor: Float = 13.69

    /// How much likelier than its scalars apart (which cost `scalars`) the lexicon would find
    /// the two-scalar phrase `key` that it lacks: 0 when either scalar is a function character,
    /// else the median binding, so far as the phrase stays no likelier than the upper-quartile word.
    ///
    /// ```swift
    /// let binding = Array("周线".utf8).withUnsafeBytes {
    ///     PhraseCost.pairBinding($0, scalars: 17.84, lexicon: .embedded)
    /// }   // 3.75: 周线 costs 14.09
    /// ```
    static func pairBinding(_ key: UnsafeRawBufferPointer, scalars: Float, lexicon: Lexicon) -> Float {
        guard let p = key.baseAddress?.assumingMemoryBound(to: UInt8.self), key.count >= 2 else { return 0 }
        let (a, length) = UTF8Scalars.decode(p)
        guard length < key.count else { return 0 }
        let b = UTF8Scalars.decode(p + length).scalar
        if lexicon.isFunction(a) || lexicon.isFunction(b) { return 0 }
        return min(pairMedianBinding, max(0, scalars - pairFloor))
    }
}
