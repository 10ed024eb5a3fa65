import Foundation
import ZIPFoundation

/// Builds the zip documents the tests convert (no binary fixtures: this is their generator)
/// and reads converted ones back entry by entry.
enum ZipFixtures {
    struct Entry: Equatable {
        let path: String
        let bytes: [UInt8]
        let compressed: Bool
    }

    static func entry(_ path: String, _ text: String, compressed: Bool = true) -> Entry {
        Entry(path: path, bytes: Array(text.utf8), compressed: compressed)
    }

    /// Writes a zip holding `entries`, in order.
    static func write(_ entries: [Entry], to url: URL) throws {
        try? FileManager.default.removeItem(at: url)
        let archive = try Archive(url: url, accessMode: .create)
        for entry in entries {
            let data = Data(entry.bytes)
            try archive.addEntry(
                with: entry.path, type: .file, uncompressedSize: Int64(data.count),
                compressionMethod: entry.compressed ? .deflate : .none,
                provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) }
            )
        }
    }

    /// Every entry of the zip at `url`, in the order of its directory.
    static func read(_ url: URL) throws -> [Entry] {
        let archive = try Archive(url: url, accessMode: .read)
        return try archive.map { entry in
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            return Entry(path: entry.path, bytes: Array(data), compressed: entry.isCompressed)
        }
    }

    /// A small EPUB 3: mimetype first and stored, a package document in Simplified, a chapter
    /// with the constructs the scanner must respect, a stylesheet and an "image".
    static let epub: [Entry] = [
        entry("mimetype", "application/epub+zip", compressed: false),
        entry("META-INF/container.xml", """
            <?xml version="1.0"?>
            <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>\
            <rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>
            """),
        entry("OEBPS/content.opf", """
            <?xml version="1.0" encoding="UTF-8"?>
            <package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id" xml:lang="zh-CN">
            <metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="id">头发-001</dc:identifier>\
            <dc:title>头发后来</dc:title><dc:language>zh-CN</dc:language></metadata>
            <manifest><item id="c1" href="头发.xhtml" media-type="application/xhtml+xml"/></manifest>
            <spine><itemref idref="c1"/></spine></package>
            """),
        entry("OEBPS/头发.xhtml", chapter),
        entry("OEBPS/style.css", "p::before { content: \"头发\"; }\n"),
        Entry(path: "OEBPS/cover.png", bytes: [0x89, 0x50, 0x4E, 0x47, 0, 1, 2, 0xFF, 0xE5, 0xA4, 0xB4], compressed: false),
    ]

    static let chapter = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE html>
        <html xmlns="http://www.w3.org/1999/xhtml" xml:lang="zh-CN" lang="zh-CN">
        <head><title>头发</title><style>/* 头发 */</style></head>
        <body class="头发"><!-- 头发 --><p title="头发" data-x="头发">头发&amp;后来&#x5934;<img alt="后来" src="头发.png"/></p>
        <script>var s = "头发";</script><p><![CDATA[头发 < 后来]]></p><?pi 头发?></body></html>
        """

    static let chapterS2T = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE html>
        <html xmlns="http://www.w3.org/1999/xhtml" xml:lang="zh-TW" lang="zh-TW">
        <head><title>頭髮</title><style>/* 头发 */</style></head>
        <body class="头发"><!-- 头发 --><p title="頭髮" data-x="头发">頭髮&amp;後來&#x5934;<img alt="後來" src="头发.png"/></p>
        <script>var s = "头发";</script><p><![CDATA[頭髮 < 後來]]></p><?pi 头发?></body></html>
        """

    /// A small DOCX: text split across runs, a field code, a language, a header, properties.
    static let docx: [Entry] = [
        entry("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"),
        entry("_rels/.rels", "<?xml version=\"1.0\"?><Relationships/>"),
        entry("word/document.xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\
            <w:p><w:r><w:rPr><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr><w:t xml:space="preserve">头发 </w:t></w:r>\
            <w:r><w:t>后来</w:t></w:r><w:r><w:instrText> REF 头发 </w:instrText></w:r></w:p></w:body></w:document>
            """),
        entry("word/header1.xml", "<w:hdr xmlns:w=\"w\"><w:p><w:r><w:t>后来</w:t></w:r></w:p></w:hdr>"),
        entry("word/styles.xml", "<w:styles xmlns:w=\"w\"><w:style w:styleId=\"头发\"><w:name w:val=\"头发\"/></w:style></w:styles>"),
        entry("docProps/core.xml", "<cp:coreProperties xmlns:cp=\"cp\" xmlns:dc=\"dc\"><dc:title>头发</dc:title><dc:creator>后来</dc:creator></cp:coreProperties>"),
        Entry(path: "word/media/image1.png", bytes: Array(0...255).map(UInt8.init), compressed: true),
    ]
}
