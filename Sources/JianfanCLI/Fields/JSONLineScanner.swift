/// A string value of a JSON line that a selected field holds: the bytes between its quotes.
struct JSONStringToken {
    /// The offsets, in the line, of the first byte after the opening quote and of the closing quote.
    var start: Int
    var end: Int
    /// Whether a backslash escape occurs (otherwise the raw bytes are the text).
    var escaped: Bool
}

/// Why a line is not JSON, and where (a byte offset in the line).
struct JSONSyntaxError: Error {
    let reason: String
    let offset: Int
}

/// Checks that a line is one JSON value (RFC 8259) and finds the string values of the
/// selected fields, without building any value: everything else is only read, so the caller can
/// copy it through byte for byte.
///
/// ```swift
/// var scanner = JSONLineScanner(fields: FieldPaths(["title"]))
/// try scanner.scan(line, into: &tokens)   // tokens: where "title"'s string is in the line
/// ```
struct JSONLineScanner {
    let fields: FieldPaths
    /// Deeper nesting is refused rather than risking the stack on a hostile line.
    static let maximumDepth = 512

    var bytes = UnsafeRawBufferPointer(start: nil, count: 0)
    var i = 0
    /// An escaped key, decoded.
    private var keyBuffer: [UInt8] = []
    /// Whether the line last scanned converts whole, where its fields stand: all non-ASCII bytes in
    /// selected strings with no escape but `\"` `\\` `\n` `\r` `\t` (written back as they are),
    /// no U+2028/9 (escaped when written back), no IDS operator (it may run past the string).
    var convertsInPlace = true
    /// The last qualifying flat line's syntax and keys, which the next lines likely repeat.
    var shape = JSONLineShape()
    /// Whether the selected strings are appended to the tokens; a scan for them does not ask
    /// ``convertsInPlace`` (it stays false: strings are read without looking for non-ASCII).
    var recordsTokens = true

    init(fields: FieldPaths) { self.fields = fields }

    /// Appends to `tokens` the selected string values of `line`, in order.
    /// - Throws: ``JSONSyntaxError`` if the line is not exactly one JSON value (with whitespace).
    mutating func scan(_ line: UnsafeRawBufferPointer, into tokens: inout [JSONStringToken]) throws(JSONSyntaxError) {
        bytes = line
        i = 0
        convertsInPlace = !recordsTokens
        skipWhitespace()
        try value(node: 0, selected: fields.all, depth: 0, into: &tokens)
        skipWhitespace()
        if i < bytes.count { throw JSONSyntaxError(reason: "unexpected text after the value", offset: i) }
    }

    /// Scans the line at the start of `rest` (the rest of a block) without first finding its
    /// end: appends its selected string values to `tokens` and returns the offset of its line
    /// feed (or `rest.count`). A blank line holds no value. Tokens and every check are those
    /// ``scan(_:into:)`` gives the line on its own: no string, number or whitespace runs on
    /// past a line feed. On a throw, `tokens` may hold part of the line's tokens, and the
    /// error is not the one to report: scan the line on its own for that. Without
    /// ``recordsTokens``, a line that repeats the last flat line's ``shape`` is only checked
    /// against it (``matchShape(_:)``), with the same outcome.
    mutating func scanLine(_ rest: UnsafeRawBufferPointer, into tokens: inout [JSONStringToken]) throws(JSONSyntaxError) -> Int {
        if !recordsTokens, let end = matchShape(rest) { return end }
        let end = try scanLineFully(rest, into: &tokens)
        if !recordsTokens, convertsInPlace { recordShape(UnsafeRawBufferPointer(rebasing: rest[..<end])) }
        return end
    }

    private mutating func scanLineFully(_ rest: UnsafeRawBufferPointer,
                                        into tokens: inout [JSONStringToken]) throws(JSONSyntaxError) -> Int {
        bytes = rest
        i = 0
        convertsInPlace = !recordsTokens
        skipWhitespace()
        if i < bytes.count, bytes[i] != 0x0A {
            try value(node: 0, selected: fields.all, depth: 0, into: &tokens)
            skipWhitespace()
            if i < bytes.count, bytes[i] != 0x0A { throw JSONSyntaxError(reason: "unexpected text after the value", offset: i) }
        }
        return i
    }

