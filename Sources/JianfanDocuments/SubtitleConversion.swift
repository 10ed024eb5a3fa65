/// Converts the cue text of a subtitle file and nothing else: timings, cue numbers and
/// identifiers, WebVTT headers and `NOTE`/`STYLE`/`REGION` blocks, the sections and style
/// definitions of ASS/SSA and the fields before a dialogue's text stay as they are, and so do
/// tags inside cue text — `<i>`, `<font …>`, `<v Speaker>`, `<00:01.000>`, override blocks such as
/// `{\an8}` — and `&…;` references. Line endings (LF or CRLF) and a BOM are kept.
///
/// ```swift
/// let srt = "1\n00:00:01,000 --> 00:00:02,000\n{\\an8}<i>头发</i>\n"
/// try SubtitleConversion(format: .srt, conversion: s2t).convert(Array(srt.utf8))
/// // "1\n00:00:01,000 --> 00:00:02,000\n{\\an8}<i>頭髮</i>\n"
/// ```
struct SubtitleConversion {
    let format: DocumentFormat
    let conversion: TextConversion

    func convert(_ input: [UInt8]) throws(DocumentError) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(input.count + input.count / 8)
        let lines = Self.lines(input)
        var state = State()
        for (index, line) in lines.enumerated() {
            let next = index + 1 < lines.count ? lines[index + 1] : nil
            let text = Self.textRange(of: line, in: input)
            let content = LineSlice(input: input, range: text)
            switch decide(content, next: next.map { LineSlice(input: input, range: Self.textRange(of: $0, in: input)) }, state: &state) {
            case .copy:
                output.append(contentsOf: input[line])
            case .convert(let from):
                output.append(contentsOf: input[line.lowerBound..<from])
                try convertCueText(input, from..<text.upperBound, into: &output)
                output.append(contentsOf: input[text.upperBound..<line.upperBound])
            }
        }
        return output
    }

    private enum Decision { case copy, convert(from: Int) }

    private struct State {
        /// Inside a WebVTT block that is not a cue (NOTE, STYLE, REGION, the header), until a blank line.
        var inNonCueBlock = false
        var isFirstLine = true
        /// ASS/SSA: inside `[Events]`, and the number of fields before a dialogue's text.
        var inEvents = false
        var fieldsBeforeText = 9
    }

    private func decide(_ line: LineSlice, next: LineSlice?, state: inout State) -> Decision {
        defer { state.isFirstLine = false }
        let text = line.string
        let trimmed = text.trimmingSpaces
        switch format {
        case .ass, .ssa:
            if trimmed.hasPrefix("[") {
                state.inEvents = trimmed.lowercased() == "[events]"
                return .copy
            }
            guard state.inEvents else { return .copy }
            if trimmed.hasPrefix("Format:") {
                state.fieldsBeforeText = trimmed.split(separator: ",").count - 1
                return .copy
            }
            guard trimmed.hasPrefix("Dialogue:") else { return .copy }
            var commas = 0
            for k in line.range where line.input[k] == UInt8(ascii: ",") {
                commas += 1
                if commas == state.fieldsBeforeText { return .convert(from: k + 1) }
            }
            return .copy
        case .vtt:
            if trimmed.isEmpty {
                state.inNonCueBlock = false
                return .copy
            }
            if state.isFirstLine || trimmed.hasPrefix("NOTE") || trimmed == "STYLE" || trimmed == "REGION" {
                state.inNonCueBlock = true
            }
            if state.inNonCueBlock || text.contains("-->") { return .copy }
            // A cue identifier is the line just before the timing line.
            if let next, next.string.contains("-->") { return .copy }
            return .convert(from: line.range.lowerBound)
        default:
            // SRT: cue numbers are digits, which no conversion changes; timing lines have `-->`.
            if text.contains("-->") || trimmed.isEmpty { return .copy }
            return .convert(from: line.range.lowerBound)
        }
    }

    /// Converts the runs between tags (`<…>`, `{…}`) and references (`&…;`).
    private func convertCueText(_ input: [UInt8], _ range: Range<Int>, into output: inout [UInt8]) throws(DocumentError) {
        var runStart = range.lowerBound
        var k = range.lowerBound
        while k < range.upperBound {
            let b = input[k]
            let close: UInt8? = switch b {
            case UInt8(ascii: "<"): UInt8(ascii: ">")
            case UInt8(ascii: "{"): UInt8(ascii: "}")
            case UInt8(ascii: "&") where format == .vtt: UInt8(ascii: ";")
            default: nil
            }
            guard let close, let end = input[k..<range.upperBound].firstIndex(of: close) else {
                k += 1
                continue
            }
            try convertRun(input, runStart..<k, into: &output)
            output.append(contentsOf: input[k...end])
            k = end + 1
            runStart = k
        }
        try convertRun(input, runStart..<range.upperBound, into: &output)
    }

    private func convertRun(_ input: [UInt8], _ range: Range<Int>, into output: inout [UInt8]) throws(DocumentError) {
        guard !range.isEmpty else { return }
        do {
            try input.withUnsafeBytes { raw in
                try conversion.apply(UnsafeRawBufferPointer(rebasing: raw[range]), &output)
            }
        } catch {
            throw DocumentError(part: nil, offset: range.lowerBound, reason: "cue text that is not UTF-8 (\(error))")
        }
    }

    /// Each line with its terminator.
    static func lines(_ input: [UInt8]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        while start < input.count {
            let end = input[start...].firstIndex(of: 0x0A).map { $0 + 1 } ?? input.count
            result.append(start..<end)
            start = end
        }
        return result
    }

    /// The line without its terminator (LF or CRLF) and, on the first line, without a BOM.
    static func textRange(of line: Range<Int>, in input: [UInt8]) -> Range<Int> {
        var lower = line.lowerBound
        var upper = line.upperBound
        if lower == 0, input.starts(with: [0xEF, 0xBB, 0xBF]) { lower = 3 }
        if upper > lower, input[upper - 1] == 0x0A { upper -= 1 }
        if upper > lower, input[upper - 1] == 0x0D { upper -= 1 }
        return lower..<max(lower, upper)
    }
}

/// A line of the input, for the decisions above.
private struct LineSlice {
    let input: [UInt8]
    let range: Range<Int>
    var string: String { String(decoding: input[range], as: UTF8.self) }
}

extension String {
    fileprivate var trimmingSpaces: String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars = scalars.dropFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
