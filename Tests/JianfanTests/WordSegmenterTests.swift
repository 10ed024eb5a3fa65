import Foundation
import Testing
@testable import Jianfan

/// The word segmenter (`--segmenter words`): greedy longest-match errors it fixes, phrases it
/// keeps, and results that do not depend on how the text is cut into pieces.
@Suite("Word segmenter")
struct WordSegmenterTests {
    /// Greedy matching takes a phrase that overlaps the real word: 被发 (被髮, "loose hair")
    /// over 发明, 示了 over 展示, 数组 over 组织, 的士 over 士兵, 影片 over 视频.
    static let fixes: [(Config, String, String, String)] = [
        (.s2t, "这种机器是在十九世纪被发明的", "這種機器是在十九世紀被髮明的", "這種機器是在十九世紀被發明的"),
        (.s2t, "这个例子展示了如何使用函数", "這個例子展示瞭如何使用函數", "這個例子展示了如何使用函數"),
        (.s2twp, "只有少数组织参加了会议", "只有少陣列織參加了會議", "只有少數組織參加了會議"),
        (.s2twp, "他们是勇敢的士兵", "他們是勇敢計程車兵", "他們是勇敢的士兵"),
        (.s2twp, "电视频段分配", "電影片段分配", "電視頻段分配"),
    ]

    @Test("the issue's five greedy errors are fixed; greedy stays OpenCC's", arguments: fixes)
    func issueExamples(_ c: (Config, String, String, String)) {
        let (config, input, greedy, words) = c
        #expect(Converter(config).convert(input) == greedy)
        #expect(Converter(config, segmenter: .words).convert(input) == words)
        #expect(Converter(config).segmenting(.words).convert(input) == words)
        #expect(Converter(config, segmenter: .words).segmenting(.greedy).convert(input) == greedy)
    }

    /// A word rarer than the lexicon's median word of its length does not cut a phrase of three
    /// scalars or more that converts unlike its scalars (历志, 4 in jieba, against 大统历 →
    /// 大統曆); a frequent one still does (单元 against s2twp's 元数据 → 後設資料), and
    /// phrases of two scalars are left to the lattice (只读 against 是只 → 是隻: 只 is a function
    /// scalar, so the pair gets no binding).
    @Test("a rare word does not cut a longer phrase", arguments: [
        (Config.s2t, "大统历志", "大統曆志", "大統曆志"),
        (.s2t, "授时历和大统历志", "授時曆和大統曆志", "授時曆和大統曆志"),
        (.s2twp, "单元数据", "單後設資料", "單元資料"),
        (.s2t, "这个文件是只读的", "這個文件是隻讀的", "這個文件是只讀的"),
    ])
    func rareWords(_ c: (Config, String, String, String)) {
        #expect(Converter(c.0).convert(c.1) == c.2)
        #expect(Converter(c.0, segmenter: .words).convert(c.1) == c.3)
    }

    /// Phrases no word list splits the other way stay whole: the segmenter never cuts a phrase
    /// for a reading that does not cross its ends.
    @Test("phrases of the configuration stay whole", arguments: [
        (Config.s2t, "我的头发", "我的頭髮"),
        (.s2t, "臊子面", "臊子麪"),
        (.s2twp, "软件", "軟體"),
        (.s2twp, "用户", "使用者"),
        (.t2s, "頭髮乾了", "头发干了"),
        (.s2t, "晚泊岳阳", "晚泊岳陽"),   // 岳陽 is no word of the lexicon: converted as the plan says
        (.s2twp, "文件和程序", "檔案和程式"),   // as likely as their forms: converted
    ])
    func phrasesStay(_ c: (Config, String, String)) {
        #expect(Converter(c.0).convert(c.1) == c.2)
        #expect(Converter(c.0, segmenter: .words).convert(c.1) == c.2)
    }

    @Test("the lexicon has jieba's words and their Traditional forms")
    func lexicon() {
        let lexicon = Lexicon.embedded
        #expect(lexicon.count > 300_000)
        let invent = lexicon.cost(of: "发明"), invented = lexicon.cost(of: "發明")
        #expect(invent != nil && invented != nil)
        #expect(lexicon.cost(of: "的")! < lexicon.cost(of: "发明")!)
        #expect(lexicon.cost(of: "发明发明发明") == nil)
    }

