// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Jianfan",
    products: [
        .library(name: "Jianfan", targets: ["Jianfan"]),
        .executable(name: "jianfan", targets: ["JianfanCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
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

        // Command-line tools.
        .executableTarget(
            name: "JianfanCLI",
            dependencies: ["Jianfan", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(name: "jianfan-tables", dependencies: ["Jianfan"]),

        // Tests: unit, end-to-end against the built `jianfan` binary, and every documented
        // example (the `///` examples and the README's library lines) compiled and run.
        .testTarget(name: "JianfanTests", dependencies: ["Jianfan"]),
        .testTarget(name: "JianfanCLITests", dependencies: ["Jianfan"]),
        .testTarget(name: "JianfanExamplesTests", dependencies: ["Jianfan"]),
    ]
)
