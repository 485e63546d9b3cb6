import Hummingbird
import LianbingCore
import LianbingStore

/// 以考促学 over the JSON API: the caller's 推荐学习, and a unit's weak knowledge points (which the session form offers
/// as topics).
struct RecommendationsController {
    let database: AppDatabase

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/api/v1/my/recommendations", use: mine)
        router.get("/api/v1/units/:code/weak-points", use: unitWeakPoints)
    }

    @Sendable func mine(_ request: Request, context: AppRequestContext) async throws -> JSONBody<[StudyRecommendation]> {
        JSONBody(try await database.recommendations(by: try context.principal()))
    }

    @Sendable func unitWeakPoints(_ request: Request, context: AppRequestContext) async throws -> JSONBody<UnitWeakPoints> {
        JSONBody(try await database.weakPoints(ofUnit: try context.parameters.require("code"), by: try context.principal(.trainer)))
    }
}