    /// A segmenter's decisions depend only on the text between two positions no key spans, so
    /// converting on one thread or two, or streamed in random chunks, gives the same bytes.
    @Test("piece cuts change nothing in words mode", arguments: [Config.s2t, .s2twp, .t2s, .tw2sp])
    func pieceInvariance(_ config: Config) throws {
        let corpus = try Fixtures.corpus(times: 1)
        var input = corpus
        while input.count < 1_200_000 { input += corpus }
        var rng = SplitMix64(seed: 15)
        try Self.expectPieceInvariance(config, input, chunksUpTo: 70_000, &rng)
    }

    /// Checks that `input` converts in words mode to the same bytes on one thread, on two, and
    /// streamed in random chunks of 1 to `chunksUpTo` bytes.
    static func expectPieceInvariance(_ config: Config, _ input: [UInt8], chunksUpTo maxChunk: UInt64,
                                      _ rng: inout SplitMix64) throws {
        var whole = Converter(config, segmenter: .words)
        whole.maximumThreads = 1
        var expected: [UInt8] = []
        try input.withUnsafeBytes { try whole.convert($0, appendingTo: &expected) }
        var parallel = whole
        parallel.maximumThreads = 2
        var out: [UInt8] = []
        try input.withUnsafeBytes { try parallel.convert($0, appendingTo: &out) }
        #expect(out == expected, "two threads")
        var stream = whole.makeStream()
        var streamed: [UInt8] = []
        var start = 0
        while start < input.count {
            let n = min(input.count - start, Int(rng.next() % maxChunk) + 1)
            try stream.write(input[start..<start + n], into: &streamed)
            start += n
        }
        try stream.finish(into: &streamed)
        #expect(streamed == expected, "streamed")
        // Flushed after every chunk, as the command line does when a read returns less than
        // it asked for (a pipe, a terminal): the end of the input so far is no sentence's end.
        var flushing = whole.makeStream()
        var flushed: [UInt8] = []
        start = 0
        while start < input.count {
            let n = min(input.count - start, Int(rng.next() % maxChunk) + 1)
            try flushing.write(input[start..<start + n], into: &flushed)
            flushing.flush(into: &flushed)
            start += n
        }
        try flushing.finish(into: &flushed)
        #expect(flushed == expected, "streamed and flushed")
    }

    /// A stream's input so far may end inside a sentence whose chain the rest of the sentence
    /// decides (tw2sp 文件 → 文档 in a sentence that shows Traditional script): a flush there
    /// converts nothing past the last sentence's end, wherever the input stops.
    @Test("a flush inside a sentence changes nothing in words mode")
    func flushInsideSentence() throws {
        let converter = Converter(.tw2sp, segmenter: .words)
        let text = "注意。\n所有文字文件或 HTML 文件將以黑色文字列印。\n"
        let expected = converter.convert(text)
        #expect(expected == "注意。\n所有文字文档或 HTML 文档将以黑色文字打印。\n")
        let bytes = Array(text.utf8)
        for cut in 1..<bytes.count where bytes[cut] & 0xC0 != 0x80 {
            var stream = converter.makeStream()
            var out: [UInt8] = []
            try stream.write(bytes[..<cut], into: &out)
            stream.flush(into: &out)
            try stream.write(bytes[cut...], into: &out)
            try stream.finish(into: &out)
            #expect(String(decoding: out, as: UTF8.self) == expected, "input cut at byte \(cut)")
        }
        let segmenter = WordSegmenter()
        #expect(segmenter.allowsCut(after: 0x3002) && segmenter.allowsCut(after: 0x0A))   // 。 and a line break
        #expect(!segmenter.allowsCut(after: 0x6216) && !segmenter.allowsCut(after: 0x2E))   // 或, and . before what?
    }

