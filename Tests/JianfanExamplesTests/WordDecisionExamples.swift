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
        #expect(abs(pair - (17.84 - 3.75)) < 0.001)   // a pair of content scalars binds as a median word
        let function = Array("是只".utf8).withUnsafeBytes {
            PhraseCost.cost(of: $0, scalars: [4.33, 6.9], inner: 11.23, tables: [table], lexicon: .embedded)
        }
        #expect(abs(function - 11.23) < 0.001)   // 只 is a function scalar: no likelier than its scalars
    }

    @Test("PhraseCost.pairBinding(_:scalars:lexicon:)")
    func pairBinding() {
        let binding = Array("周线".utf8).withUnsafeBytes {
            PhraseCost.pairBinding($0, scalars: 17.84, lexicon: .embedded)
        }   // 3.75: 周线 costs 14.09
        #expect(binding == 3.75)
        let capped = Array("周内".utf8).withUnsafeBytes { PhraseCost.pairBinding($0, scalars: 15.97, lexicon: .embedded) }
        #expect(abs(capped - (15.97 - 13.69)) < 0.001)   // never likelier than the upper-quartile word
        #expect(Array("了如".utf8).withUnsafeBytes { PhraseCost.pairBinding($0, scalars: 11, lexicon: .embedded) } == 0)
        #expect(Array("周".utf8).withUnsafeBytes { PhraseCost.pairBinding($0, scalars: 9, lexicon: .embedded) } == 0)
    }

    @Test("Lexicon.isFunction(_:)")
    func isFunction() {
        #expect(Lexicon.embedded.isFunction(0x53EA))   // true: 只
        #expect(!Lexicon.embedded.isFunction(0x5468))   // false: 周
        #expect(Lexicon.embedded.isFunction(0x96BB) || Lexicon.embedded.isFunction(0x4E86))   // 隻 (a form of 只) or 了
        #expect(!Lexicon.embedded.isFunction(0x7EBF) && !Lexicon.embedded.isFunction(0))   // 线; not a character
    }

    @Test("PhraseCost pairs and WordLattice.capPhrases(by:)")
    func pairs() {
        let words = Converter(.s2t, segmenter: .words)
        #expect(Converter(.s2t, segmenter: .words).convert("周线图") == "週線圖")   // "週線圖"
        #expect(Converter(.s2t, segmenter: .words).convert("故能为百谷王。") == "故能爲百谷王。")   // "故能爲百谷王。", read again alike
        #expect(words.convert("故能爲百谷王。") == "故能爲百谷王。")
        #expect(words.convert("近泪无干土") == words.convert(words.convert("近泪无干土")))   // 無干 binds as 无干 did
    }

    @Test("WordLattice.cutCompound(from:to:into:)")
    func compound() {
        #expect(Converter(.s2twp, segmenter: .words).convert("电视频道很多") == "電視頻道很多")   // "電視頻道很多"
        #expect(Converter(.s2twp).convert("电视频道很多") == "電影片道很多")
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
