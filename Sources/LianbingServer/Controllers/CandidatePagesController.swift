import Foundation
import Hummingbird
import LianbingCore
import LianbingStore

/// One candidate of a published exam, and what an administrator may do for them: extra time or a late window,
/// reopening a submitted paper, excusing (免考) and withdrawing it, removing one who has not started. Trainers see
/// the page without the forms, since the store would refuse them.
struct CandidatePagesController {
    let database: AppDatabase
    let pages: PageRenderer

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/exams/:exam/candidates/:number", use: page)
        router.post("/exams/:exam/candidates/:number/override", use: override)
        router.post("/exams/:exam/candidates/:number/reopen", use: reopen)
        router.post("/exams/:exam/candidates/:number/excuse", use: excuse)
        router.post("/exams/:exam/candidates/:number/withdraw-excuse", use: withdrawExcuse)
        router.post("/exams/:exam/candidates/:number/remove", use: remove)
    }

    static func path(exam: Int64, staff number: String) -> String {
        "/exams/\(exam)/candidates/" + number.urlEncoded
    }

    struct Content {
        var exam: ExamHeading
        var candidate: CandidateRow
        var isAdmin: Bool
        /// Published and not yet released: the only time the store accepts changes.
        var editable: Bool
        var canReopen: Bool
        var canExcuse: Bool
        var canWithdrawExcuse: Bool
        var canRemove: Bool
        var form: [String: String]
        var notice: String?
        var error: String?
    }

    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await render(request, context: context)
    }

    private func render(
        _ request: Request, context: AppRequestContext, error: String? = nil, form: [String: String] = [:], status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let principal = try context.principal(.trainer)
        let (id, number) = try target(context)
        let exam = try await database.exam(id, by: principal)
        guard let progress = try await database.progress(ofExam: id, by: principal).first(where: { $0.staffNumber == number }) else {
            throw LianbingError.notFound("考生 \(number)")
        }
        let isAdmin = principal.has(.admin)
        let content = Content(
            exam: ExamHeading(exam), candidate: CandidateRow(progress, exam: exam), isAdmin: isAdmin,
            editable: isAdmin && exam.status == .published, canReopen: progress.standing == .submitted,
            canExcuse: progress.standing != .excused, canWithdrawExcuse: progress.standing == .excused,
            canRemove: progress.attemptId == nil, form: form,
            notice: Notice.message(request.query("done"), who: request.query("who")), error: error)
        return pages.render(
            "exam-candidate", title: "\(progress.name) · \(exam.title)", path: "/exams", session: context.session, content: content,
            status: status, styles: ["manage.css"])
    }

    @Sendable func override(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await act(request, context, done: "override") { fields, id, number, principal in
            let extra = fields["extra_minutes"]?.trimmingCharacters(in: .whitespaces) ?? ""
            let closes = fields["closes_at"]?.trimmingCharacters(in: .whitespaces) ?? ""
            guard !extra.isEmpty || !closes.isEmpty else { throw LianbingError.invalid("请填写延长的分钟数或个人截止时间") }
            let minutes = extra.isEmpty ? nil : Int(extra)
            if !extra.isEmpty && minutes == nil { throw LianbingError.invalid("延长时间须为整数分钟") }
            let closesAt = closes.isEmpty ? nil : ChinaTime.parse(closes)
            if !closes.isEmpty && closesAt == nil { throw LianbingError.invalid("个人截止时间的格式应为 年-月-日 时:分") }
            try await database.overrideCandidate(
                number, inExam: id, extraMinutes: minutes, closesAt: closesAt, confirmKeysShown: fields["confirm_keys_shown"] != nil, by: principal)
        }
    }

    @Sendable func reopen(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await act(request, context, done: "reopened") { fields, id, number, principal in
            guard let minutes = fields["minutes"].flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) else {
                throw LianbingError.invalid("请填写重新开放的分钟数")
            }
            try await database.reopenAttempt(
                of: number, inExam: id, minutes: minutes, confirmKeysShown: fields["confirm_keys_shown"] != nil, by: principal)
        }
    }

    @Sendable func excuse(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await act(request, context, done: "excused") { fields, id, number, principal in
            try await database.excuseCandidate(number, inExam: id, reason: fields["reason"] ?? "", by: principal)
        }
    }

    @Sendable func withdrawExcuse(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await act(request, context, done: "excuse-withdrawn") { _, id, number, principal in
            try await database.withdrawExcuse(of: number, inExam: id, by: principal)
        }
    }

    @Sendable func remove(_ request: Request, context: AppRequestContext) async throws -> Response {
        // The candidate's page no longer exists afterwards: back to the exam.
        try await act(request, context, done: "removed", returnToExam: true) { _, id, number, principal in
            try await database.removeCandidate(number, fromExam: id, by: principal)
        }
    }

    /// Runs one administrator action and returns to the candidate's page; a refusal the user can act on is shown
    /// there with what they typed.
    private func act(
        _ request: Request, _ context: AppRequestContext, done: String, returnToExam: Bool = false,
        _ action: (FormFields, Int64, String, Principal) async throws -> Void
    ) async throws -> Response {
        let principal = try context.principal(.admin)
        let fields = try await FormFields.from(request, context: context)
        let (id, number) = try target(context)
        do {
            try await action(fields, id, number, principal)
        } catch let error as LianbingError {
            let echo = ["extra_minutes", "closes_at", "minutes", "reason"].reduce(into: [String: String]()) { $0[$1] = fields[$1] ?? "" }
            switch error {
            case .invalid(let message): return try await render(request, context: context, error: message, form: echo, status: .badRequest)
            case .conflict(let message): return try await render(request, context: context, error: message, form: echo, status: .conflict)
            default: throw error
            }
        }
        let page = returnToExam ? "/exams/\(id)" : Self.path(exam: id, staff: number)
        return .redirect(to: page + "?done=\(done)&who=\(number.urlEncoded)", type: .normal)
    }

    /// The exam and staff number in the address; the router leaves path segments percent-encoded.
    private func target(_ context: AppRequestContext) throws -> (Int64, String) {
        let number = try context.parameters.require("number")
        return (try context.parameters.require("exam", as: Int64.self), number.removingPercentEncoding ?? number)
    }
}
