import LianbingCore
import LianbingFormats
import Testing

@Suite("Printable parallel forms")
struct PrintableFormTests {
    static let questions: [String: Question] = [
        "S-1": Question(
            id: "S-1", kind: .singleChoice, stem: "哪个标签会执行？<script>alert(1)</script>", options: ["甲 & 乙", "乙", "丙", "丁"],
            answer: .choices([0]), knowledgePoints: ["甲"], difficulty: 2, source: "测试"),
        "M-1": Question(
            id: "M-1", kind: .multipleChoice, stem: "多选题干", options: ["一", "二", "三", "四"], answer: .choices([1, 2]),
            knowledgePoints: ["甲"], difficulty: 3, source: "测试"),
        "T-1": Question(id: "T-1", kind: .trueFalse, stem: "判断题干", answer: .trueFalse(false), knowledgePoints: ["甲"], difficulty: 3, source: "测试"),
        "F-1": Question(
            id: "F-1", kind: .fillBlank, stem: "不少于____，且____。", answer: .blanks([["三分之一", "1/3"], ["<b>"]]), knowledgePoints: ["甲"],
            difficulty: 3, source: "测试"),
        "Q-1": Question(
            id: "Q-1", kind: .shortAnswer, stem: "简答题干", answer: .shortAnswer(reference: "参考\"答案\"", points: ["要点<一>", "要点二"]),
            knowledgePoints: ["甲"], difficulty: 4, source: "测试"),
    ]

    static let blueprint = Blueprint(
        title: "季度考核 <测试>",
        sections: [.init(kind: .singleChoice, pointsPerQuestion: 2), .init(kind: .multipleChoice, pointsPerQuestion: 3),
                   .init(kind: .trueFalse, pointsPerQuestion: 1), .init(kind: .fillBlank, pointsPerQuestion: 2), .init(kind: .shortAnswer, pointsPerQuestion: 10)],
        cells: [], totalPoints: 18, targetDifficulty: 3, difficultyTolerance: 1)

    static let paper = Paper(items: [
        PaperItem(questionId: "S-1", revision: 1, section: 0, points: 2, difficulty: 2, optionOrder: [2, 0, 3, 1]),
        PaperItem(questionId: "M-1", revision: 1, section: 1, points: 3, difficulty: 3, optionOrder: [2, 0, 3, 1]),
        PaperItem(questionId: "T-1", revision: 1, section: 2, points: 1, difficulty: 3),
        PaperItem(questionId: "F-1", revision: 1, section: 3, points: 2, difficulty: 3),
        PaperItem(questionId: "Q-1", revision: 1, section: 4, points: 10, difficulty: 4),
    ])

    private func documents() throws -> [String] {
        [
            try PrintableForm.paper(Self.paper, questions: Self.questions, blueprint: Self.blueprint, form: "B"),
            try PrintableForm.answerSheet(Self.paper, questions: Self.questions, blueprint: Self.blueprint, form: "B"),
            try PrintableForm.answerKey(Self.paper, questions: Self.questions, blueprint: Self.blueprint, form: "B"),
        ]
    }

    @Test("Given bank text with markup, when printed, then every document escapes it and loads nothing from outside")
    func escapedAndSelfContained() throws {
        for html in try documents() {
            #expect(!html.contains("<script"))
            #expect(!html.contains("<测试>") && html.contains("季度考核 &lt;测试&gt;（B 卷）"))
            #expect(html.contains("@page { size: A4"))
            #expect(!html.contains("http") && !html.contains("<link") && !html.contains("src="))
            #expect(html.hasPrefix("<!DOCTYPE html>"))
        }
        let paper = try documents()[0]
        #expect(paper.contains("哪个标签会执行？&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(paper.contains("甲 &amp; 乙"))
    }

    @Test("Given a shuffled form, when the paper is printed, then sections are headed and options lettered in the shown order")
    func paperLayout() throws {
        let paper = try documents()[0]
        #expect(paper.contains("一、单选题（共 1 题，每题 2 分，共 2 分）"))
        #expect(paper.contains("五、简答题（共 1 题，每题 10 分，共 10 分）"))
        #expect(paper.contains("<li>A. 丙</li><li>B. 甲 &amp; 乙</li><li>C. 丁</li><li>D. 乙</li>"))
        #expect(paper.contains("<span class=\"number\">5.</span>简答题干"))
        #expect(paper.contains("共 5 题，满分 18 分"))
    }

    @Test("Given a shuffled form, when the key is printed, then keys are in the shown letters with each question's points")
    func answerKey() throws {
        let key = try documents()[2]
        #expect(key.contains("<td class=\"n\">1</td><td>B</td><td class=\"p\">2</td>"))
        #expect(key.contains("<td class=\"n\">2</td><td>AD</td><td class=\"p\">3</td>"))
        #expect(key.contains("<td>错误（×）</td>"))
        #expect(key.contains("(1) 三分之一 或 1/3；(2) &lt;b&gt;"))
        #expect(key.contains("参考&quot;答案&quot;<br>评分要点：<ol><li>要点&lt;一&gt;</li><li>要点二</li></ol>"))
    }

    @Test("Given a form, when the answer sheet is printed, then every question has a numbered box or line")
    func answerSheet() throws {
        let sheet = try documents()[1]
        for number in 1...3 { #expect(sheet.contains("<div class=\"box\">\(number).<span></span></div>")) }
        #expect(sheet.contains("<span class=\"number\">4.</span>(1)<span class=\"blank-line\"></span>(2)<span class=\"blank-line\"></span>"))
        #expect(sheet.contains("<span class=\"number\">5.</span><div class=\"writing\">"))
        #expect(!sheet.contains("甲 &amp; 乙"))
    }

    @Test("Given a question missing from the content or with other options, when printed, then printing is refused")
    func mismatches() {
        var missing = Self.questions
        missing["T-1"] = nil
        #expect(throws: LianbingError.invalid("试卷中的题目 T-1 不在所给的题目中")) {
            try PrintableForm.paper(Self.paper, questions: missing, blueprint: Self.blueprint, form: "A")
        }
        var changed = Self.questions
        changed["S-1"]!.options.removeLast()
        #expect(throws: LianbingError.self) { try PrintableForm.answerKey(Self.paper, questions: changed, blueprint: Self.blueprint, form: "A") }
    }
}
