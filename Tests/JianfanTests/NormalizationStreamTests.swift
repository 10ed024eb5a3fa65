import Testing
@testable import Jianfan

/// A stream gives what the whole text gives, however the input is cut into chunks.
@Suite struct NormalizationStreamTests {
    static let all = Normalizer(steps: [.readingAnnotations, .punctuationWidth, .lineRepair, .script(.t2s)])

    /// Pieces that put every kind of boundary somewhere: scalars of 1–4 bytes, CRLF and lone CR,
    /// readings, protected regions, fences, a line split by a page break, blank runs.
    static let pieces = [
        "發(fā)展", "銀行(yínháng)", "工業(ye4)", ",", "(一)", "函数f(x)的值", "\r\n", "\n", "\r", "\n\n",
        "😀", "é", "ＡＢＣ１２３", "<a title=\"軟體,\">連結</a>", "&nbsp;中文", "`頭(tóu)髮`",
        "[頭(tóu)](http://x/頭(tóu))", "https://a.b/c?d=1,2", "bjw@163.com,", "\n```\nprint(\"頭髮\")\n```\n",
        "坚持聚焦重点。政策效应持", "\n\n续释放，有力推动工业企稳回升的趋势。", "    ", "中文", "<!-- 頭髮, -->",
    ]

    static func randomText(_ rng: inout SplitMix64, count: Int) -> String {
        var text = rng.next() % 3 == 0 ? "---\ntitle: 頭髮,標題\n---\n" : ""
        for _ in 0..<count { text += pieces[Int(rng.next() % UInt64(pieces.count))] }
        return text
    }

    /// The stream's output and reports for `bytes` cut at `cuts`.
    static func streamed(_ bytes: [UInt8], cuts: [Int], windowSize: Int, _ normalizer: Normalizer = all,
                         reporting: Bool = true, threads: Int = System.activeProcessorCount)
        throws -> ([UInt8], [Normalizer.StepReport]) {
        var stream = NormalizationStream(normalizer: normalizer, lossy: false, reporting: reporting,
                                         windowSize: windowSize, threads: threads)
        var out: [UInt8] = []
        var start = 0
        for cut in cuts + [bytes.count] where cut >= start {
            try stream.write(bytes[start..<cut], into: &out)
            if cut % 3 == 0 { stream.flush(into: &out) }
            start = cut
        }
        try stream.finish(into: &out)
        return (out, stream.reports)
    }

    @Test func randomChunkingsGiveTheWholeTextsResult() throws {
        var rng = SplitMix64(seed: 16)
        for round in 0..<60 {
            let text = Self.randomText(&rng, count: 5 + Int(rng.next() % 60))
            let bytes = Array(text.utf8)
            // Small windows cut long lines into parts too; the whole text runs through the same.
            let windowSize = round % 2 == 0 ? NormalizationStream.windowSize : 48 + Int(rng.next() % 200)
            let (whole, wholeReports) = try Self.streamed(bytes, cuts: [], windowSize: windowSize)
            let cuts = (0..<Int(rng.next() % 12)).map { _ in Int(rng.next() % UInt64(bytes.count + 1)) }.sorted()
            let (chunked, chunkedReports) = try Self.streamed(bytes, cuts: cuts, windowSize: windowSize)
            #expect(chunked == whole, "round \(round), cuts \(cuts): \(text.debugDescription)")
            #expect(chunkedReports == wholeReports, "round \(round)")
            #expect(chunkedReports.map { $0.changes.map(\.line) } == wholeReports.map { $0.changes.map(\.line) })
            if windowSize == NormalizationStream.windowSize {
                #expect(String(decoding: whole, as: UTF8.self) == Self.all.normalize(text).text)
            }
        }
    }

    /// Windows run a few at a time on several cores (no reports, no line repair) give the
    /// output of windows run one at a time, however the input is cut and flushed.
    @Test func windowsRunTogetherGiveTheOutputOfWindowsOneAtATime() throws {
        let steps = Normalizer(steps: [.readingAnnotations, .punctuationWidth, .script(.t2s)])
        var rng = SplitMix64(seed: 61)
        for round in 0..<40 {
            let bytes = Array(Self.randomText(&rng, count: 20 + Int(rng.next() % 200)).utf8)
            let windowSize = 48 + Int(rng.next() % 400)
            let cuts = (0..<Int(rng.next() % 12)).map { _ in Int(rng.next() % UInt64(bytes.count + 1)) }.sorted()
            var outputs: [[UInt8]] = []
            for threads in [1, 2, 3, 4] {
                outputs.append(try Self.streamed(bytes, cuts: cuts, windowSize: windowSize, steps, reporting: false, threads: threads).0)
            }
            #expect(outputs.allSatisfy { $0 == outputs[0] }, "round \(round), window \(windowSize), cuts \(cuts)")
            #expect(outputs[0] == (try Self.streamed(bytes, cuts: [], windowSize: windowSize, steps).0), "round \(round)")
        }
        #expect(WindowBatch(steps: steps.steps, threads: 2) != nil)
        #expect(WindowBatch(steps: steps.steps, threads: 1) == nil)
        #expect(WindowBatch(steps: Self.all.steps, threads: 2) == nil) // line repair joins across windows
    }

