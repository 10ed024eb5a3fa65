#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A user's own entries: where a key matches the input, its value is the output, and no stage of
/// the configuration touches it (``Converter/overriding(_:)``, `jianfan --dict FILE`).
///
/// Entries are matched on the input before the configuration runs, by greedy longest match
/// among themselves; the text between two matches is converted as a text of its own, so a
/// longer phrase of the configuration that starts before a user entry does not swallow it.
///
/// ```swift
/// let mine = try UserDictionary(["软件": "軟件"])
/// let converter = try Converter(.s2twp).overriding(mine)
/// converter.convert("软件和硬件")   // "軟件和硬體"
/// ```
public struct UserDictionary: Sendable {
    /// The entries, in the order they were given (keys and values as Unicode scalars / UTF-8).
    var entries: [DictionaryText.Entry]

    /// The number of entries.
    public var count: Int { entries.count }

    /// Entries from a dictionary literal or map, in key order.
    /// - Throws: ``ConfigurationError`` for an empty key or value, or a key that starts with an
    ///   ideographic description character (OpenCC's rules).
    public init(_ entries: [String: String]) throws(ConfigurationError) {
        var parsed: [DictionaryText.Entry] = []
        for (key, value) in entries.sorted(by: { $0.key < $1.key }) {
            try UserEntries.check(key: key) { reason throws(ConfigurationError) in
                throw ConfigurationError(file: nil, reason: "\"\(key)\": \(reason)")
            }
            guard !value.isEmpty else { throw ConfigurationError(file: nil, reason: "\"\(key)\": empty value") }
            guard value.utf8.count <= DictionaryText.longestValue else {
                throw ConfigurationError(file: nil, reason: "\"\(key)\": \(DictionaryText.tooLong)")
            }
            parsed.append(DictionaryText.Entry(key: key.unicodeScalars.map(\.value), value: Array(value.utf8)))
        }
        self.entries = parsed
    }

    /// Reads an OpenCC text dictionary (`key<TAB>value[ value…]` per line; the first value is
    /// used), as `opencc_dict -t text` writes it.
    /// - Throws: ``ConfigurationError`` naming the file and line.
    public init(contentsOfFile path: String) throws(ConfigurationError) {
        try self.init(parsing: try ConfigurationFile.text(try ConfigurationFile.readBytes(path), path: path), name: path)
    }

    /// Parses the text of an OpenCC text dictionary; `name` is used in errors.
    public init(parsing text: String, name: String) throws(ConfigurationError) {
        entries = try DictionaryText.checked(parsing: text, name: name, file: name).entries
    }

    /// These entries, then `other`'s whose keys are not already here (the first one given wins).
    public func merging(_ other: UserDictionary) -> UserDictionary {
        var merged = self
        let keys = Set(entries.map(\.key))
        merged.entries += other.entries.filter { !keys.contains($0.key) }
        return merged
    }
}

/// OpenCC's rules for a key, shared by inline dictionaries and user entries.
enum UserEntries {
    static func check(key: String, fail: (String) throws(ConfigurationError) -> Void) throws(ConfigurationError) {
        guard let first = key.unicodeScalars.first else { try fail("empty key"); return }
        if UTF8Scalars.isIDSOperator(first.value) { try fail("a key may not start with an ideographic description character") }
    }
}

extension DictionaryText {
    /// Parses a user's text dictionary (from `--dict`, a library call or a configuration) with
    /// the errors a user sees: ``ConfigurationError`` naming `file` and the line at fault.
    static func checked(parsing text: String, name: String, file: String) throws(ConfigurationError) -> DictionaryText {
        let parsed: DictionaryText
        do {
            parsed = try DictionaryText(parsing: text, name: name)
        } catch DictionaryError.malformedLine(_, let line) {
            throw ConfigurationError(file: file, line: line, reason: "expected key<TAB>value, with a non-empty key and value")
        } catch DictionaryError.valueTooLong(_, let line) {
            throw ConfigurationError(file: file, line: line, reason: DictionaryText.tooLong)
        } catch {
            throw ConfigurationError(file: file, reason: "\(error)")
        }
        for (i, entry) in parsed.entries.enumerated() where UTF8Scalars.isIDSOperator(entry.key[0]) {
            throw ConfigurationError(file: file, reason: "entry \(i + 1): a key may not start with an ideographic description character")
        }
        return parsed
    }
}
