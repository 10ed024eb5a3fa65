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
        // The processor count, without Foundation's ProcessInfo (see Concurrency.swift).
        .target(name: "CJianfanSystem"),

        // The library.
        .target(
            name: "Jianfan",
            dependencies: ["CJianfanICU", "CJianfanSystem", "CJianfanTables", "CJianfanUTF8"]
        ),

        // Documents: EPUB, Office and OpenDocument archives, XML text, subtitles. Apart from
        // the library so that `Jianfan` itself needs neither Foundation nor a zip reader.
        .target(
            name: "JianfanDocuments",
            dependencies: ["Jianfan", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),

        // Command-line tools.
        .executableTarget(
            name: "JianfanCLI",
            dependencies: [
                "Jianfan", "JianfanDocuments",
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
        .testTarget(name: "JianfanExamplesTests", dependencies: ["Jianfan", "JianfanDocuments", "JianfanCLI"]),
    ]
)
