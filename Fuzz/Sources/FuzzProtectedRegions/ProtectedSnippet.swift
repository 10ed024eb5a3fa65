/// A piece of markup or an address built from fuzzer bytes, of one of the kinds the normalizer
/// protects (see the library's `ProtectedRegions.swift`): the bytes of `protected` must come
/// out of every step exactly as they went in.
struct ProtectedSnippet {
    /// What goes into the text: `protected`, with unprotected text around it for some kinds
    /// (a Markdown link's text is prose; only its target is protected).
    let text: [UInt8]
    let protected: [UInt8]

    static let kinds = 9

    /// The snippet of kind `kind % kinds` around `content` (made to fit the kind: what would
    /// end the construct early is replaced).
    init(kind: Int, content: [UInt8]) {
        // Valid UTF-8, as the text it goes into is.
        let content = content.isEmpty ? Array("头发".utf8) : Array(String(decoding: content, as: UTF8.self).utf8)
        func ascii(_ allowed: String) -> [UInt8] {
            let table = Array(allowed.utf8)
            return content.map { table[Int($0) % table.count] }
        }
        func without(_ forbidden: String) -> [UInt8] {
            content.map { forbidden.utf8.contains($0) || $0 == 0x0A || $0 == 0x0D ? UInt8(ascii: "x") : $0 }
        }
        let letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
        let urlBytes = letters + "0123456789-._~/?#[]@!$&'()*+,;=%:"
        var before: [UInt8] = [], after: [UInt8] = []
        let protected: [UInt8]
        switch kind % Self.kinds {
        case 0: protected = Array("<span title=\"".utf8) + without("<>") + Array("\">".utf8)
        case 1:
            let ticks = [UInt8](repeating: UInt8(ascii: "`"), count: 1 + Int(content[0] % 3))
            protected = ticks + without("`") + ticks
        case 2: protected = Array("https://".utf8) + ascii(urlBytes) + Array("/x".utf8)
        case 3: protected = Array("www.".utf8) + ascii(urlBytes) + Array("x".utf8)
        case 4: protected = [UInt8(ascii: "&")] + ascii(letters).prefix(30) + [UInt8(ascii: ";")]
        case 5: protected = Array("&#".utf8) + ascii("0123456789").prefix(8) + [UInt8(ascii: ";")]
        case 6: protected = ascii(letters + "0123456789._%+-") + Array("@".utf8) + ascii(letters + "-") + Array(".com".utf8)
        case 7:
            before = Array("[链接]".utf8)
            protected = Array("(".utf8) + without("()") + Array(")".utf8)
        default: protected = Array("<!--".utf8) + without(">") + Array("-->".utf8)
        }
        self.protected = protected
        text = before + protected + after
    }

    /// Prose that cannot reach into a snippet beside it: no ASCII but spaces, line feeds and
    /// digits, and no full-width forms (the punctuation step makes full-width letters ASCII).
    static func prose(_ bytes: [UInt8]) -> [UInt8] {
        var scalars = String.UnicodeScalarView()
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            let v = scalar.value
            let ascii = v < 0x80 && scalar != " " && scalar != "\n" && !(v >= 0x30 && v <= 0x39)
            scalars.append(ascii || (0xFF01...0xFF5E).contains(v) ? " " : scalar)
        }
        return Array(String(scalars).utf8)
    }
}
