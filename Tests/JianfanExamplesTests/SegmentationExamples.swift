import Testing
@testable import Jianfan

/// The `///` examples of the word segmenter (`SegmenterChoice.words`) and of the internals it
/// is made of (the lexicon, the lattice, a table's phrases at a position), run as written.
@Suite("Examples: SegmenterChoice, WordSegmenter, Reconversion, SentenceContext, ReconversionMemo, PhraseValues, PhraseValues.Hashes, Lexicon, WordLattice, Table.forEachPhrase, Table.forEachPrefix, Table.valueBytes")
struct SegmentationExamples {
    @Test("SegmenterChoice")
    func choice() {
        let converter = Converter(.s2twp, segmenter: .words)
        #expect(converter.convert("只有少数组织参加了会议") == "只有少數組織參加了會議")   // "只有少數組織參加了會議"
    }

    @Test("WordSegmenter")
    func wordSegmenter() {
        let converter = Converter(.s2t, segmenter: .words)
        #expect(converter.convert("这种机器是在十九世纪被发明的") == "這種機器是在十九世紀被發明的")   // "這種機器是在十九世紀被發明的"
    }

    @Test("Converter.init(_:segmenter:), against greedy matching")
    func initSegmenter() {
        #expect(Converter(.s2t, segmenter: .words).convert("这个例子展示了如何使用函数") == "這個例子展示了如何使用函數")
        #expect(Converter(.s2t).convert("这个例子展示了如何使用函数") == "這個例子展示瞭如何使用函數")   // greedy: 展示瞭
    }

    @Test("Converter.segmenting(_:)")
    func segmenting() {
        #expect(Converter(.s2t).segmenting(.words).convert("被发明") == "被發明")   // "被發明"
        #expect(Converter(.s2t).convert("被发明") != "被發明")   // greedy matching takes the phrase 被发
    }

    @Test("Reconversion")
    func reconversion() {
        let converter = Converter(.s2twp)
        let reconversion = Reconversion(lexicon: .embedded, tables: converter.plan.stages, scripts: nil) { text in
            Array(converter.convert(String(decoding: text, as: UTF8.self)).utf8)
        }
        #expect(Array("文档".utf8).withUnsafeBytes { reconversion.classify($0) } == .split)   // .split: 文档 → 文檔, not 文件
        #expect(Array("文件".utf8).withUnsafeBytes { reconversion.classify($0) } == .plain)   // 文件 → 檔案 stays
    }

    @Test("SentenceContext")
    func sentenceContext() {
        let words = Converter(.s2twp, segmenter: .words)
        #expect(words.convert("点击「新建文档」。") == "點選「新建文件」。")   // "點選「新建文件」。" (OpenCC's 文件)
        #expect(words.convert("點選「新建文件」。") == "點選「新建文件」。")   // unchanged: 文件 reads as converted
    }

    @Test("ReconversionMemo")
    func memo() {
        let table = Converter(.s2t).plan.stages[0]
        let slot = 7
        let memo = ReconversionMemo()
        var kinds = memo.kinds(for: table)   // empty, or one byte per slot of the table
        #expect(kinds.isEmpty)
        memo.merge([(slot, Reconversion.Kind.plain.rawValue)], into: table)
        kinds = memo.kinds(for: table)
        #expect(kinds.count == table.slotMask + 1 && kinds[slot] == Reconversion.Kind.plain.rawValue)
    }

    @Test("PhraseValues")
    func phraseValueSet() {
        let values = PhraseValues(tables: Converter(.s2t).plan.stages)
        var h = Lexicon.Hash()
        for b in "岳陽".utf8 { h.add(b) }
        #expect(values.contains(h))   // true: s2t makes 岳陽 of 岳阳
    }

    @Test("PhraseValues.Hashes")
    func phraseValueHashes() {
        let hashes = PhraseValues(tables: Converter(.s2t).plan.stages).hashes()
        let found = Array("丰標".utf8).withUnsafeBufferPointer {
            hashes.holdsValue($0.baseAddress!, across: 3, lower: 0, upper: 6, target: ScriptEvidence.traditional)
        }   // true: s2t makes 丰標 of 丰标
        #expect(found)
        // The key itself holds no Traditional scalar: nothing is looked up.
        #expect(!Array("丰标".utf8).withUnsafeBufferPointer {
            hashes.holdsValue($0.baseAddress!, across: 3, lower: 0, upper: 6, target: ScriptEvidence.traditional)
        })
    }

    @Test("Table.forEachPhraseValue(_:)")
    func phraseValues() {
        let table = Converter(.tw2sp).plan.stages[0]
        var values = Set<[UInt8]>()
        table.forEachPhraseValue { value in values.insert(Array(value)) }
        #expect(values.contains(Array("文件".utf8)))   // 檔案 → 文件
    }

    @Test("Lexicon")
    func lexicon() throws {
        let lexicon = Lexicon.embedded
        var h = Lexicon.Hash()
        for b in "发明".utf8 { h.add(b) }
        let cost = try #require(lexicon.cost(h))   // about 10.0: −ln(frequency / total)
        #expect(abs(cost - 10.0) < 0.05)
        #expect(cost == lexicon.cost(of: "发明"))
    }

    @Test("Table.forEachPhrase(at:end:_:)")
    func phrasesAtAPosition() {
        let table = Converter(.s2t).plan.stages[0]
        var lengths: [Int] = []
        Array("头发和".utf8).withUnsafeBufferPointer { buffer in
            let p = buffer.baseAddress!, end = p + buffer.count
            table.forEachPhrase(at: p, end: end) { length in lengths.append(length) }
        }
        #expect(lengths == [6])   // 头发, a phrase of STPhrases; 头发和 is none
    }

    @Test("Table.forEachPrefix(at:end:_:) and Table.valueBytes(slot:)")
    func prefixesAtAPosition() {
        let table = Converter(.s2t).plan.stages[0]
        var lengths: [Int] = []
        var values: [String] = []
        Array("头发".utf8).withUnsafeBufferPointer { buffer in
            let p = buffer.baseAddress!, end = p + buffer.count
            table.forEachPrefix(at: p, end: end) { length, entry in lengths.append(length) }
            table.forEachPrefix(at: p, end: end) { length, entry in
                guard (entry >> TableFormat.slotRankShift) & 7 != TableFormat.slotNoRank else { return }
                let bytes = table.valueBytes(slot: entry)   // e.g. the UTF-8 of 軟體
                values.append(String(decoding: bytes, as: UTF8.self))
            }
        }
        #expect(lengths == [6])          // 头发, a key of STPhrases
        #expect(values == ["頭髮"])
    }

    @Test("WordLattice: 被|发明 cuts the phrase 被发")
    func lattice() {
        let table = Converter(.s2t).plan.stages[0]
        let offsets = [0, 3, 6]
        var ends: [Int] = []
        Array("被发明".utf8).withUnsafeBufferPointer { buffer in
            let base = buffer.baseAddress!, windowEnd = buffer.count
            var lattice = WordLattice(lexicon: .embedded)
            lattice.starts = offsets          // where each scalar of the window starts
            lattice.decide(base: base, end: windowEnd, tables: [table], converted: nil, into: &ends)
        }
        #expect(ends == [3])
    }
}
