/// Character-level alignment of two short stretches (the gaps between exact matches), by edit
/// distance with unit costs, computed in a diagonal band so long stretches stay linear.
enum LocalAlignment {
    /// A stretch where the two sides differ: `a` became `b` (offsets relative to the inputs;
    /// one side may be empty).
    struct Difference: Hashable, Sendable {
        var a: Range<Int>
        var b: Range<Int>
    }

    /// The differences that turn `a` into `b` with the fewest single-scalar edits inside a band
    /// around the diagonal (`|a.count − b.count| + slack` wide). Adjacent edits are merged.
    static func differences(_ a: ArraySlice<UInt32>, _ b: ArraySlice<UInt32>, slack: Int = 16) -> [Difference] {
        let x = Array(a), y = Array(b)
        // Common ends need no table, and trimming them keeps edits where people expect them.
        var prefix = 0
        while prefix < x.count, prefix < y.count, x[prefix] == y[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < x.count - prefix, suffix < y.count - prefix,
              x[x.count - 1 - suffix] == y[y.count - 1 - suffix] { suffix += 1 }
        let n = x.count - prefix - suffix, m = y.count - prefix - suffix
        if n == 0 && m == 0 { return [] }
        if n == 0 || m == 0 {
            return [Difference(a: prefix..<(prefix + n), b: prefix..<(prefix + m))]
        }
        let operations = banded(x[prefix..<(prefix + n)], y[prefix..<(prefix + m)], slack: slack)
        var differences: [Difference] = []
        var i = prefix, j = prefix
        var open: Difference?
        for operation in operations {
            let (di, dj) = (operation == .insert ? 0 : 1, operation == .delete ? 0 : 1)
            if operation == .match {
                if let current = open { differences.append(current); open = nil }
            } else if var current = open {
                current.a = current.a.lowerBound..<(i + di)
                current.b = current.b.lowerBound..<(j + dj)
                open = current
            } else {
                open = Difference(a: i..<(i + di), b: j..<(j + dj))
            }
            i += di
            j += dj
        }
        if let current = open { differences.append(current) }
        return differences
    }

    private enum Operation: UInt8 { case match, substitute, delete, insert }

    /// Edit operations turning `x` into `y`, from a banded dynamic-programming table.
    private static func banded(_ x: ArraySlice<UInt32>, _ y: ArraySlice<UInt32>, slack: Int) -> [Operation] {
        let x = Array(x), y = Array(y)
        let n = x.count, m = y.count
        // Row i covers columns j in i + low ... i + high.
        let low = min(0, m - n) - slack, high = max(0, m - n) + slack
        let width = high - low + 1
        let infinity = Int32.max / 2
        var cost = [Int32](repeating: infinity, count: (n + 1) * width)
        var moves = [Operation](repeating: .match, count: (n + 1) * width)
        func cell(_ i: Int, _ j: Int) -> Int? {
            let k = j - i - low
            return k >= 0 && k < width && j >= 0 && j <= m ? i * width + k : nil
        }
        for i in 0...n {
            for j in max(0, i + low)...min(m, i + high) {
                let here = cell(i, j)!
                if i == 0 && j == 0 { cost[here] = 0; continue }
                var best = infinity, move = Operation.match
                if i > 0, j > 0, let diagonal = cell(i - 1, j - 1) {
                    let same = x[i - 1] == y[j - 1]
                    best = cost[diagonal] + (same ? 0 : 1)
                    move = same ? .match : .substitute
                }
                if i > 0, let up = cell(i - 1, j), cost[up] + 1 < best { best = cost[up] + 1; move = .delete }
                if j > 0, let left = cell(i, j - 1), cost[left] + 1 < best { best = cost[left] + 1; move = .insert }
                cost[here] = best
                moves[here] = move
            }
        }
        var operations: [Operation] = []
        var i = n, j = m
        while i > 0 || j > 0 {
            let move = moves[cell(i, j)!]
            operations.append(move)
            switch move {
            case .match, .substitute: i -= 1; j -= 1
            case .delete: i -= 1
            case .insert: j -= 1
            }
        }
        return operations.reversed()
    }
}
