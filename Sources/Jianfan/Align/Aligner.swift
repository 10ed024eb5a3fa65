/// Finds the passages of a document that references quote, exactly or with small differences,
/// wherever they sit in each reference.
///
/// Give it texts normalized by the same ``Normalizer`` into the same script: the aligner
/// compares Unicode scalars as they are. It seeds on shared k-grams (``seedLength`` scalars),
/// extends them into maximal exact matches, chains matches that follow each other with gaps of
/// at most ``maximumGap`` scalars, and aligns each gap character by character. Every stage is
/// linear in the two lengths (repetitive texts, a text against its reverse and texts of four
/// letters included), so book-length texts take about a second.
///
/// ```swift
/// let normalizer = Normalizer(steps: [.readingAnnotations, .punctuationWidth, .script(.t2s)])
/// let notice = normalizer.normalize(noticeText).text
/// let news = normalizer.normalize(newsText).text
/// let report = Aligner().align(document: notice, references: [("news.txt", news)])
/// for passage in report.references[0].passages {
///     print(passage.document.range, passage.reference.range, passage.edits.count)
/// }
/// ```
public struct Aligner: Sendable {
    /// Length of the shared substrings that seed a passage: at most ``minimumMatched``.
    public let seedLength: Int
    /// The widest difference a passage bridges; wider ones split it in two.
    public let maximumGap: Int
    /// Passages with fewer equal scalars than this are not reported.
    public let minimumMatched: Int
    /// Seeds that occur more often than this in a reference are frequent: they seed only where
    /// nothing else matched (boilerplate, runs).
    public let maximumOccurrences: Int

    /// An aligner with these thresholds; the defaults suit news reports quoting a notice.
    ///
    /// Every length is counted in **Unicode scalars** of the texts given to
    /// ``align(document:references:documentPath:)`` (one Han character is one scalar).
    ///
    /// - Parameters:
    ///   - seedLength: k, the length of the shared substrings (k-grams) that seed a passage.
    ///     Shorter seeds find shorter quotes but also chance matches of common phrases. Must be
    ///     at least 1.
    ///   - maximumGap: the widest difference a passage bridges, in scalars on either side: two
    ///     exact matches join into one passage when both the document's gap and the reference's
    ///     gap between them are at most this long; a wider gap splits the passage in two. Also
    ///     bounds the local alignment's work. At least 0.
    ///   - minimumMatched: passages with fewer scalars aligned and equal are not reported. When it
    ///     is smaller than `seedLength`, the seeds shrink to it (at least 1), so that passages
    ///     that short can be found at all.
    ///   - maximumOccurrences: a k-gram that occurs more often than this in one reference is
    ///     *frequent* there (runs of one character, repeated boilerplate): it seeds only where no
    ///     match covers the document yet, and only at a few chosen occurrences, so repetitive
    ///     texts still align (two identical ones as one passage) and stay linear. Lowered for
    ///     texts where following every occurrence would make more than one hit per scalar
    ///     (texts of a few letters). At least 1.
    ///
    /// ```swift
    /// let strict = Aligner(seedLength: 12, maximumGap: 8, minimumMatched: 40)
    /// ```
    public init(seedLength: Int = 8, maximumGap: Int = 32, minimumMatched: Int = 16, maximumOccurrences: Int = 64) {
        precondition(seedLength > 0 && maximumGap >= 0 && maximumOccurrences > 0)
        self.seedLength = min(seedLength, max(1, minimumMatched))
        self.maximumGap = maximumGap
        self.minimumMatched = max(minimumMatched, self.seedLength)
        self.maximumOccurrences = maximumOccurrences
    }

