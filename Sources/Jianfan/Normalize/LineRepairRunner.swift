/// ``LineRepairStep`` in a stream. Its output is held back from the start of the last output
/// line while that line may still be joined to the next one (its last line ends mid-sentence and
/// looks like running text), with the blank lines after it; everything before goes on at once.
///
/// So the steps after it see windows that end where an output line ends, as they would in the
/// whole text, except where a chain of joined lines grows past ``NormalizationStream/windowSize``:
/// there the output is cut at the join that crosses that length, a place the text decides.
final class LineRepairRunner: StepRunner {
    private let minimumBodyLength: Int
    private var recorder: ChangeRecorder
    /// Output not handed on yet: the last output line, while it may be joined, and blank lines.
    private var pending: [UInt8] = []
    /// The protected ranges of `pending`.
    private var pendingProtected: [Range<Int>] = []
    /// Where the content of the line that may be joined ends in the output (nil: nothing may be
    /// joined to what follows).
    private var joinable: Int?
    /// That place as a scalar offset of the step's input (when reporting).
    private var joinableScalar = 0
    /// The last window ended inside a line: the first line of the next one is no new line.
    private var continuesLine = false
    /// Scalars of the step's input before the current window (counted only when reporting).
    private var inputScalars = 0

    init(minimumBodyLength: Int, reporting: Bool) {
        self.minimumBodyLength = minimumBodyLength
        recorder = ChangeRecorder(isOn: reporting)
    }

    var changes: [Normalizer.Change] { recorder.changes }

    func finish() -> TextWindow? {
        defer { pending = []; pendingProtected = []; joinable = nil }
        return pending.isEmpty ? nil : TextWindow(bytes: pending, blocks: [], endsLine: true, protected: pendingProtected)
    }

    func process(_ window: TextWindow) -> [TextWindow] {
        var windows: [TextWindow] = []
        var out = WindowWriter(capacity: pending.count + window.bytes.count, protecting: window.protected)
        out.append(held: pending, protected: pendingProtected)
        var protection = WindowProtection(window.protected)
        var lineStart = 0 // where the current output line starts in `out`
        recorder.begin(base: inputScalars)
        window.bytes.withUnsafeBufferPointer { s in
            var start = 0
            var blockIndex = 0
            var first = true
            while start < s.count {
                if blockIndex < window.blocks.count, window.blocks[blockIndex].lowerBound == start {
                    out.copyBlock(s, window.blocks[blockIndex])
                    start = window.blocks[blockIndex].upperBound
                    blockIndex += 1
                    joinable = nil
                    lineStart = out.bytes.count
                    first = false
                    continue
                }
                let limit = blockIndex < window.blocks.count ? window.blocks[blockIndex].lowerBound : s.count
                let end = UTF8Text.lineEnd(from: start, in: s, limit: limit)
                let next = end + UTF8Text.breakLength(at: end, in: s, limit: limit)
                let line = LineShape(s, start..<end)
                let continuation = first && continuesLine
                defer {
                    start = next
                    first = false
                }
                if line.isBlank {
                    out.copy(s, start..<next)
                    if let content = joinable, out.bytes.count - content > LineRepairStep.blankLimit { joinable = nil }
                    if protection.overlaps(start..<next) { joinable = nil }
                    continue
                }
                var joined = false
                if let content = joinable, !continuation, out.bytes.count - content <= LineRepairStep.blankLimit,
                   line.mayFollow(minimumBodyLength), protection.range(at: start) == nil {
                    if recorder.isOn {
                        let removed = out.bytes[content...]
                        let count = removed.count { $0 & 0xC0 != 0x80 }
                        recorder.append(Normalizer.Change(range: joinableScalar..<(joinableScalar + count),
                                                          before: String(decoding: removed, as: UTF8.self), after: ""))
                    }
                    _ = out.removeTail(from: content)
                    joined = true
                    if out.bytes.count - lineStart >= NormalizationStream.windowSize {
                        windows.append(out.handOff(endsLine: false))
                        out.bytes.reserveCapacity(window.bytes.count)
                        lineStart = 0
                    }
                }
                if !joined && !continuation { lineStart = out.bytes.count }
                out.copy(s, start..<next)
                // A line break inside a protected range (an HTML comment, say) is never removed.
                if !continuation, line.mayPrecede(minimumBodyLength), protection.range(at: start) == nil,
                   !protection.overlaps(line.contentEnd..<next) {
                    joinable = out.bytes.count - (next - line.contentEnd)
                    if recorder.isOn { joinableScalar = recorder.offset(of: line.contentEnd, in: s) }
                } else {
                    joinable = nil
                }
            }
            if recorder.isOn { inputScalars = recorder.offset(of: s.count, in: s) }
        }
        continuesLine = !window.endsLine
        if !window.endsLine { joinable = nil }
        if let content = joinable {
            (pending, pendingProtected) = out.removeTail(from: lineStart)
            joinable = content - lineStart
        } else {
            pending = []
            pendingProtected = []
        }
        if !out.bytes.isEmpty { windows.append(out.window(endsLine: window.endsLine)) }
        return windows
    }
}

