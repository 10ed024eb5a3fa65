import Testing
@testable import Jianfan

/// Inputs that used to defeat the aligner or could make it superlinear, scaled so the suite runs
/// in a debug build in seconds: repetitive texts (every k-gram frequent), a text against its
/// reverse, four-letter texts where every k-gram recurs. Speed is measured in Benchmarks/; here
/// the results are checked, and the number of exact matches, which bounds time and memory.
@Suite struct AlignerAdversarialTests {
    static let sentence = "这是一个重复的句子。\n"

    func single(_ document: String, _ reference: String, _ aligner: Aligner = Aligner()) -> AlignmentReport.Reference {
        aligner.align(document: document, references: [("r", reference)]).references[0]
    }

    @Test func identicalRepetitiveTextsAreOneExactPassage() throws {
        let text = String(repeating: Self.sentence, count: 3000)
        let reference = single(text, text)
        #expect(reference.passages.count == 1)
        let passage = try #require(reference.passages.first)
        #expect(passage.isExact)
        #expect(passage.document.range == 0..<text.unicodeScalars.count)
        #expect(passage.reference.range == passage.document.range)
        #expect(reference.coverage.documentShare == 1 && reference.coverage.referenceShare == 1)
    }

    @Test func oneLongRepetitiveLineAlignsWithItself() {
        let line = String(repeating: "U盘", count: 20_000)
        let reference = single(line, line)
        #expect(reference.passages.count == 1)
        #expect(reference.coverage.documentShare == 1)
        #expect(reference.passages.first?.isExact == true)
    }

    @Test(arguments: [0, 3, 400])
    func aRepetitiveDocumentQuotedWholeIsFound(sentencesAround: Int) {
        // The reference's own words before and after the quote repeat the document's sentence too.
        let document = String(repeating: Self.sentence, count: 2000)
        let around = String(repeating: Self.sentence, count: sentencesAround)
        let reference = "编者按：下面全文转载。\n" + around + "正文：\n" + document + "（完）\n" + around
        let result = single(document, reference)
        #expect(result.coverage.documentShare == 1)
        #expect(result.passages.count <= 2)
        let quoted = Double(document.unicodeScalars.count) / Double(reference.unicodeScalars.count)
        #expect(result.coverage.referenceShare >= quoted)
    }

    @Test func anEditInsideARepetitiveTextIsAnEditInsideThePassage() throws {
        let half = String(repeating: Self.sentence, count: 1500)
        let document = half + "这是一个重复的句子。\n" + half
        let reference = half + "这是一个被改的句子。\n" + half
        let result = single(document, reference)
        #expect(result.coverage.documentShare > 0.999)
        let edits = result.passages.flatMap(\.edits)
        #expect(edits.count == 1)
        let edit = try #require(edits.first)
        #expect(edit.document.text == "重复" && edit.reference.text == "被改")
        #expect(edit.document.start == half.unicodeScalars.count + 4)
    }

    @Test func aTextAgainstItsReverseSharesNothing() {
        let pair = SyntheticQuotes(documentScalars: 20_000, referenceScalars: 100, seed: 9)
        let reversed = String(String.UnicodeScalarView(pair.document.unicodeScalars.reversed()))
        let result = single(pair.document, reversed)
        #expect(result.passages.isEmpty)
        #expect(result.coverage.documentQuoted == 0)
    }

    @Test func aPalindromicRunAgainstItsReverseIsOnePassage() {
        let run = String(repeating: "上海自来水来自海上", count: 2000)
        let result = single(run, String(String.UnicodeScalarView(run.unicodeScalars.reversed())))
        #expect(result.passages.count == 1)
        #expect(result.coverage.documentShare == 1)
    }

    /// Four letters, so each 8-gram recurs about n / 65536 times: without a budget, every
    /// document position would seed that many chance matches (quadratic). The budget of one rare
    /// hit per scalar of the two texts bounds the matches, hence time and memory.
    @Test(arguments: [20_000, 300_000])
    func fourLetterTextsStayLinear(length: Int) {
        var random = SplitMix64(seed: UInt64(length))
        let letters: [Character] = ["A", "C", "G", "T"]
        let text = String((0..<length).map { _ in letters[Int.random(in: 0..<4, using: &random)] })
        let scalars = text.unicodeScalars.map(\.value)
        let index = SeedIndex(scalars, length: 8, maximumOccurrences: 64)
        let matches = index.maximalMatches(of: scalars, in: scalars, maximumGap: 32)
        #expect(matches.count <= 2 * length + length / 8)
        #expect(matches.contains(ExactMatch(document: 0, reference: 0, length: length)))
        let result = single(text, text)
        #expect(result.passages.count == 1)
        #expect(result.coverage.documentShare == 1)
    }

    @Test func aMinimumMatchBelowTheSeedLengthIsHonoured() throws {
        let document = "今天我们说：天下为公。明天再说。"
        let reference = "他写道：天下为公，众人称是。"
        #expect(single(document, reference).passages.isEmpty)   // "：天下为公" is 5 scalars, under 8
        let aligner = Aligner(minimumMatched: 5)
        #expect(aligner.seedLength == 5 && aligner.minimumMatched == 5)
        let passage = try #require(single(document, reference, aligner).passages.first)
        #expect(passage.document.text == "：天下为公")
        #expect(passage.reference.range == 3..<8)
        #expect(Aligner(seedLength: 12, minimumMatched: 40).seedLength == 12)
        #expect(Aligner(minimumMatched: 0).seedLength == 1)
    }
}
