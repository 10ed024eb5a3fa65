/// ``LineRepairStep`` in a stream. It holds back the last non-blank line while it may still be
/// joined to the next one (it ends mid-sentence and looks like running text), with the blank
/// lines after it; everything before goes on at once.
final class LineRepairRunner: StepRunner {
    private let minimumBodyLength: Int
    private var recorder: ChangeRecorder
    /// The input held back: the last line that may be joined, and blank lines after it.
    private var held: [UInt8] = []
    /// Where that line's content ends in `held` (nil: nothing may be joined to what follows).
    private var joinable: Int?
    /// The last window ended inside a line: the first line of the next one is no new line.
    private var continuesLine = false
    /// Scalars of the input before `held` (counted only when reporting).
    private var inputScalars = 0

    init(minimumBodyLength: Int, reporting: Bool) {
        self.minimumBodyLength = minimumBodyLength
        recorder = ChangeRecorder(isOn: reporting)
    }

    var changes: [Normalizer.Change] { recorder.changes }

    func finish() -> TextWindow? {
        defer { held = []; joinable = nil }
        return held.isEmpty ? nil : TextWindow(bytes: held, blocks: [], endsLine: true)
    }

    func process(_ window: TextWindow) -> TextWindow {
        var input = held
        input.append(contentsOf: window.bytes)
        let shift = held.count
        let blocks = window.blocks.map { ($0.lowerBound + shift)..<($0.upperBound + shift) }
        var writer = WindowWriter(capacity: input.count)
        recorder.begin(base: inputScalars)
        var holdFrom: Int?
        if shift > 0 { joinable = nil } // recomputed from the held line
        input.withUnsafeBufferPointer { s in
            var copied = 0
            var start = 0
            var blockIndex = 0
            var firstLine = true
            while start < s.count {
                if blockIndex < blocks.count, blocks[blockIndex].lowerBound == start {
                    writer.copy(s, copied..<start)
                    writer.copyBlock(s, blocks[blockIndex])
                    start = blocks[blockIndex].upperBound
                    copied = start
                    blockIndex += 1
                    joinable = nil
                    firstLine = false
                    continue
                }
                let limit = blockIndex < blocks.count ? blocks[blockIndex].lowerBound : s.count
                let end = UTF8Text.lineEnd(from: start, in: s, limit: limit)
                let next = end + UTF8Text.breakLength(at: end, in: s, limit: limit)
                let line = LineShape(s, start..<end)
                defer {
                    start = next
                    firstLine = false
                }
                if line.isBlank {
                    if let content = joinable, start - content > LineRepairStep.blankLimit { joinable = nil }
                    continue
                }
                // The first line is either the held one (its own break before it was decided when
                // it was first read) or the rest of a line cut into parts: neither is joined here.
                let isContinuation = firstLine && continuesLine && shift == 0
                if let content = joinable, !firstLine || shift == 0, !isContinuation, start - content <= LineRepairStep.blankLimit,
                   line.mayFollow(minimumBodyLength), !Self.startsProtected(s, start..<end) {
                    writer.copy(s, copied..<content)
                    recorder.record(s, content..<start, after: "")
                    copied = start
                }
                joinable = !isContinuation && line.mayPrecede(minimumBodyLength) && !Self.startsProtected(s, start..<end)
                    ? line.contentEnd : nil
                holdFrom = joinable == nil ? nil : start
            }
            if !window.endsLine { joinable = nil }
            let stop = joinable == nil ? s.count : (holdFrom ?? s.count)
            if joinable == nil { holdFrom = nil }
            writer.copy(s, copied..<stop)
            if recorder.isOn { inputScalars = recorder.offset(of: stop, in: s) }
        }
        continuesLine = !window.endsLine
        if let holdFrom, let content = joinable {
            held = Array(input[holdFrom...])
            joinable = content - holdFrom
        } else {
            held = []
        }
        return writer.window(endsLine: true)
    }

    private static func startsProtected(_ s: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        var ranges: [Range<Int>] = []
        ProtectedRegions.inline(s, line, into: &ranges)
        return ranges.first?.lowerBound == line.lowerBound
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
