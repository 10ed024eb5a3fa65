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
    /// The positions of `entries` in key order (of equal keys, in file order), when parsed.
    let order: [Int]?

    package init(name: String, entries: [Entry]) {
        self.name = name
        self.entries = entries
        order = nil
    }

    /// Parses the text in one pass over its UTF-8 bytes (lines end at LF, a CR before it is
    /// dropped; the key ends at the first tab; candidates are separated by spaces).
    /// The longest value a table holds, in UTF-8 bytes (its length is one byte of a record).
    package static let longestValue = 255
    /// Why a longer value is refused.
    package static let tooLong = "a value longer than 255 bytes (Jianfan's tables hold values of up to 255 bytes)"

    package init(parsing text: String, name: String) throws {
        var text = text
        self.name = name
        (entries, order) = try text.withUTF8 { try DictionaryText.parse($0, name: name) }
    }

    /// The entries, and their order by key. Each key's scalars go to one array first; once the
    /// order is known, the entries' arrays are made in it, so that they lie in memory as the
    /// tables read them, in key order (a dictionary file is in another: STPhrases in none a
    /// table knows), and walking the keys in order walks memory forward.
    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>, name: String) throws -> ([Entry], [Int]) {
        guard let base = bytes.baseAddress else { return ([], []) }
        // STPhrases averages 20 bytes a line.
        var scalars: [UInt32] = [], keyEnds: [Int] = [], values: [(from: Int, to: Int)] = []
        scalars.reserveCapacity(bytes.count / 6)
        keyEnds.reserveCapacity(bytes.count / 16)
        values.reserveCapacity(bytes.count / 16)
        var lineNumber = 0, start = 0
        let count = bytes.count
        while start < count {
            lineNumber += 1
            var end = start
            while end < count && bytes[end] != 0x0A { end += 1 }
            let next = end + 1
            if end > start && bytes[end - 1] == 0x0D { end -= 1 }
            defer { start = next }
            if end == start { continue }
            var tab = start
            while tab < end && bytes[tab] != 0x09 { tab += 1 }
            var from = tab + 1
            while from < end && bytes[from] == 0x20 { from += 1 }
            var to = from
            while to < end && bytes[to] != 0x20 { to += 1 }
            guard tab < end, tab > start, to > from else {
                throw DictionaryError.malformedLine(dictionary: name, line: lineNumber)
            }
            guard to - from <= DictionaryText.longestValue else {
                throw DictionaryError.valueTooLong(dictionary: name, line: lineNumber)
            }
            var i = start
            while i < tab {
                let (scalar, length) = UTF8Scalars.decode(base + i)
                scalars.append(scalar)
                i += length
            }
            keyEnds.append(scalars.count)
            values.append((from, to))
        }
        let order = scalars.withUnsafeBufferPointer { scalars in
            KeyOrder.order(count: keyEnds.count) { i in
                UnsafeBufferPointer(rebasing: scalars[(i == 0 ? 0 : keyEnds[i - 1])..<keyEnds[i]])
            }
        }
        let entries = [Entry](unsafeUninitializedCapacity: keyEnds.count) { buffer, initialized in
            for i in order {
                let key = Array(scalars[(i == 0 ? 0 : keyEnds[i - 1])..<keyEnds[i]])
                let value = Array(bytes[values[i].from..<values[i].to])
                (buffer.baseAddress! + i).initialize(to: Entry(key: key, value: value))
            }
            initialized = keyEnds.count
        }
        return (entries, order)
    }
}

/// A dictionary or configuration that cannot be compiled.
package enum DictionaryError: Error, CustomStringConvertible {
    case malformedLine(dictionary: String, line: Int)
    /// A value longer than ``DictionaryText/longestValue`` bytes.
    case valueTooLong(dictionary: String, line: Int)
    case missingDictionary(String)
    case unsupportedConfig(String, reason: String)
    /// Entries that one table cannot hold (see ``TableLimits``).
    case tooLarge(String, reason: String)

    package var description: String {
        switch self {
        case .malformedLine(let name, let line): "dictionary \(name): malformed line \(line)"
        case .valueTooLong(let name, let line): "dictionary \(name): line \(line): \(DictionaryText.tooLong)"
        case .missingDictionary(let name): "dictionary \(name) not found"
        case .unsupportedConfig(let name, let reason): "config \(name): \(reason)"
        case .tooLarge(let name, let reason): "dictionary \(name): \(reason)"
        }
    }
}
