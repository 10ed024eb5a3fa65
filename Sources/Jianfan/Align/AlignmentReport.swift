/// What an ``Aligner`` found: for each reference, the passages of the document it quotes and
/// how much of each text they cover. Offsets count Unicode scalars of the (normalized) texts
/// the aligner was given; ranges are half-open, `start..<end`.
///
/// Encodes to JSON as `jianfan normalize --against … --json` prints it:
///
/// ```swift
/// let encoder = JSONEncoder()
/// let json = try encoder.encode(report)
/// // {"document":{"length":1830},"references":[{"path":"002.txt","coverage":{…},"passages":[…]}]}
/// ```
public struct AlignmentReport: Sendable, Hashable, Codable {
    public let document: Document
    public let references: [Reference]

    public init(document: Document, references: [Reference]) {
        self.document = document
        self.references = references
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
        public let document: Span
        public let reference: Span
        /// Scalars the two spans have in common (aligned and equal).
        public let matched: Int
        /// The differences inside the passage, in order; empty for a verbatim quote.
        public let edits: [Edit]

        /// Whether the reference quotes this passage verbatim.
        public var isExact: Bool { edits.isEmpty }
    }

    /// A stretch of one text.
    public struct Span: Sendable, Hashable, Codable {
        public let start: Int
        public let end: Int
        public let text: String

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
        public enum Kind: String, Sendable, Hashable, Codable {
            /// The reference has other text in this place.
            case substitution
            /// The reference adds text the document does not have.
            case insertion
            /// The reference leaves out text of the document.
            case deletion
        }

        public let kind: Kind
        public let document: Span
        public let reference: Span
    }
}
