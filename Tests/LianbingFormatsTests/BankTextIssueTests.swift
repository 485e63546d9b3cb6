import Foundation
import LianbingCore
import Testing

@testable import LianbingFormats

/// Problems of one question, each at the line the author has to fix.
@Suite("BankText problems")
struct BankTextIssueTests {
    /// A valid 单选 question, one line per entry; tests replace or add lines. Line numbers are index + 1.
    private static let single = [
        "题号: S-1", "题型: 单选", "知识点: 队伍建设/培训", "难度: 2", "出处: 某文件 一（一）", "题干: 多久培训一次？",
        "A. 每季度", "B. 每半年", "C. 每年", "答案: B",
    ]

    private func read(_ lines: [String]) -> QuestionImport {
        let result = BankText.read(Data((lines.joined(separator: "\n") + "\n").utf8), file: "q.txt")
        guard case .success(let read) = result else {
            Issue.record("refused: \(result)")
            return QuestionImport()
        }
        return read
    }

    /// The single issue of `lines`, checked to be at `line` and to mention `words`; the question must be rejected.
    private func expectOneIssue(
        _ lines: [String], at line: Int, mentioning words: String..., sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let read = read(lines)
        #expect(read.questions.isEmpty, "a question with a problem must not be returned", sourceLocation: sourceLocation)
        #expect(read.issues.count == 1, "\(read.issues)", sourceLocation: sourceLocation)
        guard let issue = read.issues.first else { return }
        #expect(issue.file == "q.txt", sourceLocation: sourceLocation)
        #expect(issue.line == line, "\(issue)", sourceLocation: sourceLocation)
        for word in words { #expect(issue.reason.contains(word), "\(issue.reason)", sourceLocation: sourceLocation) }
    }

    private func replacing(_ prefix: String, with line: String?, in lines: [String] = single) -> [String] {
        lines.compactMap { $0.hasPrefix(prefix) ? line : $0 }
    }

    @Test("Given the base question, when read, then it parses: the other tests change one thing each")
    func baseIsValid() {
        let read = read(Self.single)
        #expect(read.issues == [])
        #expect(read.questions.count == 1)
    }

    @Test("Given an unknown key, when read, then it is reported at its line with the valid keys")
    func unknownKey() {
        expectOneIssue(Self.single + ["备注: 随便"], at: 11, mentioning: "未知的键“备注”", "题干")
    }

    @Test("Given a required key missing, when read, then it is reported at the 题号 line", arguments: ["题型", "知识点", "难度", "出处", "题干", "答案"])
    func missingKey(key: String) {
        let lines = ["# 注释"] + replacing(key + ":", with: nil)
        let read = read(lines)
        #expect(read.questions.isEmpty)
        #expect(read.issues.contains { $0.line == 2 && $0.reason == "缺少“\(key)”" }, "\(read.issues)")
    }

    @Test("Given a bad 题型, when read, then it is reported at its line")
    func badKind() {
        expectOneIssue(replacing("题型", with: "题型: 问答"), at: 2, mentioning: "题型“问答”无效")
    }

    @Test("Given a bad 用途, when read, then it is reported at its line")
    func badUsage() {
        expectOneIssue(Self.single + ["用途: 比赛"], at: 11, mentioning: "用途“比赛”无效", "考试")
    }

    @Test("Given a bad 状态, when read, then it is reported at its line")
    func badStatus() {
        expectOneIssue(Self.single + ["状态: 删除"], at: 11, mentioning: "状态“删除”无效", "草稿")
    }

    @Test("Given a 难度 that is not 1 to 5, when read, then it is reported at its line", arguments: ["0", "6", "二", "2.5", "-1"])
    func badDifficulty(value: String) {
        expectOneIssue(replacing("难度", with: "难度: \(value)"), at: 4, mentioning: "难度“\(value)”无效")
    }

    @Test("Given an answer letter with no option, when read, then it is reported at the 答案 line")
    func missingOptionLetter() {
        expectOneIssue(replacing("答案", with: "答案: D"), at: 10, mentioning: "选项 D 不存在", "A–C")
    }

    @Test("Given an answer that is not letters, when read, then it is reported at the 答案 line", arguments: ["是B", "BB", "Z"])
    func answerNotLetters(value: String) {
        expectOneIssue(replacing("答案", with: "答案: \(value)"), at: 10, mentioning: "答案“\(value)”无效")
    }

    @Test("Given a 判断 answer other than 正确/错误/对/错, when read, then it is reported at the 答案 line")
    func badTrueFalse() {
        let lines = ["题号: T-1", "题型: 判断", "知识点: a/b", "难度: 1", "出处: s", "题干: 对吗？", "答案: 是"]
        expectOneIssue(lines, at: 7, mentioning: "判断题答案“是”无效", "正确 或 错误")
    }

    @Test("Given a 填空 answer whose blank count differs from the ____ runs of the stem, when read, then it is reported at the 答案 line")
    func blankCountMismatch() {
        let lines = ["题号: F-1", "题型: 填空", "知识点: a/b", "难度: 1", "出处: s", "题干: 甲____乙________丙___", "答案: 一|二|三"]
        // ___ (three underscores) is not a blank; ________ is one.
        expectOneIssue(lines, at: 7, mentioning: "答案有 3 个空", "题干中有 2 处空")
    }

    @Test("Given option lines in a 判断 question, when read, then the first is reported at its line")
    func optionsInTrueFalse() {
        let lines = ["题号: T-2", "题型: 判断", "知识点: a/b", "难度: 1", "出处: s", "题干: 对吗？", "A. 对", "B. 错", "答案: 对"]
        expectOneIssue(lines, at: 7, mentioning: "判断题不应有选项")
    }

    @Test("Given a key twice in one question, when read, then the second is reported, naming the first")
    func duplicateKey() {
        expectOneIssue(Self.single + ["题干: 又一个题干"], at: 11, mentioning: "“题干”重复", "第 6 行")
    }

    @Test("Given an option letter twice, when read, then the second is reported, naming the first")
    func duplicateOption() {
        expectOneIssue(Self.single + ["B. 又一个"], at: 11, mentioning: "选项 B 重复", "第 8 行")
    }

    @Test("Given options out of order, when read, then the first misplaced one is reported")
    func optionsOutOfOrder() {
        let lines = replacing("B.", with: "D. 每半年")
        expectOneIssue(lines, at: 8, mentioning: "这里是 D，应为 B")
    }

    @Test("Given an option past H, when read, then it is reported")
    func optionPastH() {
        expectOneIssue(Self.single + ["I. 第九个"], at: 11, mentioning: "选项 I 超出范围")
    }

    @Test("Given a block that does not start with 题号, when read, then its first line is reported, once")
    func notStartingWithID() {
        let lines = ["题型: 单选", "题号: S-2"] + Self.single.dropFirst(2)
        expectOneIssue(lines, at: 1, mentioning: "应以“题号”开头")
    }

    @Test("Given two questions without a blank line between them, when read, then the first is kept and the second reported")
    func missingBlankLine() {
        let second = replacing("题号", with: "题号: S-2")
        let read = read(Self.single + second)
        #expect(read.questions.map(\.question.id) == ["S-1"])
        #expect(read.issues.map(\.line) == [11])
        #expect(read.issues.first?.reason.contains("缺少空行") == true)
    }

    @Test("Given an indented line after a blank line, when read, then it is reported as a continuation of nothing")
    func strayContinuation() {
        let read = read(Self.single + ["", "  孤立的续行", "", "  另一行"])
        #expect(read.questions.count == 1)
        #expect(read.issues.map(\.line) == [12, 14])
        #expect(read.issues.allSatisfy { $0.reason.contains("续行") })
    }

    @Test("Given an indented first line of a file, when read, then it is reported as a continuation of nothing")
    func strayContinuationAtStart() {
        let read = read(["  题号: X"] + Self.single.dropFirst())
        #expect(read.issues.map(\.line) == [1, 2])
        #expect(read.issues.first?.reason.contains("续行") == true)
        #expect(read.issues.last?.reason.contains("应以“题号”开头") == true)
    }

    @Test("Given prose that lost its indentation, when read, then it is reported as unrecognised at its line")
    func unrecognisedLine() {
        let lines = Array(Self.single[..<6]) + ["根据《退役军人保障法》的规定：以下哪项正确"] + Self.single[6...]
        expectOneIssue(lines, at: 7, mentioning: "无法识别这一行", "两个空格")
    }

    @Test("Given an invalid 题号, when read, then it is reported at its line")
    func invalidID() {
        expectOneIssue(replacing("题号", with: "题号: 第一题"), at: 1, mentioning: "题号“第一题”无效")
    }

    @Test("Given an empty required value, when read, then it is reported at its line")
    func emptyValue() {
        expectOneIssue(replacing("出处", with: "出处:"), at: 5, mentioning: "“出处”为空")
    }

    @Test("Given a 单选 with no options, when read, then the missing options are reported at the 题号 line")
    func choiceWithoutOptions() {
        expectOneIssue(Self.single.filter { !$0.hasPrefix("A.") && !$0.hasPrefix("B.") && !$0.hasPrefix("C.") }, at: 1, mentioning: "缺少选项")
    }

    @Test("Given 简答 written with 答案, when read, then 答案 is reported at its line")
    func shortAnswerWithAnswer() {
        let lines = ["题号: J-1", "题型: 简答", "知识点: a/b", "难度: 3", "出处: s", "题干: 说说", "答案: 这样", "参考答案: 这样", "评分要点: 一"]
        expectOneIssue(lines, at: 7, mentioning: "简答题不用“答案”")
    }

    @Test("Given 参考答案 in a 单选, when read, then it is reported at its line")
    func referenceInChoice() {
        expectOneIssue(Self.single + ["参考答案: 每半年"], at: 11, mentioning: "只有简答题使用“参考答案”")
    }

    @Test("Given 简答 without 评分要点, when read, then it is reported at the 题号 line")
    func shortAnswerWithoutPoints() {
        let lines = ["题号: J-2", "题型: 简答", "知识点: a/b", "难度: 3", "出处: s", "题干: 说说", "参考答案: 这样"]
        expectOneIssue(lines, at: 1, mentioning: "缺少“评分要点”")
    }

    @Test("Given several problems in one question, when read, then every one is reported, sorted by line")
    func everyProblem() {
        let lines = replacing("难度", with: "难度: 9") + ["备注: x", "题型: 多选"]
        let read = read(replacing("题型", with: "题型: 单选题", in: lines))
        #expect(read.issues.map(\.line) == [4, 11, 12])
    }

    @Test("Given a value over the size limit, when read, then it is reported once at its line and not quoted whole")
    func valueTooLong() {
        let long = String(repeating: "长", count: BankText.maxValueBytes / 3 + 10)
        expectOneIssue(replacing("题干", with: "题干: " + long), at: 6, mentioning: "内容过长")
        let read = read(replacing("题干", with: "题干: " + long))
        #expect((read.issues.first?.reason.count ?? .max) < 200)
    }

    @Test("Given a value that grows past the limit over continuation lines, when read, then the crossing line is reported")
    func continuationTooLong() {
        let chunk = "  " + String(repeating: "x", count: 1_000)
        let lines = Array(Self.single[..<6]) + Array(repeating: chunk, count: 70) + Self.single[6...]
        let read = read(lines)
        #expect(read.questions.isEmpty)
        #expect(read.issues.count == 1)
        #expect(read.issues.first?.line == 6 + 66)
    }
}
