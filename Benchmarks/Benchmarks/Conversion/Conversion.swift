import Benchmark
import Foundation
import BenchmarkTexts
import Jianfan

/// Load and convert for every configuration on ~50 KB, ~1 MB and ~20 MB, on one thread
/// (`maximumThreads = 1`), plus the 20 MB case on all cores. The custom metrics are MB/s and,
/// on one thread, the thread's CPU time.
let megabytesPerSecond = BenchmarkMetric.custom("MB/s", polarity: .prefersLarger, useScalingFactor: false)
/// The converting thread's CPU time, in microseconds: unlike wall time, waiting for a core on a
/// loaded machine does not inflate it, and unlike the process's user time it is not counted in
/// 10 ms ticks, so it can tell two entry points a few percent apart.
let threadMicroseconds = BenchmarkMetric.custom("thread CPU (µs)", polarity: .prefersSmaller, useScalingFactor: false)
let validatingPerMille = BenchmarkMetric.custom("validating / unchecked (‰)", polarity: .prefersSmaller, useScalingFactor: false)
let validationMicroseconds = BenchmarkMetric.custom("validation alone (µs)", polarity: .prefersSmaller, useScalingFactor: false)

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident, megabytesPerSecond],
        warmupIterations: 1, maxDuration: .seconds(3), maxIterations: 20)

    // The one-thread conversions also report the thread's CPU time.
    let oneThread = Benchmark.Configuration(metrics: Benchmark.defaultConfiguration.metrics + [threadMicroseconds])
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
            Benchmark("convert \(config.rawValue) \(size.rawValue)", configuration: oneThread) { benchmark in
                measureConversion(benchmark, input) { converter.convert(unsafeValidatedUTF8: $0, appendingTo: &$1) }
            }
        }
    }

    // The safe entry point validates the input first: the difference from the unchecked
    // "convert … large" benchmarks above is what validation costs in the hot path.
    for config in [Config.s2t, .t2s, .s2twp, .tw2sp] {
        let input = BenchmarkTexts.input(for: config, size: .large)
        var converter = Converter(config)
        converter.maximumThreads = 1
        Benchmark("convert validating \(config.rawValue) \(BenchmarkTexts.Size.large.rawValue)", configuration: oneThread) { benchmark in
            measureConversion(benchmark, input) { try? converter.convert($0, appendingTo: &$1) }
        }
    }

    // The same difference paired: each iteration converts the input unchecked, validating,
    // validating, unchecked (one thread), and records the validating conversions' thread CPU
    // time over the unchecked ones' in per mille, so that the machine's load drifting between
    // two benchmarks does not enter the ratio; and validation alone, on the same bytes.
    for config in [Config.s2t, .s2twp] {
        let input = BenchmarkTexts.input(for: config, size: .large)
        var converter = Converter(config)
        converter.maximumThreads = 1
        Benchmark("validation cost \(config.rawValue) 20MB",
                  configuration: .init(metrics: [validatingPerMille, validationMicroseconds],
                                       maxDuration: .seconds(20), maxIterations: 15)) { benchmark in
            var output: [UInt8] = []
            output.reserveCapacity(input.count * 5 / 4)
            var unchecked = 0, validating = 0
            for validates in [false, true, true, false] {
                output.removeAll(keepingCapacity: true)
                let time = threadCPU {
                    input.withUnsafeBytes { bytes in
                        if validates { _ = try? converter.convert(bytes, appendingTo: &output) }
                        else { converter.convert(unsafeValidatedUTF8: bytes, appendingTo: &output) }
                    }
                }
                if validates { validating += time } else { unchecked += time }
            }
            benchmark.measurement(validatingPerMille, validating * 1000 / unchecked)
            benchmark.measurement(validationMicroseconds, threadCPU {
                blackHole(input.withUnsafeBufferPointer { UTF8Validation.scan($0) })
            })
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

/// One timed conversion of `input` on one thread: `convert` appends to an output reserved
/// beforehand (allocation stays out of the measurement), and the rate goes to the MB/s metric.
/// The `convert …` and `convert validating …` benchmarks share it, so that they differ only in
/// the entry point they call.
func measureConversion(_ benchmark: Benchmark, _ input: [UInt8],
                       _ convert: (UnsafeRawBufferPointer, inout [UInt8]) -> Void) {
    var output: [UInt8] = []
    output.reserveCapacity(input.count * 5 / 4)
    let clock = ContinuousClock()
    let start = clock.now
    benchmark.startMeasurement()
    let cpu = threadCPU { input.withUnsafeBytes { convert($0, &output) } }
    benchmark.stopMeasurement()
    let seconds = (clock.now - start) / .seconds(1)
    benchmark.measurement(megabytesPerSecond, Int(Double(input.count) / 1e6 / seconds))
    benchmark.measurement(threadMicroseconds, cpu)
    blackHole(output)
}

/// The CPU time the calling thread spends in `body`, in microseconds.
func threadCPU(_ body: () -> Void) -> Int {
    func now() -> Int {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return time.tv_sec * 1_000_000 + time.tv_nsec / 1000
    }
    let start = now()
    body()
    return now() - start
}
