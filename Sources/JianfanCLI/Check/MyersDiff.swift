/// Myers' O(ND) shortest edit script between two sequences of lines.
enum MyersDiff {
    /// The steps turning `a` into `b`: equal and deleted lines carry their index in `a`,
    /// inserted ones their index in `b` (and the position in `a` they come before). With more
    /// than `maximumDifferences` differences, everything is one deletion and one insertion:
    /// the search would cost quadratic memory, and such a diff is read as "all changed" anyway.
    static func steps(_ a: [ArraySlice<UInt8>], _ b: [ArraySlice<UInt8>],
                      maximumDifferences: Int) -> [(UnifiedDiff.Operation, old: Int, new: Int)] {
        let n = a.count, m = b.count
        let offset = n + m + 1
        var v = [Int](repeating: 0, count: 2 * offset + 1)
        var trace: [[Int]] = []
        var found = false
        search: for d in 0...min(n + m, maximumDifferences) {
            trace.append(v)
            for k in stride(from: -d, through: d, by: 2) {
                var x = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])
                    ? v[offset + k + 1] : v[offset + k - 1] + 1
                var y = x - k
                while x < n, y < m, a[x] == b[y] { x += 1; y += 1 }
                v[offset + k] = x
                if x >= n, y >= m { found = true; break search }
            }
        }
        guard found else {
            return (0..<n).map { (.delete, old: $0, new: 0) } + (0..<m).map { (.insert, old: n, new: $0) }
        }
        // Walk back through the saved frontiers.
        var steps: [(UnifiedDiff.Operation, old: Int, new: Int)] = []
        var x = n, y = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let v = trace[d]
            let k = x - y
            let previousK = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) ? k + 1 : k - 1
            let previousX = d == 0 ? 0 : v[offset + previousK]
            let previousY = previousX - previousK
            while x > previousX, y > previousY {
                x -= 1; y -= 1
                steps.append((.equal, old: x, new: y))
            }
            if d > 0 {
                if x == previousX {
                    steps.append((.insert, old: x, new: previousY))
                } else {
                    steps.append((.delete, old: previousX, new: y))
                }
            }
            x = previousX
            y = previousY
        }
        return steps.reversed()
    }
}
