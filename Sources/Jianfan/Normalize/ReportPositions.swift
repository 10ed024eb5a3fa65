/// Places the changes of every step in the original text: line and column, 1-based.
///
/// A step's ranges count scalars of its own input, the previous step's output; each earlier
/// step's changes map such an offset back (a position inside a replacement goes to the start of
/// what it replaced), down to the original, where the line starts recorded while the text
/// streamed in give the line and column.
///
/// - Complexity: O(c log c) for c changes in all, plus O(l) memory for l lines of input.
final class OriginalLines {
    /// The scalar offset where each line starts; the first line starts at 0.
    private(set) var starts: [Int] = [0]
    private var scalars = 0
    private var pendingCR = false

    /// Counts the lines of the next stretch of the original text.
    func add(_ bytes: [UInt8]) {
        for b in bytes {
            if pendingCR {
                pendingCR = false
                if b == 0x0A { scalars += 1; starts.append(scalars); continue }
                starts.append(scalars)
            }
            if b & 0xC0 != 0x80 { scalars += 1 }
            if b == 0x0A { starts.append(scalars) } else if b == 0x0D { pendingCR = true }
        }
    }

    /// The end of the text: a final `\r` ends a line.
    func finish() {
        if pendingCR { starts.append(scalars); pendingCR = false }
    }

    /// Line and column (from 1) of a scalar offset in the original.
    func position(of offset: Int) -> (line: Int, column: Int) {
        var low = 0, high = starts.count
        while high - low > 1 {
            let middle = (low + high) / 2
            if starts[middle] <= offset { low = middle } else { high = middle }
        }
        return (low + 1, offset - starts[low] + 1)
    }

    /// The reports with each change's line and column filled in.
    func place(_ reports: [Normalizer.StepReport]) -> [Normalizer.StepReport] {
        let maps = reports.map(OffsetMap.init)
        return reports.enumerated().map { k, report in
            var placed = report
            for i in placed.changes.indices {
                var offset = placed.changes[i].range.lowerBound
                for map in maps[..<k].reversed() { offset = map.input(of: offset) }
                let (line, column) = position(of: offset)
                placed.changes[i].line = line
                placed.changes[i].column = column
            }
            return placed
        }
    }
}

/// One step's changes as a map from offsets in its output back to offsets in its input.
struct OffsetMap {
    /// Per change: where its replacement starts in the output, how long it is, where it
    /// started in the input, and the output-minus-input shift after it.
    private let outputStarts: [Int]
    private let outputLengths: [Int]
    private let inputStarts: [Int]
    private let shifts: [Int]

    init(_ report: Normalizer.StepReport) {
        var outputStarts: [Int] = [], outputLengths: [Int] = [], inputStarts: [Int] = [], shifts: [Int] = []
        var shift = 0
        for change in report.changes {
            let length = change.after.unicodeScalars.count
            outputStarts.append(change.range.lowerBound + shift)
            outputLengths.append(length)
            inputStarts.append(change.range.lowerBound)
            shift += length - change.range.count
            shifts.append(shift)
        }
        (self.outputStarts, self.outputLengths, self.inputStarts, self.shifts) = (outputStarts, outputLengths, inputStarts, shifts)
    }

    /// The input offset of output offset `offset`.
    func input(of offset: Int) -> Int {
        var low = -1, high = outputStarts.count
        while high - low > 1 {
            let middle = (low + high) / 2
            if outputStarts[middle] <= offset { low = middle } else { high = middle }
        }
        guard low >= 0 else { return offset }
        if offset < outputStarts[low] + outputLengths[low] { return inputStarts[low] }
        return offset - shifts[low]
    }
}
