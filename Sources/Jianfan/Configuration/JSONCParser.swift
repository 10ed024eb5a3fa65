/// A JSON value with the line and column where it starts, as OpenCC's config files need:
/// JSON plus comments (`//`, `/* */`) and trailing commas (JSONC), and errors that say where.
struct JSONCValue {
    enum Kind {
        case object([(key: String, keyAt: JSONCPosition, value: JSONCValue)])
        case array([JSONCValue])
        case string(String)
        case number(Double)
        case bool(Bool)
        case null
    }

    let kind: Kind
    let at: JSONCPosition

    /// The member `key` of an object (nil when absent or not an object).
    subscript(key: String) -> JSONCValue? {
        guard case .object(let members) = kind else { return nil }
        return members.first { $0.key == key }?.value
    }

    var string: String? { if case .string(let s) = kind { s } else { nil } }
}

/// A 1-based line and column (in Unicode scalars), as editors show them.
struct JSONCPosition: Equatable, CustomStringConvertible {
    var line: Int
    var column: Int
    var description: String { "\(line):\(column)" }
}

/// Why a JSONC text could not be read, and where.
struct JSONCError: Error {
    let message: String
    let at: JSONCPosition
}

/// A recursive-descent reader of JSONC over Unicode scalars.
struct JSONCParser {
    private let scalars: [Unicode.Scalar]
    private var i = 0
    private var line = 1, column = 1

    /// Parses `text` as one JSONC value.
    static func parse(_ text: String) throws(JSONCError) -> JSONCValue {
        var parser = JSONCParser(scalars: Array(text.unicodeScalars))
        let value = try parser.value(depth: 0)
        try parser.skipSpace()
        if parser.i < parser.scalars.count { throw parser.error("unexpected text after the end of the JSON value") }
        return value
    }

    private init(scalars: [Unicode.Scalar]) { self.scalars = scalars }

    private var position: JSONCPosition { JSONCPosition(line: line, column: column) }
    private func error(_ message: String) -> JSONCError { JSONCError(message: message, at: position) }
    private var current: Unicode.Scalar? { i < scalars.count ? scalars[i] : nil }

    private mutating func advance() {
        if scalars[i] == "\n" { line += 1; column = 1 } else { column += 1 }
        i += 1
    }

    private mutating func skipSpace() throws(JSONCError) {
        while let c = current {
            if c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{FEFF}" {
                advance()
            } else if c == "/" && i + 1 < scalars.count && scalars[i + 1] == "/" {
                while let d = current, d != "\n" { advance() }
            } else if c == "/" && i + 1 < scalars.count && scalars[i + 1] == "*" {
                let start = position
                advance(); advance()
                while true {
                    guard let d = current else { throw JSONCError(message: "unterminated comment", at: start) }
                    advance()
                    if d == "*", current == "/" { advance(); break }
                }
            } else {
                return
            }
        }
    }

    private mutating func value(depth: Int) throws(JSONCError) -> JSONCValue {
        try skipSpace()
        guard depth < 128 else { throw error("nested too deeply") }
        let at = position
        guard let c = current else { throw error("unexpected end of file") }
        switch c {
        case "{": return JSONCValue(kind: .object(try members(depth: depth)), at: at)
        case "[": return JSONCValue(kind: .array(try elements(depth: depth)), at: at)
        case "\"": return JSONCValue(kind: .string(try string()), at: at)
        case "t": try literal("true"); return JSONCValue(kind: .bool(true), at: at)
        case "f": try literal("false"); return JSONCValue(kind: .bool(false), at: at)
        case "n": try literal("null"); return JSONCValue(kind: .null, at: at)
        case "-", "0"..."9": return JSONCValue(kind: .number(try number()), at: at)
        default: throw error("unexpected character '\(c)'")
        }
    }

    private mutating func members(depth: Int) throws(JSONCError) -> [(key: String, keyAt: JSONCPosition, value: JSONCValue)] {
        advance()
        var out: [(key: String, keyAt: JSONCPosition, value: JSONCValue)] = []
        while true {
            try skipSpace()
            if current == "}" { advance(); return out }
            guard current == "\"" else { throw error("expected a member name in quotes or '}'") }
            let keyAt = position
            let key = try string()
            try skipSpace()
            guard current == ":" else { throw error("expected ':' after a member name") }
            advance()
            out.append((key, keyAt, try value(depth: depth + 1)))
            try skipSpace()
            if current == "," { advance(); continue }
            if current == "}" { advance(); return out }
            throw error("expected ',' or '}'")
        }
    }

    private mutating func elements(depth: Int) throws(JSONCError) -> [JSONCValue] {
        advance()
        var out: [JSONCValue] = []
        while true {
            try skipSpace()
            if current == "]" { advance(); return out }
            out.append(try value(depth: depth + 1))
            try skipSpace()
            if current == "," { advance(); continue }
            if current == "]" { advance(); return out }
            throw error("expected ',' or ']'")
        }
    }

    private mutating func literal(_ word: String) throws(JSONCError) {
        for expected in word.unicodeScalars {
            guard current == expected else { throw error("unexpected character") }
            advance()
        }
    }

    private mutating func number() throws(JSONCError) -> Double {
        var text = ""
        while let c = current, c == "-" || c == "+" || c == "." || c == "e" || c == "E" || ("0"..."9").contains(c) {
            text.unicodeScalars.append(c)
            advance()
        }
        guard let value = Double(text) else { throw error("malformed number '\(text)'") }
        return value
    }

    private mutating func string() throws(JSONCError) -> String {
        let start = position
        advance()
        var out = String.UnicodeScalarView()
        while true {
            guard let c = current else { throw JSONCError(message: "unterminated string", at: start) }
            if c == "\"" { advance(); return String(out) }
            if c == "\n" { throw error("line break inside a string") }
            advance()
            guard c == "\\" else { out.append(c); continue }
            guard let e = current else { throw JSONCError(message: "unterminated string", at: start) }
            advance()
            switch e {
            case "\"", "\\", "/": out.append(e)
            case "b": out.append("\u{08}")
            case "f": out.append("\u{0C}")
            case "n": out.append("\n")
            case "r": out.append("\r")
            case "t": out.append("\t")
            case "u":
                var unit = try hex4()
                if (0xD800...0xDBFF).contains(unit), current == "\\", i + 1 < scalars.count, scalars[i + 1] == "u" {
                    advance(); advance()
                    let low = try hex4()
                    guard (0xDC00...0xDFFF).contains(low) else { throw error("unpaired surrogate in \\u escape") }
                    unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let scalar = Unicode.Scalar(unit) else { throw error("unpaired surrogate in \\u escape") }
                out.append(scalar)
            default: throw error("unknown escape '\\\(e)'")
            }
        }
    }

    private mutating func hex4() throws(JSONCError) -> UInt32 {
        var unit: UInt32 = 0
        for _ in 0..<4 {
            guard let c = current, let digit = c.properties.numericType != nil || ("a"..."f").contains(c) || ("A"..."F").contains(c)
                    ? UInt32(String(c), radix: 16) : nil else { throw error("malformed \\u escape") }
            unit = unit << 4 | digit
            advance()
        }
        return unit
    }
}
