/// Why a document could not be converted: a damaged archive, malformed XML in one of its
/// parts, or text that is not UTF-8. Nothing is written when a conversion throws one.
///
/// ```swift
/// do { _ = try converter.convert(archiveBytes) }
/// catch { print(error) }   // word/document.xml: malformed XML (…) at byte offset 120
/// ```
public struct DocumentError: Error, CustomStringConvertible, Sendable {
    /// The archive entry at fault (`word/document.xml`), or nil for the archive itself.
    public let part: String?
    /// The byte offset inside `part` (or the file, for a subtitle), when one position is at fault.
    public let offset: Int?
    /// What is wrong, in words.
    public let reason: String

    /// An error about `part` (nil: the archive itself), at `offset` when one byte is at fault.
    public init(part: String?, offset: Int?, reason: String) {
        self.part = part
        self.offset = offset
        self.reason = reason
    }

    /// `PART: reason at byte offset N`, with the parts that are known.
    public var description: String {
        var text = part.map { "\($0): " } ?? ""
        text += reason
        if let offset { text += " at byte offset \(offset)" }
        return text
    }

    /// Malformed XML at `offset` of `part`.
    static func malformed(_ part: String, _ offset: Int, _ what: String) -> DocumentError {
        DocumentError(part: part, offset: offset, reason: "malformed XML (\(what))")
    }
}
