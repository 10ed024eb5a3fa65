import Foundation

/// The seed documents copied into `Tests/Fixtures`, found relative to this file.
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let packageRoot = directory.deletingLastPathComponent().deletingLastPathComponent()

    static let names = [
        "000_aa6772dc82afe11c.txt", "001_f0669431c2f3313a.txt", "002_7030ff37d4fe984f.txt",
        "003_88105dcff76d5796.txt", "004_c94b25b35698020a.txt",
    ]

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: directory.appendingPathComponent(name)))
    }

    static func text(_ name: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }

    /// Every fixture concatenated `times` times: a few MB of real mixed text.
    static func corpus(times: Int) throws -> [UInt8] {
        let all = try names.flatMap { try bytes($0) }
        return Array((0..<times).map { _ in all }.joined())
    }
}