    private mutating func value(node: Int, selected: Bool, depth: Int,
                                into tokens: inout [JSONStringToken]) throws(JSONSyntaxError) {
        guard i < bytes.count else { throw JSONSyntaxError(reason: "a value is missing", offset: i) }
        if depth > Self.maximumDepth { throw JSONSyntaxError(reason: "nested too deeply", offset: i) }
        switch bytes[i] {
        case UInt8(ascii: "{"):
            i += 1
            skipWhitespace()
            if peek(UInt8(ascii: "}")) { i += 1; return }
            while true {
                skipWhitespace()
                guard peek(UInt8(ascii: "\"")) else { throw JSONSyntaxError(reason: "a key must be a string", offset: i) }
                let key = try string()
                skipWhitespace()
                guard peek(UInt8(ascii: ":")) else { throw JSONSyntaxError(reason: "':' expected", offset: i) }
                i += 1
                skipWhitespace()
                let child = selected || node == FieldPaths.nowhere ? FieldPaths.nowhere : child(of: node, key: key)
                try value(node: child, selected: selected || fields.isNamed(child), depth: depth + 1, into: &tokens)
                skipWhitespace()
                if peek(UInt8(ascii: ",")) { i += 1; continue }
                if peek(UInt8(ascii: "}")) { i += 1; return }
                throw JSONSyntaxError(reason: "',' or '}' expected", offset: i)
            }
        case UInt8(ascii: "["):
            i += 1
            skipWhitespace()
            if peek(UInt8(ascii: "]")) { i += 1; return }
            while true {
                skipWhitespace()
                try value(node: node, selected: selected, depth: depth + 1, into: &tokens)
                skipWhitespace()
                if peek(UInt8(ascii: ",")) { i += 1; continue }
                if peek(UInt8(ascii: "]")) { i += 1; return }
                throw JSONSyntaxError(reason: "',' or ']' expected", offset: i)
            }
        case UInt8(ascii: "\""):
            let token = try string(selected: selected)
            if selected, recordsTokens { tokens.append(token) }
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        default: try number()
        }
    }

    /// Reads a string token from its opening quote, checking its escapes and whether the line
    /// still qualifies (``convertsInPlace``: other strings ASCII, a selected one as said there).
    mutating func string(selected: Bool = false) throws(JSONSyntaxError) -> JSONStringToken {
        i += 1
        var token = JSONStringToken(start: i, end: i, escaped: false)
        var clean = convertsInPlace
        while i < bytes.count {
            // A selected string stops where the line may stop qualifying (see ``skipSelected``),
            // another at any non-ASCII byte while the line may still qualify.
            i = selected ? Self.skipSelected(bytes, from: i, escaped: &token.escaped)
                : Self.skipPlain(bytes, from: i, nonASCII: clean)
            guard i < bytes.count else { break }
            let byte = bytes[i]
            if byte == UInt8(ascii: "\"") {
                token.end = i
                i += 1
                convertsInPlace = clean
                return token
            }
            if byte >= 0x80 {
                if !selected || i + 2 >= bytes.count { clean = false }
                else if bytes[i + 1] == 0x80 ? bytes[i + 2] & 0xFE == 0xA8 : bytes[i + 1] == 0xBF && bytes[i + 2] >= 0xB0 {
                    clean = false
                }
                i += 1
                continue
            }
            if byte < 0x20 { throw JSONSyntaxError(reason: "control character in a string", offset: i) }
            // A backslash.
            token.escaped = true
            guard i + 1 < bytes.count else { break }
            switch bytes[i + 1] {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                i += 2
            case UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"):
                // Written back as `/`, `\u0008`, `\u000c` once the field changes.
                clean = false
                i += 2
            case UInt8(ascii: "u"):
                guard i + 6 <= bytes.count, (2..<6).allSatisfy({ JSONString.hexValue(bytes[i + $0]) != nil }) else {
                    throw JSONSyntaxError(reason: "bad \\u escape", offset: i)
                }
                clean = false
                i += 6
            default:
                throw JSONSyntaxError(reason: "bad escape", offset: i)
            }
        }
        throw JSONSyntaxError(reason: "unterminated string", offset: token.start - 1)
    }

    mutating func number() throws(JSONSyntaxError) {
        let start = i
        if peek(UInt8(ascii: "-")) { i += 1 }
        if peek(UInt8(ascii: "0")) {
            i += 1
        } else if digits() == 0 {
            throw JSONSyntaxError(reason: "a value is expected", offset: start)
        }
        if peek(UInt8(ascii: ".")) {
            i += 1
            if digits() == 0 { throw JSONSyntaxError(reason: "digits expected after '.'", offset: i) }
        }
        if peek(UInt8(ascii: "e")) || peek(UInt8(ascii: "E")) {
            i += 1
            if peek(UInt8(ascii: "+")) || peek(UInt8(ascii: "-")) { i += 1 }
            if digits() == 0 { throw JSONSyntaxError(reason: "digits expected in the exponent", offset: i) }
        }
    }

    private mutating func digits() -> Int {
        let start = i
        while i < bytes.count, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") { i += 1 }
        return i - start
    }

    private mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
        let count = word.utf8CodeUnitCount
        guard i + count <= bytes.count,
              (0..<count).allSatisfy({ bytes[i + $0] == word.utf8Start[$0] }) else {
            throw JSONSyntaxError(reason: "a value is expected", offset: i)
        }
        i += count
    }

    private func peek(_ byte: UInt8) -> Bool { i < bytes.count && bytes[i] == byte }

    mutating func skipWhitespace() {
        while i < bytes.count {
            switch bytes[i] {
            // Never a line feed: a line on its own holds none, and ``scanLine`` stops at it.
            case 0x20, 0x09, 0x0D: i += 1
            default: return
            }
        }
    }

    /// The node of a key token under `node`.
    private mutating func child(of node: Int, key: JSONStringToken) -> Int {
        guard key.escaped else { return fields.child(of: node, key: UnsafeRawBufferPointer(rebasing: bytes[key.start..<key.end])) }
        keyBuffer.removeAll(keepingCapacity: true)
        _ = JSONString.decode(bytes, key, into: &keyBuffer)
        return keyBuffer.withUnsafeBytes { fields.child(of: node, key: $0) }
    }
}
