/// The `.gitignore` files met on the way down a tree, as git reads them: each file's patterns
/// apply to its own directory and below, a later pattern overrides an earlier one, a deeper file
/// overrides a shallower one, and `!pattern` brings back what an earlier pattern excluded.
///
/// ```swift
/// var rules = IgnoreRules()
/// rules.add(gitignore: "*.log\n!keep.log\nbuild/\n", base: "")
/// rules.isIgnored("a/x.log", isDirectory: false)    // true
/// rules.isIgnored("keep.log", isDirectory: false)   // false
/// rules.isIgnored("build", isDirectory: true)       // true
/// ```
///
/// What this leaves out of git's rules: a global excludes file and `.git/info/exclude` (they
/// belong to one clone, not to the tree being converted).
struct IgnoreRules: Sendable {
    struct Rule: Sendable {
        /// The directory holding the `.gitignore`, relative to the walked root ("" for the root).
        let base: String
        let glob: Glob
        let negated: Bool
    }

    private(set) var rules: [Rule] = []

    /// Adds the patterns of a `.gitignore` found in directory `base` (relative to the root).
    mutating func add(gitignore text: String, base: String) {
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: true) {
            var line = Substring(rawLine)
            if line.hasSuffix("\r") { line = line.dropLast() }
            // Trailing spaces are ignored unless escaped.
            while line.hasSuffix(" "), !line.hasSuffix("\\ ") { line = line.dropLast() }
            if line.isEmpty || line.hasPrefix("#") { continue }
            var negated = false
            if line.hasPrefix("!") {
                negated = true
                line = line.dropFirst()
            } else if line.hasPrefix("\\!") || line.hasPrefix("\\#") {
                line = line.dropFirst()
            }
            // A leading slash anchors the pattern to `base`; Glob sees any inner slash as anchoring.
            let anchoredBySlash = line.hasPrefix("/")
            if anchoredBySlash { line = line.dropFirst() }
            var pattern = String(line)
            if anchoredBySlash, !Glob(pattern).isAnchored {
                // `/name` must not match `a/name`: spell the anchor as a path from `base`.
                pattern = "./" + pattern
            }
            rules.append(Rule(base: base, glob: Glob(pattern), negated: negated))
        }
    }

    /// Whether `path` (relative to the walked root, no leading `./`) is excluded.
    func isIgnored(_ path: String, isDirectory: Bool) -> Bool {
        var ignored = false
        for rule in rules {
            if rule.glob.isDirectoryOnly, !isDirectory { continue }
            guard let relative = Self.relative(path, to: rule.base) else { continue }
            let matched: Bool
            if rule.glob.isAnchored {
                let anchoredPath = rule.glob.pattern.starts(with: Array("./".utf8)) ? "./" + relative : relative
                matched = rule.glob.matches(anchoredPath)
            } else {
                matched = rule.glob.matches(Self.lastComponent(of: relative))
            }
            if matched { ignored = !rule.negated }
        }
        return ignored
    }

    private static func relative(_ path: String, to base: String) -> String? {
        if base.isEmpty { return path }
        guard path.hasPrefix(base + "/") else { return nil }
        return String(path.dropFirst(base.count + 1))
    }

    static func lastComponent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }
}
