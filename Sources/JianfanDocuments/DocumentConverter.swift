/// Converts a whole document — an EPUB, an Office or OpenDocument file, a subtitle file — given
/// as the file's bytes, returning the new file's bytes. Only text people read is converted (see
/// ``DocumentFormat``); with a ``LanguageTag`` the document's language declarations follow the
/// conversion.
///
/// ```swift
/// import Jianfan
/// import JianfanDocuments
///
/// let converter = DocumentConverter(format: .epub, conversion: TextConversion(Converter(.s2tw)),
///                                   language: LanguageTag(target: .s2tw))
/// let converted = try converter.convert(epubBytes)   // dc:language zh-CN → zh-TW
/// ```
///
/// - Throws: ``DocumentError`` for a damaged archive, malformed XML or text that is not UTF-8;
///   nothing is returned then, so a caller writing files writes nothing.
public struct DocumentConverter: Sendable {
    /// The kind of file (EPUB, DOCX, SRT, …), which decides what counts as text.
    public let format: DocumentFormat
    /// What each piece of text goes through.
    public let conversion: TextConversion
    /// The language the converted document declares, or nil to leave its tags alone.
    public let language: LanguageTag?

    /// A converter for documents of `format`.
    public init(format: DocumentFormat, conversion: TextConversion, language: LanguageTag? = nil) {
        self.format = format
        self.conversion = conversion
        self.language = language
    }

    /// The converted document's bytes; every part that holds no text is copied as it is.
    public func convert(_ bytes: [UInt8]) throws(DocumentError) -> [UInt8] {
        if format.isArchive {
            return try ArchiveConversion(format: format, conversion: conversion, language: language).convert(bytes)
        }
        return try SubtitleConversion(format: format, conversion: conversion).convert(bytes)
    }

    /// Converts one XML part with the policy the format gives `part` (text of XHTML, `w:t` of
    /// Word…), or returns it unchanged when the format converts no text in such a part.
    ///
    /// ```swift
    /// try converter.convertPart(Array("<w:t>头发</w:t>".utf8), named: "word/document.xml")
    /// ```
    public func convertPart(_ bytes: [UInt8], named part: String) throws(DocumentError) -> [UInt8] {
        guard let policy = format.policy(forPart: part) else { return bytes }
        return try XMLTextScanner(policy: policy, conversion: conversion, language: language).convert(bytes, part: part)
    }
}
