import Foundation
import Testing
@testable import Jianfan

/// The on-disk cache of compiled configuration plans (``PlanCache``): a hit converts exactly as
/// a fresh compile, any change of the bytes misses, and no damaged file is ever trusted.
@Suite("Cached plans of configuration files")
struct PlanCacheTests {
    static let config = """
    { "conversion_chain": [ { "dict": { "type": "group", "dicts": [
        { "type": "text", "file": "mine.txt" }, { "type": "ocd2", "file": "STCharacters.ocd2" } ] } } ] }
    """
    static let dictionary = "软件\t軟體\n头发\t頭髮\n"
    static let input = "软件和头发，还有鼠标。\n"
    static let expected = "軟體和頭髮，還有鼠標。\n"

    /// A fresh directory with the config and its dictionary; the cache goes in `cache/`.
    func setUp(dictionary: String = PlanCacheTests.dictionary) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jianfan-cache-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try Data(Self.config.utf8).write(to: URL(fileURLWithPath: dir + "/mine.json"))
        try Data(dictionary.utf8).write(to: URL(fileURLWithPath: dir + "/mine.txt"))
        return dir
    }

    func converter(_ dir: String, cache: String? = nil, notes: inout [String]) throws -> Converter {
        var heard: [String] = []
        let c = try Converter(configuration: dir + "/mine.json", searchPaths: [], includeTofuRiskDictionaries: false,
                              cacheDirectory: cache ?? dir + "/cache", note: { heard.append($0) })
        notes += heard
        return c
    }

    /// Whether the converter's plan was read from a cache file (a copied blob) rather than compiled.
    func isCached(_ c: Converter) -> Bool { (c.plan.storage?.bytes.count ?? 0) > 0 }

    func cacheFiles(_ dir: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir + "/cache").sorted()
    }

    @Test("a miss compiles and stores; a hit reads the plan and converts byte for byte the same")
    func hitEqualsMiss() throws {
        let dir = try setUp()
        var notes: [String] = []
        let miss = try converter(dir, notes: &notes)
        #expect(!isCached(miss))
        #expect(notes.count == 1 && notes[0].hasPrefix("no cached plan"), "\(notes)")
        let files = try cacheFiles(dir)
        #expect(files.count == 1 && files[0].hasSuffix(".jfplan"), "\(files)")
        let attributes = try FileManager.default.attributesOfItem(atPath: dir + "/cache/" + files[0])
        #expect((attributes[.posixPermissions] as? Int).map { $0 & 0o644 == 0o644 } == true)
        notes = []
        let hit = try converter(dir, notes: &notes)
        #expect(isCached(hit))
        #expect(notes.isEmpty, "\(notes)")
        for name in Fixtures.names {
            let text = try Fixtures.text(name)
            #expect(hit.convert(text) == miss.convert(text), "\(name)")
        }
        #expect(hit.convert(Self.input) == Self.expected)
        #expect(try Converter(configuration: dir + "/mine.json").convert(Self.input) == Self.expected)
    }

    @Test("the same files in another directory are the same plan")
    func movedFilesHit() throws {
        let dir = try setUp(), elsewhere = try setUp()
        var notes: [String] = []
        _ = try converter(dir, notes: &notes)
        let moved = try converter(elsewhere, cache: dir + "/cache", notes: &notes)
        #expect(isCached(moved))
        #expect(moved.convert(Self.input) == Self.expected)
    }

    @Test("changing one byte of a dictionary, or the tofu option, is another key")
    func changedBytesMiss() throws {
        let dir = try setUp()
        var notes: [String] = []
        _ = try converter(dir, notes: &notes)
        try Data(Self.dictionary.replacingOccurrences(of: "軟體", with: "軟件").utf8).write(to: URL(fileURLWithPath: dir + "/mine.txt"))
        let changed = try converter(dir, notes: &notes)
        #expect(!isCached(changed))
        #expect(changed.convert("软件") == "軟件")
        #expect(try cacheFiles(dir).count == 2)
        let tofu = try Converter(configuration: dir + "/mine.json", includeTofuRiskDictionaries: true, cacheDirectory: dir + "/cache")
        #expect(!isCached(tofu))
        #expect(try cacheFiles(dir).count == 3)
    }

    /// Every prefix of a cache file is rejected by the check, and a few truncated files on disk
    /// are ignored, converted right, and rewritten.
    @Test("truncated cache files are ignored and rewritten")
    func truncated() throws {
        let dir = try setUp()
        var notes: [String] = []
        _ = try converter(dir, notes: &notes)
        let path = dir + "/cache/" + (try cacheFiles(dir))[0]
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let file = try ConfigurationFile(path: dir + "/mine.json", searchPaths: [], dataDirectory: nil)
        let key = PlanCache.key(file, includeTofuRisk: false)
        #expect(bytes.withUnsafeBytes { PlanCache.verify($0, key: key) } != nil)
        #expect(bytes.withUnsafeBytes { PlanCache.verify($0, key: (key.0 ^ 1, key.1)) } == nil, "another key")
        for length in 0..<bytes.count {
            let rejected = bytes[..<length].withUnsafeBytes { PlanCache.verify($0, key: key) } == nil
            #expect(rejected, "a prefix of \(length) bytes")
            if !rejected { break }
        }
        for length in [0, 1, 8, 63, 64, 65, 1000, bytes.count / 2, bytes.count - 1] {
            try Data(bytes[..<length]).write(to: URL(fileURLWithPath: path))
            notes = []
            let c = try converter(dir, notes: &notes)
            #expect(!isCached(c) && c.convert(Self.input) == Self.expected, "\(length) bytes")
            #expect(notes.first?.contains("damaged") == true, "\(notes)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)).count == bytes.count, "rewritten")
        }
    }

    @Test("a cache file with flipped bytes is ignored, and the output stays right")
    func flippedBytes() throws {
        let dir = try setUp()
        var notes: [String] = []
        _ = try converter(dir, notes: &notes)
        let path = dir + "/cache/" + (try cacheFiles(dir))[0]
        let good = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        var random = SplitMix64(seed: 13)
        // The header's fields, then random places anywhere in the file.
        let offsets = Array(0..<64) + (0..<40).map { _ in Int.random(in: 64..<good.count, using: &random) }
        for offset in offsets {
            var bad = good
            bad[offset] ^= UInt8.random(in: 1...255, using: &random)
            try Data(bad).write(to: URL(fileURLWithPath: path))
            notes = []
            let c = try converter(dir, notes: &notes)
            #expect(!isCached(c), "byte \(offset)")
            #expect(c.convert(Self.input) == Self.expected, "byte \(offset)")
        }
    }

    @Test("an unwritable cache directory only means compiling")
    func unwritable() throws {
        let dir = try setUp()
        try Data("not a directory".utf8).write(to: URL(fileURLWithPath: dir + "/file"))
        var notes: [String] = []
        let c = try converter(dir, cache: dir + "/file/cache", notes: &notes)
        #expect(c.convert(Self.input) == Self.expected)
        #expect(notes.contains { $0.hasPrefix("plan not cached: cannot create") }, "\(notes)")
    }

    @Test("no cache directory: nothing is written")
    func noCacheByDefault() throws {
        let dir = try setUp()
        let c = try Converter(configuration: dir + "/mine.json")
        #expect(c.convert(Self.input) == Self.expected)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["mine.json", "mine.txt"])
    }

    /// `--dict` files: the table is cached; a hit (whose cutter comes from the cached record)
    /// converts the fixtures byte for byte as a fresh build, with keys that hold cut candidates
    /// (，and a space) and ASCII.
    @Test("user dictionary files: a hit converts as a miss; one byte changed misses")
    func userDictionaryFiles() throws {
        let dir = try setUp()
        try Data("软件\t軟件\n，但\t，但是\na b\tA B\n的\t的\n".utf8).write(to: URL(fileURLWithPath: dir + "/u1.txt"))
        try Data("硬件\t硬件\n软件\t不用\n".utf8).write(to: URL(fileURLWithPath: dir + "/u2.txt"))
        let files = [dir + "/u1.txt", dir + "/u2.txt"]
        var notes: [String] = []
        let base = Converter(.s2twp)
        let miss = try base.overriding(dictionaryFiles: files, cacheDirectory: dir + "/cache") { notes.append($0) }
        #expect(notes.count == 1 && notes[0].hasPrefix("no cached table"), "\(notes)")
        notes = []
        let hit = try base.overriding(dictionaryFiles: files, cacheDirectory: dir + "/cache") { notes.append($0) }
        #expect(notes.isEmpty, "\(notes)")
        #expect((hit.plan.overrides?.storage.bytes.count ?? 0) > 0, "read from the cache")
        #expect(hit.plan.cutter.scalars == miss.plan.cutter.scalars)
        let uncached = try base.overriding(dictionaryFiles: files, cacheDirectory: nil) { _ in }
        #expect(hit.convert("软件和硬件，但是 a b") == "軟件和硬件，但是是 A")   // "A B": the first candidate is "A"
        for name in Fixtures.names {
            let text = try Fixtures.text(name) + "软件，但 a b"
            #expect(hit.convert(text) == uncached.convert(text), "\(name)")
            #expect(miss.convert(text) == uncached.convert(text), "\(name)")
        }
        try Data("软件\t軟件\n".utf8).write(to: URL(fileURLWithPath: dir + "/u2.txt"))
        let changed = try base.overriding(dictionaryFiles: files, cacheDirectory: dir + "/cache") { _ in }
        #expect((changed.plan.overrides?.storage.bytes.count ?? 0) == 0, "compiled again")
        #expect(changed.convert("硬件") == "硬體")
    }

    @Test("ContentHash: the length and every byte count")
    func contentHash() {
        func hash(_ parts: [[UInt8]]) -> [UInt64] {
            var h = ContentHash()
            for p in parts { h.update(p) }
            return [h.digest.0, h.digest.1]
        }
        #expect(hash([[1, 2], [3]]) != hash([[1], [2, 3]]))
        #expect(hash([[]]) != hash([[0]]))
        #expect(hash([[0]]) != hash([[0, 0]]))
        let base = Array(repeating: UInt8(7), count: 37)
        var seen = Set([hash([base])])
        for i in 0..<base.count {
            var b = base
            b[i] ^= 1
            seen.insert(hash([b]))
        }
        #expect(seen.count == base.count + 1)
        #expect(hash([base]) == hash([base]))
    }
}
