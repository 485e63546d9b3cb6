import Foundation
import Hummingbird
import LianbingCore
import LianbingStore

/// The pages of a member of staff: their exams, taking one, self-tests, the wrong-question book, mastery and their
/// record. Taking an exam or a self-test is a shell here and runs in the browser against the JSON API
/// (`docs/API.md`), so that a dropped connection, a reload or another device loses no answer.
struct MyPagesController {
    let database: AppDatabase
    let pages: PageRenderer

    static let styles = ["take.css"]

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/my/exams", use: examsPage)
        router.post("/my/exams/:exam/start", use: start)
        router.get("/my/attempts/:attempt", use: attemptPage)
        router.get("/my/practice", use: practicePage)
        router.post("/my/practice", use: startPractice)
        router.get("/my/self-tests/:attempt", use: selfTestPage)
        router.get("/my/wrong-questions", use: wrongQuestionsPage)
        router.get("/my/wrong-questions/:question", use: wrongQuestionPage)
        router.get("/api/v1/my/wrong-questions/:question", use: wrongQuestion)
        router.get("/my/review", use: reviewPage)
        router.get("/api/v1/my/practice-points", use: practicePoints)
        router.get("/my/record", use: recordPage)
        router.post("/my/exams/:exam/score-review", use: requestReview)
        router.get("/my/mastery", use: masteryPage)
    }

    struct ExamRow {
        var examId: Int64
        var title: String
        var opens: String
        var closes: String
        var duration: String
        /// Questions, total points and pass mark, told before starting.
        var paper: String
        var status: String
        /// 考生须知, line by line, until the candidate has finished.
        var instructions: [String]
        var hasInstructions: Bool
        var deadline: String?
        var result: String?
        var policy: String
        var canStart: Bool
        var canContinue: Bool
        var attemptHref: String?
    }

    struct ExamsContent {
        var open: [ExamRow]
        var upcoming: [ExamRow]
        var finished: [ExamRow]
    }

    @Sendable func examsPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal()
        let exams = try await database.myExams(by: principal)
        let rules = try await database.candidateRules(by: principal)
        // Until the candidate has finished: what to read before starting and while answering.
        let instructions = { (exam: MyExam) -> [String] in
            [.upcoming, .open].contains(exam.phase) && [.notStarted, .inProgress].contains(exam.standing)
                ? exam.instructions.split(whereSeparator: \.isNewline).map(String.init) : []
        }
        let rows = exams.map { exam in
            let active = exam.phase == .open && [.notStarted, .inProgress].contains(exam.standing)
            return (exam, ExamRow(
                examId: exam.examId, title: exam.title, opens: exam.opensAt.chinaTime, closes: exam.closesAt.chinaTime,
                duration: CandidateWording.minutes(exam.duration),
                paper: CandidateWording.paper(questions: exam.questionCount, points: exam.maxScore, passMark: rules[exam.examId]?.passMark),
                status: "\(exam.phase.label) · \(exam.standing.label)",
                instructions: instructions(exam), hasInstructions: !instructions(exam).isEmpty,
                deadline: exam.standing == .inProgress ? exam.deadline?.chinaTime : nil, result: Self.result(exam),
                policy: rules[exam.examId].map { CandidateWording.policy($0.review) } ?? "",
                canStart: active && exam.standing == .notStarted, canContinue: active && exam.standing == .inProgress,
                attemptHref: exam.standing == .finished ? exam.attemptId.map { "/my/attempts/\($0)" } : nil))
        }
        let isOpen = { (row: ExamRow) in row.canStart || row.canContinue }
        let content = ExamsContent(
            open: rows.filter { isOpen($0.1) }.map(\.1),
            upcoming: rows.filter { $0.0.phase == .upcoming }.map(\.1),
            finished: rows.filter { !isOpen($0.1) && $0.0.phase != .upcoming }.map(\.1))
        return pages.render("my-exams", title: "我的考试", path: "/my/exams", session: context.session, content: content, styles: Self.styles)
    }

    /// Starts or resumes (recording the visit), then takes the candidate to the attempt.
    @Sendable func start(_ request: Request, context: AppRequestContext) async throws -> Response {
        let client = ClientInfo(address: context.remoteAddress, userAgent: request.headers[.userAgent])
        let attempt = try await database.startAttempt(
            exam: try context.parameters.require("exam", as: Int64.self), client: client, by: try context.principal())
        return .redirect(to: "/my/attempts/\(attempt.id)", type: .normal)
    }

    static func result(_ exam: MyExam) -> String? {
        guard let score = exam.score else { return nil }
        return CandidateWording.score(score, of: exam.maxScore) + (exam.outcome.map { " · \($0.label)" } ?? "")
    }
}
