import Testing
@testable import Jianfan

/// The `///` examples of what the word segmenter's decisions rest on: what a phrase costs in the
/// lattice (`PhraseCost`, `Table.phraseValue(of:)`) and what a plan's stages make of their own
/// output (`StageJoins`), run as written.
@Suite("Examples: PhraseCost, Table.phraseValue(of:), StageJoins, converted words")
struct WordDecisionExamples {
    @Test("PhraseCost.binding(scalars:)")
    func binding() {
        #expect(PhraseCost.binding(scalars: 4) == 19.84)   // 19.84: half of jieba's four-scalar words bind less
        #expect(PhraseCost.binding(scalars: 2) == 0)   // 0: a pair of scalars gets none
        #expect(PhraseCost.binding(scalars: 3) == 0 && PhraseCost.binding(scalars: 12) == 52.94)
    }

    @Test("PhraseCost.cost(of:scalars:word:tables:lexicon:)")
    func cost() {
        let table = Converter(.s2t).plan.stages[0]
        #expect(Lexicon.embedded.cost(of: "无线新闻") == nil && Lexicon.embedded.cost(of: "無線新聞") == nil)
        let cost = Array("无线新闻".utf8).withUnsafeBytes {
            PhraseCost.cost(of: $0, scalars: [9, 9, 9, 9], inner: 30, tables: [table], lexicon: .embedded)
        }   // 36 − 19.84: no word of the lexicon is 无线新闻 or 無線新聞
        #expect(abs(cost - (36 - 19.84)) < 0.001)
        // A word of the lexicon costs what the lexicon says; a pair the lexicon lacks, its scalars.
        let word = Array("发明".utf8).withUnsafeBytes {
            PhraseCost.cost(of: $0, scalars: [8.18, 8.22], inner: 16.4, tables: [table], lexicon: .embedded)
        }
        #expect(word == Lexicon.embedded.cost(of: "发明"))
        let pair = Array("周线".utf8).withUnsafeBytes {
            PhraseCost.cost(of: $0, scalars: [8.88, 8.96], inner: 17.84, tables: [table], lexicon: .embedded)
        }
        #expect(pair == 17.84)   // no likelier than the best reading of its scalars
    }

    @Test("PhraseCost.valueCost(_:in:lexicon:)")
    func valueCost() throws {
        let table = try #require(Converter(.tw2sp).plan.stages.first { t in Array("乙太網".utf8).withUnsafeBytes { t.phraseValue(of: $0) != nil } })
        let cost = Array("乙太網".utf8).withUnsafeBytes {
            PhraseCost.valueCost($0, in: table, lexicon: .embedded)   // the cost of 以太網
        }
        #expect(cost != nil && cost == Lexicon.embedded.cost(of: "以太網"))
    }

    @Test("Table.phraseValue(of:)")
    func phraseValue() throws {
        let table = try #require(Converter(.tw2sp).plan.stages.first { t in Array("乙太網".utf8).withUnsafeBytes { t.phraseValue(of: $0) != nil } })
        let value = Array("乙太網".utf8).withUnsafeBytes { table.phraseValue(of: $0) }   // 以太網
        #expect(value.map { String(decoding: $0, as: UTF8.self) } == "以太網")
        #expect(Array("乙太".utf8).withUnsafeBytes { table.phraseValue(of: $0) } == nil)   // a prefix, no key
    }

    @Test("StageJoins")
    func joins() {
        let joins = StageJoins(stages: Converter(.s2tw).plan.stages)
        #expect(joins.isMiddle(0x4E48))   // true: 么
        #expect(!joins.isMiddle(0x53D1))   // 发: s2t makes 發 of it, no later stage makes it
        #expect(!StageJoins(stages: Converter(.s2t).plan.stages).isMiddle(0x4E48))   // one stage: none
    }

    @Test("StageJoins.isJoin(_:stages:)")
    func isJoin() {
        let stages = Converter(.tw2sp).plan.stages
        #expect(Array("社群".utf8).withUnsafeBytes { StageJoins(stages: stages).isJoin($0, stages: stages) })   // true
        #expect(!Array("軟體".utf8).withUnsafeBytes { StageJoins(stages: stages).isJoin($0, stages: stages) })
    }

    @Test("WordLattice.addConvertedWords(base:end:)")
    func convertedWords() {
        #expect(Converter(.tw2sp, segmenter: .words).convert("帶空格的標簽字串") == "带空格的标签字符串")   // "带空格的标签字符串"
    }

    @Test("WordLattice.dropRareCrossings(base:end:tables:)")
    func rareCrossings() {
        #expect(Converter(.s2t, segmenter: .words).convert("大统历志") == "大統曆志")   // "大統曆志"
    }

    @Test("WordLattice.rareCost(scalars:)")
    func rareCost() {
        #expect(WordLattice.rareCost(scalars: 2) == 15.86)   // 15.86: a word of two scalars counted fewer than 8 times
        #expect(Lexicon.embedded.cost(of: "历志")! > WordLattice.rareCost(scalars: 2))   // 4 times
        #expect(Lexicon.embedded.cost(of: "只读")! < WordLattice.rareCost(scalars: 2))   // 59 times
    }

    @Test("Table.convertsAsScalars(_:)")
    func convertsAsScalars() {
        let table = Converter(.s2t).plan.stages[0]
        #expect(!Array("大统历".utf8).withUnsafeBytes { table.convertsAsScalars($0) })   // false: 大統曆, not 大統歷
        #expect(Array("大统".utf8).withUnsafeBytes { table.convertsAsScalars($0) })   // 大統: no phrase, or as its scalars
    }
}
