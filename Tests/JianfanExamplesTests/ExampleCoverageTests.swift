import Foundation
import Testing

/// Every `///` example in `Sources/Jianfan` and every Swift block of the README must be in this
/// target, its code lines in order in one file (comments and spacing aside; a line may sit
/// inside an `#expect`), so that each one compiles and runs. A new or changed example fails
/// here until it is added.
@Suite("Examples: every documented example is compiled and run here")
struct ExampleCoverageTests {
    struct Example: CustomStringConvertible {
        let location: String
        let lines: [String]
        var description: String { location }
        /// The file and the first code line: stays the same when lines move.
        var key: String { location.split(separator: ":").first! + "\t" + (lines.first ?? "") }
    }

    /// The Swift blocks of `text`: in `///` comments, or in Markdown.
    static func examples(in text: String, location: String, docComments: Bool) -> [Example] {
        var found: [Example] = [], block: [String]?, start = 0
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = raw.trimmingCharacters(in: .whitespaces)
            if docComments {
                guard line.hasPrefix("///") else { block = nil; continue }
                line = String(line.dropFirst(3))
            }
            let fence = line.trimmingCharacters(in: .whitespaces)
            if block == nil {
                if fence == "```swift" { block = []; start = number + 1 }
            } else if fence == "```" {
                found.append(Example(location: "\(location):\(start)", lines: block!.compactMap(code)))
                block = nil
            } else {
                block!.append(line)
            }
        }
        return found
    }

    /// A line without its comment, its spacing collapsed; nil if nothing is left (or an import).
    static func code(_ line: String) -> String? {
        var kept = "", inString = false, previous: Character = " "
        for c in line {
            if c == "\"" && previous != "\\" { inString.toggle() }
            if !inString && c == "/" && previous == "/" { kept.removeLast(); break }
            kept.append(c)
            previous = c
        }
        let collapsed = collapse(kept)
        return collapsed.isEmpty || collapsed.hasPrefix("import ") ? nil : collapsed
    }

    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Whether `example`'s lines occur in order in `source` (already collapsed).
    static func covers(_ source: String, _ example: Example) -> Bool {
        var rest = source[...]
        for line in example.lines {
            guard let found = rest.range(of: line) else { return false }
            rest = rest[found.upperBound...]
        }
        return true
    }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func swiftFiles(_ folder: String) throws -> [URL] {
        let base = root.appendingPathComponent(folder)
        let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil)
        return (enumerator?.allObjects as? [URL] ?? []).filter { $0.pathExtension == "swift" }
            .sorted { $0.path < $1.path }
    }

    static func documented() throws -> [Example] {
        let sources = try swiftFiles("Sources/Jianfan").flatMap { url in
            Self.examples(in: try String(contentsOf: url, encoding: .utf8),
                          location: String(url.path.dropFirst(root.path.count + 1)), docComments: true)
        }
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        return sources + Self.examples(in: readme, location: "README.md", docComments: false)
    }

    @Test("every example of Sources/Jianfan and the README is in this target")
    func everyExample() throws {
        let tests = try Self.swiftFiles("Tests/JianfanExamplesTests")
            .filter { $0.lastPathComponent != "ExampleCoverageTests.swift" }
            .map { Self.collapse(try String(contentsOf: $0, encoding: .utf8)) }
        let examples = try Self.documented()
        #expect(examples.count >= 44)   // 43 in the sources and the README's on 2026-12-02
        #expect(examples.contains { $0.location.hasPrefix("README.md:") })
        let missing = examples.filter { example in !tests.contains { Self.covers($0, example) } }
        // Examples merged from main just before a deadline, listed as not yet run (each line:
        // the file, a tab, the example's first code line); the list may only shrink.
        let pendingFile = Self.root.appendingPathComponent("Tests/JianfanExamplesTests/PendingExamples.txt")
        let pending = Set((try? String(contentsOf: pendingFile, encoding: .utf8))?
            .split(separator: "\n").map(String.init) ?? [])
        let unlisted = missing.filter { !pending.contains($0.key) }
        #expect(unlisted.isEmpty, "not compiled and run in Tests/JianfanExamplesTests: \(unlisted.map(\.key))")
        let stale = pending.subtracting(missing.map(\.key))
        #expect(stale.isEmpty, "run now, remove from PendingExamples.txt: \(stale.sorted())")
    }

    @Test("the check sees an example that no test runs, and lines out of order")
    func checkFails() {
        let text = """
            /// ```swift
            /// let a = Converter(.s2t)   // a comment "with quotes"
            /// a.convert("头发")
            /// ```
            """
        let example = Self.examples(in: text, location: "x", docComments: true)
        #expect(example.count == 1 && example[0].lines == ["let a = Converter(.s2t)", "a.convert(\"头发\")"])
        #expect(Self.covers("let a = Converter(.s2t) #expect(a.convert(\"头发\") == \"頭髮\")", example[0]))
        #expect(!Self.covers("#expect(a.convert(\"头发\") == \"頭髮\") let a = Converter(.s2t)", example[0]))
        #expect(!Self.covers("let a = Converter(.s2tw) a.convert(\"头发\")", example[0]))
        #expect(Self.code(#"let url = "http://example.com" // the site"#) == #"let url = "http://example.com""#)
    }
}
