import Foundation
@testable import Jianfan
@testable import JianfanDocuments
import Testing
import ZIPFoundation

/// The zip reader and writer on the archives other writers make: ZIPFoundation's (an
/// independent implementation, also the reader that checks ours), data descriptors, ZIP64.
@Suite("Zip archives")
struct ZipReaderTests {
    static let s2t = TextConversion(Converter(.s2t))

    static func convert(_ bytes: [UInt8], _ format: DocumentFormat = .docx) throws(DocumentError) -> [UInt8] {
        try DocumentConverter(format: format, conversion: s2t).convert(bytes)
    }

    /// Every entry of `bytes` read by ZIPFoundation, CRC checked: name, compressed, content.
    static func readWithZIPFoundation(_ bytes: [UInt8]) throws -> [(String, Bool, [UInt8])] {
        let archive = try Archive(data: Data(bytes), accessMode: .read)
        return try archive.map { entry in
            var data = Data()
            _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
            return (entry.path, entry.isCompressed, Array(data))
        }
    }

    @Test("an archive written by ZIPFoundation: same entries in order, compression kept, text converted, the rest copied byte for byte")
    func zipFoundationArchive() throws {
        let source = try Archive(data: Data(), accessMode: .create)
        let parts: [(String, String, CompressionMethod)] = [
            ("mimetype", "application/epub+zip", .none),
            ("OEBPS/a.xhtml", "<html><body><p title=\"头发\">头发后来</p></body></html>", .deflate),
            ("OEBPS/same.xhtml", "<p>abc</p>", .deflate),
            ("OEBPS/s.css", "p { content: \"头发\" }", .deflate),
            ("OEBPS/b.xhtml", "<p>后来</p>", .none),
        ]
        for (path, text, method) in parts {
            let data = Data(text.utf8)
            try source.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: method,
                provider: { (position: Int64, size: Int) in data.subdata(in: Int(position)..<Int(position) + size) }
            )
        }
        try source.addEntry(
            with: "OEBPS/images/", type: .directory, uncompressedSize: Int64(0),
            provider: { (_: Int64, _: Int) in Data() }
        )
        let input = Array(try #require(source.data))
        let output = try Self.convert(input, .epub)

        let read = try Self.readWithZIPFoundation(output)
        #expect(read.map(\.0) == parts.map(\.0) + ["OEBPS/images/"])
        #expect(read.map(\.1) == [false, true, true, true, false, false])
        #expect(String(decoding: read[1].2, as: UTF8.self) == "<html><body><p title=\"頭髮\">頭髮後來</p></body></html>")
        #expect(String(decoding: read[4].2, as: UTF8.self) == "<p>後來</p>")
        // Entries without a change keep their whole local record, byte for byte.
        let before = try ZipDirectory(input).entries, after = try ZipDirectory(output).entries
        for k in [0, 2, 3, 5] {
            #expect(output[after[k].record] == input[before[k].record], "\(before[k].name)")
        }
        #expect(output[after[1].record] != input[before[1].record])
        #expect(after[1].externalAttributes == before[1].externalAttributes && after[1].date == before[1].date)
    }

    @Test("data descriptors (with and without a signature) and ZIP64 fields and end records are read; copied entries keep them")
    func descriptorsAndZip64() throws {
        var archive = TestArchive(zip64End: true)
        var document = TestArchive.stored("word/document.xml", "<w:t>头发</w:t>")
        document.descriptor = .signed
        var unsigned = TestArchive.stored("word/media/a.bin", "\u{0}\u{1}binary")
        unsigned.descriptor = .unsigned
        var wide = TestArchive.stored("docProps/app.xml", "<Application>头发</Application>")
        wide.zip64 = true
        let header = Array("<w:hdr><w:t>后来</w:t></w:hdr>".utf8)
        var deflated = TestArchive.Entry(
            name: "word/header1.xml", content: header, data: try Zlib.deflate(header, part: "h"), method: 8
        )
        deflated.descriptor = .signed
        deflated.zip64 = true
        archive.entries = [document, unsigned, wide, deflated]
        archive.comment = Array("a comment".utf8)
        let input = archive.bytes().bytes
        let output = try Self.convert(input)

        let read = try Self.readWithZIPFoundation(output)
        #expect(read.map(\.0) == archive.entries.map(\.name))
        #expect(read.map { String(decoding: $0.2, as: UTF8.self) }
                == ["<w:t>頭髮</w:t>", "\u{0}\u{1}binary", "<Application>头发</Application>", "<w:hdr><w:t>後來</w:t></w:hdr>"])
        let before = try ZipDirectory(input).entries, after = try ZipDirectory(output)
        #expect(output[after.entries[1].record] == input[before[1].record])
        #expect(output[after.entries[2].record] == input[before[2].record])
        #expect(after.entries[0].flags & 0x0008 == 0, "a rewritten entry needs no data descriptor")
        #expect(after.comment == archive.comment)
    }

    @Test("more than 65,535 entries: the writer adds a ZIP64 end record, and both readers see every entry")
    func manyEntries() throws {
        var archive = TestArchive(zip64End: true)
        archive.entries = (0..<70_000).map { TestArchive.stored("f/\($0)", "\($0 % 10)") }
        let output = try Self.convert(archive.bytes().bytes, .odt)
        #expect(try ZipDirectory(output).entries.map(\.name) == archive.entries.map(\.name))
        let zip64End: [UInt8] = [0x50, 0x4B, 0x06, 0x06]
        #expect(output.suffix(200).firstRange(of: zip64End) != nil)
        let read = try Archive(data: Data(output), accessMode: .read)
        #expect(read.reduce(0) { count, _ in count + 1 } == 70_000)
        #expect(read["f/69999"] != nil)
    }
}
