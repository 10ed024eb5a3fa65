import Benchmark
import Foundation
import BenchmarkTexts
import Jianfan

/// Load and convert for every configuration on ~50 KB, ~1 MB and ~20 MB, on one thread
/// (`maximumThreads = 1`), plus the 20 MB case on all cores. The custom metric is MB/s.
let megabytesPerSecond = BenchmarkMetric.custom("MB/s", polarity: .prefersLarger, useScalingFactor: false)

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident, megabytesPerSecond],
        warmupIterations: 1, maxDuration: .seconds(3), maxIterations: 20)

    for config in Config.allCases {
        Benchmark("load \(config.rawValue)", configuration: .init(metrics: [.wallClock, .mallocCountTotal])) { benchmark in
            for _ in benchmark.scaledIterations { blackHole(Converter(config)) }
        }
    }

    // Run-time compilation: every table of s2twp from OpenCC's text dictionaries (goal ≤ 150 ms),
    // and ten user entries in front of a built-in config (goal ≤ 10 ms).
    let dataDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Data")
    let textConfig = FileManager.default.temporaryDirectory.appendingPathComponent("jianfan-bench-s2twp.json")
    let json = (try? String(contentsOf: dataDirectory.appendingPathComponent("Configs/s2twp.json"), encoding: .utf8)) ?? ""
    try? Data(json.replacingOccurrences(of: "\"ocd2\"", with: "\"text\"").replacingOccurrences(of: ".ocd2\"", with: ".txt\"").utf8)
        .write(to: textConfig)
    Benchmark("compile s2twp from text dictionaries", configuration: .init(metrics: [.wallClock, .peakMemoryResident])) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try? Converter(configuration: textConfig.path,
                                     searchPaths: [dataDirectory.appendingPathComponent("Dictionaries").path]))
        }
    }
    let tenEntries = Dictionary(uniqueKeysWithValues: ["软件", "硬件", "鼠标", "网络", "信息", "程序", "内存", "文件", "数据", "打印机"]
        .map { ($0, $0) })
    Benchmark("override s2twp with 10 entries", configuration: .init(metrics: [.wallClock])) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try? Converter(.s2twp, overrides: tenEntries)) }
    }

    for size in BenchmarkTexts.Size.allCases {
        for config in Config.allCases {
            let input = BenchmarkTexts.input(for: config, size: size)
            var converter = Converter(config)
            converter.maximumThreads = 1
            Benchmark("convert \(config.rawValue) \(size.rawValue)") { benchmark in
                var output: [UInt8] = []
                output.reserveCapacity(input.count * 5 / 4)
                let clock = ContinuousClock()
                let start = clock.now
                benchmark.startMeasurement()
                input.withUnsafeBytes { converter.convert(unsafeValidatedUTF8: $0, appendingTo: &output) }
                benchmark.stopMeasurement()
                let seconds = (clock.now - start) / .seconds(1)
                benchmark.measurement(megabytesPerSecond, Int(Double(input.count) / 1e6 / seconds))
                blackHole(output)
            }
        }
    }

    // The safe entry point validates the input first: the difference from the unchecked
    // "convert … large" benchmarks above is what validation costs in the hot path.
    for config in [Config.s2t, .t2s, .s2twp, .tw2sp] {
        let input = BenchmarkTexts.input(for: config, size: .large)
        var converter = Converter(config)
        converter.maximumThreads = 1
        Benchmark("convert validating \(config.rawValue) \(BenchmarkTexts.Size.large.rawValue)") { benchmark in
            var output: [UInt8] = []
            output.reserveCapacity(input.count * 5 / 4)
            let clock = ContinuousClock()
            let start = clock.now
            benchmark.startMeasurement()
            _ = try? input.withUnsafeBytes { try converter.convert($0, appendingTo: &output) }
            benchmark.stopMeasurement()
            let seconds = (clock.now - start) / .seconds(1)
            benchmark.measurement(megabytesPerSecond, Int(Double(input.count) / 1e6 / seconds))
            blackHole(output)
        }
    }

    for config in [Config.s2t, .t2s, .s2twp, .tw2sp] {
        let input = BenchmarkTexts.input(for: config, size: .large)
        let converter = Converter(config)
        Benchmark("convert \(config.rawValue) 20MB all cores") { benchmark in
            var output: [UInt8] = []
            let clock = ContinuousClock()
            let start = clock.now
            input.withUnsafeBytes { converter.convert(unsafeValidatedUTF8: $0, appendingTo: &output) }
            let seconds = (clock.now - start) / .seconds(1)
            benchmark.measurement(megabytesPerSecond, Int(Double(input.count) / 1e6 / seconds))
            blackHole(output)
        }
    }
}
