import Foundation
import Testing

/// Directories among the inputs: walked, filtered, mirrored into --output-dir or rewritten in
/// place, each file on its own, with a summary on standard error.
@Suite("Directory trees")
struct TreeTests {
    /// A tree with what a walk must tell apart: text, nested text, hidden and ignored files,
    /// a binary file, a UTF-16 file (read through its byte order mark), a symbolic link.
    private func makeTree(_ dir: TemporaryDirectory) throws {
        let fm = FileManager.default
        for sub in ["src/sub/deep", "src/.hidden", "src/build", "src/drafts"] {
            try fm.createDirectory(at: dir.file(sub), withIntermediateDirectories: true)
        }
        try dir.write("src/a.txt", Sample.simplified)
        try dir.write("src/sub/b.md", "没有\n")
        try dir.write("src/sub/deep/c.txt", "abc\n")
        try dir.write("src/.hidden/h.txt", Sample.simplified)
        try dir.write("src/.gitignore", "build/\n*.log\n!keep.log\n")
        try dir.write("src/build/x.txt", Sample.simplified)
        try dir.write("src/drafts/d.txt", Sample.simplified)
        try dir.write("src/x.log", Sample.simplified)
        try dir.write("src/keep.log", Sample.simplified)
        try dir.write("src/bin.dat", [0x00, 0xE5, 0xA4, 0xB4])
        try dir.write("src/utf16.txt", [0xFF, 0xFE, 0x34, 0x59])
        try fm.createSymbolicLink(atPath: dir.file("src/link.txt").path, withDestinationPath: "a.txt")
    }

    private func files(under url: URL) throws -> [String] {
        let enumerator = try #require(FileManager.default.enumerator(atPath: url.path))
        return enumerator.compactMap { $0 as? String }.filter { path in
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: url.appendingPathComponent(path).path, isDirectory: &isDirectory)
            return !isDirectory.boolValue
        }.sorted()
    }

    @Test("--output-dir mirrors the tree: hidden, ignored and linked files left out, binary copied, summary")
    func mirror() throws {
        let dir = try TemporaryDirectory()
        try makeTree(dir)
        let result = try CLI.run(["-c", "s2t", "src", "--output-dir", "out"], in: dir.url)
        #expect(result.status == 0)
        #expect(try files(under: dir.file("out")) == [
            "a.txt", "bin.dat", "drafts/d.txt", "keep.log", "sub/b.md", "sub/deep/c.txt", "utf16.txt",
        ])
        #expect(try dir.readText("out/a.txt") == Sample.traditional)
        #expect(try dir.readText("out/sub/b.md") == "沒有\n")
        #expect(try dir.read("out/bin.dat") == dir.read("src/bin.dat"))
        #expect(try dir.read("out/utf16.txt") == [0xFF, 0xFE, 0x2D, 0x98])   // 头 → 頭, still UTF-16LE
        #expect(result.stderr.contains("jianfan: src/link.txt: skipped: symbolic link, not followed\n"))
        #expect(result.stderr.hasSuffix(
            "jianfan: 7 files: 5 converted, 1 unchanged, 1 skipped as binary, 0 failed; 1 skipped (links, special files)\n"
        ))
    }

    @Test("--all takes hidden and ignored files too; --include and --exclude filter")
    func filters() throws {
        let dir = try TemporaryDirectory()
        try makeTree(dir)
        let all = try CLI.run(["-c", "s2t", "src", "--all", "--output-dir", "all"], in: dir.url)
        #expect(all.status == 0)
        #expect(try files(under: dir.file("all")).contains(".hidden/h.txt"))
        #expect(try files(under: dir.file("all")).contains("build/x.txt"))
        let some = try CLI.run(
            ["-c", "s2t", "src", "--include", "*.txt", "--exclude", "drafts", "--exclude", "sub/**/c.txt", "--output-dir", "some"],
            in: dir.url
        )
        #expect(some.status == 0)
        #expect(try files(under: dir.file("some")) == ["a.txt", "utf16.txt"])
    }

    @Test("--in-place rewrites changed files atomically and leaves unchanged and binary ones alone")
    func inPlace() throws {
        let dir = try TemporaryDirectory()
        try makeTree(dir)
        let inode = { (path: String) throws -> Int in
            try FileManager.default.attributesOfItem(atPath: dir.file(path).path)[.systemFileNumber] as! Int
        }
        let unchangedBefore = try inode("src/sub/deep/c.txt")
        let result = try CLI.run(["-c", "s2t", "--in-place", "src"], in: dir.url)
        #expect(result.status == 0)
        #expect(try dir.readText("src/a.txt") == Sample.traditional)
        #expect(try dir.readText("src/x.log") == Sample.simplified)  // ignored
        #expect(try dir.readText("src/.hidden/h.txt") == Sample.simplified)
        #expect(try inode("src/sub/deep/c.txt") == unchangedBefore)
        #expect(try dir.read("src/bin.dat") == [0x00, 0xE5, 0xA4, 0xB4])
        #expect(try !files(under: dir.file("src")).contains { $0.contains(".jianfan-") })
    }

    @Test("a file that fails is reported with its reason; the others are converted; status 1")
    func oneFailure() throws {
        let dir = try TemporaryDirectory()
        try makeTree(dir)
        try dir.write("src/broken.docx", "PK not a zip")
        let result = try CLI.run(["-c", "s2t", "src", "--output-dir", "out"], in: dir.url)
        #expect(result.status == 1)
        #expect(result.stderr.contains("jianfan: src/broken.docx: not a readable docx (zip) archive: no end of central directory record (damaged or truncated)\n"))
        #expect(result.stderr.contains("5 converted, 1 unchanged, 1 skipped as binary, 1 failed"))
        #expect(try dir.readText("out/a.txt") == Sample.traditional)
        #expect(!FileManager.default.fileExists(atPath: dir.file("out/broken.docx").path))
    }

    @Test("a directory without --output-dir or --in-place is a usage error (2)")
    func directoryNeedsDestination() throws {
        let dir = try TemporaryDirectory()
        try makeTree(dir)
        let result = try CLI.run(["-c", "s2t", "src"], in: dir.url)
        #expect(result.status == 2)
        #expect(result.stderr == "jianfan: a directory input needs --output-dir DIR or --in-place\n")
    }

    @Test("documents in a tree convert by structure, next to plain files")
    func documentsInTree() throws {
        let dir = try TemporaryDirectory()
        try FileManager.default.createDirectory(at: dir.file("src"), withIntermediateDirectories: true)
        try ZipFixtures.write(ZipFixtures.docx, to: dir.file("src/a.docx"))
        try dir.write("src/a.srt", "1\n00:00:01,000 --> 00:00:02,000\n头发\n")
        let result = try CLI.run(["-c", "s2t", "src", "--output-dir", "out"], in: dir.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try dir.readText("out/a.srt") == "1\n00:00:01,000 --> 00:00:02,000\n頭髮\n")
        let document = try ZipFixtures.read(dir.file("out/a.docx"))
        #expect(document.map(\.path) == ZipFixtures.docx.map(\.path))
    }
}
