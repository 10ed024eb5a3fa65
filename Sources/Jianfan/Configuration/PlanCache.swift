#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Compiled plans of configuration files kept on disk, so that a configuration is compiled
/// once and later runs only hash its files (like OpenCC's `.ocd2`, but automatic).
///
/// A cache file holds one plan in the format of the built-in blob (``TableSet``), behind a
/// header that says what it is and lets a reader check it before trusting it:
///
///     header   "JFPC" cacheVersion tableVersion 0        4 × UInt32
///              payloadLength                              UInt64
///              key                                        2 × UInt64 (``ContentHash``)
///              checksum of the payload                    2 × UInt64
///              zeros up to byte 64
///     payload  a ``TableSet`` blob of one plan record and its tables
///
/// The file is named after its key: the hash of both versions, the configuration file's bytes,
/// what each step names, every dictionary it loads (bytes, in order) and whether tofu-risk
/// dictionaries are included. A file that is missing, short, damaged or of another version is ignored (and
/// rewritten); writing is atomic (a temporary file renamed over the name) and never fatal.
/// A file is mapped, not read, and checked whole (its checksum) before any table is used: files
/// are only ever replaced by a rename, never changed in place, so a mapping stays what was checked.
struct PlanCache {
    static let magic: UInt32 = 0x4350_464A   // "JFPC"
    /// The version of this file's layout around the payload.
    static let version: UInt32 = 1
    static let headerSize = 64

    /// The directory the files are in (made, mode 0755, on the first write).
    let directory: String

    /// The key of `file`'s plan. Where the files were found does not matter, only what each
    /// step names (a file by its place in `files`, an embedded dictionary, an inline one) and
    /// the bytes: the same configuration and dictionaries moved elsewhere are the same plan.
    static func key(_ file: ConfigurationFile, includeTofuRisk: Bool) -> (UInt64, UInt64) {
        var h = ContentHash()
        h.update(UInt64(version) << 32 | UInt64(TableSet.version))
        h.update(file.bytes)
        h.update(includeTofuRisk ? 1 : 0)
        var names: [String: String] = [:]
        for (i, d) in file.files.enumerated() { names[d.name] = "#\(i)" }
        let definition = file.definition
        let steps = definition.normalization + [definition.segmentation].compactMap { $0 } + [nil] + definition.chain
        for step in steps {
            h.update(step.map { canonical($0, names) } ?? "|")
        }
        for d in file.files { h.update(d.bytes) }
        for name in file.embeddedNames.sorted() {
            h.update(name)
            if let bytes = EmbeddedData.files[name + ".txt"] { h.update(bytes) }
        }
        return h.digest
    }

    /// `spec`'s signature with each file's name replaced by `names[name]`, an inline
    /// dictionary's by its number (without the path), and the tofu flags.
    private static func canonical(_ spec: DictionarySpec, _ names: [String: String]) -> String {
        switch spec {
        case .file(let name, let tofu):
            let stable = names[name] ?? String(name.prefix { $0 != "@" })
            return stable + (tofu ? "!" : "")
        case .group(let policy, let children):
            return "\(policy.rawValue)[\(children.map { canonical($0, names) }.joined(separator: ","))]"
        }
    }

    /// The path of the file for `key`.
    func path(_ key: (UInt64, UInt64)) -> String {
        directory + "/" + hex(key.0) + hex(key.1) + ".jfplan"
    }

    /// The plan stored for `key`, or why there is none that checks out.
    func load(_ key: (UInt64, UInt64)) -> Result<Plan, CacheMiss> {
        loadSet(key).map { set, storage in Plan(record: set.records[0], table: set.table, storage: storage) }
    }

