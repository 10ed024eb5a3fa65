// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Jianfan",
    // Apple platforms: the releases whose Swift runtime has the Synchronization module (Atomic).
    platforms: [.macOS(.v15), .iOS(.v18), .tvOS(.v18), .watchOS(.v11), .visionOS(.v2)],
    products: [
        .library(name: "Jianfan", targets: ["Jianfan"]),
        .library(name: "JianfanDocuments", targets: ["JianfanDocuments"]),
        .executable(name: "jianfan", targets: ["JianfanCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // `swift package generate-documentation` (Scripts/docs.sh); plugins are not built into
        // a consumer's products.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
        // Tests only: an independent zip reader and writer to cross-check the archives that
        // JianfanDocuments reads and writes with its own code (see its target below).
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        // C shims; every C function is named `jianfan_…`. CJianfanICU declares the ICU functions
        // it calls itself and finds ICU at run time (dlopen: libicucore on Apple platforms,
        // libicuuc.so.NN elsewhere), so building needs no ICU at all, and no ICU type reaches
        // Swift (the toolchain's Foundation carries its own ICU; the two would clash). Not linked,
        // ICU also costs a process nothing until a transform needs it (linked: 1.5 MB and a fifth
        // of start-up). (`dl` is part of the C library since glibc 2.34; linking it keeps older
        // systems working.)
        .target(
            name: "CJianfanICU",
            linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux, .android]))]
        ),
        // The compiled conversion tables, embedded with C23 #embed (regenerate with
        // `swift run jianfan-tables`; a test checks the blob matches Data/).
        .target(name: "CJianfanTables", exclude: ["tables.bin"]),
        // UTF-8 validation by SIMD table lookups (AVX2, or SSSE3), for the valid bulk of input;
        // portable paths elsewhere. Tests run all three here (jianfan_utf8_force_portable,
        // jianfan_utf8_disable_avx2).
        .target(name: "CJianfanUTF8"),
        // The processor count, without Foundation's ProcessInfo (see Concurrency.swift); the
        // CLI's malloc thresholds for documents (DocumentHeap.swift).
        .target(name: "CJianfanSystem"),
        // Raw deflate and CRC-32 for zip documents over the system's zlib, found at run time as
        // CJianfanICU finds ICU (dlopen: libz.so.1, or /usr/lib/libz.1.dylib on Apple
        // platforms): no zlib header to build, nothing loaded until a document is read.
        .target(
            name: "CJianfanZlib",
            linkerSettings: [.linkedLibrary("dl", .when(platforms: [.linux, .android]))]
        ),

        // The library.
        .target(
            name: "Jianfan",
            dependencies: ["CJianfanICU", "CJianfanSystem", "CJianfanTables", "CJianfanUTF8"]
        ),

        // Documents: EPUB, Office and OpenDocument archives, XML text, subtitles. Apart from
        // the library so that `Jianfan` itself needs no zip reader. Its zip reader and writer
        // are its own (Zip/), without Foundation. The measured reason: with ZIPFoundation
        // 0.9.20, which imports all of Foundation, the `jianfan` CLI held 11.1 MB before
        // converting a byte (7.1 MB without it) and its static binary was 103 MB.
        .target(name: "JianfanDocuments", dependencies: ["Jianfan", "CJianfanZlib"]),

        // Command-line tools.
        .executableTarget(
            name: "JianfanCLI",
            dependencies: [
                "Jianfan", "JianfanDocuments", "CJianfanSystem",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "jianfan-tables", dependencies: ["Jianfan"]),

        // Tests: unit, end-to-end against the built `jianfan` binary, and every documented
        // example (the `///` examples of every target, the DocC articles' and the README's library
        // lines) compiled and run.
        .testTarget(name: "JianfanTests", dependencies: ["Jianfan", "CJianfanICU", "CJianfanUTF8"]),
        .testTarget(
            name: "JianfanCLITests",
            dependencies: ["Jianfan", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // The zip reader and writer on damaged and unusual archives, cross-checked with ZIPFoundation.
        .testTarget(
            name: "JianfanDocumentsTests",
            dependencies: ["Jianfan", "JianfanDocuments", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .testTarget(name: "JianfanExamplesTests", dependencies: ["Jianfan", "JianfanDocuments", "JianfanCLI"]),
    ]
)
