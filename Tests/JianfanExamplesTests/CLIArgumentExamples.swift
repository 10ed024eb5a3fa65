#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
@testable import JianfanCLI

/// The `///` examples of the command line's own parsing: quick and compatible arguments, file
/// names as bytes, the guess at a file's encoding, and the scanners of `--jsonl` and `--csv`.
@Suite("Examples: ConversionRequest, CompatibleArguments, ArgumentBytes, EncodingSuspicion, field scanners")
struct CLIArgumentExamples {
    @Test("PlanCacheLocation.directory(environment:)")
    func planCacheLocation() {
        #if canImport(Darwin)
        #expect(PlanCacheLocation.directory(environment: ["HOME": "/home/me"]) == "/home/me/Library/Caches/jianfan")
        #else
        #expect(PlanCacheLocation.directory(environment: ["HOME": "/home/me"]) == "/home/me/.cache/jianfan")
        #endif
        #expect(PlanCacheLocation.directory(environment: ["JIANFAN_CACHE_DIR": "/tmp/c"]) == "/tmp/c")
        #expect(PlanCacheLocation.directory(environment: ["XDG_CACHE_HOME": "/x", "HOME": "/h"]) == "/x/jianfan")
        #expect(PlanCacheLocation.directory(environment: [:]) == nil)
    }

    @Test("ConversionRequest.quick(_:)")
    func quick() {
        let request = ConversionRequest.quick(["-c", "s2t", "-i", "a.txt"])   // config s2t, inputs ["a.txt"]
        #expect(request?.config == "s2t" && request?.inputs == ["a.txt"] && request?.output == nil)
        let same = ConversionRequest.quick(["-cs2t", "--input=a.txt"])       // the same
        #expect(same?.config == "s2t" && same?.inputs == ["a.txt"] && same?.output == nil)
        #expect(ConversionRequest.quick(["-c", "s2t", "a.txt"]) == nil)         // nil: positional input
    }

    @Test("CompatibleArguments.prepare(_:)")
    func compatible() throws {
        #expect(try CompatibleArguments.prepare(["--noflush", "1", "-c", "s2t"]) == .run(["--noflush", "-c", "s2t"]))
        #expect(try CompatibleArguments.prepare(["-v"]) == .printVersion)   // .printVersion
    }

    @Test("ArgumentBytes and withSystemPath(_:_:): a file name that is not UTF-8")
    func argumentBytes() throws {
        let name = ArgumentBytes.string(from: [0x61, 0xFF])   // "a\u{10FFFF}"
        #expect(name == "a\u{10FFFF}")
        #expect(ArgumentBytes.bytes(of: name) == [0x61, 0xFF])   // [0x61, 0xFF]
        #expect(ArgumentBytes.display(name) == "a\u{FFFD}")   // "a\u{FFFD}", for messages

        try ExampleSupport.withFolder { folder in
            // The file `a` 0xFF, made with the bytes themselves.
            let raw = Array("\(folder)/a".utf8) + [0xFF, 0]
            let made = raw.withUnsafeBufferPointer { bytes in
                bytes.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) }
            }
            #expect(made >= 0)
            close(made)
            let path = ArgumentBytes.string(from: Array("\(folder)/a".utf8) + [0xFF])
            let fd = withSystemPath(path) { open($0, O_RDONLY | O_CLOEXEC) }
            #expect(fd >= 0)
            close(fd)
        }
    }

    @Test("EncodingSuspicion.guess(_:)")
    func encodingSuspicion() {
        #expect(EncodingSuspicion.guess([0xFF, 0xFE, 0x34, 0x59]) == "UTF-16LE")        // "UTF-16LE"
        #expect(EncodingSuspicion.guess(Array("abc".utf8)) == nil)              // nil
    }

    @Test("JSONLineScanner")
    func jsonLines() throws {
        let bytes = Array(#"{"id":"头发","title":"头发\n后来","tags":["头发"]}"#.utf8)
        var tokens: [JSONStringToken] = []
        try bytes.withUnsafeBytes { line in
            var scanner = JSONLineScanner(fields: FieldPaths(["title"]))
            try scanner.scan(line, into: &tokens)   // tokens: where "title"'s string is in the line
        }
        #expect(tokens.count == 1 && tokens[0].escaped)
        #expect(String(decoding: bytes[tokens[0].start..<tokens[0].end], as: UTF8.self) == #"头发\n后来"#)
    }

    @Test("JSONLineScanner.skipSelected(_:from:escaped:)")
    func skipSelected() {
        let bytes = Array(#"“头发”\n后来" }"#.utf8)
        bytes.withUnsafeBytes { text in
            var escaped = false
            let end = JSONLineScanner.skipSelected(text, from: 0, escaped: &escaped)
            #expect(end == bytes.firstIndex(of: UInt8(ascii: "\"")))
            #expect(escaped)
        }
        // U+2028 and an IDS operator stop it at their E2 byte; \u too, at its backslash.
        for (text, stop) in [("头\u{2028}", 3), ("头⿰木", 3), (#"头\u5934"#, 3), ("头\u{01}", 3)] {
            var escaped = false
            #expect(Array(text.utf8).withUnsafeBytes { JSONLineScanner.skipSelected($0, from: 0, escaped: &escaped) } == stop)
            #expect(!escaped)
        }
    }

    @Test("JSONLineShape")
    func jsonLineShape() throws {
        let shape = JSONLineShape()
        #expect(shape.runs.isEmpty)   // true: nothing recorded yet, every line is scanned in full
        // A scanner records the shape of a flat line, then matches the lines that repeat it.
        var scanner = JSONLineScanner(fields: FieldPaths(["text"]))
        scanner.recordsTokens = false
        var tokens: [JSONStringToken] = []
        let first = Array(#"{"id": 1, "text": "头发"}"#.utf8), next = Array(#"{"id": 22, "text": "“后来”"}"#.utf8)
        #expect(try first.withUnsafeBytes { try scanner.scanLine($0, into: &tokens) } == first.count)
        #expect(!scanner.shape.runs.isEmpty)
        #expect(next.withUnsafeBytes { scanner.matchShape($0) } == next.count)
        #expect(scanner.convertsInPlace)
        let other = Array(#"{"id": 22, "txt": "后来"}"#.utf8), bad = Array(#"{"id": 2x, "text": "后来"}"#.utf8)
        #expect(other.withUnsafeBytes { scanner.matchShape($0) } == nil)
        #expect(bad.withUnsafeBytes { scanner.matchShape($0) } == nil)
        // Nested lines keep the shape recorded before.
        let nested = Array(#"{"id": [1], "text": "头发"}"#.utf8)
        #expect(try nested.withUnsafeBytes { try scanner.scanLine($0, into: &tokens) } == nested.count)
        #expect(next.withUnsafeBytes { scanner.matchShape($0) } == next.count)
        #expect(tokens.isEmpty)
    }

    @Test("CSVScanner")
    func csv() throws {
        let bytes = Array("a,\"b,\"\"c\"\"\"\nd".utf8)
        var fields: [CSVField] = []
        let end = try bytes.withUnsafeBytes { block in
            let scanner = CSVScanner(delimiter: UInt8(ascii: ","))
            let next = try scanner.record(block, from: 0, atEnd: true, into: &fields)
            return next
        }
        #expect(end == 12)   // after the line break: the next record, `d`, starts there
        #expect(fields.map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) } == ["a", #"b,""c"""#])
        #expect(fields.map(\.quoted) == [false, true])
    }
}
