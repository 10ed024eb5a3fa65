import Benchmark
import BenchmarkTexts
import Jianfan

/// The streaming normalizer (readings, punctuation, script) on Traditional text with reading
/// annotations, and the inputs that once took superlinear time, at sizes where that showed.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .peakMemoryResident], warmupIterations: 1, maxDuration: .seconds(10),
        maxIterations: 20)

    let normalizer = Normalizer.standard(script: .t2s)
    for size in BenchmarkTexts.Size.allCases {
        let input = Annotated.text(BenchmarkTexts.input(for: .t2s, size: size))
        Benchmark("normalize t2s \(size.rawValue)") { benchmark in
            var stream = normalizer.makeStream()
            var out: [UInt8] = []
            out.reserveCapacity(input.count)
            try stream.write(input, into: &out)
            try stream.finish(into: &out)
            blackHole(out)
        }
    }

    // Once 10.5 s (the punctuation step rebuilt its merged change for every letter).
    let fullWidth = String(repeating: "ＡＢＣ１２３", count: 1 << 20 / 18)
    Benchmark("punctuation: 1 MB line of ＡＢＣ１２３ (reported)") { benchmark in
        blackHole(PunctuationWidthStep().apply(to: fullWidth))
    }
    // Once 6.8 s and 2.5 GB (a banded alignment as wide as the line's change of length).
    let usb = String(repeating: "U盘", count: 64 << 10 / 4)
    Benchmark("script s2twp: 64 KB line of U盘 (reported)") { benchmark in
        blackHole(ScriptStep(.s2twp).apply(to: usb))
    }
}

/// A realistic load: one reading annotation after about one character in fifty.
enum Annotated {
    static func text(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 20)
        var count = 0
        for (i, b) in bytes.enumerated() {
            out.append(b)
            // After the last byte of a three-byte scalar in the common CJK block.
            if b & 0xC0 == 0x80, i >= 2, bytes[i - 2] >= 0xE4, bytes[i - 2] <= 0xE9, bytes[i - 1] & 0xC0 == 0x80 {
                count += 1
                if count % 50 == 0 { out.append(contentsOf: Array("(zhōng)".utf8)) }
            }
        }
        return out
    }
}