    /// Aligns `document` with each reference, given as `(path, text)`.
    ///
    /// Scalars are compared as they are: normalize the document and the references the same
    /// way first. Offsets in the report count Unicode scalars of these strings.
    ///
    /// ```swift
    /// let report = Aligner().align(document: notice, references: [("news.txt", news)], documentPath: "notice.txt")
    /// report.references[0].coverage.documentShare   // share of the notice the news quotes
    /// ```
    ///
    /// - Complexity: About linear in the total length of the texts.
    public func align(
        document: String, references: [(path: String, text: String)], documentPath: String? = nil
    ) -> AlignmentReport {
        let documentScalars = document.unicodeScalars.map(\.value)
        let results = references.map { reference in
            align(documentScalars, reference.text.unicodeScalars.map(\.value), path: reference.path)
        }
        return AlignmentReport(
            document: .init(path: documentPath, length: documentScalars.count), references: results)
    }

    private func align(_ document: [UInt32], _ reference: [UInt32], path: String) -> AlignmentReport.Reference {
        let index = SeedIndex(reference, length: seedLength, maximumOccurrences: maximumOccurrences)
        let matches = index.maximalMatches(of: document, in: reference, maximumGap: maximumGap)
        let chains = MatchChaining(maximumGap: maximumGap).chains(matches).filter { $0.matched >= minimumMatched }
        let passages = MatchChaining.removingRepeats(chains)
            .map { passage(from: $0, document, reference) }
            .sorted { ($0.document.start, $0.reference.start) < ($1.document.start, $1.reference.start) }
        let documentQuoted = Self.unionLength(passages.map(\.document.range))
        let referenceFromDocument = Self.unionLength(passages.map(\.reference.range))
        let coverage = AlignmentReport.Coverage(
            documentQuoted: documentQuoted,
            documentShare: document.isEmpty ? 0 : Double(documentQuoted) / Double(document.count),
            referenceFromDocument: referenceFromDocument,
            referenceShare: reference.isEmpty ? 0 : Double(referenceFromDocument) / Double(reference.count))
        return AlignmentReport.Reference(path: path, length: reference.count, coverage: coverage, passages: passages)
    }

    private func passage(
        from chain: MatchChaining.Chain, _ document: [UInt32], _ reference: [UInt32]
    ) -> AlignmentReport.Passage {
        var edits: [AlignmentReport.Edit] = []
        var matched = chain.matches[0].length
        for (previous, next) in zip(chain.matches, chain.matches.dropFirst()) {
            let documentGap = previous.documentEnd..<next.document
            let referenceGap = previous.referenceEnd..<next.reference
            var differing = 0
            for difference in LocalAlignment.differences(document[documentGap], reference[referenceGap]) {
                let inDocument = (documentGap.lowerBound + difference.a.lowerBound)..<(documentGap.lowerBound + difference.a.upperBound)
                let inReference = (referenceGap.lowerBound + difference.b.lowerBound)..<(referenceGap.lowerBound + difference.b.upperBound)
                let kind: AlignmentReport.Edit.Kind =
                    inDocument.isEmpty ? .insertion : inReference.isEmpty ? .deletion : .substitution
                edits.append(AlignmentReport.Edit(
                    kind: kind, document: Self.span(inDocument, document), reference: Self.span(inReference, reference)))
                differing += inDocument.count
            }
            // Scalars of the gap that the alignment pairs with equal ones count as matched.
            matched += next.length + documentGap.count - differing
        }
        return AlignmentReport.Passage(
            document: Self.span(chain.documentStart..<chain.documentEnd, document),
            reference: Self.span(chain.referenceStart..<chain.referenceEnd, reference),
            matched: matched, edits: edits)
    }

    static func span(_ range: Range<Int>, _ text: [UInt32]) -> AlignmentReport.Span {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: text[range].lazy.compactMap(Unicode.Scalar.init))
        return AlignmentReport.Span(start: range.lowerBound, end: range.upperBound, text: String(view))
    }

    /// The number of offsets inside at least one of `ranges`.
    static func unionLength(_ ranges: [Range<Int>]) -> Int {
        var total = 0
        var reach = Int.min
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            let start = max(range.lowerBound, reach)
            if range.upperBound > start { total += range.upperBound - start }
            reach = max(reach, range.upperBound)
        }
        return total
    }
}
