/// What an ``Aligner`` found: for each reference, the passages of the document it quotes and
/// how much of each text they cover. Offsets count Unicode scalars of the (normalized) texts
/// the aligner was given; ranges are half-open, `start..<end`.
///
/// Encodes to JSON as `jianfan normalize --against … --json` prints it:
///
/// ```swift
/// let encoder = JSONEncoder()
/// let json = try encoder.encode(report)
/// // {"version":2,"document":{"length":1830},"references":[{"path":"002.txt","coverage":{…},"passages":[…]}]}
/// ```
public struct AlignmentReport: Sendable, Hashable, Codable {
    /// The version of the report's JSON form: 2 since spans carry ``Span/source`` (their lines and
    /// columns in the original files); a report without the field is version 1.
    ///
    /// ```swift
    /// report.version   // 2
    /// ```
    public let version: Int
    /// The JSON form this library writes.
    ///
    /// ```swift
    /// if report.version > AlignmentReport.currentVersion { print("written by a newer jianfan") }
    /// ```
    public static let currentVersion = 2
    /// The document's name and length.
    ///
    /// ```swift
    /// print("\(report.document.path ?? "document"): \(report.document.length) scalars")
    /// ```
    public let document: Document
    /// One entry per reference, in the order ``Aligner/align(document:references:documentPath:)``
    /// was given them.
    ///
    /// ```swift
    /// for reference in report.references { print(reference.path, reference.passages.count) }
    /// ```
    public let references: [Reference]

    /// A report made of its parts (``Aligner`` makes them; this is for tests and decoders).
    ///
    /// ```swift
    /// let empty = AlignmentReport(document: report.document, references: [])
    /// ```
    public init(document: Document, references: [Reference]) {
        self.version = Self.currentVersion
        self.document = document
        self.references = references
    }

    private enum CodingKeys: String, CodingKey { case version, document, references }

