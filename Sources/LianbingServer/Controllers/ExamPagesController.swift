import Foundation
import Hummingbird
import LianbingCore
import LianbingStore

/// The exams of the caller's subtree in the browser: the list, one exam's settings with live monitoring, and the
/// actions that move an exam along (publish; close and release for administrators; adding a candidate).
struct ExamPagesController {
    let database: AppDatabase
    let pages: PageRenderer

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/exams", use: listPage)
        router.get("/exams/:exam", use: detailPage)
        router.post("/exams/:exam/publish", use: publish)
        router.post("/exams/:exam/close", use: close)
        router.post("/exams/:exam/release", use: release)
        router.post("/exams/:exam/candidates", use: addCandidate)
    }

    @Sendable func listPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        struct Content {
            var exams: [ExamHeading]
            var notice: String?
        }
        let exams = try await database.exams(by: try context.principal(.trainer))
        let content = Content(exams: exams.map(ExamHeading.init), notice: Notice.message(request.query("done"), who: nil))
        return pages.render("exam-list", title: "考试管理", path: "/exams", session: context.session, content: content, styles: ["manage.css"])
    }

    struct DetailContent {
        var exam: ExamHeading
        var facts: [Fact]
        var blueprintText: String
        var isDraft: Bool
        var isAdmin: Bool
        var canClose: Bool
        var canRelease: Bool
        var canAdd: Bool
        var releaseBlocker: String?
        var monitor: Monitor?
        var notice: String?
        var error: String?
        /// The add-candidate field as typed, kept when the store refused it.
        var staffNumber: String
    }

    @Sendable func detailPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await renderDetail(request, context: context)
    }

    private func renderDetail(
        _ request: Request, context: AppRequestContext, error: String? = nil, staffNumber: String = "", status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let principal = try context.principal(.trainer)
        let exam = try await database.exam(try examId(context), by: principal)
        let now = database.clock()
        let published = exam.status == .published
        let progress = exam.status == .draft ? [] : try await database.progress(ofExam: exam.id, by: principal)
        let blocker = published ? Monitor.releaseBlocker(exam, progress: progress, now: now) : nil
        let isAdmin = principal.has(.admin)
        let content = DetailContent(
            exam: ExamHeading(exam), facts: ExamSummary.facts(exam), blueprintText: exam.blueprintText, isDraft: exam.status == .draft,
            isAdmin: isAdmin, canClose: isAdmin && published && [.upcoming, .open].contains(exam.phase),
            canRelease: isAdmin && published && blocker == nil, canAdd: isAdmin && published, releaseBlocker: blocker,
            monitor: exam.status == .draft
                ? nil : Monitor(progress, exam: exam, standing: request.query("standing"), query: request.query("q"), now: now),
            notice: Notice.message(request.query("done"), who: request.query("who")), error: error, staffNumber: staffNumber)
        return pages.render(
            "exam-detail", title: exam.title, path: "/exams", session: context.session, content: content, status: status,
            styles: ["manage.css"], scripts: ["manage.js"])
    }

    @Sendable func publish(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await act(request, context, done: "published") { id, principal in _ = try await database.publishExam(id, by: principal) }
    }

    @Sendable func close(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await act(request, context, done: "closed") { id, principal in _ = try await database.closeExam(id, by: principal) }
    }

    @Sendable func release(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await act(request, context, done: "released") { id, principal in _ = try await database.releaseResults(id, by: principal) }
    }

    @Sendable func addCandidate(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.admin)
        let number = try await FormFields.from(request, context: context)["staff_number"]?.trimmingCharacters(in: .whitespaces) ?? ""
        let id = try examId(context)
        do {
            guard !number.isEmpty else { throw LianbingError.invalid("请填写要加入的考生工号") }
            try await database.addCandidate(number, toExam: id, by: principal)
        } catch let error as LianbingError {
            return try await refused(error, request, context: context, staffNumber: number)
        }
        return .redirect(to: CandidatePagesController.path(exam: id, staff: number) + "?done=added&who=\(number.urlEncoded)", type: .normal)
    }

    /// Runs a store action for the exam in the address and returns to its page saying what happened; a refusal
    /// the user can act on is shown on the page.
    private func act(
        _ request: Request, _ context: AppRequestContext, done: String, _ action: (Int64, Principal) async throws -> Void
    ) async throws -> Response {
        let principal = try context.principal(.trainer)
        let id = try examId(context)
        do {
            try await action(id, principal)
        } catch let error as LianbingError {
            return try await refused(error, request, context: context)
        }
        return .redirect(to: "/exams/\(id)?done=\(done)", type: .normal)
    }

    private func refused(_ error: LianbingError, _ request: Request, context: AppRequestContext, staffNumber: String = "") async throws -> Response {
        switch error {
        case .invalid(let message): try await renderDetail(request, context: context, error: message, staffNumber: staffNumber, status: .badRequest)
        case .conflict(let message): try await renderDetail(request, context: context, error: message, staffNumber: staffNumber, status: .conflict)
        // A mistyped staff number; the page itself answers 404 again if the exam is what is missing.
        case .notFound: try await renderDetail(request, context: context, error: error.message, staffNumber: staffNumber, status: .notFound)
        default: throw error
        }
    }

    private func examId(_ context: AppRequestContext) throws -> Int64 { try context.parameters.require("exam", as: Int64.self) }
}