    @Test func oneByteAtATime() throws {
        let text = "---\ntitle: 頭髮\n---\n發(fā)展,穩定\r\n坚持聚焦重点。政策效应持\r\n\r\n续释放，有力推动工业企稳回升的趋势。\n`頭髮`😀"
        let bytes = Array(text.utf8)
        let (out, _) = try Self.streamed(bytes, cuts: Array(1..<bytes.count), windowSize: NormalizationStream.windowSize)
        #expect(String(decoding: out, as: UTF8.self) == Self.all.normalize(text).text)
        #expect(String(decoding: out, as: UTF8.self)
            == "---\ntitle: 頭髮\n---\n发展，稳定\r\n坚持聚焦重点。政策效应持续释放，有力推动工业企稳回升的趋势。\n`頭髮`😀")
    }

    @Test func invalidUTF8IsReportedAtItsStreamOffset() throws {
        var stream = Self.all.makeStream()
        var out: [UInt8] = []
        try stream.write(Array("中文".utf8), into: &out)
        #expect(throws: InvalidUTF8Error(offset: 7)) { try stream.write([0x61, 0xFF], into: &out) }
        var lossy = Self.all.makeStream(lossy: true)
        var repaired: [UInt8] = []
        try lossy.write([0xE4, 0xB8], into: &repaired)
        try lossy.finish(into: &repaired)
        #expect(repaired == [0xEF, 0xBF, 0xBD])
    }

    @Test func reportsCostNothingUnlessAskedFor() throws {
        var stream = Self.all.makeStream()
        var out: [UInt8] = []
        try stream.write(Array("發(fā)展,穩".utf8), into: &out)
        try stream.finish(into: &out)
        #expect(String(decoding: out, as: UTF8.self) == "发展，稳")
        #expect(stream.reports.isEmpty)
        #expect(Self.all.normalize("發(fā)展,穩", reporting: false).reports.isEmpty)
    }

    /// Line repair holds back one line and at most `blankLimit` bytes of blank lines after it.
    @Test func lineRepairLooksAheadAtMostTheBlankLimit() throws {
        let before = "坚持聚焦重点。政策效应持"
        let after = "续释放，有力推动工业企稳回升的趋势。"
        let step = Normalizer(steps: [.lineRepair])
        let within = before + String(repeating: "\n", count: LineRepairStep.blankLimit) + after
        #expect(step.normalize(within).text == before + after)
        let beyond = before + String(repeating: "\n", count: LineRepairStep.blankLimit + 1) + after
        #expect(step.normalize(beyond).text == beyond)
        // The same in a stream fed in small chunks.
        let bytes = Array(within.utf8)
        let (out, _) = try Self.streamed(bytes, cuts: Array(stride(from: 1000, to: bytes.count, by: 1000)),
                                         windowSize: 4096, step)
        #expect(String(decoding: out, as: UTF8.self) == before + after)
    }

    @Test func aLineLongerThanAWindowIsCutWhereItsOwnBytesSay() throws {
        let line = String(repeating: "頭髮，", count: 100)
        let bytes = Array(line.utf8)
        let (whole, _) = try Self.streamed(bytes, cuts: [], windowSize: 64)
        let (chunked, _) = try Self.streamed(bytes, cuts: [1, 2, 65, 130, 131], windowSize: 64)
        #expect(whole == chunked)
        #expect(String(decoding: whole, as: UTF8.self) == String(repeating: "头发，", count: 100))
    }

    @Test func changesCarryLineAndColumnInTheOriginal() throws {
        let result = Self.all.normalize("標題\n業(yè)務,好\r\n再(zài)見")
        let punctuation = try #require(result.report(for: "punctuation")).changes
        #expect(punctuation.map(\.range) == [5..<6]) // in "標題\n業務,好…", its own input
        #expect(punctuation.map(\.line) == [2])
        #expect(punctuation.map(\.column) == [7]) // after 業(yè)務 in the original
        let readings = try #require(result.report(for: "readings")).changes
        #expect(readings.map(\.line) == [2, 3])
        #expect(readings.map(\.column) == [2, 2])
        let script = try #require(result.report(for: "script")).changes
        #expect(script.map(\.line) == [1, 2, 3])
        #expect(script.map(\.column) == [1, 1, 7]) // 見, after 再(zài)
    }
}