    /// Decodes the JSON form; a report without `version` is version 1.
    ///
    /// ```swift
    /// let decoded = try JSONDecoder().decode(AlignmentReport.self, from: json)
    /// ```
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        version = try container.decodeIfPresent(Int.self, forKey: .version) ?? 1
        document = try container.decode(Document.self, forKey: .document)
        references = try container.decode([Reference].self, forKey: .references)
    }

    /// The document every reference was compared with.
    public struct Document: Sendable, Hashable, Codable {
        /// The name the caller gave, if any.
        public let path: String?
        /// In Unicode scalars.
        public let length: Int
    }

    /// One reference and what it quotes from the document.
    public struct Reference: Sendable, Hashable, Codable {
        /// The name the caller gave the reference.
        public let path: String
        /// In Unicode scalars.
        public let length: Int
        /// How much of the document this reference quotes, and how much of it is quoted.
        ///
        /// ```swift
        /// reference.coverage.referenceShare   // 0.42: 42% of the reference comes from the document
        /// ```
        public let coverage: Coverage
        /// Sorted by document position, then reference position.
        public let passages: [Passage]
    }

    /// How much the document and one reference share.
    ///
    /// ```swift
    /// let c = report.references[0].coverage
    /// print("quotes \(Int(c.documentShare * 100))% of the document")
    /// ```
    public struct Coverage: Sendable, Hashable, Codable {
        /// Scalars of the document inside some quoted passage.
        public let documentQuoted: Int
        /// `documentQuoted` over the document's length (0 for an empty document).
        public let documentShare: Double
        /// Scalars of the reference inside some passage that comes from the document.
        public let referenceFromDocument: Int
        /// `referenceFromDocument` over the reference's length.
        public let referenceShare: Double
    }

    /// A passage of the document that the reference quotes, exactly or with small edits.
    public struct Passage: Sendable, Hashable, Codable {
        /// Where the passage is in the document, and its text there.
        ///
        /// ```swift
        /// passage.document.range   // 120..<188, in Unicode scalars of the document
        /// ```
        public let document: Span
        /// Where the reference has it, and the reference's text (edits included).
        ///
        /// ```swift
        /// passage.reference.text   // the quote as the reference writes it
        /// ```
        public let reference: Span
        /// Scalars the two spans have in common (aligned and equal).
        public let matched: Int
        /// The differences inside the passage, in order; empty for a verbatim quote.
        public let edits: [Edit]

        /// Whether the reference quotes this passage verbatim.
        public var isExact: Bool { edits.isEmpty }
    }

    /// A stretch of one text: its offsets and its text.
    ///
    /// Offsets count **Unicode scalars** of the text handed to the ``Aligner`` (after
    /// normalization), from 0 — not UTF-8 bytes, not UTF-16 code units as in JavaScript or
    /// `NSString`, and not `Character`s (a flag or an ideograph with a variation selector is one
    /// `Character` but two scalars). JSON carries the same numbers.
    ///
    /// ```swift
    /// let scalars = Array(document.unicodeScalars)
    /// let quoted = String(String.UnicodeScalarView(scalars[span.range]))   // == span.text
    /// ```
    public struct Span: Sendable, Hashable, Codable {
        /// The offset of the first scalar of the stretch (inclusive), in Unicode scalars.
        ///
        /// ```swift
        /// let i = text.unicodeScalars.index(text.unicodeScalars.startIndex, offsetBy: span.start)
        /// ```
        public let start: Int
        /// The offset just past the stretch (exclusive), in Unicode scalars: `end - start`
        /// scalars long, and `start == end` for the empty side of an insertion or deletion.
        ///
        /// ```swift
        /// let length = span.end - span.start   // == span.text.unicodeScalars.count
        /// ```
        public let end: Int
        /// The scalars at `start..<end`, as a string.
        ///
        /// ```swift
        /// print(edit.document.text, "→", edit.reference.text)
        /// ```
        public let text: String
        /// Where the stretch was in the original file, before normalization, if the report
        /// was given ``SourceMap``s (``AlignmentReport/locating(document:references:)``).
        ///
        /// ```swift
        /// if let source = span.source { print("\(source.start.line):\(source.start.column)") }
        /// ```
        public let source: SourceSpan?

        init(start: Int, end: Int, text: String, source: SourceSpan? = nil) {
            self.start = start
            self.end = end
            self.text = text
            self.source = source
        }

        /// `start..<end`, in Unicode scalars.
        ///
        /// ```swift
        /// let scalars = Array(text.unicodeScalars)[span.range]
        /// ```
        public var range: Range<Int> { start..<end }
    }

    /// One difference inside a passage: the document's `document.text` stands where the
    /// reference has `reference.text`. One side is empty for an insertion or a deletion.
    ///
    /// ```swift
    /// // document "…趋势加力振作…", reference "…趋势加振作…":
    /// // kind == .deletion, document.text == "力", reference.text == "", reference.start == reference.end
    /// ```
    public struct Edit: Sendable, Hashable, Codable {
        /// What the reference did to the document's text; JSON spells it as the case name.
        ///
        /// ```swift
        /// if edit.kind == .deletion { print("the reference drops", edit.document.text) }
        /// ```
        public enum Kind: String, Sendable, Hashable, Codable {
            /// The reference has other text in this place.
            case substitution
            /// The reference adds text the document does not have.
            case insertion
            /// The reference leaves out text of the document.
            case deletion
        }

        /// Substitution, insertion or deletion.
        ///
        /// ```swift
        /// edit.kind.rawValue   // "deletion"
        /// ```
        public let kind: Kind
        /// The document's side: empty (`start == end`) for an insertion.
        ///
        /// ```swift
        /// edit.document.text   // "力"
        /// ```
        public let document: Span
        /// The reference's side: empty (`start == end`) for a deletion.
        ///
        /// ```swift
        /// edit.reference.start == edit.reference.end   // true for a deletion
        /// ```
        public let reference: Span
    }
}
