import Foundation
import LianbingCore
import Testing

@testable import LianbingFormats

/// `read(write(qs)) == qs`: the tool can rewrite a bank file without changing a single question.
@Suite("BankText writing and round trip")
struct BankTextRoundTripTests {
    /// One question of each type, with the content most likely to break a line-based format: line breaks,
    /// separators and backslashes, `#` and option-like text at the start of a line, `key: value` inside text.
    static let awkward: [Question] = [
        Question(
            id: "RT-single_1", kind: .singleChoice,
            stem: "第一行：题干里有冒号\n# 这一行以井号开头\nA. 这一行像选项\n答案: 像键的行 | 竖线 / 斜杠 ; 分号 \\ 反斜杠",
            options: ["每季度 | 一次", "#每半年", "每年\n（含节假日）", "C:\\temp\\a.txt"], answer: .choices([1]),
            explanation: "解析第一行\n  \t\n解析第三行：原来的空行去掉了", knowledgePoints: ["队伍建设/学习培训形式", "法规;制度/第1／2条"],
            difficulty: 2, source: "粤退役军人发〔2023〕22号 二（五）19", quote: "原文（站）(站)", tags: ["情景题", "a;b", "c\\d"],
            status: .active, usage: .both),
        Question(
            id: "RT-multi", kind: .multipleChoice, stem: "哪些正确？", options: ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛"],
            answer: .choices([0, 3, 7]), knowledgePoints: ["a/b/c"], difficulty: 5, source: "某法 第3条", status: .draft, usage: .exam),
        Question(
            id: "RT-tf", kind: .trueFalse, stem: "对吗？\n请判断。", answer: .trueFalse(false), explanation: "#不对",
            knowledgePoints: ["判断"], difficulty: 1, source: "s", status: .retired, usage: .practice),
        Question(
            id: "RT-blank", kind: .fillBlank, stem: "比例不少于____，每____至少一次。\n（第二行）",
            answer: .blanks([["三分之一", "1/3", "1|3"], ["半年", "6 个月", "a\\b", "x;y"]]), knowledgePoints: ["队伍建设/人员配备"],
            difficulty: 3, source: "s", tags: ["填空"]),
        Question(
            id: "RT-short", kind: .shortAnswer, stem: "简述要求。",
            answer: .shortAnswer(reference: "第一段；仍是第一段。\n第二段 | 有竖线\n# 第三段", points: ["要点一;含分号", "要点二/含斜杠", "\\要点三"]),
            explanation: "解析", knowledgePoints: ["队伍建设/常态化培训"], difficulty: 4, source: "s", quote: "原文"),
    ]

    @Test("Given one awkward question of each type, when written and read back, then each comes back exactly")
    func roundTripEachType() throws {
        for question in Self.awkward {
            let canonical = BankText.canonical(question)
            let read = try #require(BankText.read(BankText.write([canonical]), file: "rt.txt").value)
            #expect(read.issues == [], "\(question.id)")
            #expect(read.questions.map(\.question) == [canonical], "\(question.id)")
        }
    }

    @Test("Given drafts lacking what marking needs, as Moodle imports make them, when written and read back, then each comes back exactly")
    func draftsWithoutGradingRoundTrip() throws {
        let drafts = [
            Question(
                id: "RT-draft-essay", kind: .shortAnswer, stem: "简述。", answer: .shortAnswer(reference: "", points: []),
                knowledgePoints: ["a"], difficulty: 3, source: "s", status: .draft),
            Question(
                id: "RT-draft-blank", kind: .fillBlank, stem: "简称是____。", answer: .blanks([[]]), knowledgePoints: ["a"], difficulty: 3,
                source: "s", status: .draft),
            Question(
                id: "RT-draft-blanks", kind: .fillBlank, stem: "____、____和____。", answer: .blanks([["甲"], [], ["丙"]]),
                knowledgePoints: ["a"], difficulty: 3, source: "s", status: .draft),
        ]
        let read = try #require(BankText.read(BankText.write(drafts), file: "rt.txt").value)
        #expect(read.issues == [])
        #expect(read.questions.map(\.question) == drafts)
        var active = drafts[0]
        active.status = .active
        #expect(BankText.read(BankText.write([active]), file: "rt.txt").value?.issues.isEmpty == false, "only a draft may lack them")
    }

