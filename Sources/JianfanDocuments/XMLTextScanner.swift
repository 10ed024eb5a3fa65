/// Converts the text of one XML part without re-serializing it: the bytes are scanned once,
/// character data (and CDATA) that the policy calls text is converted, and every other byte —
/// markup, names, comments, processing instructions, the DOCTYPE, entity and character
/// references — is copied as it is. The output differs from the input only inside text.
///
/// ```swift
/// let scanner = XMLTextScanner(policy: .xhtml, conversion: TextConversion(Converter(.s2t)))
/// try scanner.convert(Array("<p title=\"头发\">头发&amp;后来</p>".utf8), part: "a.xhtml")
/// // <p title="頭髮">頭髮&amp;後來</p>
/// ```
///
/// It checks what it must to stay correct (every construct closed, end tags matching start
/// tags); a part that fails throws ``DocumentError`` naming the byte offset.
struct XMLTextScanner: Sendable {
    let policy: XMLTextPolicy
    let conversion: TextConversion
    var language: LanguageTag?

    func convert(_ input: [UInt8], part: String) throws(DocumentError) -> [UInt8] {
        try input.withUnsafeBufferPointer { bytes throws(DocumentError) in
            var pass = XMLPass(input: bytes, part: part, scanner: self)
            try pass.run()
            return pass.output
        }
    }
}

/// One scan of one part: the position, the open elements, the output so far.
struct XMLPass {
    let input: UnsafeBufferPointer<UInt8>
    let part: String
    let scanner: XMLTextScanner
    var output: [UInt8] = []
    var i = 0
    /// Open elements, innermost last, with their policy weights.
    var open: [(name: String, weight: Int)] = []
    var weight = 0

    init(input: UnsafeBufferPointer<UInt8>, part: String, scanner: XMLTextScanner) {
        self.input = input
        self.part = part
        self.scanner = scanner
        output.reserveCapacity(input.count + input.count / 8)
    }

    var convertsText: Bool { scanner.policy.convertsText(atWeight: weight) }

    mutating func run() throws(DocumentError) {
        while i < input.count {
            guard let lt = find(UInt8(ascii: "<"), from: i) else {
                try text(i..<input.count)
                i = input.count
                break
            }
            try text(i..<lt)
            i = lt
            if starts(with: "<!--") {
                try copy(through: "-->", what: "comment")
            } else if starts(with: "<![CDATA[") {
                let start = i + 9
                guard let end = find("]]>", from: start) else { throw unclosed("CDATA section") }
                append(i..<start)
                try convertText(start..<end, convert: convertsText, entities: false)
                append(end..<end + 3)
                i = end + 3
            } else if starts(with: "<?") {
                try copy(through: "?>", what: "processing instruction")
            } else if starts(with: "<!") {
                try doctype()
            } else if starts(with: "</") {
                try endTag()
            } else {
                try startTag()
            }
        }
        if let last = open.last {
            throw DocumentError.malformed(part, input.count, "<\(last.name)> is never closed")
        }
    }

    // MARK: Character data

    /// Text between two pieces of markup: converted where the policy says, or it names the language.
    private mutating func text(_ range: Range<Int>) throws(DocumentError) {
        guard !range.isEmpty else { return }
        if let element = open.last?.name, scanner.policy.languageElements.contains(element) {
            let value = String(decoding: UnsafeBufferPointer(rebasing: input[range]), as: UTF8.self)
            if let tag = scanner.language, let replaced = tag.replacing(value) {
                output += replaced.utf8
                return
            }
        }
        try convertText(range, convert: convertsText, entities: true)
    }

    /// Converts text, leaving `&…;` references as they are (a reference is markup, and
    /// converting its name would break it). Runs of whitespace skip the converter.
    mutating func convertText(_ range: Range<Int>, convert: Bool, entities: Bool) throws(DocumentError) {
        guard convert else { return append(range) }
        var start = range.lowerBound
        while start < range.upperBound {
            var end = start
            if entities, let amp = find(UInt8(ascii: "&"), from: start, before: range.upperBound) { end = amp } else {
                end = range.upperBound
            }
            try convertRun(start..<end)
            guard end < range.upperBound else { break }
            guard let semicolon = find(UInt8(ascii: ";"), from: end, before: min(range.upperBound, end + 40)) else {
                throw DocumentError.malformed(part, end, "`&` that starts no entity reference")
            }
            append(end..<semicolon + 1)
            start = semicolon + 1
        }
    }

    private mutating func convertRun(_ range: Range<Int>) throws(DocumentError) {
        guard !range.isEmpty else { return }
        let slice = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(input)[range])
        if slice.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D }) { return append(range) }
        do {
            try scanner.conversion.apply(slice, &output)
        } catch {
            throw DocumentError(part: part, offset: range.lowerBound, reason: "text that is not UTF-8 (\(error))")
        }
    }

    // MARK: Helpers

    mutating func append(_ range: Range<Int>) {
        output.append(contentsOf: UnsafeBufferPointer(rebasing: input[range]))
    }

    func starts(with literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard i + count <= input.count else { return false }
        let p = literal.utf8Start
        for k in 0..<count where input[i + k] != p[k] { return false }
        return true
    }

    func find(_ byte: UInt8, from start: Int, before end: Int? = nil) -> Int? {
        let end = end ?? input.count
        var k = start
        while k < end {
            if input[k] == byte { return k }
            k += 1
        }
        return nil
    }

    func find(_ literal: StaticString, from start: Int) -> Int? {
        let count = literal.utf8CodeUnitCount
        let first = literal.utf8Start[0]
        var k = start
        while let candidate = find(first, from: k) {
            guard candidate + count <= input.count else { return nil }
            var same = true
            for m in 1..<count where input[candidate + m] != literal.utf8Start[m] { same = false; break }
            if same { return candidate }
            k = candidate + 1
        }
        return nil
    }

    mutating func copy(through terminator: StaticString, what: String) throws(DocumentError) {
        guard let end = find(terminator, from: i + 2) else { throw unclosed(what) }
        let after = end + terminator.utf8CodeUnitCount
        append(i..<after)
        i = after
    }

    func unclosed(_ what: String) -> DocumentError {
        DocumentError.malformed(part, i, "\(what) never closed")
    }
}
