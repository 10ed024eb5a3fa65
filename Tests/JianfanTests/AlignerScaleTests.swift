import Foundation
import Testing
@testable import Jianfan

/// Synthetic documents for the aligner at scale: deterministic Chinese-like prose, and a
/// reference that quotes passages of it (with 1% of scalars edited), in shuffled order,
/// interleaved with prose of its own.
struct SyntheticQuotes {
    let document: String
    let reference: String
    /// The document ranges the reference quotes.
    let quoted: [Range<Int>]

    init(documentScalars: Int, referenceScalars: Int, seed: UInt64) {
        var random = SplitMix64(seed: seed)
        // Words of 1–4 characters from 3000 ideographs, drawn with a skew, so common words and
        // phrases repeat as in real text.
        let words: [[UInt32]] = (0..<6000).map { _ in
            (0..<Int.random(in: 1...4, using: &random)).map { _ in 0x4E00 + UInt32.random(in: 0..<3000, using: &random) }
        }
        func prose(_ count: Int) -> [UInt32] {
            var text: [UInt32] = []
            var sinceBreak = 0
            while text.count < count {
                let u = Double.random(in: 0..<1, using: &random)
                text += words[Int(u * u * u * Double(words.count))]
                sinceBreak += 1
                if sinceBreak > Int.random(in: 4...12, using: &random) {
                    text.append(Bool.random(using: &random) ? 0xFF0C : 0x3002) // ， or 。
                    sinceBreak = 0
                    if Int.random(in: 0..<20, using: &random) == 0 { text.append(0x0A) }
                }
            }
            return Array(text.prefix(count))
        }
        let document = prose(documentScalars)
        var reference: [UInt32] = []
        var quoted: [Range<Int>] = []
        while reference.count < referenceScalars {
            if Bool.random(using: &random) {
                reference += prose(Int.random(in: 50...500, using: &random))
                continue
            }
            let length = Int.random(in: 40...1500, using: &random)
            let start = Int.random(in: 0..<(document.count - length), using: &random)
            quoted.append(start..<(start + length))
            reference += Self.edited(document[start..<(start + length)], using: &random)
        }
        self.document = Self.string(document)
        self.reference = Self.string(reference)
        self.quoted = quoted
    }

    /// A revised edition: the whole document, with 1% of its scalars edited.
    func revision(seed: UInt64) -> SyntheticQuotes {
        var random = SplitMix64(seed: seed)
        let scalars = document.unicodeScalars.map(\.value)
        return SyntheticQuotes(
            document: document, reference: Self.string(Self.edited(scalars[...], using: &random)),
            quoted: [0..<scalars.count])
    }

    init(document: String, reference: String, quoted: [Range<Int>]) {
        self.document = document
        self.reference = reference
        self.quoted = quoted
    }

    /// `text` with about one scalar in 100 substituted, followed by an insertion, or deleted.
    static func edited(_ text: ArraySlice<UInt32>, using random: inout SplitMix64) -> [UInt32] {
        var result: [UInt32] = []
        result.reserveCapacity(text.count)
        for scalar in text {
            switch Int.random(in: 0..<300, using: &random) {
            case 0: result.append(0x4E00 + UInt32.random(in: 0..<3000, using: &random))
            case 1: result += [scalar, 0x4E00 + UInt32.random(in: 0..<3000, using: &random)]
            case 2: break
            default: result.append(scalar)
            }
        }
        return result
    }

    static func string(_ values: [UInt32]) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: values.compactMap(Unicode.Scalar.init))
        return String(view)
    }
}

@Suite struct AlignerScaleTests {
    @Test func findsTheQuotesOfASyntheticReference() {
        let pair = SyntheticQuotes(documentScalars: 30_000, referenceScalars: 30_000, seed: 7)
        let report = Aligner().align(document: pair.document, references: [("synthetic", pair.reference)])
        let reference = report.references[0]
        let quotedLength = Aligner.unionLength(pair.quoted)
        // Edits every ~100 scalars cut passages, and a cut near a passage's end can lose a few
        // scalars, so coverage is close to, not exactly, what was quoted.
        #expect(Double(reference.coverage.documentQuoted) > 0.95 * Double(quotedLength))
        #expect(Double(reference.coverage.documentQuoted) < 1.02 * Double(quotedLength))
        #expect(reference.coverage.referenceShare > 0.3)
        for passage in reference.passages {
            #expect(pair.quoted.contains { $0.overlaps(passage.document.range) }, "unexpected \(passage.document.range)")
        }
    }

    @Test func findsARevisedEditionAsOnePassagePerStretch() {
        let pair = SyntheticQuotes(documentScalars: 20_000, referenceScalars: 100, seed: 3).revision(seed: 4)
        let reference = Aligner().align(document: pair.document, references: [("revision", pair.reference)]).references[0]
        #expect(reference.coverage.documentShare > 0.99)
        #expect(reference.coverage.referenceShare > 0.99)
        #expect(reference.passages.count < 5)
    }

    static let benchmarkEnabled = ProcessInfo.processInfo.environment["JIANFAN_ALIGNER_BENCHMARK"] != nil

    /// 1 MB against 1 MB (UTF-8), for a reference quoting half the document and for a revised
    /// edition of all of it. Run in release with the timings printed:
    /// `JIANFAN_ALIGNER_BENCHMARK=1 swift test -c release --filter AlignerScaleTests`
    @Test(.enabled(if: benchmarkEnabled), arguments: ["quotes", "revision"])
    func oneMegabyteAgainstOneMegabyte(kind: String) {
        let quotes = SyntheticQuotes(documentScalars: 350_000, referenceScalars: 350_000, seed: 1)
        let pair = kind == "quotes" ? quotes : quotes.revision(seed: 2)
        let clock = ContinuousClock()
        var report: AlignmentReport?
        let elapsed = clock.measure {
            report = Aligner().align(document: pair.document, references: [("synthetic", pair.reference)])
        }
        let reference = report!.references[0]
        print("aligner (\(kind)): \(pair.document.utf8.count) bytes against \(pair.reference.utf8.count) bytes: \(elapsed), "
            + "\(reference.passages.count) passages, \(reference.passages.reduce(0) { $0 + $1.edits.count }) edits, "
            + "document coverage \(reference.coverage.documentShare)")
        #expect(Double(reference.coverage.documentQuoted) > 0.95 * Double(Aligner.unionLength(pair.quoted)))
        #expect(elapsed < .seconds(10))
    }
}
