import Foundation
import Hummingbird
import LianbingCore
import LianbingFormats
import LianbingStore

/// The expert pools (专家库) as JSON: trainers and administrators list the pools of their subtree and, read-only,
/// those of the units above it, with what each expert taught, and the experts matching a session's topics;
/// administrators add, change, remove and import the experts of their subtree's pools. Scope and roles are the
/// store's.
struct ExpertsController {
    let database: AppDatabase

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/api/v1/experts", use: list)
        router.post("/api/v1/experts", use: create)
        router.get("/api/v1/experts/activity", use: activity)
        router.uploads(.file).post("/api/v1/experts/import", use: importFile)
        router.put("/api/v1/experts/:expert", use: update)
        router.delete("/api/v1/experts/:expert", use: delete)
        router.get("/api/v1/training/sessions/:session/experts", use: suggestions)
    }

    /// `q` (name, 工作单位及职务 or staff number), `specialty` (a knowledge point and everything under it), `category`
    /// and `unit` (pools at or under it) narrow the list.
    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> JSONBody<[ExpertJSON]> {
        let principal = try context.principal(.trainer)
        let experts = try await database.experts(
            query: request.query("q"), specialty: request.query("specialty"), category: try Self.category(request), unit: request.query("unit"),
            for: principal)
        return JSONBody(experts.map(ExpertJSON.init))
    }

    static func category(_ request: Request) throws -> ExpertCategory? {
        guard let text = request.query("category") else { return nil }
        guard let category = ExpertCategory(label: text) else {
            throw LianbingError.invalid("category 须为 高校专家、行业精英 或 业务骨干（或 university、industry、backbone）")
        }
        return category
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> JSONBody<ExpertJSON> {
        let principal = try context.principal(.trainer)
        let body = try await request.decodeJSON(ExpertRequest.self, context: context)
        return JSONBody(ExpertJSON(try await database.addExpert(try body.draft(), by: principal)), status: .created)
    }

    @Sendable func update(_ request: Request, context: AppRequestContext) async throws -> JSONBody<ExpertJSON> {
        let principal = try context.principal(.trainer)
        let id = try Self.expert(context)
        let body = try await request.decodeJSON(ExpertRequest.self, context: context)
        return JSONBody(ExpertJSON(try await database.updateExpert(id, try body.draft(), by: principal)))
    }

    @Sendable func delete(_ request: Request, context: AppRequestContext) async throws -> HTTPResponse.Status {
        try await database.removeExpert(try Self.expert(context), by: try context.principal(.trainer))
        return .noContent
    }

    /// The body is the CSV file itself (`姓名,单位编码,类别,专长,工作单位及职务,工号`; `Content-Type: text/csv`; UTF-8 or
    /// GB18030), or an .xlsx workbook in the same columns (`TableUpload`). All or nothing: a refused file answers 422
    /// naming every bad line.
    @Sendable func importFile(_ request: Request, context: AppRequestContext) async throws -> JSONBody<ExpertImportSummary> {
        let principal = try context.principal(.trainer)
        guard TableUpload.accepts(contentType: request.headers[.contentType]) else { throw HTTPError(.unsupportedMediaType) }
        var request = request
        let data = Data(try await request.collectBody(upTo: context.maxUploadSize).readableBytesView)
        return JSONBody(try await Self.importExperts(data, database: database, by: principal))
    }

    /// Reads the file and hands it to the store; a file unusable as a whole is refused as the store refuses bad lines.
    static func importExperts(_ data: Data, database: AppDatabase, by principal: Principal) async throws -> ExpertImportSummary {
        let file = "专家库"
        switch ExpertCSV.read(data, file: file) {
        case .failure(let failure): throw LianbingError.importRejected(failure)
        case .success(let parsed): return try await database.importExperts(parsed, file: file, by: principal)
        }
    }

    /// Sessions taught and hours per expert; `unit` narrows to pools at or under it, `from` and `to` (China dates) to
    /// sessions starting between them.
    @Sendable func activity(_ request: Request, context: AppRequestContext) async throws -> JSONBody<ExpertActivityReportJSON> {
        let principal = try context.principal(.trainer)
        let report = try await database.expertActivity(
            unit: request.query("unit"), from: try request.queryDate("from"), to: try request.queryDate("to"), for: principal)
        return JSONBody(ExpertActivityReportJSON(report))
    }

    /// Experts whose specialties cover the session's topics, best first: of the organiser's pools and those above.
    @Sendable func suggestions(_ request: Request, context: AppRequestContext) async throws -> JSONBody<[ExpertMatchJSON]> {
        let principal = try context.principal(.trainer)
        let session = try await database.trainingSession(try TrainingSessionsController.session(context), for: principal)
        return JSONBody(try await Self.suggestions(for: session, database: database, by: principal).map(ExpertMatchJSON.init))
    }

    /// The experts matching a session's topics; none for a session without topics. An ancestor unit's session, shown
    /// read-only, gets none: its organiser is not the caller's to staff.
    static func suggestions(for session: TrainingSession, database: AppDatabase, by principal: Principal) async throws -> [ExpertMatch] {
        guard session.isManaged, !session.topics.isEmpty else { return [] }
        return try await database.experts(forTopics: session.topics, organiser: session.unitCode, for: principal)
    }

    static func expert(_ context: AppRequestContext) throws -> Int64 { try context.parameters.require("expert", as: Int64.self) }
}
