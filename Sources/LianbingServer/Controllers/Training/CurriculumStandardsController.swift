import Foundation
import Hummingbird
import LianbingCore
import LianbingStore

/// Curriculum standards (培训内容与标准) as JSON: what each post at each level must complete per cycle. Anyone signed in
/// reads them (they are what everyone is measured by); the store lets only the province's administrators set a new
/// version.
struct CurriculumStandardsController {
    let database: AppDatabase

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/api/v1/training/standards", use: list)
        router.post("/api/v1/training/standards", use: set)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> JSONBody<CurriculumStandardListJSON> {
        JSONBody(CurriculumStandardListJSON(try await database.curriculumStandards(for: try context.principal())))
    }

    /// Adds a version for one post and level; versions are never changed.
    @Sendable func set(_ request: Request, context: AppRequestContext) async throws -> JSONBody<CurriculumStandardJSON> {
        let principal = try context.principal(.admin)
        let body = try await request.decodeJSON(CurriculumStandardRequest.self, context: context)
        let standard = try await database.setCurriculumStandard(
            post: body.post, level: try body.unitLevel, hours: body.hours, topics: body.topics ?? [], effectiveFrom: body.effectiveFrom,
            by: principal)
        return JSONBody(CurriculumStandardJSON(standard), status: .created)
    }
}
