import Foundation
import Testing

/// EPUB and Office documents converted end to end by the built binary, checked entry by entry.
@Suite("Documents")
struct DocumentTests {
    private func text(_ entries: [ZipFixtures.Entry], _ path: String) throws -> String {
        let entry = try #require(entries.first { $0.path == path }, "no entry \(path)")
        return String(decoding: entry.bytes, as: UTF8.self)
    }

    @Test("an EPUB: text nodes, alt and title converted; markup, comments, entities, other entries kept; mimetype first and stored")
    func epub() throws {
        let dir = try TemporaryDirectory()
        try ZipFixtures.write(ZipFixtures.epub, to: dir.file("book.epub"))
        let result = try CLI.run(["-c", "s2t", "--set-language", "-i", "book.epub", "-o", "book-tw.epub"], in: dir.url)
        #expect(result.status == 0, "\(result.stderr)")
        let output = try ZipFixtures.read(dir.file("book-tw.epub"))
        #expect(output.map(\.path) == ZipFixtures.epub.map(\.path))
        #expect(output.map(\.compressed) == ZipFixtures.epub.map(\.compressed))
        #expect(output.first?.path == "mimetype" && output.first?.compressed == false)
        #expect(try text(output, "OEBPS/头发.xhtml") == ZipFixtures.chapterS2T)
        let package = try text(output, "OEBPS/content.opf")
        #expect(package.contains("<dc:title>頭髮後來</dc:title>"))
        #expect(package.contains("<dc:language>zh-TW</dc:language>"))
        #expect(package.contains("xml:lang=\"zh-TW\""))
        #expect(package.contains("<dc:identifier id=\"id\">头发-001</dc:identifier>"))
        #expect(package.contains("href=\"头发.xhtml\""))
        for path in ["mimetype", "META-INF/container.xml", "OEBPS/style.css", "OEBPS/cover.png"] {
            #expect(output.first { $0.path == path } == ZipFixtures.epub.first { $0.path == path }, "\(path)")
        }
    }

    @Test("a DOCX: w:t converted across runs, field codes and style names kept, w:lang follows --set-language")
    func docx() throws {
        let dir = try TemporaryDirectory()
        try ZipFixtures.write(ZipFixtures.docx, to: dir.file("a.docx"))
        let result = try CLI.run(["-c", "s2t", "--set-language", "a.docx", "-o", "b.docx"], in: dir.url)
        #expect(result.status == 0, "\(result.stderr)")
        let output = try ZipFixtures.read(dir.file("b.docx"))
        #expect(output.map(\.path) == ZipFixtures.docx.map(\.path))
        let document = try text(output, "word/document.xml")
        #expect(document.contains("<w:t xml:space=\"preserve\">頭髮 </w:t>"))
        #expect(document.contains("<w:t>後來</w:t>"))
        #expect(document.contains("<w:instrText> REF 头发 </w:instrText>"))
        #expect(document.contains("<w:lang w:val=\"en-US\" w:eastAsia=\"zh-TW\"/>"))
        #expect(try text(output, "word/header1.xml").contains("<w:t>後來</w:t>"))
        #expect(try text(output, "word/styles.xml") == text(ZipFixtures.docx, "word/styles.xml"))
        #expect(try text(output, "docProps/core.xml").contains("<dc:title>頭髮</dc:title><dc:creator>后来</dc:creator>"))
        #expect(output.last == ZipFixtures.docx.last)
    }

    @Test("s2t then t2s gives back every part of the document, byte for byte")
    func roundTrip() throws {
        let dir = try TemporaryDirectory()
        try ZipFixtures.write(ZipFixtures.docx, to: dir.file("a.docx"))
        try ZipFixtures.write(ZipFixtures.epub, to: dir.file("a.epub"))
        for name in ["a.docx", "a.epub"] {
            let there = try CLI.run(["-c", "s2t", "--set-language", name, "-o", "t-" + name], in: dir.url)
            #expect(there.status == 0, "\(there.stderr)")
            let back = try CLI.run(["-c", "t2s", "--set-language", "t-" + name, "-o", "s-" + name], in: dir.url)
            #expect(back.status == 0, "\(back.stderr)")
            let original = try ZipFixtures.read(dir.file(name))
            let converted = try ZipFixtures.read(dir.file("t-" + name))
            #expect(converted != original)
            #expect(try ZipFixtures.read(dir.file("s-" + name)) == original)
        }
    }

