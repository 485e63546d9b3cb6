import Foundation
import Hummingbird
import LianbingCore
import LianbingStore

/// Self-tests: choosing knowledge points and answering with instant feedback. The wrong-question book is in
/// `MyPagesController+WrongQuestions.swift`.
extension MyPagesController {
    struct PointGroup {
        struct Child {
            var point: String
            var name: String
            var count: Int
        }

        var point: String
        var count: Int
        var children: [Child]
    }

    struct PracticeContent {
        var groups: [PointGroup]
        var hasGroups: Bool
        var lengths: [SelectOption]
        var wrongLengths: [SelectOption]
        var wrongCount: Int
        var hasWrong: Bool
        var current: AttemptSummary?
        var recent: [SelfTestRow]
        /// The caller's weakest points a self-test can draw on, weakest first: what the one-tap choice practises.
        var weakest: [WeakChoice]
        var hasWeakest: Bool
    }

    struct WeakChoice {
        var point: String
        var percent: Int
    }

    struct SelfTestRow {
        var href: String
        var started: String
        var state: String
        var result: String
    }

    static let lengths = [5, 10, 20, 30, 50, 100]

    @Sendable func practicePage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal()
        let points = try await database.practicePoints(by: principal)
        let wrong = try await database.wrongBook(by: principal).count
        let selfTests = try await database.mySelfTests(by: principal)
        let weakest = try await weakestPoints(by: principal, practicable: points)
        let tops = points.filter { !$0.knowledgePoint.contains("/") }
        let groups = tops.map { top in
            PointGroup(
                point: top.knowledgePoint, count: top.questions,
                children: points.filter { $0.knowledgePoint.isKnowledgePoint(under: top.knowledgePoint) && $0.knowledgePoint != top.knowledgePoint }
                    .map { .init(point: $0.knowledgePoint, name: String($0.knowledgePoint.dropFirst(top.knowledgePoint.count + 1)), count: $0.questions) })
        }
        let options = { (chosen: Int) in Self.lengths.map { SelectOption(value: String($0), label: "\($0) 题", selected: $0 == chosen) } }
        let content = PracticeContent(
            groups: groups, hasGroups: !groups.isEmpty, lengths: options(10), wrongLengths: options(20), wrongCount: wrong, hasWrong: wrong > 0,
            current: selfTests.first { $0.state == .inProgress },
            recent: selfTests.filter { $0.state == .submitted }.prefix(10).map {
                SelfTestRow(
                    href: "/my/self-tests/\($0.id)", started: $0.startedAt.chinaTime, state: $0.state.label,
                    result: Self.selfTestResult($0))
            },
            weakest: weakest.map { WeakChoice(point: $0.knowledgePoint, percent: Self.percent($0.accuracy)) }, hasWeakest: !weakest.isEmpty)
        return pages.render(
            "my-practice", title: "自我测试", path: "/my/practice", session: context.session, content: content,
            styles: Self.styles + ["practice.css"])
    }

    /// How many weak points the one-tap choice practises: the few most in need, so that each gets several questions.
    static let weakestCount = 3

    /// The caller's weakest points (`WeakPoint.weakest`, from assessments and self-tests) that have practice
    /// questions to draw on, at most `weakestCount`.
    func weakestPoints(by principal: Principal, practicable: [PracticePoint]) async throws -> [WeakPoint] {
        let mastery = try await database.mastery(by: principal)
        let drawable = Set(practicable.map(\.knowledgePoint))
        return Array(WeakPoint.weakest(assessment: mastery.assessment, selfTest: mastery.selfTest)
            .filter { drawable.contains($0.knowledgePoint) }.prefix(Self.weakestCount))
    }

    /// Every self-test question is worth one point, so the score reads as questions right; a short answer is
    /// compared with the reference by the candidate and leaves the score open.
    static func selfTestResult(_ summary: AttemptSummary) -> String {
        summary.score.map { "答对 \(CandidateWording.points($0)) / \(summary.questions) 题" } ?? "\(summary.questions) 题（含简答题，自行对照）"
    }

    /// The setup form: knowledge points (any number of `kp` fields) and a length, `weakest` for the caller's weakest
    /// points as they stand now, `wrong` for the book, or `review` for the questions due in 今日复习.
    @Sendable func startPractice(_ request: Request, context: AppRequestContext) async throws -> Response {
        var request = request
        let body = String(buffer: try await request.collectBody(upTo: context.maxUploadSize))
        let fields = FormFields(body)
        let length = Int(fields["length"] ?? "") ?? 10
        let principal = try context.principal()
        var weakest: [String] = []
        if fields["weakest"] != nil {
            weakest = try await weakestPoints(by: principal, practicable: try await database.practicePoints(by: principal)).map(\.knowledgePoint)
            guard !weakest.isEmpty else { throw LianbingError.conflict("还没有薄弱知识点：做过集中考核或自我测试后再来") }
        }
        let selfTest: SelfTestRequest =
            if fields["review"] != nil { .dueReviews(length: length) }
            else if !weakest.isEmpty { .knowledgePoints(weakest, length: length) }
            else if fields["wrong"] != nil { .wrongQuestions(length: length) }
            else { .knowledgePoints(Self.values(of: "kp", in: body), length: length) }
        let attempt = try await database.startSelfTest(selfTest, by: principal)
        return .redirect(to: "/my/self-tests/\(attempt.id)", type: .normal)
    }

    /// Every value of a repeated form field (`FormFields` keeps the first only).
    static func values(of name: String, in body: String) -> [String] {
        let decode = { (s: Substring) in s.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "" }
        return body.split(separator: "&").compactMap { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return parts.count == 2 && decode(parts[0]) == name ? decode(parts[1]) : nil
        }
    }

    struct SelfTestContent {
        var title: String
        var data: String
        /// Position → the lesson links its feedback shows once the answer is wrong.
        var lessons: String
    }

    @Sendable func selfTestPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal()
        let id = try context.parameters.require("attempt", as: Int64.self)
        let view = try await database.attempt(id, by: principal)
        guard view.purpose == .selfTest else { return .redirect(to: "/my/attempts/\(id)", type: .found) }
        let lessons = try await database.wrongAnswerLessons(attempt: id, by: principal)
        if view.state == .inProgress {
            return pages.render(
                "my-self-test", title: "自我测试", path: "/my/practice", session: context.session,
                content: SelfTestContent(
                    title: "自我测试（\(view.items.count) 题）", data: try Self.json(view),
                    lessons: try Self.json(Dictionary(uniqueKeysWithValues: lessons.map { (String($0.key), LessonLink.links($0.value)) }))),
                styles: Self.styles, scripts: ["question-form.js", "practice.js"])
        }
        let right = view.items.filter { $0.feedback?.correct == true }.count
        // A lesson's check leads back to its lesson, where the progress shows whether it passed.
        let checked = try await database.lessonChecked(by: id, for: principal)
        let content = ResultContent(
            attemptId: id, title: "自我测试（\(view.startedAt.chinaTime)）", state: view.state.label, submittedAt: view.submittedAt?.chinaTime,
            score: "答对 \(right) / \(view.items.count) 题", outcome: nil, passed: false, paper: nil,
            note: view.state == .abandoned ? "这次自测未做完就开始了新的自测，已作废；下面是已作答的题目。" : nil,
            items: view.items.filter { $0.feedback != nil }.map { ItemView($0, lessons: lessons[$0.position]) }, backHref: checked.map { "/school/lessons/\($0.id)" } ?? "/my/practice",
            backLabel: checked.map { "返回微课《\($0.title)》" } ?? "返回自我测试")
        return pages.render("my-attempt", title: "自测结果", path: "/my/practice", session: context.session, content: content, styles: Self.styles)
    }

    @Sendable func practicePoints(_ request: Request, context: AppRequestContext) async throws -> JSONBody<[PracticePoint]> {
        JSONBody(try await database.practicePoints(by: try context.principal()))
    }
}
