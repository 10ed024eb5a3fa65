extension AlignmentReport {
    /// A place in an original file: its Unicode-scalar offset, and its line and column as an
    /// editor shows them, both from 1.
    ///
    /// Columns count **Unicode scalars** from the start of the line (Emacs and `grep`-style
    /// tools count the same way for text; an editor that counts UTF-16 code units, like VS Code,
    /// shows one more for each character beyond U+FFFF before it on the line). Lines end at
    /// LF; a CR before it belongs to the line it ends. A byte-order mark at the start of the
    /// file takes no column.
    ///
    /// ```swift
    /// let place = AlignmentReport.Location(offset: 42, line: 3, column: 7)
    /// print("notice.txt:\(place.line):\(place.column)")   // notice.txt:3:7
    /// ```
    public struct Location: Sendable, Hashable, Codable {
        /// Unicode scalars before this place in the original text.
        public let offset: Int
        /// From 1.
        public let line: Int
        /// From 1, in Unicode scalars.
        public let column: Int

        /// A location, as a ``SourceMap`` makes it (for tests and decoders).
        ///
        /// ```swift
        /// let start = AlignmentReport.Location(offset: 0, line: 1, column: 1)
        /// ```
        public init(offset: Int, line: Int, column: Int) {
            self.offset = offset
            self.line = line
            self.column = column
        }
    }

    /// Where a span of the normalized text was in the original file: `start` is the place of
    /// its first scalar, `end` the place just past its last one (`start == end` when the
    /// normalizer made the span out of nothing, or for the empty side of an edit).
    ///
    /// ```swift
    /// let source = try #require(passage.document.source)
    /// print("\(path):\(source.start.line):\(source.start.column)")
    /// ```
    public struct SourceSpan: Sendable, Hashable, Codable {
        /// The place of the span's first scalar in the original file.
        public let start: Location
        /// The place just past the span's last scalar in the original file.
        public let end: Location

        /// A span between two locations (for tests and decoders).
        ///
        /// ```swift
        /// let empty = AlignmentReport.SourceSpan(start: start, end: start)
        /// ```
        public init(start: Location, end: Location) {
            self.start = start
            self.end = end
        }
    }

    /// This report with every span located in the original files: ``Span/source`` is set
    /// from `document`'s map for the document's side of each passage and edit, and from the
    /// map of the same index in `references` for the reference's side. A `nil` map leaves
    /// those spans as they are.
    ///
    /// ```swift
    /// let notice = normalizer.normalize(noticeText), news = normalizer.normalize(newsText)
    /// let located = Aligner().align(document: notice.text, references: [("news.txt", news.text)])
    ///     .locating(document: SourceMap(original: noticeText, steps: notice.reports),
    ///               references: [SourceMap(original: newsText, steps: news.reports)])
    /// ```
    ///
    /// - Complexity: O(s · log c) for s spans and c changes made by the normalizer, plus the
    ///   maps' line tables.
    public func locating(document: SourceMap?, references maps: [SourceMap?]) -> AlignmentReport {
        let located = references.enumerated().map { number, reference in
            let map = number < maps.count ? maps[number] : nil
            let passages = reference.passages.map { passage in
                Passage(
                    document: passage.document.located(by: document),
                    reference: passage.reference.located(by: map),
                    matched: passage.matched,
                    edits: passage.edits.map {
                        Edit(kind: $0.kind, document: $0.document.located(by: document), reference: $0.reference.located(by: map))
                    })
            }
            return Reference(path: reference.path, length: reference.length, coverage: reference.coverage, passages: passages)
        }
        return AlignmentReport(document: self.document, references: located)
    }
}

extension AlignmentReport.Span {
    fileprivate func located(by map: SourceMap?) -> Self {
        guard let map else { return self }
        return Self(start: start, end: end, text: text, source: map.locate(start..<end))
    }
}
