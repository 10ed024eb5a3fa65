import Testing
@testable import JianfanDocuments

/// The `///` examples of the zip reader and writer that documents go through: the bounds
/// checked before every field, the central directory and its entries, an entry's content and
/// its check, an archive written entry by entry, and zlib's deflate and inflate.
@Suite("Examples: ZipBytes, ZipDirectory, ZipEntry, ZipWriter, Zlib")
struct ZipExamples {
    /// A small document archive: a stored `mimetype`, a text part and an "image".
    static let archive = StoredZip.make([
        ("mimetype", Array("application/epub+zip".utf8)),
        ("META-INF/container.xml", Array("<container/>".utf8)),
        ("OEBPS/c1.xhtml", Array("<p>头发后来</p>".utf8)),
        ("OEBPS/cover.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
    ])

    @Test("ZipBytes")
    func zipBytes() {
        let bytes: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
        #expect(ZipBytes.has(0, 4, in: bytes))          // true
        #expect(ZipBytes.u32(bytes, 0) == 0x0403_4B50)  // true: a local file header's signature
        #expect(!ZipBytes.has(1, 4, in: bytes))         // one byte past the end
        #expect(!ZipBytes.has(Int.max, 1, in: bytes))   // no overflow
    }

    @Test("ZipDirectory")
    func zipDirectory() throws {
        let bytes = Self.archive
        let directory = try ZipDirectory(bytes)
        #expect(directory.entries.map(\.name)
            == ["mimetype", "META-INF/container.xml", "OEBPS/c1.xhtml", "OEBPS/cover.png"])
        #expect(throws: DocumentError.self) { try ZipDirectory(Array(bytes.dropLast(22))) }
    }

    @Test("ZipEntry")
    func zipEntry() throws {
        let bytes = Self.archive
        var printed: [String] = []
        func print(_ name: String, _ size: Int) { printed.append("\(name) \(size)") }
        let directory = try ZipDirectory(bytes)
        for entry in directory.entries { print(entry.name, entry.uncompressedSize) }
        #expect(printed == ["mimetype 20", "META-INF/container.xml 12", "OEBPS/c1.xhtml 19", "OEBPS/cover.png 8"])
    }

    @Test("ZipEntry.content(in:), verify(in:)")
    func content() throws {
        var bytes = Self.archive
        let entries = try ZipDirectory(bytes).entries
        let entry = entries[2], image = entries[3]
        let text = try entry.content(in: bytes)   // inflated, checked against the CRC
        #expect(text == Array("<p>头发后来</p>".utf8))
        try image.verify(in: bytes)               // inflated into a small buffer, checked, dropped
        bytes[image.data.lowerBound] ^= 0xFF      // a damaged byte: the CRC no longer matches
        #expect(throws: DocumentError.self) { try image.verify(in: bytes) }
    }

    @Test("ZipWriter: one entry copied, one replaced")
    func zipWriter() throws {
        let bytes = Self.archive
        let directory = try ZipDirectory(bytes)
        let entry = directory.entries[0], other = directory.entries[2]
        let convertedText = Array("<p>頭髮後來</p>".utf8)
        var writer = ZipWriter(capacity: bytes.count)
        try writer.copy(entry, from: bytes)
        try writer.replace(other, with: convertedText)
        let archive = writer.finish(comment: directory.comment)

        let written = try ZipDirectory(archive).entries
        #expect(written.map(\.name) == ["mimetype", "OEBPS/c1.xhtml"])
        #expect(Array(archive[written[0].record]) == Array(bytes[entry.record]))   // byte for byte
        #expect(try written[1].content(in: archive) == convertedText)
        let entries = try #require(StoredZip.entries(archive))   // stored stays stored
        #expect(entries["OEBPS/c1.xhtml"] == convertedText)
    }

    @Test("Zlib")
    func zlib() throws {
        let packed = try Zlib.deflate(Array("头发".utf8), part: "a.xml")
        let (bytes, crc) = try Zlib.inflate(packed[...], size: 6, part: "a.xml")
        #expect(bytes == Array("头发".utf8))
        #expect(crc == StoredZip.crc32(bytes))
        #expect(try Zlib.crc32(bytes[...], part: "a.xml") == crc)
        #expect(throws: DocumentError.self) { try Zlib.inflate(packed[...], size: 5, part: "a.xml") }
    }
}
