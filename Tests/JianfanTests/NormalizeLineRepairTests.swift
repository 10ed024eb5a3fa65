import Testing
@testable import Jianfan

@Suite struct NormalizeLineRepairTests {
    let step = LineRepairStep()

    private func repaired(_ text: String) -> String { step.apply(to: text).text }

    @Test func joinsABreakThatSplitsASentence() {
        let (text, report) = step.apply(to: "坚持聚焦重点。事实证明，政策叠加组合效应持\n\n续释放，有力推动工业企稳。")
        #expect(text == "坚持聚焦重点。事实证明，政策叠加组合效应持续释放，有力推动工业企稳。")
        #expect(report.step == "lines")
        #expect(report.changes == [Normalizer.Change(range: 21..<23, before: "\n\n", after: "")])
    }

    @Test func neverJoinsAfterASentenceEnd() {
        for text in [
            "第一段结束了。\n\n第二段开始。", "他说：“好。”\n\n第二段。", "真的吗？\n第二段开始了。",
            "第一段，很长很长很长很长很长很长很长很长很长的句子结束；\n\n第二段开始了。",
        ] {
            #expect(repaired(text) == text, "\(text)")
        }
    }

    @Test func leavesHeadingsAndBylinesAlone() {
        for text in [
            "明确“四方面坚持”，把稳工业摆在更突出位置\n\n受外部不确定不稳定因素较多等影响。",
            "## 巩固工业经济回升向好趋势而且这个标题特别特别特别长\n\n多措并举夯实工业经济回稳基础。",
            "当日，大会在武汉开幕。 新华社记者程敏摄\n\n新华社武汉11月20日电。",
            "首先是坚持聚焦重点、加力提效。政策效应持\n\n工业互联网标识解析体系全面建成",
            "首先是坚持聚焦重点、加力提效。政策效应持\n\n　　续释放。", // indented: a new paragraph
        ] {
            #expect(repaired(text) == text, "\(text)")
        }
    }

    @Test func handlesCRLF() {
        let (text, report) = step.apply(to: "标题\r\n\r\n首先说明。政策叠加组合效应持\r\n\r\n续释放。\r\n下一段。\r\n")
        #expect(text == "标题\r\n\r\n首先说明。政策叠加组合效应持续释放。\r\n下一段。\r\n")
        #expect(report.changes.map(\.before) == ["\r\n\r\n"])
    }

    @Test func joinsAfterAClauseComma() {
        let text = "这是一个很长很长很长很长很长很长很长的句子的前半部分，\n后半部分在这里。"
        #expect(repaired(text) == "这是一个很长很长很长很长很长很长很长的句子的前半部分，后半部分在这里。")
    }
}
