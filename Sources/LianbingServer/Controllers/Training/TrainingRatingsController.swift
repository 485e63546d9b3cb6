import Foundation
import Hummingbird
import LianbingCore
import LianbingStore

/// The evaluation (评估) as JSON: an attendee rates a session they attended (1–5 and a comment; again replaces it),
/// organisers read the ratings of their subtree's sessions per session, kind or trainer; and a member of staff's own
/// training record (我的培训).
struct TrainingRatingsController {
    let database: AppDatabase

    func addRoutes(to router: Router<AppRequestContext>) {
        router.post("/api/v1/training/sessions/:session/ratings", use: rate)
        router.get("/api/v1/training/ratings", use: ratings)
        router.get("/api/v1/me/training", use: myTraining)
    }

    @Sendable func rate(_ request: Request, context: AppRequestContext) async throws -> HTTPResponse.Status {
        let principal = try context.principal()
        let id = try TrainingSessionsController.session(context)
        let body = try await request.decodeJSON(RatingRequest.self, context: context)
        try await database.rateTraining(id, score: body.score, comment: body.comment ?? "", by: principal)
        return .noContent
    }

    /// `by=session|kind|trainer` (default session); `unit` narrows to a subtree of the caller's.
    @Sendable func ratings(_ request: Request, context: AppRequestContext) async throws -> JSONBody<[RatingSummary]> {
        let principal = try context.principal(.trainer)
        let grouping = try Self.grouping(request.query("by"))
        return JSONBody(try await database.trainingRatings(grouping: grouping, unit: request.query("unit"), for: principal))
    }

    static func grouping(_ text: String?) throws -> RatingGrouping {
        guard let text else { return .session }
        guard let grouping = RatingGrouping(rawValue: text) else { throw LianbingError.invalid("by 须为 session、kind 或 trainer") }
        return grouping
    }

    @Sendable func myTraining(_ request: Request, context: AppRequestContext) async throws -> JSONBody<MyTrainingJSON> {
        let principal = try context.principal()
        let record = try await database.myTraining(for: principal)
        return JSONBody(MyTrainingJSON(record, openSignIns: try await database.openSignIns(for: principal)))
    }
}
