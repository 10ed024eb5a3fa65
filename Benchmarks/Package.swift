// swift-tools-version: 6.1
// Jianfan's benchmarks, a package of their own so that users of the library never build
// benchmark dependencies. Run from this folder: `swift package benchmark`.
import PackageDescription

let package = Package(
    name: "JianfanBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        // The identity of a path dependency is its folder name, which differs between clones.
        .package(name: "Jianfan", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // Inputs of ~50 KB, ~1 MB and ~20 MB: prefixes of the real-text corpus named by
        // JIANFAN_BENCH_CORPUS (Scripts/real-corpus.sh), else the seed documents repeated.
        .target(name: "BenchmarkTexts", dependencies: [.product(name: "Jianfan", package: "Jianfan")],
                path: "Benchmarks/BenchmarkTexts"),
        .executableTarget(
            name: "Conversion",
            dependencies: [
                "BenchmarkTexts",
                .product(name: "Jianfan", package: "Jianfan"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/Conversion",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "Normalization",
            dependencies: [
                "BenchmarkTexts",
                .product(name: "Jianfan", package: "Jianfan"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/Normalization",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "Alignment",
            dependencies: [
                "BenchmarkTexts",
                .product(name: "Jianfan", package: "Jianfan"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/Alignment",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
