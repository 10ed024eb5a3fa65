#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
internal import CJianfanTables

/// OpenCC 1.4.2's dictionaries and config files as embedded in the library (`data.c`), for
/// configurations that name them (`STPhrases.ocd2`) when the files are not on the search paths.
enum EmbeddedData {
    /// Every embedded file by name (`STPhrases.txt`, `s2t.json`).
    nonisolated(unsafe) static let files: [String: UnsafeRawBufferPointer] = {   // immutable once made
        var count = 0
        let list = jianfan_embedded_files(&count)!
        var files: [String: UnsafeRawBufferPointer] = [:]
        for i in 0..<count {
            files[String(cString: list[i].name)] = UnsafeRawBufferPointer(start: list[i].bytes, count: list[i].size)
        }
        return files
    }()

    /// The embedded dictionary OpenCC calls `name` (with or without `.ocd2`, `.ocd`, `.txt`).
    static func dictionary(_ name: String) -> DictionaryText? {
        let base = baseName(name)
        guard let bytes = files[base + ".txt"] else { return nil }
        return try? DictionaryText(parsing: String(decoding: bytes, as: UTF8.self), name: base)
    }

    /// The embedded OpenCC config `name` (`s2t`, `s2t.json`), parsed.
    static func config(_ name: String) -> ConfigDefinition? {
        guard let bytes = files[baseName(name) + ".json"] else { return nil }
        return try? ConfigDefinition(json: Data(bytes), name: name)
    }

    /// `STPhrases` for `STPhrases.ocd2`, `dir/STPhrases.txt` and `STPhrases`.
    static func baseName(_ file: String) -> String {
        var name = Substring(file)
        if let slash = name.lastIndex(of: "/") { name = name[name.index(after: slash)...] }
        for suffix in [".ocd2", ".ocd", ".txt", ".json"] where name.hasSuffix(suffix) {
            name = name.dropLast(suffix.count)
            break
        }
        return String(name)
    }
}
