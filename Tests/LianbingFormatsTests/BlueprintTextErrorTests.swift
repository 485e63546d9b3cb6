import LianbingCore
import LianbingFormats
import Testing

@Suite("Blueprint text: errors")
struct BlueprintTextErrorTests {
    private func issues(_ text: String) -> [String] {
        BlueprintText.read(text, file: "规则.txt").issues.map(\.description).sorted()
    }

    private let header = "标题: 甲\n总分: 4\n目标难度: 3 ± 1\n"

    @Test("Given every kind of mistake in one file, when read, then each is reported at its line in one pass")
    func everyErrorWithItsLine() {
        let text = """
            标题: 甲
            用途: 考试
            总分: 一百
            目标难度: 3
            曝光上限: 40
            难易度: 3
            这一行不是设置
            [题型]
            单选 每题 0 分
            单项 每题 2 分
            判断 2 分
            单选 每题 2 分
            单选 每题 3 分
            [细目]
            甲 | 单选 | 1-6 | 0
            甲 | 单项 | 3-1 | 2.5
            甲 | 单选 | 2
            甲//乙 | 单选 | 2 | 1
            甲 | 单选 | 2-3 | 1
            甲 | 单选 | 2-3 | 2
            曝光上限: 30%
            [未知部分]
            这些行不再逐行报告
            [互斥组]
            XD-1
            XD-2 XD-3 XD-2
            XD-4 坏 题号 XD-3
            """
        #expect(issues(text) == [
            "规则.txt:2: 用途“考试”无效：只能是 集中考核 或 自我测试",
            "规则.txt:3: 总分“一百”无效：要写一个大于 0 的数，如 100",
            "规则.txt:4: 目标难度“3”无效：要写成“目标值 ± 允许偏差”，如“3.0 ± 0.4”",
            "规则.txt:5: 曝光上限“40”无效：要写成大于 0%、不超过 100% 的百分数，如 40%",
            "规则.txt:6: 未知的键“难易度”：可用的键有 标题、用途、总分、目标难度、曝光上限、同一原文互斥、排除已公开答案的试题",
            "规则.txt:7: 无法识别的行：文件开头的设置要写成“键: 值”，题型、细目和互斥组要写在 [题型]、[细目]、[互斥组] 之下",
            "规则.txt:9: 每题分值“0”无效：要写一个大于 0 的数",
            "规则.txt:10: 未知的题型“单项”：只能是 单选、多选、判断、填空、简答",
            "规则.txt:11: 题型行要写成“题型 每题 分值 分”，如“单选 每题 2 分”",
            "规则.txt:13: 题型“单选”重复：第 12 行已经列出",
            "规则.txt:15: 难度“1-6”无效：要写 1–5 之间的一个数或范围，如“3”或“2-4”",
            "规则.txt:15: 题数“0”无效：要写 1 到 10000 之间的整数",
            "规则.txt:16: 未知的题型“单项”：只能是 单选、多选、判断、填空、简答",
            "规则.txt:16: 难度“3-1”无效：要写 1–5 之间的一个数或范围，如“3”或“2-4”",
            "规则.txt:16: 题数“2.5”无效：要写 1 到 10000 之间的整数",
            "规则.txt:17: 细目要写成“知识点 | 题型 | 难度 | 题数”四栏，这一行有 3 栏",
            "规则.txt:18: 知识点“甲//乙”有空的层级：层级之间用一个“/”分隔，首尾不加“/”",
            "规则.txt:20: 与第 19 行的细目重复（知识点、题型和难度都相同）：请合并为一行",
            "规则.txt:21: “曝光上限”要写在文件开头，第一个 [ ] 部分之前",
            "规则.txt:22: 未知的部分“[未知部分]”：只能是 [题型]、[细目]、[互斥组]",
            "规则.txt:25: 互斥组至少要列出两道题",
            "规则.txt:26: 题号 XD-2 在这一组中重复",
            "规则.txt:27: 题号“坏”无效：题号由字母、数字、“-”和“_”组成",
            "规则.txt:27: 题号“题号”无效：题号由字母、数字、“-”和“_”组成",
            "规则.txt:27: 题号 XD-3 已在第 26 行的互斥组中：同一道题只能在一个互斥组里，请合并这两组",
        ].sorted())
    }

    @Test("Given missing keys and parts, when read, then each is reported for the file as a whole")
    func missing() {
        #expect(issues("用途: 集中考核\n") == [
            "规则.txt: 缺少 [细目] 部分：请列出细目，如“体系建设 | 单选 | 1-3 | 4”",
            "规则.txt: 缺少 [题型] 部分：请列出各题型及每题分值，如“单选 每题 2 分”",
            "规则.txt: 缺少“总分”：请在文件开头写上“总分: …”",
            "规则.txt: 缺少“标题”：请在文件开头写上“标题: …”",
            "规则.txt: 缺少“目标难度”：请在文件开头写上“目标难度: …”",
        ].sorted())
    }

    @Test("Given a repeated key or part, when read, then the repetition is reported with the first line")
    func repeated() {
        let text = header + "总分: 5\n[题型]\n单选 每题 2 分\n[细目]\n甲 | 单选 | 3 | 2\n[题型]\n"
        #expect(issues(text) == ["规则.txt:4: “总分”重复：第 2 行已经写过", "规则.txt:9: [题型] 重复：第 5 行已有这一部分，请合并"].sorted())
    }

    @Test("Given out-of-range target and tolerance, when read, then both are reported")
    func targetRange() {
        let text = "标题: 甲\n总分: 4\n目标难度: 6 ± -1\n[题型]\n单选 每题 2 分\n[细目]\n甲 | 单选 | 3 | 2\n"
        #expect(issues(text) == ["规则.txt:3: 目标难度 6 ± -1 无效：允许偏差不能为负数", "规则.txt:3: 目标难度 6 ± -1 无效：目标值必须在 1–5 之间"].sorted())
    }

    @Test("Given comments and escapes, when read, then an unescaped # ends the line and escaped ones are kept")
    func commentsAndEscapes() throws {
        let text = "标题: 第\\#3期 # 注释\n总分: 4 #注释\n目标难度: 3 ± 1\n[题型]\n单选 每题 2 分\n[细目]\n甲\\|乙 | 单选 | 3 | 2 # 注释\n"
        let blueprint = try BlueprintText.read(text, file: "a.txt").get()
        #expect(blueprint.title == "第#3期")
        #expect(blueprint.cells.first?.knowledgePoint == "甲|乙")
    }
}