    /// The table set of one plan stored for `key`, and the memory that holds it.
    func loadSet(_ key: (UInt64, UInt64)) -> Result<(TableSet, TableStorage), CacheMiss> {
        // Mapped, the file costs about 60% of the CPU time of reading and copying it (s2twp:
        // 16 against 27 ms for a whole process); read where it cannot be mapped.
        guard let storage = TableStorage(mapping: path(key))
                ?? FileBytes.contents(atPath: path(key)).map({ TableStorage(copying: Data($0)) }) else {
            return .failure(.absent)
        }
        guard let set = PlanCache.verify(storage.bytes, key: key) else { return .failure(.invalid) }
        return .success((set, storage))
    }

    /// The payload of a cache file's bytes as a ``TableSet`` of one plan, or nil unless the
    /// header, length, key and checksum all check out.
    static func verify(_ bytes: UnsafeRawBufferPointer, key: (UInt64, UInt64)) -> TableSet? {
        guard bytes.count >= headerSize, let base = bytes.baseAddress else { return nil }
        func word(_ at: Int) -> UInt64 { UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt64.self)) }
        guard UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: 0, as: UInt32.self)) == magic,
              UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: 4, as: UInt32.self)) == version,
              UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: 8, as: UInt32.self)) == TableSet.version,
              bytes.loadUnaligned(fromByteOffset: 12, as: UInt32.self) == 0, word(56) == 0,
              word(16) == UInt64(bytes.count - headerSize), word(24) == key.0, word(32) == key.1 else { return nil }
        let payload = UnsafeRawBufferPointer(rebasing: bytes[headerSize...])
        let checksum = ContentHash.of(payload)
        guard checksum.0 == word(40), checksum.1 == word(48),
              let set = TableSet(base: base + headerSize, count: payload.count), set.records.count == 1 else { return nil }
        return set
    }

    /// Stores `tables` and `record` under `key`: nil when done, else why not.
    @discardableResult
    func store(_ key: (UInt64, UInt64), tables: [[UInt8]], record: PlanRecord) -> String? {
        let payload = TableSet.serialize(tables: tables, records: [record])
        var file = [UInt8](repeating: 0, count: PlanCache.headerSize)
        file.withUnsafeMutableBytes { raw in
            raw.storeBytes(of: PlanCache.magic.littleEndian, toByteOffset: 0, as: UInt32.self)
            raw.storeBytes(of: PlanCache.version.littleEndian, toByteOffset: 4, as: UInt32.self)
            raw.storeBytes(of: TableSet.version.littleEndian, toByteOffset: 8, as: UInt32.self)
            let checksum = payload.withUnsafeBytes { ContentHash.of($0) }
            for (i, word) in [UInt64(payload.count), key.0, key.1, checksum.0, checksum.1].enumerated() {
                raw.storeBytes(of: word.littleEndian, toByteOffset: 16 + 8 * i, as: UInt64.self)
            }
        }
        file += payload
        return PlanCache.writeAtomically(file, to: path(key), directory: directory)
    }

    /// Writes `bytes` to a temporary file in `directory` (made if missing) and renames it to
    /// `path`, mode 0644: nil when done, else why not.
    static func writeAtomically(_ bytes: [UInt8], to path: String, directory: String) -> String? {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o755])
        } catch {
            return "cannot create \(directory): \(error)"
        }
        let temporary = "\(path).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else { return "cannot write in \(directory): \(String(cString: strerror(errno)))" }
        var written = 0
        let ok = bytes.withUnsafeBytes { raw -> Bool in
            while written < raw.count {
                let n = write(fd, raw.baseAddress! + written, raw.count - written)
                if n <= 0 { return false }
                written += n
            }
            return true
        }
        let closed = close(fd) == 0
        guard ok, closed, rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            return "cannot write \(path): \(reason)"
        }
        return nil
    }

    private func hex(_ v: UInt64) -> String {
        let digits = String(v, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

/// Why a cached plan was not used.
enum CacheMiss: Error, Equatable {
    /// No file for the key.
    case absent
    /// A file that is short, damaged or of another version.
    case invalid
}
