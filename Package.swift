// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Jianfan",
    products: [
        .library(name: "Jianfan", targets: ["Jianfan"]),
        .library(name: "JianfanDocuments", targets: ["JianfanDocuments"]),
        .executable(name: "jianfan", targets: ["JianfanCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        // C shims. ICU headers are included only in CJianfanICU's .c file: the toolchain's
        // Foundation carries its own ICU and the two sets of headers clash in one Swift module.
        // ICU's libraries are opened at first use (dlopen), not linked: linked, they cost every
        // `jianfan` process 1.5 MB of memory and a fifth of its start-up. (`dl` is part of the C
        // library since glibc 2.34; linking it keeps older systems working.)
        .target(
            name: "CJianfanICU",
            linkerSettings: [.linkedLibrary("dl")]
        ),
        // The compiled conversion tables, embedded with C23 #embed (regenerate with
        // `swift run jianfan-tables`; a test checks the blob matches Data/).
        .target(name: "CJianfanTables", exclude: ["tables.bin"]),
        // UTF-8 validation 16 bytes at a time (SSSE3 table lookups), for the valid bulk of input.
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

        // Tests: unit, and end-to-end against the built `jianfan` binary.
        .testTarget(name: "JianfanTests", dependencies: ["Jianfan"]),
        .testTarget(
            name: "JianfanCLITests",
            dependencies: ["Jianfan", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
    ]
)
