import Foundation
import LianbingCore
import Testing

@testable import LianbingFormats

/// Reads `text` as the bank file `bank.txt`; nil when the file as a whole is refused.
private func bankRead(_ text: String) -> QuestionImport? { BankText.read(Data(text.utf8), file: "bank.txt").value }

/// The README's examples, copied verbatim: the format's own documentation must parse.
private let readmeChoiceExample = """
    # 队伍建设 · 常态化培训
    题号: XD19-001
    题型: 单选
    知识点: 队伍建设/学习培训形式
    难度: 2
    用途: 通用
    状态: 启用
    标签: 情景题
    出处: 粤退役军人发〔2023〕22号 二（五）19
    原文: 辖区退役军人较多、任务较重的退役军人服务中心（站），可采取举办专题培训班、以会代训、组织观摩、实践教学等方式，每半年至少组织一次工作人员业务培训。
    题干: 某镇退役军人服务站辖区退役军人较多、任务较重。按照行动计划，该站至少多长时间组织一次工作人员业务培训？
    A. 每季度
    B. 每半年
    C. 每年
    D. 每两年
    答案: B
    解析: 行动计划第19项要求此类服务中心（站）“每半年至少组织一次工作人员业务培训”。

    """

private let readmeBlankAndShortExample = """
    题号: XD17-004
    题型: 填空
    知识点: 队伍建设/人员配备
    难度: 2
    出处: 粤退役军人发〔2023〕22号 二（五）17
    原文: 提升录用退役军人比例(退役军人和其他优抚对象比例原则上不少于三分之一)，提升法律、信息化等专业人才比例。
    题干: 服务中心（站）工作人员中，退役军人和其他优抚对象比例原则上不少于____。
    答案: 三分之一/1\\/3
    解析: 行动计划第17项。

    题号: XD18-010
    题型: 简答
    知识点: 队伍建设/常态化培训
    难度: 4
    用途: 考试
    出处: 粤退役军人发〔2023〕22号 二（五）18
    题干: 行动计划对建立常态化培训机制提出了哪些要求？
    参考答案:
      组织编撰教材，统一培训内容与标准；分层分类开展常态化、制度化培训；对基层工作人员进行定期“滚动式”全覆盖培训；组建省市县三级专家库；鼓励考取“退役军人事务员”职业资格，探索“持证上岗”。
    评分要点:
      统一教材、内容与标准
      分层分类常态化制度化培训
      基层“滚动式”全覆盖培训
      省市县三级专家库
      “退役军人事务员”职业资格与“持证上岗”
    解析: 行动计划第18项。

    """

@Suite("BankText reading")
struct BankTextReadTests {
    @Test("Given the README's 单选 example, when read, then every key lands in the model and the line is the 题号's")
    func readmeChoice() throws {
        let read = try #require(bankRead(readmeChoiceExample))
        #expect(read.issues == [])
        let expected = Question(
            id: "XD19-001", kind: .singleChoice,
            stem: "某镇退役军人服务站辖区退役军人较多、任务较重。按照行动计划，该站至少多长时间组织一次工作人员业务培训？",
            options: ["每季度", "每半年", "每年", "每两年"], answer: .choices([1]),
            explanation: "行动计划第19项要求此类服务中心（站）“每半年至少组织一次工作人员业务培训”。",
            knowledgePoints: ["队伍建设/学习培训形式"], difficulty: 2, source: "粤退役军人发〔2023〕22号 二（五）19",
            quote: "辖区退役军人较多、任务较重的退役军人服务中心（站），可采取举办专题培训班、以会代训、组织观摩、实践教学等方式，每半年至少组织一次工作人员业务培训。",
            tags: ["情景题"], status: .active, usage: .both)
        #expect(read.questions == [LocatedQuestion(question: expected, file: "bank.txt", line: 2)])
    }

