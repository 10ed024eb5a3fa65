/// The counts a tree conversion ends with, and the line that reports them on standard error.
///
/// ```swift
/// var summary = TreeSummary(skippedLinks: 1)
/// summary.count(.converted)
/// summary.line   // "jianfan: 1 file: 1 converted, 0 unchanged, 0 skipped as binary, 0 failed; 1 skipped (links, special files)"
/// ```
struct TreeSummary {
    var converted = 0
    var unchanged = 0
    var binary = 0
    var failed = 0
    /// Symbolic links and special files met in the walk.
    var skippedLinks = 0

    init(skippedLinks: Int) {
        self.skippedLinks = skippedLinks
    }

    mutating func count(_ outcome: FileConversion.Outcome) {
        switch outcome {
        case .converted: converted += 1
        case .unchanged: unchanged += 1
        case .binary: binary += 1
        case .failed: failed += 1
        }
    }

    var line: String {
        let total = converted + unchanged + binary + failed
        var text = "jianfan: \(total) file\(total == 1 ? "" : "s"): \(converted) converted, \(unchanged) unchanged, "
            + "\(binary) skipped as binary, \(failed) failed"
        if skippedLinks > 0 { text += "; \(skippedLinks) skipped (links, special files)" }
        return text
    }
}

extension FileConversion.Outcome: CustomStringConvertible {
    var description: String {
        switch self {
        case .converted: "converted"
        case .unchanged: "unchanged"
        case .binary: "skipped as binary"
        case .failed(let error): "failed: \(error.message)"
        }
    }
}
