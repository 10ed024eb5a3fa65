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
