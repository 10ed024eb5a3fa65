import Dispatch

/// ``ScriptStep`` in a stream: the converter's own loop over the text between protected
/// regions, a window at a time; a large window is shared by the cores in contiguous groups of
/// stretches (unless the step reports, which maps its changes one stretch at a time).
final class ScriptRunner: StepRunner {
    private let converter: Converter
    private let workspace = Workspace()
    private let out = ByteBuffer()
    private var recorder: ChangeRecorder
    private var inputScalars = 0
    private var spare = SpareBytes()

    init(converter: Converter, reporting: Bool) {
        self.converter = converter
        recorder = ChangeRecorder(isOn: reporting)
    }

    var changes: [Normalizer.Change] { recorder.changes }

    func finish() -> TextWindow? { nil }

    func recycle(_ bytes: [UInt8]) { spare.keep(bytes) }

    func process(_ window: TextWindow) -> [TextWindow] {
        if !recorder.isOn, converter.maximumThreads > 1, window.bytes.count >= Self.parallelMinimum {
            return [convertInParallel(window)]
        }
        out.removeAll()
        var blocks: [Range<Int>] = []
        var protectedOutput: [Range<Int>] = []
        recorder.begin(base: inputScalars)
        window.bytes.withUnsafeBufferPointer { s in
            let raw = UnsafeRawBufferPointer(s)
            var next = 0
            for (span, block) in window.spans() {
                var start = span.lowerBound
                for protected in Self.protected(window, within: span, from: &next) + [span.upperBound..<span.upperBound] {
                    if protected.lowerBound > start {
                        let outputStart = out.count
                        converter.convert(UnsafeRawBufferPointer(rebasing: raw[start..<protected.lowerBound]),
                                          into: out, parallel: true, workspace: workspace)
                        if recorder.isOn { report(s, start..<protected.lowerBound, outputStart) }
                    }
                    let protectedStart = out.count
                    out.append(UnsafeRawBufferPointer(rebasing: raw[protected]))
                    if !protected.isEmpty { protectedOutput.append(protectedStart..<out.count) }
                    start = protected.upperBound
                }
                if let block {
                    let blockStart = out.count
                    out.append(UnsafeRawBufferPointer(rebasing: raw[block]))
                    blocks.append(blockStart..<out.count)
                }
            }
            if recorder.isOn { inputScalars = recorder.offset(of: s.count, in: s) }
        }
        var bytes = spare.take(capacity: out.count)
        bytes.append(contentsOf: out.bytes.bindMemory(to: UInt8.self))
        return [TextWindow(bytes: bytes, blocks: blocks, endsLine: window.endsLine, protected: protectedOutput)]
    }

    /// The window's protected ranges within `span`, from its `next`th on (moved past them).
    private static func protected(_ window: TextWindow, within span: Range<Int>, from next: inout Int) -> ArraySlice<Range<Int>> {
        let first = next
        while next < window.protected.count, window.protected[next].upperBound <= span.upperBound { next += 1 }
        return window.protected[first..<next]
    }

    /// Windows smaller than this are converted on one thread.
    static let parallelMinimum = 1 << 18

    private enum Kind { case convert, copy, block }

    /// Converts `window` on all cores: its stretches (to convert, protected, blocks) in as many
    /// contiguous groups of about equal size, each group into a buffer of its own.
    private func convertInParallel(_ window: TextWindow) -> TextWindow {
        let workers = converter.maximumThreads
        var groups: [[(Range<Int>, Kind)]] = [[]]
        window.bytes.withUnsafeBufferPointer { s in
            let target = s.count / workers + 1
            var size = 0
            func add(_ range: Range<Int>, _ kind: Kind) {
                guard !range.isEmpty else { return }
                if size >= target * groups.count, groups.count < workers { groups.append([]) }
                groups[groups.count - 1].append((range, kind))
                size += range.count
            }
            var next = 0
            for (span, block) in window.spans() {
                var start = span.lowerBound
                for protected in Self.protected(window, within: span, from: &next) {
                    add(start..<protected.lowerBound, .convert)
                    add(protected, .copy)
                    start = protected.upperBound
                }
                add(start..<span.upperBound, .convert)
                if let block { add(block, .block) }
            }
        }
        let outputs = workspace.outputs(groups.count, capacity: window.bytes.count / groups.count * 9 / 8 + 1024)
        let scratches = (0..<groups.count).map { workspace.scratch($0) }
        let blocks = (0..<groups.count).map { _ in BlockList() }
        let plan = converter.plan
        let parts = groups
        window.bytes.withUnsafeBytes { raw in
            let shared = SharedInput(bytes: raw)
            DispatchQueue.concurrentPerform(iterations: parts.count) { g in
                let output = outputs[g]
                for (range, kind) in parts[g] {
                    let bytes = UnsafeRawBufferPointer(rebasing: shared.bytes[range])
                    if kind == .convert {
                        plan.convert(bytes, into: output, scratch: scratches[g])
                    } else {
                        let start = output.count
                        output.append(bytes)
                        if kind == .block { blocks[g].ranges.append(start..<output.count) }
                        if kind == .copy { blocks[g].protected.append(start..<output.count) }
                    }
                }
            }
        }
        var bytes = spare.take(capacity: outputs.reduce(0) { $0 + $1.count })
        var blockRanges: [Range<Int>] = []
        var protectedRanges: [Range<Int>] = []
        for (output, list) in zip(outputs, blocks) {
            let base = bytes.count
            blockRanges += list.ranges.map { ($0.lowerBound + base)..<($0.upperBound + base) }
            protectedRanges += list.protected.map { ($0.lowerBound + base)..<($0.upperBound + base) }
            bytes.append(contentsOf: output.bytes.bindMemory(to: UInt8.self))
        }
        return TextWindow(bytes: bytes, blocks: blockRanges, endsLine: window.endsLine, protected: protectedRanges)
    }

