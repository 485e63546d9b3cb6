import LianbingCore
import Testing

/// Questions for the grading tests, in a namespace so the helpers cannot clash with other suites'.
enum GradingFixture {
    static func question(_ kind: QuestionKind, answer: Answer, options: Int = 4) -> Question {
        Question(
            id: "G-1", kind: kind, stem: "题干", options: kind.hasOptions ? (0..<options).map { "选项\($0)" } : [], answer: answer,
            knowledgePoints: ["培训"], difficulty: 3, source: "测试")
    }

    static let single = GradingKey(question(.singleChoice, answer: .choices([2])))
    static let multiple = GradingKey(question(.multipleChoice, answer: .choices([0, 2, 3])))
    static let trueFalse = GradingKey(question(.trueFalse, answer: .trueFalse(false)))
    static let blanks = GradingKey(question(.fillBlank, answer: .blanks([["三分之一", "1/3"], ["QQ群"]])))
    static let shortAnswer = GradingKey(question(.shortAnswer, answer: .shortAnswer(reference: "参考", points: ["要点"])))
}

@Suite("Grader: each kind")
struct GradingTests {
    private let grader = Grader(multipleChoice: .allOrNothing)

    private func score(_ key: GradingKey, _ response: Response?, points: Double = 2) -> Double? {
        grader.mark(key, response: response, points: points).score
    }

    @Test("Given a single-choice question, when only the key is chosen, then full marks; anything else 0")
    func singleChoice() {
        let key = GradingFixture.single
        #expect(score(key, .choices([2])) == 2)
        #expect(score(key, .choices([1])) == 0)
        #expect(score(key, .choices([2, 1])) == 0)
        #expect(score(key, .choices([])) == 0)
        #expect(score(key, nil) == 0)
    }

    @Test("Given a multiple-choice question all-or-nothing, when exactly the key, then full marks; a subset or extra 0")
    func multipleAllOrNothing() {
        let key = GradingFixture.multiple
        #expect(score(key, .choices([3, 0, 2])) == 2)
        #expect(score(key, .choices([0, 2])) == 0)
        #expect(score(key, .choices([0, 1, 2, 3])) == 0)
        #expect(score(key, .choices([])) == 0)
    }

    @Test("Given a true/false question, when answered, then right is full and wrong 0")
    func trueFalse() {
        #expect(score(GradingFixture.trueFalse, .trueFalse(false)) == 2)
        #expect(score(GradingFixture.trueFalse, .trueFalse(true)) == 0)
        #expect(score(GradingFixture.trueFalse, nil) == 0)
    }

    @Test("Given a two-blank question, when blanks are right, then each earns its share of the points")
    func blanks() {
        let key = GradingFixture.blanks
        #expect(score(key, .blanks(["1/3", "qq群"])) == 2)
        #expect(score(key, .blanks(["三分之一", "微信群"])) == 1)
        #expect(score(key, .blanks(["四分之一", "微信群"])) == 0)
        #expect(score(key, .blanks(["三分之一"]), points: 3) == 1.5)
        #expect(score(key, .blanks(["三分之一", "QQ群", "多余"])) == 2)
        #expect(score(key, .blanks([])) == 0)
    }

    @Test("Given a short answer, when answered, then it waits for a trainer; when unanswered, then 0 with no trainer needed")
    func shortAnswer() {
        let key = GradingFixture.shortAnswer
        #expect(!key.isAutoMarked)
        let answered = grader.mark(key, response: .text("我的回答"), points: 10)
        #expect(answered.isPending && answered.points == 10 && !answered.isCorrect)
        #expect(score(key, nil) == 0)
        #expect(score(key, .text("")) == 0)
        #expect(score(key, .text(" \u{3000}\n")) == 0)
    }

    @Test("Given every auto-marked kind, when compiled, then the key says so")
    func autoMarked() {
        for key in [GradingFixture.single, GradingFixture.multiple, GradingFixture.trueFalse, GradingFixture.blanks] {
            #expect(key.isAutoMarked)
        }
    }

    @Test("Given a response of the wrong shape, when marked, then 0 and never pending", arguments: [
        (GradingFixture.single, Response.text("C")),
        (GradingFixture.multiple, .trueFalse(true)),
        (GradingFixture.trueFalse, .choices([0])),
        (GradingFixture.blanks, .text("三分之一")),
        (GradingFixture.shortAnswer, .blanks(["参考"])),
        (GradingFixture.shortAnswer, .choices([0])),
    ])
    func wrongShape(key: GradingKey, response: Response) {
        #expect(grader.mark(key, response: response, points: 2).score == 0)
    }

    @Test("Given choice indexes outside the options, when marked, then 0 even alongside the key", arguments: [
        [4], [-1], [2, 4], [Int.max], [64],
    ])
    func outOfRange(indexes: [Int]) {
        #expect(score(GradingFixture.single, .choices(indexes)) == 0)
        #expect(score(GradingFixture.multiple, .choices([0, 2, 3] + indexes)) == 0)
        #expect(Grader(multipleChoice: .partial(share: 0.5)).mark(GradingFixture.multiple, response: .choices([0] + indexes), points: 2).score == 0)
    }

    @Test("Given a broken question whose key lists no valid option, when nothing is chosen, then 0, not full marks")
    func emptyKey() {
        for kind in [QuestionKind.singleChoice, .multipleChoice] {
            for answer in [[], [9]] {
                let key = GradingKey(GradingFixture.question(kind, answer: .choices(answer)))
                #expect(score(key, .choices([])) == 0)
                #expect(Grader(multipleChoice: .partial(share: 0.5)).mark(key, response: .choices([0]), points: 2).score == 0)
            }
        }
    }

    @Test("Given full marks and partial marks, when checked, then only full marks are correct")
    func correctness() {
        #expect(grader.mark(GradingFixture.single, response: .choices([2]), points: 2).isCorrect)
        #expect(!grader.mark(GradingFixture.blanks, response: .blanks(["1/3", "x"]), points: 2).isCorrect)
    }
}
