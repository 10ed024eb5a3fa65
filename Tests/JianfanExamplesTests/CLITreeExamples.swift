import Foundation
import Testing
@testable import JianfanCLI

/// The `///` examples of what a tree conversion sets up once: the output directories it knows,
/// and the heap thresholds for documents.
@Suite("Examples: KnownDirectories, DocumentHeap")
struct CLITreeExamples {
    @Test("KnownDirectories: made once, then known")
    func knownDirectories() throws {
        try ExampleSupport.inFolder { _ in
            let directories = KnownDirectories()
            #expect(try directories.make("out/sub"))   // mkdir -p, once: true when this run created it
            #expect(FileManager.default.fileExists(atPath: "out/sub"))
            try FileManager.default.removeItem(atPath: "out/sub")
            #expect(try directories.make("out/sub"))   // known: no system call
            #expect(!FileManager.default.fileExists(atPath: "out/sub"))   // so nothing made it again

            try FileManager.default.createDirectory(atPath: "old", withIntermediateDirectories: true)
            #expect(try !KnownDirectories().make("old"))   // there before the run
        }
    }

    @Test("DocumentHeap: prepared, then documents convert")
    func documentHeap() throws {
        DocumentHeap.prepare()   // before converting documents; once is enough
        DocumentHeap.prepare()
        try ExampleSupport.inFolder { _ in
            try Data(DocumentsExamples.epubBytes).write(to: URL(fileURLWithPath: "book.epub"))
            try DocumentJob(engine: CLIFileExamples.engine, lossy: false, options: FileOptions(), config: .s2t)
                .run(inputs: ["book.epub"], output: "book-tw.epub")
            let entries = try #require(StoredZip.entries(Array(try Data(contentsOf: URL(fileURLWithPath: "book-tw.epub")))))
            #expect(DocumentsExamples.text(entries, "OEBPS/c1.xhtml").contains("頭髮後來"))
        }
    }
}
