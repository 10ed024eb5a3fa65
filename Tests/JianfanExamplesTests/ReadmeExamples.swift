import Foundation
import Testing
import Jianfan

/// The README's library lines (section "Library"), run as written, with the names they take
/// for granted: `bytes`, `chunk`, `readInto`, `send`, `configFile`, `dictionaryFolder`, `notice`
/// and `news`.
@Suite("Examples: the README's library lines")
struct ReadmeExamples {
    @Test("Library")
    func library() throws {
        let bytes = Array("鼠标和软件".utf8), chunk = Array("打印机".utf8)
        var source = Array(String(repeating: "内存和硬盘，", count: 50_000).utf8)[...]
        let readInto: (UnsafeMutableRawBufferPointer) throws -> Int = { buffer in
            let count = min(buffer.count, source.count)
            buffer.copyBytes(from: source.prefix(count))
            source = source.dropFirst(count)
            return count
        }
        var sent: [UInt8] = []
        let send: (UnsafeRawBufferPointer) throws -> Void = { sent.append(contentsOf: $0) }
        let notice = try ExampleSupport.fixture("001"), news = try ExampleSupport.fixture("000")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jianfan-readme-\(UUID().uuidString)")
        let dictionaryFolder = folder.appendingPathComponent("dicts").path
        try FileManager.default.createDirectory(atPath: dictionaryFolder, withIntermediateDirectories: true)
        try Data("软件\t软件\n".utf8).write(to: URL(fileURLWithPath: dictionaryFolder + "/mine.txt"))
        let configFile = folder.appendingPathComponent("s2t.json").path
        try Data(#"{"conversion_chain": [{"dict": {"type": "group", "dicts": [{"type": "text", "file": "mine.txt"}, {"type": "ocd2", "file": "STPhrases.ocd2"}, {"type": "ocd2", "file": "STCharacters.ocd2"}]}}]}"#.utf8)
            .write(to: URL(fileURLWithPath: configFile))

        let converter = Converter(.s2twp)               // immutable, Sendable: build once, share everywhere
        #expect(converter.convert("鼠标和软件") == "滑鼠和軟體")

        var out: [UInt8] = []                           // UTF-8 in, UTF-8 out, validated first
        try bytes.withUnsafeBytes { try converter.convert($0, appendingTo: &out) }   // throws InvalidUTF8Error
        #expect(out == Array("滑鼠和軟體".utf8))

        var stream = converter.makeStream()             // bounded memory, same result as all at once
        try stream.write(chunk, into: &out)
        try stream.finish(into: &out)
        #expect(out == Array("滑鼠和軟體印表機".utf8))
        var pump = converter.makeStream()               // source to sink, no copies
        try pump.convert(reading: readInto, writing: send)
        #expect(String(decoding: sent, as: UTF8.self) == String(repeating: "記憶體和硬碟，", count: 50_000))

        let mine = try Converter(configuration: configFile, searchPaths: [dictionaryFolder])  // an OpenCC config file
        let custom = try Converter(.s2twp, overrides: ["软件": "軟件"])   // your entries win where they match
        #expect(custom.segments(of: "软件和U盘").map(\.output) == [0..<6, 6..<16])   // each segment's input and output ranges
        #expect(mine.convert("软件和头发") == "软件和頭髮" && custom.convert("软件和U盘") == "軟件和隨身碟")

        #expect(try Transliterator("Han-Latin").transliterate("中文") == "zhōng wén")

        let clean = Normalizer.standard(script: .t2s).normalize(notice)      // .text, .reports per step
        let report = Aligner().align(document: clean.text, references: [(path: "news.txt", text: news)])
        #expect(clean.report(for: "readings")?.count == 196)              // the README: 196 readings
        #expect(report.references[0].path == "news.txt" && !report.references[0].passages.isEmpty)
    }
}
