/// One OpenCC text dictionary (`key<TAB>value1 value2 …` per line), as used by the table compiler.
///
/// Only the first candidate of a one-to-many entry is kept: it is the one OpenCC outputs.
///
/// ```swift
/// let dict = try DictionaryText(parsing: "发\t發 髮\n", name: "STCharacters")
/// dict.entries[0].value   // Array("發".utf8)
/// ```
package struct DictionaryText: Sendable {
    package struct Entry: Sendable, Equatable {
        /// The key as Unicode scalar values.
        package var key: [UInt32]
        /// The first candidate, UTF-8.
        package var value: [UInt8]
    }

    package let name: String
    package let entries: [Entry]

    package init(name: String, entries: [Entry]) {
        self.name = name
        self.entries = entries
    }

    package init(parsing text: String, name: String) throws {
        var entries: [Entry] = []
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = line.hasSuffix("\r") ? line.dropLast() : line
            if line.isEmpty { continue }
            guard let tab = line.firstIndex(of: "\t") else {
                throw DictionaryError.malformedLine(dictionary: name, line: lineNumber)
            }
            let key = line[..<tab].unicodeScalars.map(\.value)
            let candidates = line[line.index(after: tab)...].split(separator: " ")
            guard !key.isEmpty, let first = candidates.first else {
                throw DictionaryError.malformedLine(dictionary: name, line: lineNumber)
            }
            entries.append(Entry(key: key, value: Array(first.utf8)))
        }
        self.name = name
        self.entries = entries
    }
}

/// A dictionary or configuration that cannot be compiled.
package enum DictionaryError: Error, CustomStringConvertible {
    case malformedLine(dictionary: String, line: Int)
    case missingDictionary(String)
    case unsupportedConfig(String, reason: String)

    package var description: String {
        switch self {
        case .malformedLine(let name, let line): "dictionary \(name): malformed line \(line)"
        case .missingDictionary(let name): "dictionary \(name) not found"
        case .unsupportedConfig(let name, let reason): "config \(name): \(reason)"
        }
    }
}
