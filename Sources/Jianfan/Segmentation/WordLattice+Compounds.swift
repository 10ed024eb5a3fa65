/// Compounds of the lexicon: a word chosen whole converts as its parts read.
///
/// jieba's lexicon holds compounds whole (电视频道, 2; 短信息, 3), and such a word is often the
/// likeliest reading of its span. But a word of the lexicon says only where a reading cuts,
/// not how its scalars convert: converted as one segment, greedy matching inside it finds the
/// phrase that crosses its parts (视频 → 影片 in 电视频道, s2twp: 電影片道; 短信 → 簡訊 in
/// 短信息: 簡訊息). So a word of four scalars (the lexicon's longest) that the route keeps whole
/// is read again without itself, and where the likeliest reading of its inside runs through a phrase of the
/// configuration between two words of two scalars or more (电视 + 频道), the word is cut there,
/// as the route cuts between words. A part of one scalar keeps the compound whole: on its own
/// it would convert as its default form (三千 + 里 would make 三千裏, 第一 + 周 第一周, 古人 + 云
/// 古人雲; so 短信息 stays 簡訊息), and allowing it cost 16 s2t lines and 121 s2twp lines that the
/// references found closer before.
/// A phrase of the configuration of the same span is chosen over the word (it wins their tie)
/// and converts whole, as it says.
///
/// ```swift
/// Converter(.s2twp, segmenter: .words).convert("电视频道很多")   // "電視頻道很多"
/// ```
extension WordLattice {
    /// Appends to `ends` the cuts of the likeliest reading of scalars `from..<to` (a word the
    /// route chose whole) that fall inside a phrase between two pieces of two scalars or more
    /// (so only a word of four scalars or more is ever cut). The reading
    /// is made of the window's phrases and words that lie inside the span (not the span
    /// itself) and of single scalars, with the route's ties: the longer edge, and a phrase
    /// over a word of its span. Kept words (text already converted) are left out.
    mutating func cutCompound(from: Int, to: Int, into ends: inout [Int]) {
        guard (from + 1..<to).contains(where: { inside[$0] }) else { return }
        let count = to - from
        var route = [Float](repeating: .infinity, count: count + 1), next = [Int](repeating: 0, count: count + 1)
        route[count] = 0
        for k in stride(from: to - 1, through: from, by: -1) {
            let r = k - from
            route[r] = single[k] + route[r + 1]
            next[r] = k + 1
            for pass in 0..<2 {
                for e in pass == 0 ? phraseFirst[k]..<phraseFirst[k + 1] : wordFirst[k]..<wordFirst[k + 1] {
                    let j = Int(edgeTo[e])
                    guard j <= to, !(k == from && j == to), edgeKind[e] != WordLattice.kept else { continue }
                    let c = edgeCost[e] + route[j - from]
                    if c < route[r] || (c == route[r] && j > next[r]) {
                        route[r] = c
                        next[r] = j
                    }
                }
            }
        }
        var k = from
        while k < to {
            let j = next[k - from]
            // Only between two words: a scalar on its own converts as its default form.
            if j < to && inside[j] && j - k >= 2 && next[j - from] - j >= 2 { ends.append(starts[j]) }
            k = j
        }
    }
}
