import Foundation
import Testing

/// The fixture documents, found next to this file: `Tests/Fixtures/<prefix>_*.txt`.
enum NormalizeFixtures {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The text of the fixture whose name starts with `prefix` (e.g. `"001"`).
    static func text(_ prefix: String) throws -> String {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        let name = try #require(names.sorted().first { $0.hasPrefix(prefix + "_") && $0.hasSuffix(".txt") })
        return try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }
}

@Suite struct NormalizeFixtureSupportTests {
    @Test func everyFixtureIsFound() throws {
        for prefix in ["000", "001", "002", "003", "004"] {
            #expect(try !NormalizeFixtures.text(prefix).isEmpty)
        }
    }
}
