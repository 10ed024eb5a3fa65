import Benchmark
import BenchmarkTexts
import Jianfan

/// The aligner on book-length texts: a 1 MB document against a 1 MB reference that quotes
/// about half of it, with small edits, interleaved with text of its own.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident], warmupIterations: 0, maxDuration: .seconds(20),
        maxIterations: 3)

    let (document, reference) = QuotedPair.make(bytes: 1_000_000)
    Benchmark("align 1MB vs 1MB") { benchmark in
        let report = Aligner().align(document: document, references: [(path: "reference", text: reference)])
        blackHole(report)
    }

    // Adversarial inputs of ~1 MB each: every stage must stay linear in time and bounded in
    // memory (the test suite checks their results on smaller ones).
    for (name, document, reference) in AdversarialPairs.make(bytes: 1_000_000) {
        Benchmark("align adversarial: \(name)") { benchmark in
            blackHole(Aligner().align(document: document, references: [(path: "reference", text: reference)]))
        }
    }
}

/// Inputs that defeat naive seeding: texts where every k-gram is frequent, a text against its
/// reverse, and a four-letter text where every k-gram recurs.
enum AdversarialPairs {
    static func make(bytes: Int) -> [(String, String, String)] {
        let sentence = "这是一个重复的句子。\n"
        let count = bytes / sentence.utf8.count
        let lines = String(repeating: sentence, count: count)
        let edited = String(repeating: sentence, count: count / 2) + "这是一个被改的句子。\n"
            + String(repeating: sentence, count: count - count / 2 - 1)
        let line = String(repeating: "U盘", count: bytes / 4)
        let (prose, _) = QuotedPair.make(bytes: bytes)
        let reversed = String(String.UnicodeScalarView(prose.unicodeScalars.reversed()))
        var g = QuotedPair.Generator(state: 7)
        let letters = String((0..<bytes).map { _ in Character(["A", "C", "G", "T"][g.below(4)]) })
        return [
            ("two identical repetitive texts", lines, lines),
            ("a repetitive text with one edit", lines, edited),
            ("a repetitive text quoted whole", lines, "编者按：\n" + String(lines.prefix(1000)) + "正文：\n" + lines),
            ("one long repetitive line", line, line),
            ("a text against its reverse", prose, reversed),
            ("four-letter texts, identical", letters, letters),
        ]
    }
}

/// A deterministic document and a reference that quotes parts of it with edits.
enum QuotedPair {
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    static func make(bytes: Int) -> (String, String) {
        let alphabet = Array(String(decoding: BenchmarkTexts.simplifiedSeed, as: UTF8.self).unicodeScalars
            .filter { $0.value >= 0x4E00 && $0.value <= 0x9FFF })
        var g = Generator(state: 42)
        func sentence() -> [Unicode.Scalar] {
            (0..<(12 + g.below(30))).map { _ in alphabet[g.below(alphabet.count)] } + ["。"]
        }
        var document: [Unicode.Scalar] = []
        var sentences: [[Unicode.Scalar]] = []
        while document.count * 3 < bytes {
            let s = sentence()
            sentences.append(s)
            document += s
        }
        var reference: [Unicode.Scalar] = []
        var i = 0
        while reference.count * 3 < bytes && i < sentences.count {
            if g.below(2) == 0 {
                var quoted = sentences[i]
                if g.below(3) == 0 { quoted.remove(at: g.below(quoted.count)) }            // a dropped character
                if g.below(3) == 0 { quoted.insert(alphabet[g.below(alphabet.count)], at: g.below(quoted.count)) }
                reference += quoted
            } else {
                reference += sentence()                                                    // the reference's own words
            }
            i += 1
        }
        return (String(String.UnicodeScalarView(document)), String(String.UnicodeScalarView(reference)))
    }
}