    /// The blocks and protected ranges one worker copied, at their places in its buffer.
    private final class BlockList: @unchecked Sendable {
        var ranges: [Range<Int>] = []
        var protected: [Range<Int>] = []
    }

    /// Records what the conversion of `s[input]` (now at `out[outputStart...]`) changed. Line
    /// breaks are never converted, so the lines of both sides correspond one to one.
    private func report(_ s: UnsafeBufferPointer<UInt8>, _ input: Range<Int>, _ outputStart: Int) {
        let output = Array(UnsafeRawBufferPointer(rebasing: out.bytes[outputStart...]))
        output.withUnsafeBufferPointer { o in
            var a = input.lowerBound, b = 0
            while a < input.upperBound || b < o.count {
                let lineA = UTF8Text.lineEnd(from: a, in: s, limit: input.upperBound)
                let lineB = UTF8Text.lineEnd(from: b, in: o, limit: o.count)
                if !s[a..<lineA].elementsEqual(o[b..<lineB]) {
                    let base = recorder.offset(of: a, in: s)
                    for change in Self.changes(Array(UTF8Text.string(s, a..<lineA).unicodeScalars),
                                               Array(UTF8Text.string(o, b..<lineB).unicodeScalars), converter) {
                        recorder.append(change.shifted(by: base))
                    }
                }
                a = lineA + UTF8Text.breakLength(at: lineA, in: s, limit: input.upperBound)
                b = lineB + UTF8Text.breakLength(at: lineB, in: o, limit: o.count)
                if lineA == input.upperBound || lineB == o.count { break }
            }
        }
    }

    /// The changed runs of one line: scalar by scalar when the conversion kept the line's length;
    /// else the line is cut where no key of the configuration spans the cut (the cuts a stream
    /// makes), each piece converted on its own and compared, or, for a configuration without
    /// such cuts, segment by segment. A piece or segment that changed its length is one change.
    static func changes(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], _ converter: Converter) -> [Normalizer.Change] {
        if a.count == b.count { return runs(a[...], b[...], offset: 0) }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: a)
        let line = String(text)
        let pieces = piecewise(line, converter) ?? converter.segments(of: line).map { ($0.inputScalars, $0.outputScalars) }
        var changes: [Normalizer.Change] = []
        for (input, output) in pieces {
            let x = a[input], y = b[output]
            guard !x.elementsEqual(y) else { continue }
            if x.count == y.count {
                changes += runs(x, y, offset: input.lowerBound)
                continue
            }
            let prefix = zip(x, y).prefix { $0 == $1 }.count
            let suffix = zip(x.dropFirst(prefix).reversed(), y.dropFirst(prefix).reversed()).prefix { $0 == $1 }.count
            let start = x.startIndex + prefix
            changes.append(Normalizer.Change(
                range: start..<(x.endIndex - suffix),
                before: string(x[start..<(x.endIndex - suffix)]),
                after: string(y[(y.startIndex + prefix)..<(y.endIndex - suffix)])))
        }
        return changes
    }

    /// The line cut at every position where no key holds the scalars on both sides, each piece
    /// with its conversion's place in the output (scalar ranges); nil when the plan has no such
    /// cuts or the pieces do not convert to the line's conversion.
    private static func piecewise(_ line: String, _ converter: Converter) -> [(Range<Int>, Range<Int>)]? {
        let bytes = Array(line.utf8)
        let plan = converter.plan
        var cuts: [Int] = [bytes.count]
        bytes.withUnsafeBufferPointer { s in
            var upper = bytes.count - 1
            while upper > 0, let cut = plan.certainCut(in: s, lower: 0, upper: upper) {
                cuts.append(cut)
                upper = cut - 1
            }
        }
        guard cuts.count > 1 || plan.boundaryTable != nil else { return nil }
        cuts.append(0)
        cuts.reverse()
        var pieces: [(Range<Int>, Range<Int>)] = []
        var converted: [UInt8] = []
        var inputScalars = 0, outputScalars = 0
        let buffer = ByteBuffer()
        for (start, end) in zip(cuts, cuts.dropFirst()) where end > start {
            buffer.removeAll()
            bytes.withUnsafeBytes { converter.convert(UnsafeRawBufferPointer(rebasing: $0[start..<end]), into: buffer, parallel: false) }
            let output = Array(buffer.bytes.bindMemory(to: UInt8.self))
            converted += output
            let x = bytes[start..<end].count { $0 & 0xC0 != 0x80 }, y = output.count { $0 & 0xC0 != 0x80 }
            pieces.append((inputScalars..<(inputScalars + x), outputScalars..<(outputScalars + y)))
            inputScalars += x
            outputScalars += y
        }
        return converted == Array(converter.convert(line).utf8) ? pieces : nil
    }

    /// Runs of differing scalars between two equally long stretches; `offset` is where `x` starts.
    private static func runs(_ x: ArraySlice<Unicode.Scalar>, _ y: ArraySlice<Unicode.Scalar>, offset: Int) -> [Normalizer.Change] {
        var changes: [Normalizer.Change] = []
        var i = 0
        let xs = Array(x), ys = Array(y)
        while i < xs.count {
            guard xs[i] != ys[i] else { i += 1; continue }
            var end = i + 1
            while end < xs.count, xs[end] != ys[end] { end += 1 }
            changes.append(Normalizer.Change(range: (offset + i)..<(offset + end),
                                             before: string(xs[i..<end]), after: string(ys[i..<end])))
            i = end
        }
        return changes
    }

    private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}
