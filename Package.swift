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
        .target(
            name: "CJianfanICU",
            linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icui18n")]
        ),
        // The compiled conversion tables, embedded with C23 #embed (regenerate with
        // `swift run jianfan-tables`; a test checks the blob matches Data/).
        .target(name: "CJianfanTables", exclude: ["tables.bin"]),
        // UTF-8 validation 16 bytes at a time (SSSE3 table lookups), for the valid bulk of input.
        .target(name: "CJianfanUTF8"),

        // The library.
        .target(
            name: "Jianfan",
            dependencies: ["CJianfanICU", "CJianfanTables", "CJianfanUTF8"]
        ),

        // Command-line tools.
        .executableTarget(
            name: "JianfanCLI",
            dependencies: ["Jianfan", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(name: "jianfan-tables", dependencies: ["Jianfan"]),

        // Tests: unit, and end-to-end against the built `jianfan` binary.
        .testTarget(name: "JianfanTests", dependencies: ["Jianfan"]),
        .testTarget(name: "JianfanCLITests", dependencies: ["Jianfan"]),
    ]
)