    @Test("an XLSX: shared strings converted, formulas naming sheets kept")
    func xlsx() throws {
        let dir = try TemporaryDirectory()
        let entries = [
            ZipFixtures.entry("xl/sharedStrings.xml", "<sst><si><t>头发</t></si><si><r><t>后来</t></r></si></sst>"),
            ZipFixtures.entry("xl/worksheets/sheet1.xml", "<worksheet><c><f>'头发'!A1</f><is><t>后来</t></is></c></worksheet>"),
            ZipFixtures.entry("xl/workbook.xml", "<workbook><sheet name=\"头发\"/></workbook>"),
        ]
        try ZipFixtures.write(entries, to: dir.file("a.xlsx"))
        let result = try CLI.run(["-c", "s2t", "a.xlsx", "-o", "b.xlsx"], in: dir.url)
        #expect(result.status == 0, "\(result.stderr)")
        let output = try ZipFixtures.read(dir.file("b.xlsx"))
        #expect(try text(output, "xl/sharedStrings.xml") == "<sst><si><t>頭髮</t></si><si><r><t>後來</t></r></si></sst>")
        #expect(try text(output, "xl/worksheets/sheet1.xml") == "<worksheet><c><f>'头发'!A1</f><is><t>後來</t></is></c></worksheet>")
        #expect(output[2] == entries[2])
    }

    @Test("a truncated archive fails (1) with a clear message and writes nothing")
    func truncatedArchive() throws {
        let dir = try TemporaryDirectory()
        try ZipFixtures.write(ZipFixtures.epub, to: dir.file("book.epub"))
        let whole = try dir.read("book.epub")
        try dir.write("cut.epub", Array(whole.prefix(whole.count * 2 / 3)))
        let result = try CLI.run(["-c", "s2t", "cut.epub", "-o", "out.epub"], in: dir.url)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("jianfan: cut.epub: "))
        #expect(result.stderr.contains("damaged or truncated"))
        #expect(try dir.contents() == ["book.epub", "cut.epub"])
    }

    @Test("malformed XML in a part fails (1) naming the part and the byte offset; the old output stays")
    func malformedPart() throws {
        let dir = try TemporaryDirectory()
        var entries = ZipFixtures.docx
        entries[2] = ZipFixtures.entry("word/document.xml", "<w:document><w:body><w:t>头发</w:body></w:document>")
        try ZipFixtures.write(entries, to: dir.file("bad.docx"))
        try dir.write("out.docx", "old")
        let result = try CLI.run(["-c", "s2t", "bad.docx", "-o", "out.docx"], in: dir.url)
        #expect(result.status == 1)
        #expect(result.stderr == "jianfan: bad.docx: word/document.xml: malformed XML (</w:body> where </w:t> was expected) at byte offset 31\n")
        #expect(try dir.readText("out.docx") == "old")
    }

    @Test("a phrase split over runs converts as the phrase; a break or a reference ends it")
    func phraseAcrossRuns() throws {
        let dir = try TemporaryDirectory()
        let document = """
            <w:document><w:body><w:p><w:r><w:t>头</w:t></w:r><w:proofErr w:type="spellStart"/>\
            <w:r><w:rPr><w:b/></w:rPr><w:t>发</w:t></w:r></w:p>\
            <w:p><w:r><w:t>头</w:t><w:br/><w:t>发</w:t></w:r></w:p><w:p><w:r><w:t>发</w:t></w:r></w:p></w:body></w:document>
            """
        let expected = """
            <w:document><w:body><w:p><w:r><w:t>頭</w:t></w:r><w:proofErr w:type="spellStart"/>\
            <w:r><w:rPr><w:b/></w:rPr><w:t>髮</w:t></w:r></w:p>\
            <w:p><w:r><w:t>頭</w:t><w:br/><w:t>發</w:t></w:r></w:p><w:p><w:r><w:t>發</w:t></w:r></w:p></w:body></w:document>
            """
        try ZipFixtures.write([ZipFixtures.entry("word/document.xml", document)], to: dir.file("a.docx"))
        var epub = ZipFixtures.epub
        epub[3] = ZipFixtures.entry("OEBPS/头发.xhtml", "<html><body><p>头<em>发</em></p><p>头&amp;发</p></body></html>")
        try ZipFixtures.write(epub, to: dir.file("a.epub"))
        for name in ["a.docx", "a.epub"] {
            let result = try CLI.run(["-c", "s2t", name, "-o", "t-" + name], in: dir.url)
            #expect(result.status == 0, "\(result.stderr)")
        }
        #expect(try text(ZipFixtures.read(dir.file("t-a.docx")), "word/document.xml") == expected)
        #expect(try text(ZipFixtures.read(dir.file("t-a.epub")), "OEBPS/头发.xhtml")
            == "<html><body><p>頭<em>髮</em></p><p>頭&amp;發</p></body></html>")
    }
}