    @Test("Given the README's 填空 and 简答 examples, when read, then the escaped slash is literal and the points are one per line")
    func readmeBlankAndShort() throws {
        let read = try #require(bankRead(readmeBlankAndShortExample))
        #expect(read.issues == [])
        #expect(read.questions.map(\.line) == [1, 11])
        let blank = try #require(read.questions.first?.question)
        #expect(blank.kind == .fillBlank)
        #expect(blank.answer == .blanks([["三分之一", "1/3"]]))
        #expect(blank.quote.hasPrefix("提升录用退役军人比例(退役军人"))
        let short = try #require(read.questions.last?.question)
        #expect(short.usage == .exam)
        #expect(
            short.answer
                == .shortAnswer(
                    reference:
                        "组织编撰教材，统一培训内容与标准；分层分类开展常态化、制度化培训；对基层工作人员进行定期“滚动式”全覆盖培训；组建省市县三级专家库；鼓励考取“退役军人事务员”职业资格，探索“持证上岗”。",
                    points: ["统一教材、内容与标准", "分层分类常态化制度化培训", "基层“滚动式”全覆盖培训", "省市县三级专家库", "“退役军人事务员”职业资格与“持证上岗”"]))
        #expect(short.explanation == "行动计划第18项。")
    }

    @Test("Given both README examples in one file, when read, then all three questions parse")
    func readmeTogether() {
        let read = bankRead(readmeChoiceExample + "\n" + readmeBlankAndShortExample)
        #expect(read?.issues == [])
        #expect(read?.questions.map(\.question.id) == ["XD19-001", "XD17-004", "XD18-010"])
        #expect(read?.questions.map(\.line) == [2, 19, 29])
    }

    @Test("Given full-width colons, 、 and ． option marks and CRLF line ends, when read, then they read as the ASCII forms")
    func fullWidthForms() throws {
        let text = [
            "题号：M-1", "题型：多选", "知识点：接访/流程;  走访/慰问 ;", "难度：3", "出处：某法 第3条", "题干：下列哪些正确？",
            "A、甲", "B．乙", "C. 丙", "D、丁", "答案：A, C D", "",
        ].joined(separator: "\r\n")
        let question = try #require(bankRead(text)?.questions.first?.question)
        #expect(question.kind == .multipleChoice)
        #expect(question.options == ["甲", "乙", "丙", "丁"])
        #expect(question.answer == .choices([0, 2, 3]))
        #expect(question.knowledgePoints == ["接访/流程", "走访/慰问"])
    }

    @Test("Given 判断 answers 正确/错误/对/错, when read, then they are true or false")
    func trueFalseWords() {
        for (word, value) in [("正确", true), ("对", true), ("错误", false), ("错", false)] {
            let text = "题号: T1\n题型: 判断\n知识点: a/b\n难度: 1\n出处: s\n题干: 问\n答案: \(word)\n"
            #expect(bankRead(text)?.questions.first?.question.answer == .trueFalse(value), "\(word)")
        }
    }

    @Test("Given comments inside a block and between values, when read, then they neither end the question nor break a value")
    func commentsAreInvisible() throws {
        let text = """
            # 文件头注释
            题号: C1
            # 题型写在这里
            题型: 简答
            知识点: a/b
            难度: 1
            出处: s
            题干: 第一行
            # 注释不打断续行
              第二行
            参考答案: 答
            评分要点: 甲;乙\\;丙
              丁
            """
        let read = try #require(bankRead(text))
        #expect(read.issues == [])
        let question = try #require(read.questions.first?.question)
        #expect(question.stem == "第一行\n第二行")
        #expect(question.answer == .shortAnswer(reference: "答", points: ["甲", "乙;丙", "丁"]))
        #expect(read.questions.first?.line == 2)
    }

    @Test("Given escapes in answers, knowledge points and tags, when read, then they are unescaped; an escaped / in a knowledge point becomes ／")
    func escapes() throws {
        let text = """
            题号: E1
            题型: 填空
            知识点: 法规\\;制度/第1\\/2条;  甲 / 乙
            标签: a\\;b;c\\\\d;e\\|f;C:\\temp
            难度: 2
            出处: s
            题干: 填 ____ 和 ____。
            答案: x\\|y/z\\/w | \\\\/ v
            """
        let read = try #require(bankRead(text))
        #expect(read.issues == [])
        let question = try #require(read.questions.first?.question)
        #expect(question.knowledgePoints == ["法规;制度/第1／2条", "甲/乙"])
        #expect(question.tags == ["a;b", "c\\d", "e|f", "C:\\temp"])
        #expect(question.answer == .blanks([["x|y", "z/w"], ["\\", "v"]]))
    }

    @Test("Given 填空 blanks on continuation lines, when read, then each line is a blank")
    func blanksPerLine() {
        let text = "题号: F1\n题型: 填空\n知识点: a/b\n难度: 1\n出处: s\n题干: ____、________\n答案:\n  甲/乙\n  丙\n"
        #expect(bankRead(text)?.questions.first?.question.answer == .blanks([["甲", "乙"], ["丙"]]))
    }

    @Test("Given values with surrounding spaces, tabs and ideographic spaces, when read, then they are trimmed line by line")
    func trimming() throws {
        let text = "题号:   T2  \n题型: 判断\t\n知识点: a/b\n难度:  1 \n出处:\u{3000}某法\u{3000}\n题干:  问题  \n  \t续行  \n解析:\n答案: 对\n"
        let question = try #require(bankRead(text)?.questions.first?.question)
        #expect(question.id == "T2")
        #expect(question.source == "某法")
        #expect(question.stem == "问题\n续行")
        #expect(question.explanation == "")
    }

    @Test("Given 用途, 状态 and 难度 values, when read, then the labels map to the model")
    func usageStatusDifficulty() throws {
        let text = "题号: U1\n题型: 判断\n知识点: a/b\n难度: 5\n用途: 练习\n状态: 草稿\n出处: s\n题干: 问\n答案: 错\n"
        let question = try #require(bankRead(text)?.questions.first?.question)
        #expect(question.usage == .practice)
        #expect(question.status == .draft)
        #expect(question.difficulty == 5)
    }

    @Test("Given a file of comments and blank lines only, when read, then it has no questions and no issues")
    func onlyComments() {
        let read = bankRead("# 只有注释\n\n# 还是注释\n\n")
        #expect(read?.questions.isEmpty == true)
        #expect(read?.issues == [])
    }

    @Test("Given a good question after a bad one, when read, then the good one is still returned")
    func badDoesNotSpoilGood() {
        let text = "题号: BAD\n题型: 单选\n\n题号: OK1\n题型: 判断\n知识点: a/b\n难度: 1\n出处: s\n题干: 问\n答案: 对\n"
        let read = bankRead(text)
        #expect(read?.questions.map(\.question.id) == ["OK1"])
        #expect(read?.questions.first?.line == 4)
        #expect(read?.issues.isEmpty == false)
        #expect(read?.issues.allSatisfy { $0.line == 1 } == true)
    }
}
