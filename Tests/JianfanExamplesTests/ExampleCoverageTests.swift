import Foundation
import Testing

/// Every `///` example of the libraries and the command line (`Sources/Jianfan`,
/// `Sources/JianfanDocuments`, `Sources/JianfanCLI`), every example of the DocC articles,
/// and every Swift block of the README must be in this target, its code lines in order in one
/// file (comments and spacing aside; a line may sit inside an `#expect`), so that each one
/// compiles and runs. A new or changed example fails here until it is added: there is no list
/// of exceptions.
@Suite("Examples: every documented example is compiled and run here")
struct ExampleCoverageTests {
    struct Example: CustomStringConvertible {
        let location: String
        let lines: [String]
        var description: String { "\(location): \(lines.first ?? "")" }
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
                // A manifest (a block that starts `// Package.swift`) is no code to run.
                if block!.first?.trimmingCharacters(in: .whitespaces) != "// Package.swift" {
                    found.append(Example(location: "\(location):\(start)", lines: block!.compactMap(code)))
                }
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

    static let docc = "Sources/Jianfan/Jianfan.docc"

    static func documented() throws -> [Example] {
        let sources = try ["Jianfan", "JianfanDocuments", "JianfanCLI"].flatMap { try swiftFiles("Sources/\($0)") }.flatMap { url in
            Self.examples(in: try String(contentsOf: url, encoding: .utf8),
                          location: String(url.path.dropFirst(root.path.count + 1)), docComments: true)
        }
        let articles = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(docc).path)
            .filter { $0.hasSuffix(".md") }.sorted().flatMap { name in
                Self.examples(in: try String(contentsOf: root.appendingPathComponent("\(docc)/\(name)"), encoding: .utf8),
                              location: "\(docc)/\(name)", docComments: false)
            }
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        return sources + articles + Self.examples(in: readme, location: "README.md", docComments: false)
    }

    @Test("every example of the sources, the articles and the README is in this target")
    func everyExample() throws {
        let tests = try Self.swiftFiles("Tests/JianfanExamplesTests")
            .filter { $0.lastPathComponent != "ExampleCoverageTests.swift" }
            .map { Self.collapse(try String(contentsOf: $0, encoding: .utf8)) }
        let examples = try Self.documented()
        #expect(examples.count >= 157)   // 141 in the sources, 15 in the articles, the README's one on 2026-12-02
        for place in ["README.md:", "Sources/JianfanDocuments/", "Sources/JianfanCLI/", "\(Self.docc)/"] {
            #expect(examples.contains { $0.location.hasPrefix(place) }, "no example found in \(place)")
        }
        let missing = examples.filter { example in !tests.contains { Self.covers($0, example) } }
        #expect(missing.isEmpty, "not compiled and run in Tests/JianfanExamplesTests: \(missing.map(\.description))")
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
        let manifest = "```swift\n// Package.swift\ndependencies: [],\n```\n```swift\nlet a = 1\n```\n"
        #expect(Self.examples(in: manifest, location: "x", docComments: false).map(\.lines) == [["let a = 1"]])
    }
}