/// What line repair needs to know of a line, read from its bytes.
struct LineShape {
    /// The end of the line without trailing blanks.
    let contentEnd: Int
    let isBlank: Bool
    private let startsWithHan: Bool
    private let isIndented: Bool
    private let startsLikeMarkup: Bool
    private let endsMidSentence: Bool
    private let hasSentenceEnd: Bool
    /// A blank comes after the last sentence end (a byline: `新华社记者 程敏摄`).
    private let lastClauseHasBlank: Bool
    private let scalars: Int

    init(_ s: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) {
        var end = line.upperBound
        while end > line.lowerBound, let (scalar, start) = UTF8Text.scalar(in: s, before: end, floor: line.lowerBound),
              ScalarClass.isHorizontalSpace(scalar) { end = start }
        contentEnd = end
        isBlank = end == line.lowerBound
        guard !isBlank else {
            (startsWithHan, isIndented, startsLikeMarkup, endsMidSentence, hasSentenceEnd, lastClauseHasBlank, scalars)
                = (false, false, false, false, false, false, 0)
            return
        }
        let first = UTF8Text.scalar(in: s, at: line.lowerBound).0
        startsWithHan = ScalarClass.isHan(first)
        isIndented = ScalarClass.isHorizontalSpace(first)
        startsLikeMarkup = first == "#" || first == ">" || first == "|"
        let last = UTF8Text.scalar(in: s, before: end, floor: line.lowerBound)!.0
        endsMidSentence = ScalarClass.isHan(last) || last == "，" || last == "、"
        var sentenceEnd = false, blank = false, count = 0
        var i = line.lowerBound
        while i < end {
            let b = s[i]
            if b & 0xC0 != 0x80 { count += 1 }
            if b == 0x20 || b == 0x09 {
                blank = true
            } else if b == 0xC2, i + 1 < end, s[i + 1] == 0xA0 {
                blank = true
            } else if b == 0xE3, i + 2 < end, s[i + 1] == 0x80 {
                if s[i + 2] == 0x80 { blank = true } else if s[i + 2] == 0x82 { sentenceEnd = true; blank = false } // 　 。
            } else if b == 0xEF, i + 2 < end, s[i + 1] == 0xBC, s[i + 2] == 0x81 || s[i + 2] == 0x9F || s[i + 2] == 0x9B {
                sentenceEnd = true // ！？；
                blank = false
            }
            i += 1
        }
        hasSentenceEnd = sentenceEnd
        lastClauseHasBlank = blank
        scalars = count
    }

    /// The line may be the one before a joined break.
    func mayPrecede(_ minimumBodyLength: Int) -> Bool {
        !isBlank && endsMidSentence && !startsLikeMarkup && (hasSentenceEnd || scalars >= minimumBodyLength)
            && !lastClauseHasBlank
    }

    /// The line may be the one after a joined break.
    func mayFollow(_ minimumBodyLength: Int) -> Bool {
        !isBlank && startsWithHan && !isIndented && (hasSentenceEnd || scalars >= minimumBodyLength)
    }
}
