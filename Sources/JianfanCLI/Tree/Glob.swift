/// A shell glob as `--include`, `--exclude` and `.gitignore` write them: `*` and `?` stay
/// within one path component, `**` crosses components, `[a-z]` and `[!…]` are classes, and `\`
/// escapes the next character.
///
/// ```swift
/// Glob("*.txt").matches("a.txt")              // true
/// Glob("docs/**/*.md").matches("docs/a/b.md") // true
/// Glob("*.txt").matches("a/b.txt")            // false: `*` does not cross `/`
/// ```
///
/// Written here rather than with fnmatch(3), which has no `**`, and matched on UTF-8 bytes so
/// that a Chinese file name costs nothing more than an ASCII one (a class matches one byte, so
/// `[头]` is not supported; `?` matches one whole scalar).
struct Glob: Sendable {
    let pattern: [UInt8]

    init(_ pattern: String) {
        self.pattern = Array(pattern.utf8)
    }

    /// Whether the pattern names directories only (`build/` in a `.gitignore`).
    var isDirectoryOnly: Bool { pattern.last == UInt8(ascii: "/") }

    /// Whether the pattern holds a `/` before its end: then it matches a path relative to its
    /// base, not a bare name at any depth.
    var isAnchored: Bool { pattern.dropLast(isDirectoryOnly ? 1 : 0).contains(UInt8(ascii: "/")) }

    func matches(_ path: String) -> Bool {
        var path = path
        return path.withUTF8 { bytes in
            let body = isDirectoryOnly ? pattern.dropLast() : pattern[...]
            return Self.match(body, bytes[...])
        }
    }

    private static let slash = UInt8(ascii: "/")
    private static let star = UInt8(ascii: "*")

    /// Backtracking match; patterns are short, and a `*` only retries within one component.
    private static func match(_ p: ArraySlice<UInt8>, _ s: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        var p = p
        var s = s
        while let c = p.first {
            switch c {
            case star:
                let isDouble = p.dropFirst().first == star
                p = p.drop { $0 == star }
                if isDouble {
                    // `**/` also matches no directory at all: `a/**/b` matches `a/b`.
                    if p.first == slash, match(p.dropFirst(), s) { return true }
                    var rest = s
                    while true {
                        if match(p, rest) { return true }
                        guard !rest.isEmpty else { return false }
                        rest = rest.dropFirst()
                    }
                }
                var rest = s
                while true {
                    if match(p, rest) { return true }
                    guard let next = rest.first, next != slash else { return false }
                    rest = rest.dropFirst()
                }
            case UInt8(ascii: "?"):
                guard let first = s.first, first != slash else { return false }
                s = s.dropFirst()
                while let next = s.first, next & 0xC0 == 0x80 { s = s.dropFirst() }
                p = p.dropFirst()
            case UInt8(ascii: "["):
                guard let first = s.first, first != slash,
                      let (matched, after) = matchClass(p.dropFirst(), first) else {
                    // An unclosed `[` is a literal, as in the shell.
                    guard s.first == c else { return false }
                    s = s.dropFirst()
                    p = p.dropFirst()
                    continue
                }
                guard matched else { return false }
                s = s.dropFirst()
                p = after
            case UInt8(ascii: "\\") where p.count > 1:
                guard s.first == p[p.startIndex + 1] else { return false }
                s = s.dropFirst()
                p = p.dropFirst(2)
            default:
                guard s.first == c else { return false }
                s = s.dropFirst()
                p = p.dropFirst()
            }
        }
        return s.isEmpty
    }

    /// Matches `byte` against the class whose body starts `p` (after `[`); nil if unclosed.
    private static func matchClass(_ p: ArraySlice<UInt8>, _ byte: UInt8) -> (Bool, ArraySlice<UInt8>)? {
        var p = p
        var negated = false
        if let first = p.first, first == UInt8(ascii: "!") || first == UInt8(ascii: "^") {
            negated = true
            p = p.dropFirst()
        }
        var matched = false
        var isFirst = true
        while let c = p.first {
            if c == UInt8(ascii: "]"), !isFirst { return (matched != negated, p.dropFirst()) }
            isFirst = false
            if p.count >= 3, p[p.startIndex + 1] == UInt8(ascii: "-"), p[p.startIndex + 2] != UInt8(ascii: "]") {
                if c <= byte, byte <= p[p.startIndex + 2] { matched = true }
                p = p.dropFirst(3)
            } else {
                if c == byte { matched = true }
                p = p.dropFirst()
            }
        }
        return nil
    }
}
