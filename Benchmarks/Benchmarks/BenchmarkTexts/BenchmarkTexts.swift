import Foundation
import Jianfan

/// Inputs for the benchmarks, built deterministically from the seed documents in
/// `Tests/Fixtures` (real Simplified and Traditional text, markup and ASCII included).
public enum BenchmarkTexts {
    public enum Size: String, CaseIterable, Sendable {
        case small = "50KB", medium = "1MB", large = "20MB"
        public var bytes: Int {
            switch self {
            case .small: 50_000
            case .medium: 1_000_000
            case .large: 20_000_000
            }
        }
    }

    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Tests/Fixtures")

    static func read(_ name: String) -> [UInt8] {
        guard let data = try? Data(contentsOf: fixtures.appendingPathComponent(name)) else {
            fatalError("benchmark input \(name) not found in \(fixtures.path)")
        }
        return Array(data)
    }

    /// Simplified text: the four Simplified seed documents, then the Traditional one converted.
    public static let simplifiedSeed: [UInt8] = {
        var text = ["000_aa6772dc82afe11c.txt", "002_7030ff37d4fe984f.txt", "003_88105dcff76d5796.txt",
                    "004_c94b25b35698020a.txt"].flatMap(read)
        text += Array(Converter(.t2s).convert(String(decoding: read("001_f0669431c2f3313a.txt"), as: UTF8.self)).utf8)
        return text
    }()

    /// Traditional text: the Traditional seed, then the Simplified ones converted with s2t.
    public static let traditionalSeed: [UInt8] = {
        read("001_f0669431c2f3313a.txt")
            + Array(Converter(.s2t).convert(String(decoding: simplifiedSeed, as: UTF8.self)).utf8)
    }()

    /// `seed` repeated to at least `size` bytes, cut after a line break.
    public static func text(_ seed: [UInt8], size: Size) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(size.bytes + seed.count)
        while out.count < size.bytes { out += seed }
        if let cut = out[size.bytes...].firstIndex(of: 0x0A) { out.removeSubrange((cut + 1)...) }
        return out
    }

    /// The input a configuration reads: Simplified for `s2*`, Traditional for the rest.
    public static func input(for config: Config, size: Size) -> [UInt8] {
        text(config.rawValue.hasPrefix("s2") ? simplifiedSeed : traditionalSeed, size: size)
    }
}
