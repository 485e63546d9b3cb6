import LianbingCore
import Testing

/// Questions for the validator tests, in a namespace so the helpers cannot clash with other suites' in this target.
enum BankValidatorFixture {
    /// A valid question of `kind`; tests change one thing at a time.
    static func question(_ kind: QuestionKind, id: String = "V-1", knowledgePoint: String = "队伍建设/培训") -> Question {
        let answer: Answer =
            switch kind {
            case .singleChoice: .choices([1])
            case .multipleChoice: .choices([0, 2])
            case .trueFalse: .trueFalse(true)
            case .fillBlank: .blanks([["三分之一", "1/3"]])
            case .shortAnswer: .shortAnswer(reference: "参考答案", points: ["要点一", "要点二"])
            }
        return Question(
            id: id, kind: kind, stem: kind == .fillBlank ? "比例不少于____。" : "题干：\(kind.label)？",
            options: kind == .singleChoice ? ["每季度", "每半年", "每年"] : kind == .multipleChoice ? ["甲", "乙", "丙", "丁"] : [],
            answer: answer, knowledgePoints: [knowledgePoint], difficulty: 3, source: "粤退役军人发〔2023〕22号 二（五）17")
    }

    static func located(_ question: Question, file: String = "a.txt", line: Int = 1) -> LocatedQuestion {
        LocatedQuestion(question: question, file: file, line: line)
    }
}

@Suite("BankValidator errors")
struct BankValidatorTests {
    /// The errors of `question` alone (plus a twin of each type so no knowledge point is lonely).
    private func errors(_ question: Question) -> [ImportIssue] {
        BankValidator.validate([BankValidatorFixture.located(question, line: 7)]).errors
    }

