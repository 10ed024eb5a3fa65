/// Which character data and attribute values of one kind of XML part are text shown to people,
/// and where the part names its language. Names are matched as written (`w:t`), which is how
/// every producer of these formats writes them.
///
/// ```swift
/// XMLTextPolicy.xhtml.weight(of: "script")            // -1: no text converted inside
/// XMLTextPolicy.wordprocessing.weight(of: "w:t")       // 1: text converted inside
/// XMLTextPolicy.wordprocessing.weight(of: "w:instrText")  // 0: a field code, kept
/// ```
struct XMLTextPolicy: Sendable {
    enum Scope: Sendable {
        /// All character data except inside these elements (markup languages: XHTML, ODF).
        case allExcept(Set<String>)
        /// Only the character data inside these elements (OOXML, where text lives in `w:t`,
        /// and everything else, formulas and field codes included, must stay as written).
        case only(Set<String>)
    }

    var scope: Scope
    /// Attributes whose values are text people read (`alt`, `title`).
    var textAttributes: Set<String> = []
    /// Attributes holding a language tag, on any element (`xml:lang`), or on one element only
    /// (`w:lang@w:val`), written `element@attribute`.
    var languageAttributes: Set<String> = []
    /// Attribute pairs that hold a language and its country apart (OpenDocument):
    /// the country is replaced where the language is `zh`.
    var countryAttributes: [String: String] = [:]
    /// Elements whose character data is a language tag (`dc:language`).
    var languageElements: Set<String> = []
    /// Elements whose text converts as one text however it is split into runs (`w:p`).
    var paragraphs: Set<String> = []

    /// How an element changes whether text inside it (at any depth) is converted: +1 for an
    /// element of `.only`, -1 for one of `.allExcept`, 0 for the rest.
    func weight(of element: String) -> Int {
        switch scope {
        case .allExcept(let skipped): skipped.contains(element) ? -1 : 0
        case .only(let kept): kept.contains(element) ? 1 : 0
        }
    }

    /// Whether text is converted, given the summed weights of the open elements.
    func convertsText(atWeight weight: Int) -> Bool {
        switch scope {
        case .allExcept: weight == 0
        case .only: weight > 0
        }
    }

    func isLanguageAttribute(_ name: String, of element: String) -> Bool {
        languageAttributes.contains(name) || languageAttributes.contains("\(element)@\(name)")
    }

    /// EPUB content documents and navigation: text except code and styles; `alt`, `title`.
    static let xhtml = XMLTextPolicy(
        scope: .allExcept(["script", "style"]),
        textAttributes: ["alt", "title", "aria-label"],
        languageAttributes: ["xml:lang", "lang"],
        paragraphs: ["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "td", "th", "caption", "figcaption", "title"]
    )

    /// EPUB package document: the metadata people read (title, creator, description…), never
    /// identifiers, dates, manifest or spine.
    static let package = XMLTextPolicy(
        scope: .allExcept(["dc:identifier", "dc:language", "dc:date", "dc:format", "manifest", "spine", "guide"]),
        languageAttributes: ["xml:lang"],
        languageElements: ["dc:language"]
    )

    /// EPUB 2 navigation (`toc.ncx`): labels.
    static let ncx = XMLTextPolicy(scope: .allExcept(["head"]), languageAttributes: ["xml:lang"])

    /// Word: runs of text (`w:t`, deleted text, math, DrawingML in text boxes); field codes
    /// (`w:instrText`) stay, since `HYPERLINK`/`REF` arguments must match bookmarks as written.
    static let wordprocessing = XMLTextPolicy(
        scope: .only(["w:t", "w:delText", "m:t", "a:t"]),
        languageAttributes: ["w:lang@w:val", "w:lang@w:eastAsia", "w:lang@w:bidi", "lang", "altLang"],
        paragraphs: ["w:p", "a:p"]
    )

    /// Excel: shared and inline strings; formulas (`f`) stay, since they name sheets as written.
    static let spreadsheet = XMLTextPolicy(scope: .only(["t", "x:t"]), paragraphs: ["si", "is", "x:si", "x:is"])

    /// PowerPoint: DrawingML text runs, and their `lang`/`altLang`.
    static let presentation = XMLTextPolicy(
        scope: .only(["a:t"]), languageAttributes: ["lang", "altLang"], paragraphs: ["a:p"]
    )

    /// OOXML document properties people see in the file's properties dialog.
    static let coreProperties = XMLTextPolicy(
        scope: .only(["dc:title", "dc:subject", "dc:description", "cp:keywords", "cp:category"]),
        languageElements: ["dc:language"]
    )

    /// OpenDocument content and styles (headers and footers live there): all text.
    static let openDocument = XMLTextPolicy(
        scope: .allExcept(["office:scripts", "office:binary-data", "office:script"]),
        countryAttributes: [
            "fo:language": "fo:country",
            "style:language-asian": "style:country-asian",
            "style:language-complex": "style:country-complex",
        ],
        paragraphs: ["text:p", "text:h"]
    )

    /// OpenDocument metadata: title, subject, description, keywords.
    static let openDocumentMeta = XMLTextPolicy(
        scope: .only(["dc:title", "dc:subject", "dc:description", "meta:keyword"]),
        languageElements: ["dc:language"]
    )
}
