import Foundation
import Testing
import Jianfan
@testable import JianfanDocuments

/// The `///` examples of JianfanDocuments (documents converted by structure: EPUB and Office
/// archives, XML parts, subtitles), run as written on archives made here (``StoredZip``).
@Suite("Examples: DocumentConverter, DocumentFormat, LanguageTag, TextConversion, XML, subtitles")
struct DocumentsExamples {
    static let opf = """
        <?xml version="1.0" encoding="UTF-8"?>
        <package xmlns="http://www.idpf.org/2007/opf" version="3.0" xml:lang="zh-CN">\
        <metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>头发</dc:title>\
        <dc:language>zh-CN</dc:language></metadata></package>
        """
    static let epubBytes = StoredZip.make([
        ("mimetype", Array("application/epub+zip".utf8)),
        ("OEBPS/content.opf", Array(opf.utf8)),
        ("OEBPS/c1.xhtml", Array(#"<html xml:lang="zh-CN"><body><p>头发后来</p></body></html>"#.utf8)),
    ])

    static func text(_ entries: [String: [UInt8]], _ name: String) -> String {
        String(decoding: entries[name] ?? [], as: UTF8.self)
    }

    @Test("DocumentConverter: an EPUB, its language declarations following")
    func documentConverter() throws {
        let epubBytes = Self.epubBytes
        let converter = DocumentConverter(format: .epub, conversion: TextConversion(Converter(.s2tw)),
                                          language: LanguageTag(target: .s2tw))
        let converted = try converter.convert(epubBytes)   // dc:language zh-CN → zh-TW
        let entries = try #require(StoredZip.entries(converted))
        #expect(Self.text(entries, "OEBPS/content.opf") == Self.opf
            .replacingOccurrences(of: "zh-CN", with: "zh-TW").replacingOccurrences(of: "头发", with: "頭髮"))
        #expect(Self.text(entries, "OEBPS/c1.xhtml") == #"<html xml:lang="zh-TW"><body><p>頭髮後來</p></body></html>"#)
        #expect(Self.text(entries, "mimetype") == "application/epub+zip")
    }

    @Test("ArchiveConversion")
    func archiveConversion() throws {
        let bytes = Self.epubBytes
        let epub = try ArchiveConversion(format: .epub, conversion: TextConversion(Converter(.s2t)), language: nil).convert(bytes)
        let entries = try #require(StoredZip.entries(epub))
        #expect(Self.text(entries, "OEBPS/c1.xhtml") == #"<html xml:lang="zh-CN"><body><p>頭髮後來</p></body></html>"#)
    }

    @Test("DocumentConverter.convertPart(_:named:)")
    func convertPart() throws {
        let converter = DocumentConverter(format: .docx, conversion: TextConversion(Converter(.s2t)))
        let part = try converter.convertPart(Array("<w:t>头发</w:t>".utf8), named: "word/document.xml")
        #expect(part == Array("<w:t>頭髮</w:t>".utf8))
        #expect(try converter.convertPart(Array("头发".utf8), named: "word/media/a.png") == Array("头发".utf8))
    }

    @Test("DocumentError")
    func documentError() throws {
        let converter = DocumentConverter(format: .docx, conversion: TextConversion(Converter(.s2t)))
        let archiveBytes = StoredZip.make([("word/document.xml", Array("<w:p><w:t>头发</w:p>".utf8))])
        do { _ = try converter.convert(archiveBytes) }
        catch { print(error) }   // word/document.xml: malformed XML (…) at byte offset 16
        let error = try #require(throws: DocumentError.self) { try converter.convert(archiveBytes) }
        #expect(error.part == "word/document.xml" && error.offset == 16)   // the `<` of </w:p>
        #expect(error.description == "word/document.xml: malformed XML (</w:p> where </w:t> was expected) at byte offset 16")
    }

    @Test("DocumentFormat")
    func documentFormat() {
        #expect(DocumentFormat(path: "book.epub") == .epub)   // .epub
        #expect(DocumentFormat(path: "notes.txt") == nil)   // nil: plain text
        #expect(DocumentFormat.docx.policy(forPart: "word/document.xml")?.weight(of: "w:t") == 1)   // Word's text runs
        #expect(DocumentFormat.docx.policy(forPart: "word/media/a.png") == nil)   // nil: copied as it is
    }

    @Test("LanguageTag")
    func languageTag() {
        let tag = LanguageTag(target: .s2tw)
        #expect(tag?.replacing("zh-CN") == "zh-TW")   // "zh-TW"
        #expect(tag?.replacing("en-US") == nil)   // nil: not Chinese, left alone
        #expect(LanguageTag(target: .t2jp) == nil)
    }

    @Test("SubtitleConversion")
    func subtitles() throws {
        let s2t = TextConversion(Converter(.s2t))
        let srt = "1\n00:00:01,000 --> 00:00:02,000\n{\\an8}<i>头发</i>\n"
        let converted = try SubtitleConversion(format: .srt, conversion: s2t).convert(Array(srt.utf8))
        #expect(converted == Array("1\n00:00:01,000 --> 00:00:02,000\n{\\an8}<i>頭髮</i>\n".utf8))
    }

    @Test("TextConversion")
    func textConversion() throws {
        let s2t = TextConversion(Converter(.s2t))
        var out: [UInt8] = []
        try Array("头发".utf8).withUnsafeBytes { try s2t.apply($0, &out) }   // out is "頭髮"
        #expect(out == Array("頭髮".utf8))
    }

    @Test("XMLTextPolicy")
    func policy() {
        #expect(XMLTextPolicy.xhtml.weight(of: "script") == -1)   // -1: no text converted inside
        #expect(XMLTextPolicy.wordprocessing.weight(of: "w:t") == 1)   // 1: text converted inside
        #expect(XMLTextPolicy.wordprocessing.weight(of: "w:instrText") == 0)   // 0: a field code, kept
    }

    @Test("XMLTextScanner")
    func scanner() throws {
        let scanner = XMLTextScanner(policy: .xhtml, conversion: TextConversion(Converter(.s2t)))
        let part = try scanner.convert(Array("<p title=\"头发\">头发&amp;后来</p>".utf8), part: "a.xhtml")
        #expect(part == Array("<p title=\"頭髮\">頭髮&amp;後來</p>".utf8))   // <p title="頭髮">頭髮&amp;後來</p>
    }
}