    private func expectError(_ question: Question, mentioning words: String..., sourceLocation: SourceLocation = #_sourceLocation) {
        let errors = errors(question)
        #expect(errors.count == 1, "\(errors)", sourceLocation: sourceLocation)
        guard let error = errors.first else { return }
        #expect(error.file == "a.txt" && error.line == 7, sourceLocation: sourceLocation)
        #expect(error.reason.hasPrefix(question.id + " "), "\(error.reason)", sourceLocation: sourceLocation)
        for word in words { #expect(error.reason.contains(word), "\(error.reason)", sourceLocation: sourceLocation) }
    }

    @Test("Given a valid question of each type, when validated, then there are no errors", arguments: QuestionKind.allCases)
    func valid(kind: QuestionKind) {
        #expect(errors(BankValidatorFixture.question(kind)) == [])
    }

    @Test("Given the same 题号 in two files, when validated, then the later one is reported, naming the first place")
    func duplicateIDs() {
        let report = BankValidator.validate([
            BankValidatorFixture.located(BankValidatorFixture.question(.trueFalse, id: "D-1"), file: "b.txt", line: 3),
            BankValidatorFixture.located(BankValidatorFixture.question(.singleChoice, id: "D-1"), file: "a.txt", line: 10),
            BankValidatorFixture.located(BankValidatorFixture.question(.fillBlank, id: "D-2"), file: "a.txt", line: 20),
        ])
        #expect(report.errors == [ImportIssue(file: "b.txt", line: 3, reason: "题号 D-1 重复：a.txt 第 10 行已使用这个题号")])
    }

    @Test("Given a 题号 used three times, when validated, then both later uses name the first")
    func tripleID() {
        let report = BankValidator.validate((1...3).map { BankValidatorFixture.located(BankValidatorFixture.question(.trueFalse, id: "T"), line: $0 * 10) })
        #expect(report.errors.map(\.line) == [20, 30])
        #expect(report.errors.allSatisfy { $0.reason.contains("a.txt 第 10 行") })
    }

    @Test("Given no source, when validated, then it is an error")
    func missingSource() {
        var question = BankValidatorFixture.question(.trueFalse)
        question.source = "  "
        expectError(question, mentioning: "缺少出处")
    }

    @Test("Given an empty stem, when validated, then it is an error")
    func emptyStem() {
        var question = BankValidatorFixture.question(.shortAnswer)
        question.stem = "\n "
        expectError(question, mentioning: "题干为空")
    }

    @Test("Given an invalid 题号, when validated, then it is an error")
    func invalidID() {
        expectError(BankValidatorFixture.question(.trueFalse, id: "题 1"), mentioning: "题号无效")
    }

    @Test("Given too few options, when validated, then the minimum for the type is named")
    func tooFewOptions() {
        var single = BankValidatorFixture.question(.singleChoice)
        single.options = ["甲", "乙"]
        expectError(single, mentioning: "单选题至少要有 3 个选项，现有 2 个")
        var multiple = BankValidatorFixture.question(.multipleChoice)
        multiple.options = ["甲", "乙", "丙"]
        expectError(multiple, mentioning: "多选题至少要有 4 个选项，现有 3 个")
    }

    @Test("Given nine options, when validated, then there are too many")
    func tooManyOptions() {
        var question = BankValidatorFixture.question(.multipleChoice)
        question.options = (1...9).map { "选项\($0)" }
        expectError(question, mentioning: "选项过多", "现有 9 个")
    }

    @Test("Given an answer pointing past the options, when validated, then the missing letter is named")
    func answerPastOptions() {
        var question = BankValidatorFixture.question(.singleChoice)
        question.answer = .choices([3])
        expectError(question, mentioning: "不存在的选项 D")
    }

    @Test("Given a 单选 with no or two answers, when validated, then it needs exactly one", arguments: [[Int](), [0, 1]])
    func singleAnswerCount(indexes: [Int]) {
        var question = BankValidatorFixture.question(.singleChoice)
        question.answer = .choices(indexes)
        expectError(question, mentioning: "单选题应恰有 1 个正确答案，现有 \(indexes.count) 个")
    }

    @Test("Given a 多选 with one answer, when validated, then it needs two")
    func multipleWithOne() {
        var question = BankValidatorFixture.question(.multipleChoice)
        question.answer = .choices([2])
        expectError(question, mentioning: "多选题至少要有 2 个正确答案")
    }

    @Test("Given a 多选 with every option correct, when validated, then it is an error")
    func multipleAllCorrect() {
        var question = BankValidatorFixture.question(.multipleChoice)
        question.answer = .choices([0, 1, 2, 3])
        expectError(question, mentioning: "不能所有选项都正确")
    }

    @Test("Given a 填空 with an empty variant, when validated, then the blank is named", arguments: [[["甲", ""]], [["  "]], [[]]])
    func emptyVariant(blanks: [[String]]) {
        var question = BankValidatorFixture.question(.fillBlank)
        question.answer = .blanks(blanks)
        expectError(question, mentioning: "第 1 个空有空白的答案")
    }

    @Test("Given a 填空 without blanks in the answer, when validated, then it is an error")
    func noBlanksInAnswer() {
        var question = BankValidatorFixture.question(.fillBlank)
        question.answer = .blanks([])
        expectError(question, mentioning: "填空题没有答案")
    }

    @Test("Given a 填空 whose stem has no ____, when validated, then it is an error")
    func noBlanksInStem() {
        var question = BankValidatorFixture.question(.fillBlank)
        question.stem = "比例不少于___。"
        expectError(question, mentioning: "题干中没有空")
    }

    @Test("Given a 填空 whose answer and stem disagree on the number of blanks, when validated, then it is an error")
    func blankCountMismatch() {
        var question = BankValidatorFixture.question(.fillBlank)
        question.stem = "____ 和 ____"
        expectError(question, mentioning: "答案有 1 个空，题干中有 2 处空")
    }

    @Test("Given a 简答 without scoring points, when validated, then it is an error", arguments: [[String](), ["", " "]])
    func noScoringPoints(points: [String]) {
        var question = BankValidatorFixture.question(.shortAnswer)
        question.answer = .shortAnswer(reference: "答", points: points)
        expectError(question, mentioning: "缺少评分要点")
    }

    @Test("Given a 简答 with an empty reference answer, when validated, then it is an error")
    func emptyReference() {
        var question = BankValidatorFixture.question(.shortAnswer)
        question.answer = .shortAnswer(reference: "", points: ["要点"])
        expectError(question, mentioning: "参考答案为空")
    }

    @Test("Given a difficulty outside 1–5, when validated, then it is an error", arguments: [0, 6, -3])
    func difficulty(value: Int) {
        var question = BankValidatorFixture.question(.trueFalse)
        question.difficulty = value
        expectError(question, mentioning: "难度 \(value) 超出范围")
    }

    @Test("Given no knowledge point, when validated, then it is an error", arguments: [[String](), [""], ["  "]])
    func noKnowledgePoint(points: [String]) {
        var question = BankValidatorFixture.question(.trueFalse)
        question.knowledgePoints = points
        expectError(question, mentioning: "缺少知识点")
    }

    @Test("Given a knowledge point with an empty level, when validated, then it is named", arguments: ["a//b", "/a", "a/", "a/ /b"])
    func emptyLevel(point: String) {
        var question = BankValidatorFixture.question(.trueFalse)
        question.knowledgePoints = [point]
        expectError(question, mentioning: "知识点“\(point)”有空的层级")
    }

    @Test("Given two options that differ only in width, spaces or a final full stop, when validated, then they are duplicates")
    func duplicateOptions() {
        var question = BankValidatorFixture.question(.singleChoice)
        question.options = ["每季度", "每年", " 每 年。"]
        expectError(question, mentioning: "选项 C 与选项 B 相同")
        question.options = ["ABC", "ａｂｃ", "x"]
        expectError(question, mentioning: "选项 B 与选项 A 相同")
    }

    @Test("Given options that differ in inner punctuation, when validated, then they are not duplicates")
    func distinctOptions() {
        var question = BankValidatorFixture.question(.singleChoice)
        question.options = ["1/3", "13", "1:3"]
        #expect(errors(question) == [])
    }

    @Test("Given an answer of the wrong form for the type, when validated, then it is an error")
    func answerKindMismatch() {
        var question = BankValidatorFixture.question(.trueFalse)
        question.answer = .choices([0])
        expectError(question, mentioning: "答案的形式与题型“判断”不符")
    }

    @Test("Given options on a 判断, when validated, then it is an error")
    func optionsOnTrueFalse() {
        var question = BankValidatorFixture.question(.trueFalse)
        question.options = ["对", "错"]
        expectError(question, mentioning: "判断题不应有选项")
    }

    @Test("Given several problems in several questions, when validated, then all are reported sorted by file and line")
    func sortedErrors() {
        var first = BankValidatorFixture.question(.singleChoice, id: "S-1")
        first.source = ""
        first.difficulty = 9
        var second = BankValidatorFixture.question(.trueFalse, id: "S-2")
        second.stem = ""
        let report = BankValidator.validate([BankValidatorFixture.located(second, file: "b.txt", line: 1), BankValidatorFixture.located(first, file: "a.txt", line: 5)])
        #expect(report.errors.map(\.file) == ["a.txt", "a.txt", "b.txt"])
        #expect(report.errors == report.errors.sorted())
        #expect(report.hasErrors)
    }

    @Test("Given blank runs of different lengths, when counted, then only runs of four or more underscores count")
    func blankCount() {
        #expect(BankValidator.blankCount(in: "甲____乙________丙___丁_") == 2)
        #expect(BankValidator.blankCount(in: "") == 0)
        #expect(BankValidator.blankCount(in: "____") == 1)
    }
}
