/// The markup of a text, which decides what a protected conversion copies unconverted (see
/// ``Protection``) and what no step of a normalization touches (``Normalizer/markup``): one
/// meaning for both, found by one scanner.
///
/// ```swift
/// Markup(path: "notes/README.md")   // .markdown
/// Markup(path: "index.xhtml")       // .html
/// Markup(path: "a.txt")             // nil: the extension says nothing
/// ```
public enum Markup: String, CaseIterable, Sendable {
    /// Plain text: nothing is protected, not even URLs (the default for conversion, which is
    /// then OpenCC's, byte for byte). Only the patterns of a ``Protection`` protect.
    case none
    /// Markdown: front matter, fenced and inline code, HTML tags with their attributes,
    /// comments, link targets, URLs, e-mail addresses and entities are protected.
    case markdown
    /// HTML: tags with their attributes (except the text people read in `alt`, `title` and
    /// `aria-label`, converted as in an EPUB), comments, the contents of `<script>` and
    /// `<style>`, entities, URLs and e-mail addresses are protected.
    case html
    /// MediaWiki's `-{…}-` spans are protected (nothing else). A conversion shows them as
    /// MediaWiki does, without the markers: `-{zh-hans:计算机;zh-hant:電腦;}-` as the target's
    /// variant. A normalization keeps markup as written: the spans stay whole, markers included.
    case mediawiki

    /// The markup a file name's extension says, case-insensitively: `.md` and `.markdown` are
    /// Markdown, `.html`, `.htm` and `.xhtml` HTML; nil for any other name.
    ///
    /// ```swift
    /// Markup(path: "Guide.MD")   // .markdown
    /// ```
    public init?(path: String) {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        switch path[path.index(after: dot)...].lowercased() {
        case "md", "markdown": self = .markdown
        case "html", "htm", "xhtml": self = .html
        default: return nil
        }
    }

    /// The markup the start of a text shows: HTML when it opens (after a BOM and blank space)
    /// with `<!DOCTYPE html`, `<html` or `<?xml`, Markdown when it opens with front matter
    /// (`---` on the first line); nil otherwise.
    ///
    /// ```swift
    /// Markup(sniffing: Array("<!DOCTYPE html>\n<p>头发</p>".utf8))   // .html
    /// Markup(sniffing: Array("---\ntitle: 头发\n---\n".utf8))        // .markdown
    /// ```
    public init?(sniffing start: some Collection<UInt8>) {
        var bytes = Array(start.prefix(512))
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if bytes.starts(with: Array("---".utf8)) {
            let line = bytes.prefix { $0 != 0x0A && $0 != 0x0D }
            if line.allSatisfy({ $0 == UInt8(ascii: "-") || $0 == 0x20 || $0 == 0x09 }) && line.count >= 3 {
                self = .markdown
                return
            }
        }
        let text = String(decoding: bytes.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }, as: UTF8.self)
            .lowercased()
        if text.hasPrefix("<!doctype html") || text.hasPrefix("<html") || text.hasPrefix("<?xml") {
            self = .html
            return
        }
        return nil
    }
}
