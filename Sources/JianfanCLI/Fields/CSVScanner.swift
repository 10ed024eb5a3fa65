/// One field of a CSV or TSV record: the bytes of its text in the block (inside the quotes
/// for a quoted field, where `""` stands for `"`).
struct CSVField {
    var start: Int
    var end: Int
    var quoted: Bool
}

/// Why a record is not RFC 4180 CSV, and where (a byte offset in the block).
struct CSVSyntaxError: Error {
    let reason: String
    let offset: Int
}

/// Splits CSV (RFC 4180) or TSV records into fields without copying them. A record ends at a
/// line break outside quotes (LF or CRLF, the CR staying part of the break), so a quoted field
/// may hold line breaks. TSV is read with the same rules and a tab as the delimiter, so a
/// quoted TSV field (as spreadsheet programs write one holding a tab) is kept quoted too.
///
/// ```swift
/// let scanner = CSVScanner(delimiter: UInt8(ascii: ","))
/// let next = try scanner.record(block, from: 0, atEnd: true, into: &fields)
/// ```
struct CSVScanner {
    let delimiter: UInt8

    /// Reads the record that starts at `start` into `fields` (emptied first). Returns the offset
    /// after its line break, or nil when the block ends inside it and more input may follow
    /// (`atEnd` false). At the end of input the last record needs no line break.
    /// - Throws: ``CSVSyntaxError`` for text after a closing quote, or a quote never closed.
    func record(_ bytes: UnsafeRawBufferPointer, from start: Int, atEnd: Bool,
                into fields: inout [CSVField]) throws(CSVSyntaxError) -> Int? {
        fields.removeAll(keepingCapacity: true)
        let quote = UInt8(ascii: "\"")
        var i = start
        while true {
            if i < bytes.count, bytes[i] == quote {
                // Quoted: up to the quote not followed by another.
                var j = i + 1
                while true {
                    guard j < bytes.count else {
                        if atEnd { throw CSVSyntaxError(reason: "a quoted field is never closed", offset: i) }
                        return nil
                    }
                    if bytes[j] == quote {
                        if j + 1 < bytes.count, bytes[j + 1] == quote { j += 2; continue }
                        if j + 1 == bytes.count, !atEnd { return nil }
                        break
                    }
                    j += 1
                }
                fields.append(CSVField(start: i + 1, end: j, quoted: true))
                i = j + 1
                guard i < bytes.count else { return i }
                let next = bytes[i]
                if next == delimiter { i += 1; continue }
                if next == 0x0A { return i + 1 }
                if next == 0x0D {
                    if i + 1 < bytes.count, bytes[i + 1] == 0x0A { return i + 2 }
                    if i + 1 == bytes.count { return atEnd ? i + 1 : nil }
                }
                throw CSVSyntaxError(reason: "text after the closing quote of a field", offset: i)
            }
            // Unquoted: up to the delimiter or the line break.
            var j = i
            while j < bytes.count, bytes[j] != delimiter, bytes[j] != 0x0A { j += 1 }
            if j == bytes.count {
                if !atEnd { return nil }
                fields.append(CSVField(start: i, end: j, quoted: false))
                return j
            }
            if bytes[j] == delimiter {
                fields.append(CSVField(start: i, end: j, quoted: false))
                i = j + 1
                continue
            }
            let end = j > i && bytes[j - 1] == 0x0D ? j - 1 : j
            fields.append(CSVField(start: i, end: end, quoted: false))
            return j + 1
        }
    }

    /// Appends a field's text to `output`, `""` read as `"`.
    static func decode(_ bytes: UnsafeRawBufferPointer, _ field: CSVField, into output: inout [UInt8]) {
        let text = UnsafeRawBufferPointer(rebasing: bytes[field.start..<field.end])
        guard field.quoted else { output.append(text, 0..<text.count); return }
        var i = 0
        while i < text.count {
            output.append(text[i])
            i += text[i] == UInt8(ascii: "\"") ? 2 : 1
        }
    }

    /// Writes `text` as a field, quoted if the original was or if the text needs quotes
    /// (it holds the delimiter, a quote or a line break): at most `2 * text.count + 2` bytes.
    func encode(_ text: UnsafeRawBufferPointer, quoted: Bool, into output: inout ByteSink) {
        let quote = UInt8(ascii: "\"")
        let needsQuotes = quoted || text.contains { $0 == delimiter || $0 == quote || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else { output.put(text, 0..<text.count); return }
        output.put(quote)
        for byte in text {
            output.put(byte)
            if byte == quote { output.put(quote) }
        }
        output.put(quote)
    }
}
