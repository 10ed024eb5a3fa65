/// The document formats converted by structure rather than as plain text: archives of XML
/// parts (EPUB, Office Open XML, OpenDocument) and subtitles.
///
/// ```swift
/// DocumentFormat(path: "book.epub")       // .epub
/// DocumentFormat(path: "notes.txt")       // nil: plain text
/// DocumentFormat.docx.policy(forPart: "word/document.xml")   // Word's text runs
/// DocumentFormat.docx.policy(forPart: "word/media/a.png")    // nil: copied as it is
/// ```
public enum DocumentFormat: String, CaseIterable, Sendable {
    case epub, docx, xlsx, pptx, odt, ods, odp
    case srt, ass, ssa, vtt

    /// The format a file name's extension says, case-insensitively; nil for anything else.
    public init?(path: String) {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        self.init(rawValue: path[path.index(after: dot)...].lowercased())
    }

    /// Whether the format is a zip archive of parts (the rest are subtitle text).
    public var isArchive: Bool {
        switch self {
        case .epub, .docx, .xlsx, .pptx, .odt, .ods, .odp: true
        case .srt, .ass, .ssa, .vtt: false
        }
    }

    /// How the archive entry at `path` is converted, or nil when it carries no text to convert
    /// (images, styles, fonts, relationships…) and is copied byte for byte.
    func policy(forPart path: String) -> XMLTextPolicy? {
        let lower = path.lowercased()
        switch self {
        case .epub:
            if lower.hasSuffix(".xhtml") || lower.hasSuffix(".html") || lower.hasSuffix(".htm") || lower.hasSuffix(".xht") {
                return .xhtml
            }
            if lower.hasSuffix(".opf") { return .package }
            if lower.hasSuffix(".ncx") { return .ncx }
            return nil
        case .docx:
            if path == "docProps/core.xml" { return .coreProperties }
            return path.hasPrefix("word/") && lower.hasSuffix(".xml") ? .wordprocessing : nil
        case .xlsx:
            if path == "docProps/core.xml" { return .coreProperties }
            let isText = path == "xl/sharedStrings.xml" || path.hasPrefix("xl/worksheets/") || path.hasPrefix("xl/comments")
            return isText && lower.hasSuffix(".xml") ? .spreadsheet : nil
        case .pptx:
            if path == "docProps/core.xml" { return .coreProperties }
            return path.hasPrefix("ppt/") && lower.hasSuffix(".xml") ? .presentation : nil
        case .odt, .ods, .odp:
            if path == "content.xml" || path == "styles.xml" { return .openDocument }
            return path == "meta.xml" ? .openDocumentMeta : nil
        case .srt, .ass, .ssa, .vtt:
            return nil
        }
    }
}