    @Test("Given all of them in one file, when written and read back, then the list comes back in order with its lines")
    func roundTripTogether() throws {
        let questions = Self.awkward.map(BankText.canonical)
        let data = BankText.write(questions)
        let read = try #require(BankText.read(data, file: "rt.txt").value)
        #expect(read.issues == [])
        #expect(read.questions.map(\.question) == questions)
        // Each question's line is the line of its 题号.
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for located in read.questions { #expect(lines[located.line - 1] == "题号: \(located.question.id)") }
    }

    @Test("Given canonical questions, when canonicalised again, then nothing changes")
    func canonicalIsIdempotent() {
        for question in Self.awkward {
            let once = BankText.canonical(question)
            #expect(BankText.canonical(once) == once)
        }
    }

    @Test("Given questions that are already canonical, when written and read, then they equal the originals themselves")
    func exactForCanonicalInput() throws {
        let questions = Array(Self.awkward[1...])  // the first has untrimmed lines on purpose
        #expect(questions.map(BankText.canonical) == questions)
        let read = try #require(BankText.read(BankText.write(questions), file: "rt.txt").value)
        #expect(read.questions.map(\.question) == questions)
    }

    @Test("Given untidy whitespace, when canonicalised, then lines are trimmed, empty lines and entries dropped, variants joined")
    func canonicalForm() {
        let question = Question(
            id: " X1 ", kind: .fillBlank, stem: "  甲____ \r\n\n  乙  ", answer: .blanks([[" 一 ", "二\n三"], []]),
            explanation: "\n\n", knowledgePoints: [" a / b ", "", "c\nd"], difficulty: 1, source: " s\t", tags: ["", " t "])
        let canonical = BankText.canonical(question)
        #expect(canonical.id == "X1")
        #expect(canonical.stem == "甲____\n乙")
        #expect(canonical.answer == .blanks([["一", "二 三"], [""]]))
        #expect(canonical.explanation == "")
        #expect(canonical.knowledgePoints == ["a/b", "c", "d"])
        #expect(canonical.source == "s")
        #expect(canonical.tags == ["t"])
    }

    @Test("Given the README's 单选 example, when read and written, then the output is the canonical layout")
    func canonicalLayout() throws {
        let text = """
            题号: XD19-001
            题型: 单选
            知识点: 队伍建设/学习培训形式
            难度: 2
            用途: 通用
            状态: 启用
            标签: 情景题
            出处: 粤退役军人发〔2023〕22号 二（五）19
            题干: 该站至少多长时间组织一次工作人员业务培训？
            A. 每季度
            B. 每半年
            C. 每年
            答案: B
            解析: 行动计划第19项。

            """
        let question = try #require(BankText.read(Data(text.utf8), file: "a.txt").value?.questions.first?.question)
        let written = String(decoding: BankText.write([question]), as: UTF8.self)
        // 用途 通用 and 状态 启用 are the defaults and are left out.
        #expect(
            written == """
                题号: XD19-001
                题型: 单选
                知识点: 队伍建设/学习培训形式
                难度: 2
                标签: 情景题
                出处: 粤退役军人发〔2023〕22号 二（五）19
                题干: 该站至少多长时间组织一次工作人员业务培训？
                A. 每季度
                B. 每半年
                C. 每年
                答案: B
                解析: 行动计划第19项。

                """)
    }

    @Test("Given multi-line values and escapes, when written, then they use indented lines and backslashes as documented")
    func writtenForm() {
        let written = String(decoding: BankText.write([Self.awkward[4], Self.awkward[3]]), as: UTF8.self)
        #expect(
            written == """
                题号: RT-short
                题型: 简答
                知识点: 队伍建设/常态化培训
                难度: 4
                出处: s
                原文: 原文
                题干: 简述要求。
                参考答案:
                  第一段；仍是第一段。
                  第二段 | 有竖线
                  # 第三段
                评分要点:
                  要点一\\;含分号
                  要点二/含斜杠
                  \\\\要点三
                解析: 解析

                题号: RT-blank
                题型: 填空
                知识点: 队伍建设/人员配备
                难度: 3
                标签: 填空
                出处: s
                题干:
                  比例不少于____，每____至少一次。
                  （第二行）
                答案: 三分之一/1\\/3/1\\|3|半年/6 个月/a\\\\b/x;y

                """)
    }

    @Test("Given written output, when inspected, then it is UTF-8 without BOM and with LF line ends only")
    func encoding() {
        let data = BankText.write(Self.awkward.map(BankText.canonical))
        #expect(!data.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(!data.contains(0x0D))
        #expect(String(data: data, encoding: .utf8) != nil)
        #expect(data.last == 0x0A)
        #expect(!String(decoding: data, as: UTF8.self).contains("\n\n\n"))
    }

    @Test("Given control characters in a question, when written, then the file still reads and they are gone")
    func controlCharacters() throws {
        var question = Self.awkward[2]
        question.stem = "对\u{07}吗\u{0B}？"
        let read = try #require(BankText.read(BankText.write([question]), file: "c.txt").value)
        #expect(read.questions.first?.question.stem == "对吗？")
    }
}
