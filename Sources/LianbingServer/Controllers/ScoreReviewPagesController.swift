import Foundation
import Hummingbird
import LianbingCore
import LianbingStore

/// Score reviews (成绩复核) in the browser: candidates' requests after release, unanswered first, the candidate's
/// short answers to mark again, and the trainer's reply, confirmed against the result the server computed (before →
/// after, or 维持原分) and recording it. An answered request can be reopened to mark and answer again.
struct ScoreReviewPagesController {
    let database: AppDatabase
    let pages: PageRenderer

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/score-reviews", use: reviewsPage)
        router.post("/score-reviews/:review/answer", use: answer)
        router.post("/score-reviews/:review/mark/:position", use: mark)
        router.post("/score-reviews/:review/reopen", use: reopen)
    }

    struct ReviewEntry {
        var id: Int64
        var examId: Int64
        var examTitle: String
        var staffNumber: String
        var name: String
        var requestedAt: String
        var reason: String
        var scoreBefore: String
        var reply: String?
        var answeredBy: String?
        var answeredAt: String?
        var scoreAfter: String
        /// Before → after, or 维持原分: what answering records (pending), or recorded (answered).
        var result: String
        /// The score now, exactly, for the reply form to confirm; empty when the attempt has none.
        var expected: String
        var draft: String
        /// Named apart from `MarkingEntry.entryError`: Mustache would otherwise show a refused reply in every
        /// answer's form beneath it, looking a missing value up in the enclosing contexts.
        var replyError: String?
        /// The attempt's short answers, to mark again before replying; objective questions are marked by the key.
        var answers: [MarkingEntry] = []
        var answersNote: String?
        /// The paper's machine-marked questions, each a link to correct its key and regrade.
        var objectiveQuestions: [String] = []
        var hasObjectiveQuestions = false

        init(_ review: ScoreReview, draft: String = "", error: String? = nil) {
            id = review.id
            examId = review.examId
            examTitle = review.examTitle
            staffNumber = review.staffNumber
            name = review.name
            requestedAt = review.requestedAt.chinaTime
            reason = review.reason
            scoreBefore = review.scoreBefore.map(AppDatabase.points) ?? "—"
            reply = review.reply
            answeredBy = review.answeredBy
            answeredAt = review.answeredAt?.chinaTime
            scoreAfter = review.scoreAfter.map(AppDatabase.points) ?? "—"
            result = review.result
            expected = review.scoreNow.map { String($0) } ?? ""
            self.draft = draft
            replyError = error
        }
    }

    struct ReviewsContent {
        var pending: [ReviewEntry]
        var answered: [ReviewEntry]
        var notice: String?
    }

    @Sendable func reviewsPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await renderReviews(notice: Notice.message(request.query("done"), who: nil), context: context)
    }

    private func renderReviews(
        notice: String? = nil, typed: (id: Int64, reply: String, error: String)? = nil, marking: MarkingEntry.Typed? = nil,
        context: AppRequestContext, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let principal = try context.principal(.trainer)
        var entries = try await database.scoreReviews(by: principal).map { review in
            typed.flatMap { $0.id == review.id ? ReviewEntry(review, draft: $0.reply, error: $0.error) : nil } ?? ReviewEntry(review)
        }
        for index in entries.indices where entries[index].answeredAt == nil {
            let id = entries[index].id
            entries[index].answers = try await database.shortAnswers(forReview: id, by: principal).map {
                MarkingEntry($0, action: "/score-reviews/\(id)/mark/\($0.position)", typed: marking)
            }
            entries[index].objectiveQuestions = try await database.objectiveQuestions(forReview: id, by: principal)
            entries[index].hasObjectiveQuestions = !entries[index].objectiveQuestions.isEmpty
            let count = entries[index].answers.count
            entries[index].answersNote = count == 0
                ? "本卷没有简答题；客观题由系统按答案评分，答案有误请更正题目后重新评分。"
                : "本卷有 \(count) 道简答题，见下方，可重新评分；客观题由系统按答案评分。"
        }
        let content = ReviewsContent(
            pending: entries.filter { $0.answeredAt == nil }, answered: entries.filter { $0.answeredAt != nil }, notice: notice)
        return pages.render(
            "score-reviews", title: "成绩复核", path: "/score-reviews", session: context.session, content: content, status: status,
            styles: ["manage.css"])
    }

    /// Marks one of the review's short answers again; the attempt's total follows at once.
    @Sendable func mark(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.trainer)
        let id = try context.parameters.require("review", as: Int64.self)
        let position = try context.parameters.require("position", as: Int.self)
        let review = try await database.scoreReview(id, by: principal)
        // The store refuses it too; an answered review has no form left on the page to show the refusal beside.
        guard review.answeredAt == nil else { throw LianbingError.conflict("该申请已答复，不能再改分") }
        let fields = try await FormFields.from(request, context: context)
        if let refused = try await MarkingEntry.save(
            fields, attempt: review.attemptId, position: position, review: id, in: database, by: principal)
        {
            return try await renderReviews(marking: refused.typed, context: context, status: refused.status)
        }
        return .redirect(to: "/score-reviews?done=remarked#r\(id)", type: .normal)
    }

    @Sendable func answer(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.trainer)
        let id = try context.parameters.require("review", as: Int64.self)
        let fields = try await FormFields.from(request, context: context)
        let reply = fields["reply"] ?? ""
        do {
            guard fields["confirm"] != nil else { throw LianbingError.invalid("请核对复核结果，勾选确认后再答复") }
            let expected = try fields["expected"].flatMap { $0.isEmpty ? nil : $0 }.map { text in
                guard let value = Double(text) else { throw LianbingError.invalid("确认的复核后得分无效") }
                return value
            }
            _ = try await database.answerScoreReview(id, reply: reply, confirming: expected, by: principal)
        } catch let error as LianbingError {
            switch error {
            case .invalid: return try await renderReviews(typed: (id, reply, error.message), context: context, status: .badRequest)
            case .conflict: return try await renderReviews(typed: (id, reply, error.message), context: context, status: .conflict)
            default: throw error
            }
        }
        return .redirect(to: "/score-reviews?done=answered", type: .normal)
    }

    /// Sets an answered request back to waiting, to mark again and answer anew.
    @Sendable func reopen(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.parameters.require("review", as: Int64.self)
        _ = try await database.reopenScoreReview(id, by: try context.principal(.trainer))
        return .redirect(to: "/score-reviews?done=review-reopened#r\(id)", type: .normal)
    }
}
