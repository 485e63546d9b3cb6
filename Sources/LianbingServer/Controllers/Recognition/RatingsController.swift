import Foundation
import Hummingbird
import LianbingCore
import LianbingStore

/// 满意度评定 as JSON, for administrators of a subtree: the ranked report, the ratings, typing in paper and
/// telephone surveys, hiding a comment, follow-ups, a unit's rating address and who is listed on it.
struct RatingsController {
    let database: AppDatabase

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/api/v1/ratings/report", use: report)
        router.get("/api/v1/ratings", use: list)
        router.post("/api/v1/ratings", use: enter)
        router.post("/api/v1/ratings/:rating/hide", use: hide)
        router.get("/api/v1/ratings/follow-ups", use: followUps)
        router.post("/api/v1/ratings/:rating/follow-up", use: closeFollowUp)
        router.get("/api/v1/units/:code/rating-station", use: station)
        router.post("/api/v1/units/:code/rating-station/token", use: replaceToken)
        router.put("/api/v1/staff/:number/rating-listing", use: listing)
    }

    struct EntryRequest: Decodable {
        var unitCode: String
        var attitude: Int
        var efficiency: Int
        var outcome: Int
        var comment: String?
        var staffNumber: String?
        var source: RatingSource
        var at: Date?
    }

    struct HideRequest: Decodable { var reason: String }
    struct FollowUpRequest: Decodable { var outcome: RatingFollowUpOutcome; var note: String? }
    struct ListingRequest: Decodable { var listed: Bool }

    @Sendable func report(_ request: Request, context: AppRequestContext) async throws -> JSONBody<SatisfactionReport> {
        JSONBody(try await database.satisfactionReport(unit: request.query("unit"), by: try context.principal(.admin)))
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> JSONBody<PageJSON<SatisfactionRating>> {
        let principal = try context.principal(.admin)
        let page = try await database.ratings(
            RatingFilter(unit: request.query("unit"), openFollowUps: request.query("follow_up") == "open"),
            page: PageRequest(page: request.queryInt("page"), perPage: request.queryInt("per_page")), by: principal)
        return JSONBody(PageJSON(page) { $0 })
    }

    @Sendable func enter(_ request: Request, context: AppRequestContext) async throws -> JSONBody<SatisfactionRating> {
        let principal = try context.principal(.admin)
        let body = try await request.decodeJSON(EntryRequest.self, context: context)
        let draft = RatingDraft(
            scores: [.attitude: body.attitude, .efficiency: body.efficiency, .outcome: body.outcome], comment: body.comment ?? "",
            staffNumber: body.staffNumber, source: body.source)
        return JSONBody(try await database.enterRating(unitCode: body.unitCode, draft: draft, at: body.at, by: principal), status: .created)
    }

    @Sendable func hide(_ request: Request, context: AppRequestContext) async throws -> JSONBody<SatisfactionRating> {
        let principal = try context.principal(.admin)
        let body = try await request.decodeJSON(HideRequest.self, context: context)
        return JSONBody(try await database.hideRatingComment(try RatingPagesController.rating(context), reason: body.reason, by: principal))
    }

    @Sendable func followUps(_ request: Request, context: AppRequestContext) async throws -> JSONBody<[SatisfactionRating]> {
        let principal = try context.principal(.admin)
        return JSONBody(try await database.ratingFollowUps(unit: request.query("unit"), openOnly: request.query("all") == nil, by: principal))
    }

    @Sendable func closeFollowUp(_ request: Request, context: AppRequestContext) async throws -> JSONBody<SatisfactionRating> {
        let principal = try context.principal(.admin)
        let body = try await request.decodeJSON(FollowUpRequest.self, context: context)
        return JSONBody(
            try await database.closeRatingFollowUp(try RatingPagesController.rating(context), outcome: body.outcome, note: body.note ?? "", by: principal))
    }

    @Sendable func station(_ request: Request, context: AppRequestContext) async throws -> JSONBody<RatingStation> {
        JSONBody(try await database.ratingStation(try RatingPagesController.code(context), by: try context.principal(.admin)))
    }

    @Sendable func replaceToken(_ request: Request, context: AppRequestContext) async throws -> JSONBody<RatingStation> {
        JSONBody(try await database.replaceRatingToken(try RatingPagesController.code(context), by: try context.principal(.admin)))
    }

    @Sendable func listing(_ request: Request, context: AppRequestContext) async throws -> HTTPResponse.Status {
        let principal = try context.principal()
        guard let number = context.parameters.get("number"), !number.isEmpty, number.count <= 64 else { throw LianbingError.notFound("工作人员") }
        let body = try await request.decodeJSON(ListingRequest.self, context: context)
        try await database.setRatingListing(number, listed: body.listed, by: principal)
        return .noContent
    }
}
