import Foundation
import Testing

/// The data-loss findings of adversarial testing, each run end to end: what an output is
/// decides how it is written (never its path), a read-only file is refused, and file names are
/// bytes.
@Suite("Data safety")
struct DataSafetyTests {
    @Test("-i f -o f under /dev/shm converts the file in place (it was emptied, with status 0)")
    func sameFileUnderDev() throws {
        let shm = try TemporaryDirectory(in: URL(fileURLWithPath: "/dev/shm"))
        try shm.write("f.txt", Sample.simplified)
        let path = shm.file("f.txt").path
        let result = try CLI.run(["-c", "s2t", "-i", path, "-o", path], in: shm.url)
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(try shm.readText("f.txt") == Sample.traditional)
        #expect(try shm.contents() == ["f.txt"])
    }

    @Test("an output that is an input under another name (hard link, ./) converts correctly")
    func sameFileOtherName() throws {
        let dir = try TemporaryDirectory()
        try dir.write("f.txt", Sample.simplified)
        try FileManager.default.linkItem(at: dir.file("f.txt"), to: dir.file("link.txt"))
        let result = try CLI.run(["-c", "s2t", "-i", "link.txt", "-o", "./link.txt"], in: dir.url)
        #expect(result.status == 0)
        #expect(try dir.readText("link.txt") == Sample.traditional)
        #expect(try dir.contents() == ["f.txt", "link.txt"])
    }

    @Test("-i f -o f with invalid UTF-8 leaves f exactly as it was, and no temporary file")
    func sameFileFailure() throws {
        let shm = try TemporaryDirectory(in: URL(fileURLWithPath: "/dev/shm"))
        let bytes = Array("头发".utf8) + [0xFF, 0x0A]
        try shm.write("f.txt", bytes)
        let path = shm.file("f.txt").path
        let result = try CLI.run(["-c", "s2t", "-i", path, "-o", path], in: shm.url)
        #expect(result.status == 3)
        #expect(try shm.read("f.txt") == bytes)
        #expect(try shm.contents() == ["f.txt"])
    }

    @Test("a FIFO as output is written directly and stays a FIFO")
    func fifoOutput() throws {
        let dir = try TemporaryDirectory()
        try dir.write("in.txt", Sample.simplified)
        let fifo = dir.file("pipe").path
        try #require(mkfifo(fifo, 0o600) == 0)
        let process = Process()
        process.executableURL = try CLI.requireBinary()
        process.arguments = ["-c", "s2t", "-i", "in.txt", "-o", "pipe"]
        process.currentDirectoryURL = dir.url
        try process.run()
        let reader = try #require(FileHandle(forReadingAtPath: fifo)) // blocks until jianfan opens it
        let received = try reader.readToEnd() ?? Data()
        try reader.close()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(String(decoding: received, as: UTF8.self) == Sample.traditional)
        var info = stat()
        #expect(stat(fifo, &info) == 0 && (info.st_mode & S_IFMT) == S_IFIFO)
        #expect(try dir.contents() == ["in.txt", "pipe"])
    }

    @Test("-o onto a read-only file is refused (1) and leaves it untouched", arguments: [false, true])
    func readOnlyOutput(inPlace: Bool) throws {
        let dir = try TemporaryDirectory()
        try dir.write("in.txt", Sample.simplified)
        try dir.write("out.txt", "old output\n")
        // The directory and the file are the user's (`nobody` when the tests run as root), so
        // renaming over the file would succeed without the check.
        if geteuid() == 0 {
            for item in [dir.url, dir.file("in.txt"), dir.file("out.txt")] {
                try #require(chown(item.path, CLI.nobody, CLI.nobody) == 0)
            }
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: dir.file("out.txt").path)
        let arguments = inPlace ? ["-c", "s2t", "--in-place", "out.txt"] : ["-c", "s2t", "-i", "in.txt", "-o", "out.txt"]
        let result = try CLI.runUnprivileged(arguments, in: dir.url)
        #expect(result.status == 1)
        #expect(result.stderr == "jianfan: out.txt: Permission denied\n")
        #expect(try dir.readText("out.txt") == "old output\n")
        #expect(try dir.contents() == ["in.txt", "out.txt"])
        let mode = try FileManager.default.attributesOfItem(atPath: dir.file("out.txt").path)[.posixPermissions] as? Int
        #expect(mode == 0o444)
    }

    @Test("replacing a writable file keeps its permission bits")
    func replaceKeepsMode() throws {
        let dir = try TemporaryDirectory()
        try dir.write("in.txt", Sample.simplified)
        try dir.write("out.txt", "old output\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: dir.file("out.txt").path)
        let result = try CLI.run(["-c", "s2t", "-i", "in.txt", "-o", "out.txt"], in: dir.url)
        #expect(result.status == 0)
        #expect(try dir.readText("out.txt") == Sample.traditional)
        let mode = try FileManager.default.attributesOfItem(atPath: dir.file("out.txt").path)[.posixPermissions] as? Int
        #expect(mode == 0o640)
    }

    /// `a<FF>.txt`: the byte 0xFF is never part of UTF-8.
    static let rawName: [UInt8] = [0x61, 0xFF] + Array(".txt".utf8)
    static let rawOutput: [UInt8] = [0x6F, 0xFF, 0xFE] + Array(".txt".utf8)

    @Test("a file name that is not UTF-8 is found with -i and as a positional input")
    func rawInputName() throws {
        let dir = try TemporaryDirectory()
        try dir.write(rawName: Self.rawName, Array(Sample.simplified.utf8))
        for arguments in [[Array("-i".utf8), Self.rawName], [Self.rawName]] {
            let result = try CLI.run(rawArguments: [Array("-c".utf8), Array("s2t".utf8)] + arguments, in: dir.url)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdoutText == Sample.traditional)
        }
    }

    @Test("-o with a name that is not UTF-8 creates exactly that name")
    func rawOutputName() throws {
        let dir = try TemporaryDirectory()
        try dir.write(rawName: Self.rawName, Array(Sample.simplified.utf8))
        let arguments = [Array("-i".utf8), Self.rawName, Array("-o".utf8), Self.rawOutput]
        let result = try CLI.run(rawArguments: arguments, in: dir.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(dir.read(rawName: Self.rawOutput) == Array(Sample.traditional.utf8))
        #expect(try dir.rawContents() == [Self.rawName, Self.rawOutput])
    }

    @Test("--in-place rewrites a file whose name is not UTF-8, under that name")
    func rawInPlaceName() throws {
        let dir = try TemporaryDirectory()
        try dir.write(rawName: Self.rawName, Array(Sample.simplified.utf8))
        let result = try CLI.run(rawArguments: [Array("--in-place".utf8), Self.rawName], in: dir.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(dir.read(rawName: Self.rawName) == Array(Sample.traditional.utf8))
        #expect(try dir.rawContents() == [Self.rawName])
    }

    @Test("a missing file whose name is not UTF-8 is named in the message with U+FFFD")
    func rawMissingName() throws {
        let dir = try TemporaryDirectory()
        let result = try CLI.run(rawArguments: [Array("-i".utf8), Self.rawName], in: dir.url)
        #expect(result.status == 1)
        #expect(result.stderr == "jianfan: a\u{FFFD}.txt: No such file or directory\n")
    }
}
