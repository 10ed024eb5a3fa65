/// A unified diff (`diff -u` format, three lines of context) between two texts, by lines.
///
/// A conversion never adds or removes a line feed, so when both sides have as many lines,
/// line *n* is paired with line *n* (linear, and exactly what changed). Otherwise (the
/// normalizer joins lines) the lines are matched by Myers' algorithm, up to 4,000 differences;
/// beyond that the differing middle is shown as one replacement.
struct UnifiedDiff {
    enum Operation: Equatable { case equal, delete, insert }

    let old: [ArraySlice<UInt8>]
    let new: [ArraySlice<UInt8>]
    /// Each step: the operation and the line index on its side (old for equal and delete).
    private(set) var steps: [(Operation, old: Int, new: Int)] = []

    init(old: [UInt8], new: [UInt8]) {
        self.old = Self.lines(old)
        self.new = Self.lines(new)
        steps = self.old.count == self.new.count ? pairedSteps() : matchedSteps()
    }

    /// The diff as text; ANSI colors (red removals, green additions, cyan hunk headers) if asked.
    func render(oldName: String, newName: String, colors: Bool) -> [UInt8] {
        var out: [UInt8] = []
        func paint(_ code: String, _ body: () -> Void) {
            if colors { out += Array("\u{1B}[\(code)m".utf8) }
            body()
            if colors { out += Array("\u{1B}[0m".utf8) }
        }
        func line(_ prefix: UInt8, _ text: ArraySlice<UInt8>) {
            out.append(prefix)
            out += text.last == 0x0A ? text.dropLast() : text
            if colors, prefix != UInt8(ascii: " ") { out += Array("\u{1B}[0m".utf8) }
            out.append(0x0A)
            if text.last != 0x0A { out += Array("\\ No newline at end of file\n".utf8) }
        }
        paint("1") { out += Array("--- \(oldName)\n+++ \(newName)\n".utf8) }
        for hunk in hunks() {
            let slice = steps[hunk]
            let oldStart = slice.first.map { $0.old } ?? 0, newStart = slice.first.map { $0.new } ?? 0
            let oldCount = slice.filter { $0.0 != .insert }.count, newCount = slice.filter { $0.0 != .delete }.count
            paint("36") {
                out += Array("@@ -\(oldCount == 0 ? oldStart : oldStart + 1),\(oldCount) +\(newCount == 0 ? newStart : newStart + 1),\(newCount) @@".utf8)
            }
            out.append(0x0A)
            var index = hunk.lowerBound
            while index < hunk.upperBound {
                if steps[index].0 == .equal {
                    line(UInt8(ascii: " "), old[steps[index].old])
                    index += 1
                    continue
                }
                // A run of changes: its removals, then its additions, as diff -u shows them.
                var end = index
                while end < hunk.upperBound, steps[end].0 != .equal { end += 1 }
                for step in steps[index..<end] where step.0 == .delete {
                    if colors { out += Array("\u{1B}[31m".utf8) }
                    line(UInt8(ascii: "-"), old[step.old])
                }
                for step in steps[index..<end] where step.0 == .insert {
                    if colors { out += Array("\u{1B}[32m".utf8) }
                    line(UInt8(ascii: "+"), new[step.new])
                }
                index = end
            }
        }
        return out
    }

    /// Ranges of steps, each a change with up to three equal lines around it.
    private func hunks() -> [Range<Int>] {
        var result: [Range<Int>] = []
        var index = 0
        while index < steps.count {
            guard steps[index].0 != .equal else { index += 1; continue }
            let start = max(0, index - 3)
            var end = index
            var equalRun = 0
            while end < steps.count, equalRun <= 6 {
                equalRun = steps[end].0 == .equal ? equalRun + 1 : 0
                end += 1
            }
            end -= max(0, equalRun - 3)
            if let last = result.last, last.upperBound >= start {
                result[result.count - 1] = last.lowerBound..<end
            } else {
                result.append(start..<end)
            }
            index = end
        }
        return result
    }

    private func pairedSteps() -> [(Operation, old: Int, new: Int)] {
        var steps: [(Operation, old: Int, new: Int)] = []
        for index in old.indices {
            if old[index] == new[index] {
                steps.append((.equal, index, index))
            } else {
                steps.append((.delete, index, index))
                steps.append((.insert, index + 1, index))
            }
        }
        return steps
    }

    private func matchedSteps() -> [(Operation, old: Int, new: Int)] {
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix,
              old[old.count - 1 - suffix] == new[new.count - 1 - suffix] { suffix += 1 }
        var steps = (0..<prefix).map { (Operation.equal, old: $0, new: $0) }
        let middle = MyersDiff.steps(Array(old[prefix..<(old.count - suffix)]), Array(new[prefix..<(new.count - suffix)]),
                                     maximumDifferences: 4000)
        steps += middle.map { ($0.0, old: $0.old + prefix, new: $0.new + prefix) }
        steps += (0..<suffix).map { (Operation.equal, old: old.count - suffix + $0, new: new.count - suffix + $0) }
        return steps
    }

    /// The lines of `text`, each with its line feed.
    static func lines(_ text: [UInt8]) -> [ArraySlice<UInt8>] {
        var result: [ArraySlice<UInt8>] = []
        var start = 0
        for index in text.indices where text[index] == 0x0A {
            result.append(text[start...index])
            start = index + 1
        }
        if start < text.count { result.append(text[start...]) }
        return result
    }
}
