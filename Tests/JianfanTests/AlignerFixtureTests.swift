import Foundation
import Testing
@testable import Jianfan

/// Acceptance: the notice 001 against the news reports 000 and 002 that quote it. All three are
/// normalized by the same steps into Simplified script, so these need the real conversion engine.
@Suite struct AlignerFixtureTests {
    let normalizer = Normalizer(steps: [.readingAnnotations, .punctuationWidth, .lineRepair, .script(.t2s)])

    private func align(against prefix: String) throws -> (notice: String, news: String, AlignmentReport.Reference) {
        let notice = normalizer.normalize(try NormalizeFixtures.text("001")).text
        let news = normalizer.normalize(try NormalizeFixtures.text(prefix)).text
        let report = Aligner().align(document: notice, references: [(prefix, news)], documentPath: "001")
        return (notice, news, try #require(report.references.first))
    }

    /// The passage whose document side contains `quote`, checked to sit where `quote` sits in
    /// both normalized texts.
    private func passage(
        quoting quote: String, notice: String, news: String, in reference: AlignmentReport.Reference,
        newsQuote: String? = nil
    ) throws -> AlignmentReport.Passage {
        let documentStart = try #require(Self.scalarOffset(of: quote, in: notice), "not in the notice: \(quote)")
        let referenceStart = try #require(Self.scalarOffset(of: newsQuote ?? quote, in: news), "not in the news")
        let passage = try #require(reference.passages.first { $0.document.text.contains(quote) }, "no passage: \(quote)")
        let offsetInPassage = try #require(Self.scalarOffset(of: quote, in: passage.document.text))
        #expect(passage.document.start + offsetInPassage == documentStart)
        let newsOffset = try #require(Self.scalarOffset(of: newsQuote ?? quote, in: passage.reference.text))
        #expect(passage.reference.start + newsOffset == referenceStart)
        return passage
    }

    @Test func findsThePassagesThat002Quotes() throws {
        let (notice, news, reference) = try align(against: "002")
        let first = try passage(
            quoting: "多措并举夯实工业经济回稳基础、分业施策强化重点产业稳定发展、分区施策促进各地区工业经济协同发展",
            notice: notice, news: news, in: reference)
        #expect(first.isExact)
        let second = try passage(
            quoting: "紧密衔接已出台的各项稳增长政策措施，保持政策的连续性、稳定性，聚焦重点领域和薄弱环节精准加力",
            notice: notice, news: news, in: reference)
        #expect(second.isExact)
        let title = try passage(
            quoting: "国家发展改革委、国务院国资委21日联合印发《关于巩固回升向好趋势加力振作工业经济的通知》",
            notice: notice, news: news, in: reference)
        #expect(title.isExact)
        // The notice puts the title first, the news the list of measures: both are found.
        #expect(title.document.start < first.document.start)
        #expect(title.reference.start > first.reference.start)
        #expect(reference.coverage.documentShare > 0.1)
        #expect(reference.coverage.referenceShare > 0.03 && reference.coverage.referenceShare < 0.2)
    }

    @Test func deviationsIn000AreEditsInsideTheQuotes() throws {
        let (notice, news, reference) = try align(against: "000")

        let title = try passage(
            quoting: "国务院国资委21日联合印发《关于巩固回升向好趋势加力振作工业经济的通知》", notice: notice, news: news,
            in: reference, newsQuote: "国务院国资委21日联合印发《关于巩固回升向好趋势加振作工业经济的通知》")
        #expect(title.edits.count == 1)
        let missing = try #require(title.edits.first)
        #expect(missing.kind == .deletion)
        #expect(missing.document.text == "力")
        #expect(missing.reference.text.isEmpty)
        #expect(Self.scalarOffset(of: "力振作工业经济的通知", in: notice) == missing.document.start)
        #expect(Self.scalarOffset(of: "振作工业经济的通知", in: news) == missing.reference.start)

        let measures = try passage(
            quoting: "多措并举夯实工业经济回稳基础、分业施策强化重点产业稳定发展、分区施策促进各地区工业经济协同发展",
            notice: notice, news: news, in: reference,
            newsQuote: "多措并举夯实工业经济回稳基础、分业施策强化重点产业链稳定发展、分区施策促进各地区工业经济协同发展")
        #expect(measures.edits.count == 1)
        let added = try #require(measures.edits.first)
        #expect(added.kind == .insertion)
        #expect(added.reference.text == "链")
        #expect(added.document.text.isEmpty)
        #expect(Self.scalarOffset(of: "链稳定发展", in: news) == added.reference.start)

        // 000 has "精准发力" where the notice has "精准加力": the quote ends before it.
        _ = try passage(
            quoting: "紧密衔接已出台的各项稳增长政策措施，保持政策的连续性、稳定性，聚焦重点领域和薄弱环节精准",
            notice: notice, news: news, in: reference)
    }

    @Test func passagesAreSortedAndWithinBounds() throws {
        let (notice, news, reference) = try align(against: "000")
        let noticeLength = notice.unicodeScalars.count, newsLength = news.unicodeScalars.count
        #expect(!reference.passages.isEmpty)
        for passage in reference.passages {
            #expect(passage.document.end <= noticeLength && passage.reference.end <= newsLength)
            #expect(passage.document.text.unicodeScalars.count == passage.document.end - passage.document.start)
            for edit in passage.edits {
                #expect(passage.document.range.contains(edit.document.start) || edit.document.start == passage.document.end)
                #expect(passage.reference.range.contains(edit.reference.start) || edit.reference.start == passage.reference.end)
            }
        }
        let starts = reference.passages.map(\.document.start)
        #expect(starts == starts.sorted())
    }

    static func scalarOffset(of needle: String, in haystack: String) -> Int? {
        guard let range = haystack.range(of: needle) else { return nil }
        return haystack.unicodeScalars.distance(from: haystack.unicodeScalars.startIndex, to: range.lowerBound)
    }
}
