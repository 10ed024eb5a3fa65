import Testing
@testable import Jianfan

/// OpenCC 1.4.2's own outputs (`Tests/Fixtures/Golden`, written by `Scripts/golden.sh`), compared
/// byte for byte: the five fixtures under every config, and the hard cases of the differential
/// script rebuilt from `cases.json` — phrases, ideographic description sequences and
/// compatibility ideographs straddling multiples of 16 and 32 KiB up to 1 MiB, where pieces,
/// stream windows and the opencc CLI's blocks are cut.
@Suite("Golden files: OpenCC 1.4.2's outputs, byte for byte")
struct GoldenFileTests {
    @Test("the fixtures, every config, every way of converting", arguments: Config.allCases)
    func fixtures(_ config: Config) throws {
        for (n, name) in Fixtures.names.enumerated() {
            let expected = try Golden.output(config, name)
            let failures = try Exactness.failures(config, try Fixtures.bytes(name), expected: expected,
                                                  ways: Exactness.all(seed: UInt64(n)))
            #expect(failures.isEmpty, "\(name): \(failures.joined(separator: "\n"))")
        }
    }

    @Test("the golden files are the ones their manifest lists")
    func manifest() throws {
        let sums = try String(contentsOf: Golden.directory.appendingPathComponent("SHA256SUMS"), encoding: .utf8)
        let listed = Set(sums.split(separator: "\n").compactMap { $0.split(separator: " ", omittingEmptySubsequences: true).last.map(String.init) })
        let expected = Set(Config.allCases.flatMap { c in Fixtures.names.map { "\(c.rawValue)/\($0)" } } + ["cases.json"])
        #expect(listed == expected)
        #expect(Golden.cases.layouts.count == 5 && Golden.cases.longLines.count == 5)
    }

    @Test("hard cases across piece, window and block cuts",
          arguments: Golden.cases.layouts, Config.allCases)
    func hardCases(_ layout: Golden.Layout, _ config: Config) throws {
        let layoutIndex = Golden.cases.layouts.firstIndex { $0.name == layout.name }!
        let configIndex = Config.allCases.firstIndex(of: config)!
        let input = layout.input
        #expect(input.count == layout.size && input.count >= Converter.parallelThreshold)
        // Straddled: the first piece's target, the serial piece size, the stream's window.
        for at in [1 << 16, 1 << 18, 1 << 19] { #expect(layout.cases.contains { $0.at == at }) }
        let seed = UInt64(layoutIndex * 100 + configIndex)
        let ways = [.whole(threads: 2), Exactness.rotating(layoutIndex + configIndex, seed: seed)]
        let failures = try Exactness.failures(config, input, expected: layout.output(config), ways: ways)
        #expect(failures.isEmpty, "\(layout.name): \(failures.joined(separator: "\n"))")
    }

    @Test("one layout straddles the opencc CLI's 1 MiB block")
    func blockBoundary() {
        #expect(Golden.cases.layouts.contains { layout in layout.cases.contains { $0.at == 1 << 20 } })
    }
}
