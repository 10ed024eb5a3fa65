#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Small stand-ins for OpenCC's three large dictionaries, made for each input from its text.
///
/// Why: a configuration that names `STPhrases.ocd2` and is not one of the built-in ones compiles
/// the embedded STPhrases (49,238 entries) on every execution: under AddressSanitizer that is a
/// good part of a second, and the target ran at about one execution per second, far too slow to
/// find anything. The compiler and the engine do the same work on a few entries as on all of
/// them, so the target names, in place of each large dictionary, a text dictionary of its
/// entries whose key occurs in the input's text (the conversion still meets real phrases where
/// the text has them) and of its first 16 entries (never empty).
///
/// The configuration is rewritten for it: `"ocd2"` and `"ocd"` types become `"text"`, and
/// `.ocd2` / `.ocd` file names `.txt`. The small OpenCC dictionaries, not written here, are then
/// not found in the scratch directory and come from the embedded copies as before; the large
/// ones are found there, as the stand-ins.
struct StandInDictionaries {
    /// The file name, and each entry's key (as scalars) with its whole line (LF included).
    private let dictionaries: [(name: String, entries: [Entry])]
    /// Per dictionary: the entries by the first scalar of their key.
    private let byFirstScalar: [[UInt32: [Int]]]

    struct Entry {
        let key: [UInt32]
        let line: [UInt8]
    }

    /// The large dictionaries, from `Data/Dictionaries` under the current directory (the
    /// repository's root, where `Scripts/fuzz.sh` runs the targets) or `JIANFAN_FUZZ_DATA`.
    static let names = ["STPhrases", "STCharacters", "TSCharacters"]

    init() {
        let folder = getenv("JIANFAN_FUZZ_DATA").map { String(cString: $0) } ?? "Data/Dictionaries"
        var dictionaries: [(name: String, entries: [Entry])] = []
        for name in Self.names {
            guard let bytes = Self.read(folder + "/" + name + ".txt") else {
                fatalError("cannot read \(folder)/\(name).txt: run from the repository's root or set JIANFAN_FUZZ_DATA")
            }
            var entries: [Entry] = []
            for line in bytes.split(separator: 0x0A) {
                guard let tab = line.firstIndex(of: 0x09) else { continue }
                let key = String(decoding: line[..<tab], as: UTF8.self).unicodeScalars.map(\.value)
                guard !key.isEmpty else { continue }
                entries.append(Entry(key: key, line: Array(line) + [0x0A]))
            }
            dictionaries.append((name + ".txt", entries))
        }
        self.dictionaries = dictionaries
        byFirstScalar = dictionaries.map { dictionary in
            var index: [UInt32: [Int]] = [:]
            for (i, e) in dictionary.entries.enumerated() { index[e.key[0], default: []].append(i) }
            return index
        }
    }

    /// Writes into `directory` the stand-in for `text` of each dictionary `configuration` names
    /// (the file of one it does not name is not read: an earlier one may stay).
    func write(for text: String, naming configuration: [UInt8], into directory: String) {
        let scalars = text.unicodeScalars.map(\.value)
        for (d, dictionary) in dictionaries.enumerated() where Self.contains(configuration, Self.names[d]) {
            var chosen = Set<Int>(0..<min(16, dictionary.entries.count))
            for start in scalars.indices {
                for i in byFirstScalar[d][scalars[start]] ?? [] {
                    let key = dictionary.entries[i].key
                    if scalars[start...].starts(with: key) { chosen.insert(i) }
                }
            }
            var file: [UInt8] = []
            for i in chosen.sorted() { file += dictionary.entries[i].line }
            Scratch.store(file, at: directory + "/" + dictionary.name)
        }
    }

    /// `configuration` with every binary dictionary named as a text one (see the type's doc).
    static func asText(_ configuration: [UInt8]) -> [UInt8] {
        var bytes = configuration
        for (from, to) in [("\"ocd2\"", "\"text\""), ("\"ocd\"", "\"text\""), (".ocd2\"", ".txt\""), (".ocd\"", ".txt\"")] {
            bytes = replacing(Array(from.utf8), with: Array(to.utf8), in: bytes)
        }
        return bytes
    }

    private static func contains(_ bytes: [UInt8], _ name: String) -> Bool {
        let pattern = Array(name.utf8)
        guard bytes.count >= pattern.count else { return false }
        return (0...(bytes.count - pattern.count)).contains { bytes[$0] == pattern[0] && bytes[$0...].starts(with: pattern) }
    }

    private static func replacing(_ pattern: [UInt8], with replacement: [UInt8], in bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == pattern[0], bytes[i...].starts(with: pattern) {
                out += replacement
                i += pattern.count
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return out
    }

    private static func read(_ path: String) -> [UInt8]? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = fread(&buffer, 1, buffer.count, file)
            if n <= 0 { break }
            bytes += buffer[..<n]
        }
        return bytes
    }
}
