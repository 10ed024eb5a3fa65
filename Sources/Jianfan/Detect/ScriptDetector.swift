/// Tells whether a text is written in Simplified or Traditional Chinese (and, when the evidence
/// is clear, in Taiwan's or Hong Kong's variants), incrementally: feed it chunks of UTF-8 as they
/// come, ask for the ``verdict`` at any time. A prefix of a stream is usually enough.
///
/// It decides from characters that exist in one script only (`这`, `個`), derived from OpenCC's
/// character dictionaries (see `Scripts/detector-table.py`), weighted by frequency: every
/// occurrence is one vote, so the text's common characters carry the verdict and a stray
/// quotation does not. Characters both scripts write (`中文`, `干`, `后`) say nothing.
///
/// ```swift
/// var detector = ScriptDetector()
/// detector.feed("这个软件")
/// detector.verdict.script          // .simplified
/// ScriptDetector.detect("這個軟體裡").region   // .taiwan
/// ```
public struct ScriptDetector: Sendable {
    /// The occurrences behind a verdict.
    public struct Counts: Sendable, Equatable, Codable {
        /// CJK ideographs, of either script or both.
        public var han = 0
        /// Characters written in Simplified text only.
        public var simplified = 0
        /// Characters written in Traditional text only.
        public var traditional = 0
        /// Forms Taiwan's standard writes and Hong Kong's does not (`裡`, `群`).
        public var taiwan = 0
        /// Forms Hong Kong's standard writes and Taiwan's does not (`説`, `綫`).
        public var hongKong = 0
        /// Hiragana and Katakana.
        public var kana = 0
    }

    /// What the text is written in.
    public enum Script: String, Sendable, Codable {
        /// Characters that only Simplified script writes, and none (or few) of Traditional's.
        case simplified
        /// Characters that only Traditional script writes, and none (or few) of Simplified's.
        case traditional
        /// Both scripts, the minority more than a tenth of the evidence.
        case mixed
        /// No character that only one script writes.
        case none
        /// Kana are at least 5% of the ideographs and kana: Japanese, whatever its kanji.
        case japanese
    }

    /// The regional standard of a Traditional text, when its characters show it.
    public enum Region: String, Sendable, Codable {
        /// Forms of Taiwan's standard (as OpenCC's TWVariants write them) outnumber Hong Kong's.
        case taiwan
        /// Forms of Hong Kong's standard (as OpenCC's HKVariants write them) outnumber Taiwan's.
        case hongKong
    }

    /// A verdict and the counts it rests on.
    ///
    /// ```swift
    /// let verdict = ScriptDetector.detect("头发")
    /// verdict.script              // .simplified
    /// verdict.counts.simplified   // 2
    /// ```
    public struct Verdict: Sendable, Equatable, Codable {
        /// The script the counts point to.
        public var script: Script
        /// The regional standard, when a Traditional text shows one.
        public var region: Region?
        /// The evidence: characters of each kind seen.
        public var counts: Counts
    }

    /// Everything fed so far.
    public private(set) var counts = Counts()
    /// The bytes of a character split across two chunks, kept until the next feed.
    private var pending: [UInt8] = []

    /// A detector that has seen nothing: its verdict is `.none`.
    public init() {}

    /// The verdict on one whole text.
    ///
    /// ```swift
    /// ScriptDetector.detect("これは日本語です").script   // .japanese
    /// ```
    public static func detect(_ text: String) -> Verdict {
        var detector = ScriptDetector()
        detector.feed(text)
        return detector.verdict
    }

    /// Counts the characters of `text`.
    ///
    /// ```swift
    /// var detector = ScriptDetector()
    /// detector.feed("這是")
    /// ```
    public mutating func feed(_ text: String) {
        var copy = text
        copy.withUTF8 { feed(UnsafeRawBufferPointer($0)) }
    }

    /// Counts the characters of a chunk of UTF-8. A character may be split across chunks;
    /// invalid bytes are skipped.
    ///
    /// ```swift
    /// var detector = ScriptDetector()
    /// bytes.withUnsafeBytes { detector.feed($0) }
    /// ```
    /// - Complexity: O(n) in the chunk's length, with no allocation.
    public mutating func feed(_ bytes: UnsafeRawBufferPointer) {
        var start = 0
        if !pending.isEmpty {
            // Complete the split character from the front of this chunk, then go on after it.
            let need = Self.sequenceLength(pending[0]) - pending.count
            let take = min(need, bytes.count)
            pending.append(contentsOf: bytes[0..<take])
            start = take
            if pending.count < Self.sequenceLength(pending[0]) { return }
            let whole = pending
            pending.removeAll(keepingCapacity: true)
            whole.withUnsafeBytes { _ = scan($0, from: 0) }
        }
        let stop = scan(bytes, from: start)
        if stop < bytes.count { pending.append(contentsOf: bytes[stop...]) }
    }

    /// The verdict on everything fed so far.
    public var verdict: Verdict {
        let c = counts
        var verdict = Verdict(script: .none, region: nil, counts: c)
        let evidence = c.simplified + c.traditional
        if c.kana > 0, c.kana * 20 >= c.han + c.kana {
            verdict.script = .japanese
        } else if evidence == 0 {
            verdict.script = .none
        } else if min(c.simplified, c.traditional) * 10 > evidence {
            verdict.script = .mixed
        } else {
            verdict.script = c.simplified > c.traditional ? .simplified : .traditional
        }
        if verdict.script == .traditional {
            // Clear means one region's forms and at most a quarter as many of the other's.
            if c.taiwan > 0, c.taiwan >= 4 * c.hongKong {
                verdict.region = .taiwan
            } else if c.hongKong > 0, c.hongKong >= 4 * c.taiwan {
                verdict.region = .hongKong
            }
        }
        return verdict
    }

    /// Counts the whole characters of `bytes` from `start`; returns where an incomplete
    /// character at the end begins (or `bytes.count`).
    private mutating func scan(_ bytes: UnsafeRawBufferPointer, from start: Int) -> Int {
        let classes = ScriptEvidence.classes
        var c = counts
        var i = start
        let end = bytes.count
        classes.withUnsafeBufferPointer { table in
            while i < end {
                let lead = bytes[i]
                if lead < 0x80 { i += 1; continue }
                let length = Self.sequenceLength(lead)
                if length == 1 { i += 1; continue }     // a stray continuation or invalid byte
                if i + length > end { break }
                var scalar = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                var valid = true
                for k in 1..<length {
                    let byte = bytes[i + k]
                    valid = valid && byte & 0xC0 == 0x80
                    scalar = scalar << 6 | UInt32(byte & 0x3F)
                }
                guard valid else { i += 1; continue }
                i += length
                guard scalar < ScriptEvidence.limit else { continue }
                let bits = table[Int(scalar)]
                if bits == 0 { continue }
                if bits & ScriptEvidence.han != 0 { c.han += 1 }
                if bits & ScriptEvidence.kana != 0 { c.kana += 1 }
                if bits & ScriptEvidence.simplified != 0 { c.simplified += 1 }
                if bits & ScriptEvidence.traditional != 0 { c.traditional += 1 }
                if bits & ScriptEvidence.taiwan != 0 { c.taiwan += 1 }
                if bits & ScriptEvidence.hongKong != 0 { c.hongKong += 1 }
            }
        }
        counts = c
        return min(i, end)
    }

    /// The length of the UTF-8 sequence a lead byte starts; 1 for ASCII and invalid leads.
    private static func sequenceLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0xC2...0xDF: 2
        case 0xE0...0xEF: 3
        case 0xF0...0xF4: 4
        default: 1
        }
    }
}
