import Foundation
import Testing

/// `jianfan -c FILE.json` keeps the compiled plan in its cache directory and reads it back.
@Suite("The cache of compiled configurations on the command line")
struct PlanCacheCLITests {
    static let config = """
    { "conversion_chain": [ { "dict": { "type": "group", "dicts": [
        { "type": "text", "file": "mine.txt" }, { "type": "ocd2", "file": "STCharacters.ocd2" } ] } } ] }
    """

    func setUp() throws -> TemporaryDirectory {
        let dir = try TemporaryDirectory()
        try Data(Self.config.utf8).write(to: dir.file("mine.json"))
        try Data("软件\t軟體\n".utf8).write(to: dir.file("mine.txt"))
        return dir
    }

    func plans(_ cache: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: cache.path)) ?? []).sorted()
    }

    @Test("compiled once, then read; --no-cache neither reads nor writes; built-ins never look")
    func hitAndNoCache() throws {
        let dir = try setUp()
        let cache = dir.file("cache")
        let env = ["JIANFAN_CACHE_DIR": cache.path]
        let first = try CLI.run(["-c", "mine.json", "--verbose"], stdin: Array("软件和头\n".utf8), in: dir.url, environment: env)
        #expect(first.status == 0 && first.stdoutText == "軟體和頭\n", "\(first.stderr)")
        #expect(first.stderr.contains("no cached plan"), "\(first.stderr)")
        #expect(plans(cache).count == 1)
        let second = try CLI.run(["-c", "mine.json", "--verbose"], stdin: Array("软件和头\n".utf8), in: dir.url, environment: env)
        #expect(second.stdout == first.stdout)
        #expect(!second.stderr.contains("compiling"), "a hit: \(second.stderr)")
        let other = dir.file("other")
        let off = try CLI.run(["-c", "mine.json", "--no-cache"], stdin: Array("软件\n".utf8), in: dir.url,
                              environment: ["JIANFAN_CACHE_DIR": other.path])
        #expect(off.status == 0 && off.stdoutText == "軟體\n")
        #expect(plans(other).isEmpty)
        let builtIn = try CLI.run(["-c", "s2t"], stdin: Array("软件\n".utf8), in: dir.url, environment: ["JIANFAN_CACHE_DIR": other.path])
        #expect(builtIn.stdoutText == "軟件\n")
        #expect(!FileManager.default.fileExists(atPath: other.path))
    }

    @Test("--dict files: built once, then read; --no-cache writes nothing")
    func dictionaries() throws {
        let dir = try setUp()
        try Data("软件\t軟件\n".utf8).write(to: dir.file("user.txt"))
        let cache = dir.file("cache")
        let env = ["JIANFAN_CACHE_DIR": cache.path]
        let first = try CLI.run(["-c", "s2twp", "--dict", "user.txt", "--verbose"], stdin: Array("软件和硬件\n".utf8), in: dir.url, environment: env)
        #expect(first.status == 0 && first.stdoutText == "軟件和硬體\n", "\(first.stderr)")
        #expect(first.stderr.contains("no cached table"), "\(first.stderr)")
        let second = try CLI.run(["-c", "s2twp", "--dict", "user.txt", "--verbose"], stdin: Array("软件和硬件\n".utf8), in: dir.url, environment: env)
        #expect(second.stdout == first.stdout)
        #expect(!second.stderr.contains("building"), "a hit: \(second.stderr)")
        #expect(plans(cache).count == 1)
        let off = try CLI.run(["-c", "s2twp", "--dict", "user.txt", "--no-cache"], stdin: Array("软件\n".utf8), in: dir.url,
                              environment: ["JIANFAN_CACHE_DIR": dir.file("other").path])
        #expect(off.stdoutText == "軟件\n")
        #expect(plans(dir.file("other")).isEmpty)
    }

    @Test("XDG_CACHE_HOME, then HOME, when JIANFAN_CACHE_DIR is not set")
    func location() throws {
        let dir = try setUp()
        let xdg = try CLI.run(["-c", "mine.json"], stdin: Array("软件\n".utf8), in: dir.url,
                              environment: ["JIANFAN_CACHE_DIR": "", "XDG_CACHE_HOME": dir.file("xdg").path])
        #expect(xdg.stdoutText == "軟體\n")
        #expect(plans(dir.file("xdg/jianfan")).count == 1)
        let home = try CLI.run(["-c", "mine.json"], stdin: Array("软件\n".utf8), in: dir.url,
                               environment: ["JIANFAN_CACHE_DIR": "", "XDG_CACHE_HOME": "", "HOME": dir.file("home").path])
        #expect(home.stdoutText == "軟體\n")
        #if canImport(Darwin)
        #expect(plans(dir.file("home/Library/Caches/jianfan")).count == 1)
        #else
        #expect(plans(dir.file("home/.cache/jianfan")).count == 1)
        #endif
    }

    @Test("an unwritable cache directory still converts, exit 0")
    func unwritable() throws {
        let dir = try setUp()
        try Data("a file".utf8).write(to: dir.file("blocker"))
        let result = try CLI.run(["-c", "mine.json", "--verbose"], stdin: Array("软件\n".utf8), in: dir.url,
                                 environment: ["JIANFAN_CACHE_DIR": dir.file("blocker/cache").path])
        #expect(result.status == 0 && result.stdoutText == "軟體\n")
        #expect(result.stderr.contains("plan not cached"), "\(result.stderr)")
    }

    @Test("processes writing the same plan at once leave one valid file")
    func concurrentWriters() throws {
        let dir = try setUp()
        let cache = dir.file("cache")
        let processes = try (0..<6).map { i -> (Process, URL) in
            let out = dir.file("out\(i)")
            try Data().write(to: out)
            let p = Process()
            p.executableURL = try CLI.requireBinary()
            p.arguments = ["-c", "mine.json", "-o", out.path]
            p.currentDirectoryURL = dir.url
            p.environment = ProcessInfo.processInfo.environment.merging(["JIANFAN_CACHE_DIR": cache.path]) { $1 }
            p.standardInput = try FileHandle(forReadingFrom: try { let u = dir.file("in"); try Data("软件\n".utf8).write(to: u); return u }())
            return (p, out)
        }
        for (p, _) in processes { try p.run() }
        for (p, out) in processes {
            p.waitUntilExit()
            #expect(p.terminationStatus == 0)
            #expect(try String(contentsOf: out, encoding: .utf8) == "軟體\n")
        }
        let files = plans(cache)
        #expect(files.count == 1 && files[0].hasSuffix(".jfplan"), "no temporary files left: \(files)")
        let after = try CLI.run(["-c", "mine.json", "--verbose"], stdin: Array("软件\n".utf8), in: dir.url,
                                environment: ["JIANFAN_CACHE_DIR": cache.path])
        #expect(after.stdoutText == "軟體\n" && !after.stderr.contains("compiling"), "the file is valid: \(after.stderr)")
    }
}
