import Foundation
import Hummingbird
import LianbingCore
import LianbingStore

/// The candidate's record: every exam sat, its result as the policy allows, and score reviews.
extension MyPagesController {
    struct RecordRow {
        var examId: Int64
        var title: String
        var opens: String
        var closes: String
        var standing: String
        var result: String
        var certificate: Bool
        var attemptHref: String?
        var review: ReviewView?
        var canRequest: Bool
        var reviewDays: Int
    }

    struct ReviewView {
        var requestedAt: String
        var reason: String
        var answer: String?
        var answeredAt: String?
        var change: String?
    }

    @Sendable func recordPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal()
        let rules = try await database.candidateRules(by: principal)
        var rows: [RecordRow] = []
        // Not yet sat: upcoming, or open and not started. Those are on "我的考试".
        for exam in try await database.myExams(by: principal) where exam.phase != .upcoming && !(exam.phase == .open && exam.standing == .notStarted) {
            let review = exam.attemptId == nil ? nil : try await database.myScoreReview(exam: exam.examId, by: principal)
            let rule = rules[exam.examId]
            rows.append(RecordRow(
                examId: exam.examId, title: exam.title, opens: exam.opensAt.chinaTime, closes: exam.closesAt.chinaTime,
                standing: exam.phase == .released ? "\(exam.standing.label) · \(exam.phase.label)" : exam.standing.label,
                result: Self.result(exam) ?? (exam.standing == .finished ? CandidateWording.waiting(rule?.review) : "—"),
                certificate: rule?.certifies == true && exam.outcome == .passed,
                attemptHref: exam.attemptId.map { "/my/attempts/\($0)" },
                review: review.map(ReviewView.init), canRequest: exam.canRequestReview && review == nil,
                reviewDays: rule?.reviewRequestDays ?? 0))
        }
        // Awards from final selections (评优遴选), for those with a staff record.
        var awards: [SelectionAward] = []
        if let number = principal.staffNumber { awards = try await database.selectionAwards(ofStaff: number, by: principal) }
        let content: [String: Any] = ["rows": rows, "awards": awards.map(SelectionAwardRow.init), "hasAwards": !awards.isEmpty]
        return pages.render("my-record", title: "我的记录", path: "/my/record", session: context.session, content: content, styles: Self.styles)
    }

    @Sendable func requestReview(_ request: Request, context: AppRequestContext) async throws -> Response {
        let fields = try await FormFields.from(request, context: context)
        _ = try await database.requestScoreReview(
            exam: try context.parameters.require("exam", as: Int64.self), reason: fields["reason"] ?? "", by: try context.principal())
        return .redirect(to: "/my/record", type: .normal)
    }
}

extension MyPagesController.ReviewView {
    init(_ review: ScoreReview) {
        requestedAt = review.requestedAt.chinaTime
        reason = review.reason
        answer = review.reply
        answeredAt = review.answeredAt?.chinaTime
        change = review.answeredAt == nil ? nil : "复核结果：\(review.result)"
    }
}
