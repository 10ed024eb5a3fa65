import Foundation
import Jianfan

/// Inputs for the benchmarks, deterministic.
///
/// If the environment variable `JIANFAN_BENCH_CORPUS` names a directory with `simplified.txt`
/// and `traditional.txt` (the real-text corpus of `Scripts/real-corpus.sh DIR`: man pages,
/// manuals, help and fortunes from Debian packages), the inputs are prefixes of those files,
/// cut after a line break (a file shorter than the size is repeated). Otherwise (with one line
/// on stderr saying so) they are the seed documents in `Tests/Fixtures` (real Simplified and
/// Traditional text, markup and ASCII included, about 50 KB) repeated to the size.
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

    /// The real-text corpus directory from `JIANFAN_BENCH_CORPUS`, or nil (noted once on stderr)
    /// if the variable is unset or the directory lacks `simplified.txt` or `traditional.txt`.
    public static let corpusDirectory: URL? = {
        let name = ProcessInfo.processInfo.environment["JIANFAN_BENCH_CORPUS"] ?? ""
        let dir = URL(fileURLWithPath: name, isDirectory: true)
        if !name.isEmpty, ["simplified.txt", "traditional.txt"].allSatisfy({
            FileManager.default.isReadableFile(atPath: dir.appendingPathComponent($0).path)
        }) {
            return dir
        }
        let why = name.isEmpty ? "JIANFAN_BENCH_CORPUS is not set"
            : "JIANFAN_BENCH_CORPUS=\(name) has no readable simplified.txt and traditional.txt"
        FileHandle.standardError.write(Data(("BenchmarkTexts: \(why); using the seed documents repeated. "
            + "For real text: Scripts/real-corpus.sh DIR, then JIANFAN_BENCH_CORPUS=DIR (absolute path).\n").utf8))
        return nil
    }()

    /// The first `size` bytes of `file`, cut after the next line break (like `text(_:size:)`);
    /// a file shorter than that is repeated.
    public static func prefix(of file: URL, size: Size) -> [UInt8] {
        guard let handle = try? FileHandle(forReadingFrom: file) else {
            fatalError("benchmark input \(file.path) cannot be read")
        }
        defer { try? handle.close() }
        var out: [UInt8] = []
        out.reserveCapacity(size.bytes + (1 << 20))
        while true {
            guard let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty else {
                guard !out.isEmpty else { fatalError("benchmark input \(file.path) is empty") }
                return text(out, size: size)
            }
            let start = out.count
            out += chunk
            if out.count > size.bytes, let cut = out[max(start, size.bytes)...].firstIndex(of: 0x0A) {
                out.removeSubrange((cut + 1)...)
                return out
            }
        }
    }

    /// The input a configuration reads: Simplified for `s2*`, Traditional for the rest.
    public static func input(for config: Config, size: Size) -> [UInt8] {
        let simplified = config.rawValue.hasPrefix("s2")
        if let dir = corpusDirectory {
            return prefix(of: dir.appendingPathComponent(simplified ? "simplified.txt" : "traditional.txt"), size: size)
        }
        return text(simplified ? simplifiedSeed : traditionalSeed, size: size)
    }
}
