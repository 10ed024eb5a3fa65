import Foundation
import Testing
import Jianfan
@testable import JianfanCLI

/// The `///` examples of the command line's files: globs and ignore rules, the tree walk, files
/// written atomically, one file or document converted, a whole tree. The examples' paths are
/// relative, so each test runs in a folder of its own made the current directory.
@Suite("Examples: Glob, IgnoreRules, TreeWalker, AtomicWrite, FileConversion, DocumentJob, TreeJob")
struct CLIFileExamples {
    static let engine = Engine.table(Converter(.s2t))

    static func read(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    @Test("Glob")
    func glob() {
        #expect(Glob("*.txt").matches("a.txt"))              // true
        #expect(Glob("docs/**/*.md").matches("docs/a/b.md")) // true
        #expect(!Glob("*.txt").matches("a/b.txt"))            // false: `*` does not cross `/`
    }

    @Test("IgnoreRules")
    func ignoreRules() {
        var rules = IgnoreRules()
        rules.add(gitignore: "*.log\n!keep.log\nbuild/\n", base: "")
        #expect(rules.isIgnored("a/x.log", isDirectory: false))    // true
        #expect(!rules.isIgnored("keep.log", isDirectory: false))   // false
        #expect(rules.isIgnored("build", isDirectory: true))       // true
        #expect(!rules.isIgnored("build", isDirectory: false))      // `build/` names directories only
    }

    @Test("TreeSummary")
    func summary() {
        var summary = TreeSummary(skippedLinks: 1)
        summary.count(.converted)
        #expect(summary.line == "jianfan: 1 file: 1 converted, 0 unchanged, 0 skipped as binary, 0 failed; 1 skipped (links, special files)")
    }

    @Test("FileOptions")
    func fileOptions() {
        var options = FileOptions()
        options.outputDirectory = "out"
        options.include = ["*.txt"]
        #expect(options.needsFileJob(["a.txt"]) && !FileOptions().needsFileJob(["a.txt"]))
    }

    @Test("TreeWalker, TreeJob: a tree into --output-dir")
    func tree() throws {
        try ExampleSupport.inFolder { _ in
            try ExampleSupport.write("头发", to: "docs/a.txt")
            try ExampleSupport.write("后来", to: "docs/sub/b.txt")
            try ExampleSupport.write("头发", to: "docs/c.md")
            let walk = TreeWalker(include: [Glob("*.txt")]).walk(["docs"])
            #expect(walk.files.map(\.relative) == ["a.txt", "sub/b.txt"])       // ["a.txt", "sub/b.txt"]

            let engine = Self.engine
            var options = FileOptions()
            options.outputDirectory = "out"
            options.include = ["*.txt"]
            let status = try TreeJob(engine: engine, lossy: false, options: options, config: .s2t).run(["docs"], inPlace: false)
            #expect(status == .success)
            #expect(try Self.read("out/a.txt") == "頭髮" && Self.read("out/sub/b.txt") == "後來")
            #expect(!FileManager.default.fileExists(atPath: "out/c.md"))
        }
    }

    @Test("AtomicWrite, WorkerCleanup, openOutput(_:)")
    func atomic() throws {
        try ExampleSupport.inFolder { _ in
            try AtomicWrite.makeDirectories("out")
            WorkerCleanup.install(workers: 2)
            WorkerCleanup.track("out/.jianfan-abc123", worker: 0)
            WorkerCleanup.untrack(worker: 0)
            let bytes = Array("頭髮".utf8)
            try AtomicWrite.write(bytes, to: "out/a.txt", mode: 0o644, worker: 0)
            #expect(try Self.read("out/a.txt") == "頭髮")
            #expect(try FileManager.default.contentsOfDirectory(atPath: "out") == ["a.txt"])   // no temporary left

            let sink = try openOutput("out.txt")   // an AtomicFileOutput
            #expect(sink is AtomicFileOutput)
            try Array("後來".utf8).withUnsafeBytes { try sink.write($0) }
            #expect(!FileManager.default.fileExists(atPath: "out.txt"))   // nothing before the commit
            try sink.commit()
            #expect(try Self.read("out.txt") == "後來")
        }
    }

    @Test("Engine.wholeConversion(lossy:), FileConversion")
    func fileConversion() throws {
        try ExampleSupport.inFolder { _ in
            try ExampleSupport.write("头发后来", to: "a/b.txt")
            try AtomicWrite.makeDirectories("out")
            let engine = Self.engine
            let conversion = engine.wholeConversion(lossy: false)
            var out: [UInt8] = []
            try Array("头发".utf8).withUnsafeBytes { try conversion.apply($0, &out) }
            #expect(out == Array("頭髮".utf8))

            let c = conversion
            let outcome = FileConversion(conversion: c, language: nil, format: nil)
                .run(TreeWalker.Item(source: "a/b.txt", relative: "b.txt"), to: "out/b.txt", worker: 0)
            guard case .converted = outcome else { Issue.record("\(outcome)"); return }
            #expect(try Self.read("out/b.txt") == "頭髮後來")
        }
    }

    @Test("DocumentJob: one EPUB to -o")
    func documentJob() throws {
        try ExampleSupport.inFolder { _ in
            try Data(DocumentsExamples.epubBytes).write(to: URL(fileURLWithPath: "book.epub"))
            let engine = Self.engine
            var options = FileOptions()
            options.setLanguage = true
            try DocumentJob(engine: engine, lossy: false, options: options, config: .s2t)
                .run(inputs: ["book.epub"], output: "book-tw.epub")
            let entries = try #require(StoredZip.entries(Array(try Data(contentsOf: URL(fileURLWithPath: "book-tw.epub")))))
            #expect(DocumentsExamples.text(entries, "OEBPS/c1.xhtml")
                == #"<html xml:lang="zh-TW"><body><p>頭髮後來</p></body></html>"#)
        }
    }
}
