/// Tags, read just enough to know the element (for the policy), to check that elements nest,
/// and to reach the attribute values that are text or language tags. Everything else in a tag
/// — names, spacing, quotes, namespace declarations — is copied byte for byte.
extension XMLPass {
    static let breaks: Set<String> = [
        "br", "hr", "img", "w:br", "w:cr", "w:tab", "a:br", "text:line-break", "text:tab", "text:s",
    ]

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D }

    /// Reads a name from `k`: up to a space, `/`, `>` or `=`.
    private func name(from k: Int) -> Range<Int> {
        var end = k
        while end < input.count {
            let b = input[end]
            if Self.isSpace(b) || b == UInt8(ascii: "/") || b == UInt8(ascii: ">") || b == UInt8(ascii: "=") { break }
            end += 1
        }
        return k..<end
    }

    private func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: input[range]), as: UTF8.self)
    }

    private func skipSpaces(_ k: inout Int) {
        while k < input.count, Self.isSpace(input[k]) { k += 1 }
    }

    mutating func startTag() throws(DocumentError) {
        let nameRange = name(from: i + 1)
        guard !nameRange.isEmpty else { throw DocumentError.malformed(part, i, "`<` that starts no tag") }
        let element = string(nameRange)
        // A line break or tab ends the text a phrase may span; a bookmark or spelling mark does not.
        if paragraphDepth > 0, Self.breaks.contains(element) { try flushParagraph() }
        var k = nameRange.upperBound
        var attributes: [(name: String, value: Range<Int>)] = []
        var selfClosing = false
        while true {
            skipSpaces(&k)
            guard k < input.count else { throw unclosed("tag <\(element)>") }
            if input[k] == UInt8(ascii: ">") { k += 1; break }
            if input[k] == UInt8(ascii: "/") {
                guard k + 1 < input.count, input[k + 1] == UInt8(ascii: ">") else {
                    throw DocumentError.malformed(part, k, "stray `/` in tag <\(element)>")
                }
                selfClosing = true
                k += 2
                break
            }
            let attributeName = name(from: k)
            guard !attributeName.isEmpty else { throw DocumentError.malformed(part, k, "bad attribute in <\(element)>") }
            k = attributeName.upperBound
            skipSpaces(&k)
            guard k < input.count, input[k] == UInt8(ascii: "=") else {
                throw DocumentError.malformed(part, k, "attribute without a value in <\(element)>")
            }
            k += 1
            skipSpaces(&k)
            guard k < input.count, input[k] == UInt8(ascii: "\"") || input[k] == UInt8(ascii: "'") else {
                throw DocumentError.malformed(part, k, "unquoted attribute value in <\(element)>")
            }
            guard let close = find(input[k], from: k + 1) else { throw unclosed("attribute value in <\(element)>") }
            attributes.append((string(attributeName), k + 1..<close))
            k = close + 1
        }
        try emitTag(element: element, attributes: attributes, end: k)
        i = k
        if !selfClosing {
            let w = scanner.policy.weight(of: element)
            open.append((element, w))
            if scanner.policy.paragraphs.contains(element) { paragraphDepth += 1 }
            weight += w
        }
    }

    /// Copies the tag from `i` to `end`, replacing the values that are text or language tags.
    private mutating func emitTag(
        element: String, attributes: [(name: String, value: Range<Int>)], end: Int
    ) throws(DocumentError) {
        let policy = scanner.policy
        var cursor = i
        for attribute in attributes {
            let isText = policy.textAttributes.contains(attribute.name)
            var replacement: String?
            if let language = scanner.language {
                if policy.isLanguageAttribute(attribute.name, of: element) {
                    replacement = language.replacing(string(attribute.value))
                } else if let languageName = policy.countryAttributes.first(where: { $0.value == attribute.name })?.key,
                          let spoken = attributes.first(where: { $0.name == languageName }),
                          string(spoken.value).lowercased() == "zh" {
                    let country = language.country
                    replacement = string(attribute.value) == country ? nil : country
                }
            }
            guard isText || replacement != nil else { continue }
            append(cursor..<attribute.value.lowerBound)
            if let replacement {
                output += replacement.utf8
            } else {
                try convertText(attribute.value, convert: true, entities: true)
            }
            cursor = attribute.value.upperBound
        }
        append(cursor..<end)
    }

    mutating func endTag() throws(DocumentError) {
        let nameRange = name(from: i + 2)
        var k = nameRange.upperBound
        skipSpaces(&k)
        guard k < input.count, input[k] == UInt8(ascii: ">") else { throw unclosed("end tag") }
        let element = string(nameRange)
        guard let last = open.popLast() else {
            throw DocumentError.malformed(part, i, "</\(element)> closes nothing")
        }
        guard last.name == element else {
            throw DocumentError.malformed(part, i, "</\(element)> where </\(last.name)> was expected")
        }
        weight -= last.weight
        if scanner.policy.paragraphs.contains(element) {
            paragraphDepth -= 1
            if paragraphDepth == 0 { try flushParagraph() }
        }
        append(i..<k + 1)
        i = k + 1
    }

    /// `<!DOCTYPE …>`, with an internal subset in brackets that may hold `>` of its own.
    mutating func doctype() throws(DocumentError) {
        var k = i + 2
        var depth = 0
        var quote: UInt8?
        while k < input.count {
            let b = input[k]
            if let q = quote {
                if b == q { quote = nil }
            } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                quote = b
            } else if b == UInt8(ascii: "[") {
                depth += 1
            } else if b == UInt8(ascii: "]") {
                depth -= 1
            } else if b == UInt8(ascii: ">"), depth <= 0 {
                append(i..<k + 1)
                i = k + 1
                return
            }
            k += 1
        }
        throw unclosed("declaration")
    }
}
