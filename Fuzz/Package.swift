// swift-tools-version: 6.1
// Jianfan's fuzz targets, a package of their own (like Benchmarks/) so that the library's
// `swift build` and `swift test` never see libFuzzer. Each target is a libFuzzer entry point
// (`LLVMFuzzerTestOneInput`); build and run them all with `Scripts/fuzz.sh`, which passes
// `--sanitize=address -Xswiftc -sanitize=fuzzer` so that Jianfan itself is instrumented too.
import PackageDescription

/// A fuzz target: an executable whose `@main` hands its callback to libFuzzer's driver.
func fuzzTarget(_ name: String) -> Target {
    .executableTarget(
        name: name,
        dependencies: ["FuzzSupport", .product(name: "Jianfan", package: "Jianfan")]
    )
}

let package = Package(
    name: "JianfanFuzz",
    dependencies: [
        // The identity of a path dependency is its folder name, which differs between clones.
        .package(name: "Jianfan", path: ".."),
    ],
    targets: [
        // Reading parameters and text out of a fuzzer's bytes; the shared checks.
        .target(name: "FuzzSupport", dependencies: ["CFuzzDriver", .product(name: "Jianfan", package: "Jianfan")]),
        // Declares libFuzzer's driver entry point, which has no header of its own.
        .target(name: "CFuzzDriver"),

        fuzzTarget("FuzzConverter"),        // every config on raw bytes, every byte API
        fuzzTarget("FuzzConverterPieces"),  // input repeated past the parallel threshold
        fuzzTarget("FuzzStream"),           // random chunk sizes against the whole conversion
        fuzzTarget("FuzzNormalizer"),       // Normalizer.standard on arbitrary text, whole and streamed
        fuzzTarget("FuzzProtectedRegions"), // markup and addresses inside converted prose
        fuzzTarget("FuzzAligner"),          // two arbitrary texts
        fuzzTarget("FuzzTransliterator"),   // ICU transforms on arbitrary text
        fuzzTarget("FuzzConfiguration"),    // configuration files and text dictionaries
        fuzzTarget("FuzzEncoding"),         // ICU's converters: decoding whole and in chunks
        fuzzTarget("FuzzFields"),           // the CLI's CSV/TSV and JSON-lines scanners (its files, linked in)
        .executableTarget(                  // zip documents: reader, damage checks, writer
            name: "FuzzArchive",
            dependencies: [
                "FuzzSupport", .product(name: "Jianfan", package: "Jianfan"),
                .product(name: "JianfanDocuments", package: "Jianfan"),
            ]
        ),
    ]
)
