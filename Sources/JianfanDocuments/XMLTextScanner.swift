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
    /// Open paragraph elements (``XMLTextPolicy/paragraphs``); while any is open, text runs
    /// are collected into `pending` and converted together when the outermost one closes.
    var paragraphDepth = 0
    /// The text runs of the open paragraph: where each was copied to in `output`, unconverted.
    var pending: [(output: Range<Int>, input: Int)] = []

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
            // A reference is a character of its own: no phrase spans it.
            if paragraphDepth > 0 { try flushParagraph() }
            append(end..<semicolon + 1)
            start = semicolon + 1
        }
    }

    private mutating func convertRun(_ range: Range<Int>) throws(DocumentError) {
        guard !range.isEmpty else { return }
        if paragraphDepth > 0 {
            let start = output.count
            append(range)
            pending.append((start..<output.count, range.lowerBound))
            return
        }
        let slice = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(input)[range])
        if slice.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D }) { return append(range) }
        try apply(slice, at: range.lowerBound, into: &output)
    }

    private func apply(_ bytes: [UInt8], at offset: Int, into out: inout [UInt8]) throws(DocumentError) {
        do {
            try bytes.withUnsafeBytes { try scanner.conversion.apply($0, &out) }
        } catch {
            throw DocumentError(part: part, offset: offset, reason: "text that is not UTF-8 (\(error))")
        }
    }

    private func apply(_ bytes: UnsafeRawBufferPointer, at offset: Int, into out: inout [UInt8]) throws(DocumentError) {
        do {
            try scanner.conversion.apply(bytes, &out)
        } catch {
            throw DocumentError(part: part, offset: offset, reason: "text that is not UTF-8 (\(error))")
        }
    }

    /// Converts the text runs of a paragraph as one text, so that a phrase split over runs
    /// (Word splits `头发` into `<w:t>头</w:t>…<w:t>发</w:t>` for a spelling mark or a
    /// revision id) converts as the phrase. The result is cut back into the runs by their
    /// lengths in scalars; when the conversion changed the length (a phrase of another length,
    /// s2twp's `U盘` → `隨身碟`), where to cut is unknown and each run converts on its own.
    mutating func flushParagraph() throws(DocumentError) {
        defer { pending = [] }
        guard pending.count > 1 else {
            if let only = pending.first { try replacePending([only], with: [try convertPiece(only)]) }
            return
        }
        var joined: [UInt8] = []
        var lengths: [Int] = []
        for run in pending {
            joined += output[run.output]
            lengths.append(Self.scalarCount(output[run.output]))
        }
        var converted: [UInt8] = []
        try apply(joined, at: pending[0].input, into: &converted)
        var pieces: [[UInt8]] = []
        if Self.scalarCount(converted[...]) == lengths.reduce(0, +) {
            var start = 0
            for length in lengths {
                var end = start
                var scalars = 0
                while end < converted.count, scalars < length || converted[end] & 0xC0 == 0x80 {
                    if converted[end] & 0xC0 != 0x80 { scalars += 1 }
                    end += 1
                }
                pieces.append(Array(converted[start..<end]))
                start = end
            }
        } else {
            for run in pending { pieces.append(try convertPiece(run)) }
        }
        try replacePending(pending, with: pieces)
    }

    private func convertPiece(_ run: (output: Range<Int>, input: Int)) throws(DocumentError) -> [UInt8] {
        var piece: [UInt8] = []
        try apply(Array(output[run.output]), at: run.input, into: &piece)
        return piece
    }

    /// Puts each piece where its run was copied, from the last so earlier ranges stay valid.
    private mutating func replacePending(_ runs: [(output: Range<Int>, input: Int)], with pieces: [[UInt8]]) throws(DocumentError) {
        for (run, piece) in zip(runs, pieces).reversed() {
            output.replaceSubrange(run.output, with: piece)
        }
    }

    private static func scalarCount(_ bytes: ArraySlice<UInt8>) -> Int {
        bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
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
