import Foundation
import Hummingbird
import LianbingCore
import LianbingStore

/// Training sessions (培训活动) as JSON: trainers and administrators schedule, change, publish, close and delete the
/// sessions of their subtree, and see read-only the sessions of ancestor units that invite their staff.
struct TrainingSessionsController {
    let database: AppDatabase

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/api/v1/training/sessions", use: list)
        router.post("/api/v1/training/sessions", use: create)
        router.get("/api/v1/training/sessions/:session", use: detail)
        router.put("/api/v1/training/sessions/:session", use: update)
        router.delete("/api/v1/training/sessions/:session", use: delete)
        router.post("/api/v1/training/sessions/:session/publish", use: publish)
        router.post("/api/v1/training/sessions/:session/close", use: close)
    }

    /// `unit`, `status`, `from` and `to` (start dates, China time) narrow the list; `page` and `per_page` page it.
    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> JSONBody<PageJSON<TrainingSessionJSON>> {
        let principal = try context.principal(.trainer)
        let filter = try Self.filter(request)
        let page = try await database.trainingSessions(
            filter, page: PageRequest(page: request.queryInt("page"), perPage: request.queryInt("per_page")), for: principal)
        return JSONBody(PageJSON(page, TrainingSessionJSON.init))
    }

    static func filter(_ request: Request) throws -> TrainingSessionFilter {
        var status: TrainingSessionStatus?
        if let text = request.query("status") {
            guard let parsed = TrainingSessionStatus(rawValue: text) else {
                throw LianbingError.invalid("status 须为 draft、published、held 或 closed")
            }
            status = parsed
        }
        return TrainingSessionFilter(unit: request.query("unit"), status: status, from: try request.queryDate("from"), to: try request.queryDate("to"))
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> JSONBody<TrainingSessionJSON> {
        let principal = try context.principal(.trainer)
        let body = try await request.decodeJSON(TrainingSessionRequest.self, context: context)
        let session = try await database.createTrainingSession(try body.draft(), invitees: body.invitees ?? [], by: principal)
        return JSONBody(TrainingSessionJSON(session), status: .created)
    }

    @Sendable func detail(_ request: Request, context: AppRequestContext) async throws -> JSONBody<TrainingSessionJSON> {
        JSONBody(TrainingSessionJSON(try await database.trainingSession(try Self.session(context), for: try context.principal(.trainer))))
    }

    /// Replaces the settings of a session that is not closed; the body is the one `create` takes (without invitees).
    @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> JSONBody<TrainingSessionJSON> {
        let principal = try context.principal(.trainer)
        let id = try Self.session(context)
        let body = try await request.decodeJSON(TrainingSessionRequest.self, context: context)
        return JSONBody(TrainingSessionJSON(try await database.updateTrainingSession(id, try body.draft(), by: principal)))
    }

    @Sendable func delete(_ request: Request, context: AppRequestContext) async throws -> HTTPResponse.Status {
        try await database.deleteTrainingSession(try Self.session(context), by: try context.principal(.trainer))
        return .noContent
    }

    @Sendable func publish(_ request: Request, context: AppRequestContext) async throws -> JSONBody<TrainingSessionJSON> {
        JSONBody(TrainingSessionJSON(try await database.publishTrainingSession(try Self.session(context), by: try context.principal(.trainer))))
    }

    @Sendable func close(_ request: Request, context: AppRequestContext) async throws -> JSONBody<TrainingSessionJSON> {
        JSONBody(TrainingSessionJSON(try await database.closeTrainingSession(try Self.session(context), by: try context.principal(.trainer))))
    }

    static func session(_ context: AppRequestContext) throws -> Int64 { try context.parameters.require("session", as: Int64.self) }
}
