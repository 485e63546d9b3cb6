import Foundation
import HTTPTypes
import Hummingbird
import LianbingCore
import LianbingStore

/// One attempt at a centralised assessment: the taking page while it is in progress, what the review policy
/// shows once it is submitted.
extension MyPagesController {
    /// The shell `take.js` fills. The attempt travels in the page exactly as `GET /api/v1/my/attempts/{id}` gives
    /// it (no keys while in progress), so the first question shows without a second round trip.
    struct TakeContent {
        var title: String
        var data: String
        var deadline: String
        var policy: String
    }

    /// Marks the one response `sw.js` may keep for reloading offline; any other page at the address drops the copy.
    static let offlineCopy = HTTPField.Name("Lianbing-Offline")!

    struct ResultContent {
        var attemptId: Int64
        var title: String
        var state: String
        var submittedAt: String?
        var score: String?
        var outcome: String?
        var passed: Bool
        /// Questions, total points and pass mark of an assessment; `nil` for a self-test.
        var paper: String?
        var note: String?
        var items: [ItemView]
        var backHref: String
        var backLabel: String
    }

    /// A question as a submitted attempt shows it: own answer always; score, key and explanation as allowed.
    struct ItemView {
        struct Option {
            var letter: String
            var text: String
            var isKey: Bool
        }

        var number: Int
        var kind: String
        var points: String
        var stem: String
        var options: [Option]
        var hasOptions: Bool
        var answer: String
        var itemScore: String?
        var verdict: String?
        var verdictClass: String
        var key: String?
        var scoringPoints: [String]
        var hasScoringPoints: Bool
        var explanation: String?
        /// The lessons of the question's knowledge points, where its wrong mark shows.
        var lessons: [LessonLink]
        var hasLessons: Bool

        init(_ item: AttemptItem, lessons: [PointLessons]? = nil) {
            number = item.position + 1
            kind = CandidateWording.kind(item.kind)
            points = CandidateWording.points(item.points)
            stem = item.stem
            let keyLetters = item.kind == .trueFalse ? "" : (item.feedback?.key ?? "")
            options = item.options.enumerated().map { index, text in
                let letter = String(Question.letters[index])
                return Option(letter: letter, text: text, isKey: keyLetters.contains(letter))
            }
            hasOptions = !options.isEmpty
            answer = CandidateWording.response(item.response)
            itemScore = item.score.map { "\(CandidateWording.points($0)) / \(CandidateWording.points(item.points)) 分" }
            let feedback = item.feedback
            verdict = feedback.map { $0.correct.map { $0 ? "回答正确" : "回答错误" } ?? "请对照参考答案" }
            verdictClass = feedback?.correct.map { $0 ? "right" : "wrong" } ?? "neutral"
            key = feedback?.key
            scoringPoints = feedback?.scoringPoints ?? []
            hasScoringPoints = !scoringPoints.isEmpty
            explanation = feedback?.explanation
            self.lessons = item.showsWrongMark ? LessonLink.links(lessons ?? []) : []
            hasLessons = !self.lessons.isEmpty
        }
    }

    @Sendable func attemptPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal()
        let id = try context.parameters.require("attempt", as: Int64.self)
        let view = try await database.attempt(id, by: principal)
        guard view.purpose == .assessment else { return .redirect(to: "/my/self-tests/\(id)", type: .found) }
        let rules = try await database.candidateRules(by: principal)[view.examId ?? -1]
        if view.state == .inProgress {
            let content = TakeContent(
                title: view.title, data: try Self.json(view), deadline: view.deadline?.chinaTime ?? "",
                policy: rules.map { CandidateWording.policy($0.review) } ?? "")
            var page = pages.render(
                "my-take", title: view.title, path: "/my/exams", session: context.session, content: content,
                styles: Self.styles, scripts: ["question-form.js", "take.js"], exit: .init(href: "/my/exams", label: "离开考试", current: false))
            page.headers[Self.offlineCopy] = "exam"
            return page
        }
        let note: String? =
            switch view.review {
            case nil: CandidateWording.waiting(rules?.review)
            case .score?: "本场考试只公布成绩，不公布试题和答案。"
            case .answers?: "本场考试公布成绩和本人作答，不公布标准答案。"
            case .keys?: nil
            }
        let lessons = try await database.wrongAnswerLessons(attempt: id, by: principal)
        let content = ResultContent(
            attemptId: id, title: view.title, state: view.state.label, submittedAt: view.submittedAt?.chinaTime,
            score: view.score.map { CandidateWording.score($0, of: view.maxScore) }, outcome: view.outcome?.label,
            passed: view.outcome == .passed,
            paper: CandidateWording.paper(questions: view.items.count, points: view.maxScore, passMark: rules?.passMark), note: note,
            items: (view.review ?? .score) >= .answers ? view.items.map { ItemView($0, lessons: lessons[$0.position]) } : [],
            backHref: "/my/record", backLabel: "返回我的记录")
        return pages.render(
            "my-attempt", title: view.title, path: "/my/exams", session: context.session, content: content,
            styles: Self.styles, scripts: ["take.js"])
    }

    /// The API's own encoding, so the page and the API never disagree on a field.
    static func json(_ value: some Encodable) throws -> String {
        String(decoding: try JSONBody<String>.encoder.encode(value), as: UTF8.self)
    }
}