    @Test("words mode with a user's entries and a configuration file")
    func otherConverters() throws {
        let withEntries = try Converter(.s2t, overrides: ["函数": "函式"]).segmenting(.words)
        #expect(withEntries.convert("这个例子展示了如何使用函数") == "這個例子展示了如何使用函式")
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("jianfan-words-\(getpid()).json")
        try #"{"name":"s2t","segmentation":{"type":"mmseg","dict":{"type":"text","file":"STPhrases.txt"}},"#
            .appending(#""conversion_chain":[{"dict":{"type":"group","dicts":[{"type":"text","file":"STPhrases.txt"},"#)
            .appending(#"{"type":"text","file":"STCharacters.txt"}]}}]}"#)
            .write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let custom = try Converter(configuration: url.path).segmenting(.words)
        #expect(custom.convert("这种机器是在十九世纪被发明的") == "這種機器是在十九世紀被發明的")
    }

    /// Text the configuration has already converted is read as such and left alone, where
    /// greedy matching converts it again (算子 inside 運算子, 游 in 陸游, 文件 inside 文件系统).
    @Test("converting the output again changes nothing", arguments: [
        (Config.s2twp, "运算符", "運算子"),
        (.s2t, "陆游《诉衷情》", "陸游《訴衷情》"),
        (.s2t, "岳飞《满江红》", "岳飛《滿江紅》"),
        (.tw2sp, "檔案系統", "文件系统"),
        // Chains of the configuration: s2twp 文档 → 文件 → 檔案 and 进程 → 程序 → 程式, tw2sp
        // 檔案 → 文件 → 文档 and 程式 → 程序 → 进程. In a Simplified sentence that converts to
        // Traditional text, as OpenCC writes them (SentenceContext); in a sentence whose
        // conversion shows neither script, settled by the lexicon (Reconversion).
        (.s2twp, "本文档介绍进程", "本文件介紹程序"),
        (.s2twp, "新建文档", "新建文檔"),
        (.tw2sp, "檔案與程式", "文件与程序"),
        // Converted text joined into a key (源文件, 地址欄): read as converted among Traditional.
        (.s2twp, "源文档最初用挪威书面语", "源文件最初用挪威書面語"),
        (.s2twp, "一个电子邮件地址字段可能在多个表中", "一個電子郵件地址欄位可能在多個表中"),
        // A value of the plan's phrases that the lexicon lacks, holding 干 and 里 that convert alone.
        (.s2t, "同居长干里", "同居長干里"),
        // Such a value next to text that opens a window: the window does not end inside it.
        (.s2t, "偃蹇寒松纵老，丰标自在", "偃蹇寒松縱老，丰標自在"),
        (.s2t, "细，刺桐花里门斜闭", "細，刺桐花里門斜閉"),
        // A value of five scalars, longer than any word of the lexicon.
        (.s2t, "然得而腊之以为饵", "然得而腊之以爲餌"),
    ])
    func idempotence(_ c: (Config, String, String)) {
        let (config, input, once) = c
        let words = Converter(config, segmenter: .words)
        #expect(words.convert(input) == once)
        #expect(words.convert(once) == once)
        #expect(Converter(config).convert(once) != once)   // greedy matching converts it again
    }

    /// A chain's phrase reads as its sentence: converted as OpenCC does among the source's
    /// script, a chain's middle kept among the output's, and settled where the sentence says
    /// neither. Each sentence decides alone, whatever the next holds.
    @Test("a chain's phrase reads as its sentence", arguments: [
        (Config.s2twp, "点击「新建文档」。", "點選「新建文件」。"),
        (.s2twp, "控制文档及窗口的快捷键", "控制文件及視窗的快捷鍵"),
        (.s2twp, "与终端和进程组合理分离", "與終端和程序組合理分離"),
        (.s2twp, "新建文档。點選文件", "新建文檔。點選文件"),   // two sentences: neither script, then Traditional
        (.tw2sp, "請開啟檔案並執行程式。", "请打开文件并运行程序。"),
        (.tw2sp, "这个文件很重要。文件", "这个文件很重要。文件"),   // Simplified: the middle 文件 is kept
        (.tw2sp, "文件", "文件"),   // neither script: settled by the lexicon
    ])
    func chainsByContext(_ c: (Config, String, String)) {
        let words = Converter(c.0, segmenter: .words)
        #expect(words.convert(c.1) == c.2)
        #expect(words.convert(c.2) == c.2)
    }

    /// A sentence ends after a line break, 。, ！, ？, or ASCII `.`, `!`, `?` before a space.
    @Test("the sentence around a position")
    func sentenceBounds() {
        func sentence(_ text: String, at p: Int) -> String {
            let bytes = Array(text.utf8)
            let range = bytes.withUnsafeBufferPointer { SentenceContext.sentence($0.baseAddress!, count: $0.count, at: p) }
            return String(decoding: bytes[range], as: UTF8.self)
        }
        #expect(sentence("甲。乙丙！丁", at: 6) == "乙丙！")
        #expect(sentence("甲。乙丙！丁", at: 0) == "甲。")
        #expect(sentence("甲。乙丙！丁", at: 15) == "丁")
        #expect(sentence("a.b c. d\nx", at: 2) == "a.b c.")
        #expect(sentence("ab\ncd", at: 4) == "cd")
        #expect(!WordSegmenter().allowsCut(between: 0x6587, and: 0x4EF6))   // 文|件
        #expect(!WordSegmenter().allowsCut(between: 0xFF0C, and: 0x4EF6))   // ，|件: one sentence
        #expect(WordSegmenter().allowsCut(between: 0x3002, and: 0x4EF6))     // 。|件
    }

    /// Chains decided by their sentence: converting on one thread or two, or streamed in random
    /// chunks, gives the same bytes.
    @Test("sentence context changes nothing with piece cuts", arguments: [Config.s2twp, .tw2sp])
    func sentenceInvariance(_ config: Config) throws {
        let sentences = ["点击「新建文档」", "新建文档", "與終端和程序組合", "这个文件很重要", "請開啟檔案並執行程式", "文件",
                         "进程", "程序", "本文档介绍进程", "檔案", "abc", "，"]
        let ends = ["。", "！", "\n", ". ", "，", "", " "]
        var rng = SplitMix64(seed: 20261203)
        var text = ""
        while text.utf8.count < 400_000 {
            text += sentences[Int(rng.next() % UInt64(sentences.count))] + ends[Int(rng.next() % UInt64(ends.count))]
        }
        try Self.expectPieceInvariance(config, Array(text.utf8), chunksUpTo: 5_000, &rng)
    }

    /// A word of the lexicon runs across a position when it starts before and ends after it,
    /// within the bounds given.
    @Test("the lexicon tells a word running across a position")
    func wordAcross() {
        let lexicon = Lexicon.embedded
        func holds(_ text: String, _ x: Int, lower: Int = 0, upper: Int? = nil) -> Bool {
            Array(text.utf8).withUnsafeBufferPointer {
                lexicon.holdsWord($0.baseAddress!, across: x, lower: lower, upper: upper ?? $0.count)
            }
        }
        #expect(holds("被发明", 6))             // 发明
        #expect(!holds("被发明", 6, upper: 6))   // 明 is out of bounds
        #expect(holds("中华人民", 6))           // 中华, 华人, 人民 …
        #expect(!holds("发，明", 3))            // no word holds the comma
    }

    /// A phrase of a later stage is contested as one of the first is: tw2sp's 於單 (TSPhrases)
    /// loses to 用於 + 單一.
    @Test("a later stage's phrase loses to a likelier reading that crosses it")
    func laterStagePhrase() {
        #expect(Converter(.tw2sp, segmenter: .words).convert("用於單一") == "用于单一")
        #expect(Converter(.tw2sp).convert("用於單一") == "用於单一")
    }

    /// A word in the output's script is kept only when it is this configuration's own output:
    /// 錄像帶 (s2t's form of 录像带) is still converted by s2twp.
    @Test("a Traditional word of another configuration is still converted")
    func otherConfigurationsForms() {
        #expect(Converter(.s2twp, segmenter: .words).convert("錄像帶 录像带") == "錄影帶 錄影帶")
    }

    @Test("segments report the deciding segmenter, the chosen reading's cost and the rejected reading")
    func inspection() throws {
        let segments = Converter(.s2t, segmenter: .words).segments(of: "这种机器是在十九世纪被发明的")
        #expect(segments.allSatisfy { (s: ConvertedSegment) in s.segmenter == "greedy" || s.segmenter == "words" })
        let decided = try #require(segments.first { $0.segmenter == "words" })
        let rejected = try #require(decided.rejected?.first)
        #expect(rejected.pieces == ["被发", "明"])
        #expect(rejected.score > decided.score!)
        #expect(Converter(.s2t).segments(of: "被发明").allSatisfy { $0.segmenter == nil && $0.rejected == nil })
        let kept = Converter(.s2twp, segmenter: .words).segments(of: "運算子")
        #expect(kept.map(\.phrase) == ["kept word"])
        #expect(kept.first?.output == 0..<9)
    }
}
