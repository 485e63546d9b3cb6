import Foundation
import Hummingbird
import LianbingCore
import LianbingStore

/// 持证上岗 per post as JSON: which posts require a certificate (anyone signed in reads them; the province's
/// administrators set and remove them) and, for administrators, the compliance of their subtree. Scope, roles and
/// bounds are the store's; the server only parses.
struct PostRequirementsController {
    let database: AppDatabase

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/api/v1/post-requirements", use: list)
        router.put("/api/v1/post-requirements/:post", use: set)
        router.delete("/api/v1/post-requirements/:post", use: remove)
        router.get("/api/v1/certification-compliance", use: compliance)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> JSONBody<[PostRequirementJSON]> {
        _ = try context.principal()
        return JSONBody(try await database.postRequirements().map(PostRequirementJSON.init))
    }

    struct SetRequest: Decodable {
        var qualificationIds: [Int64]
        var graceDays: Int
    }

    @Sendable func set(_ request: Request, context: AppRequestContext) async throws -> JSONBody<PostRequirementJSON> {
        let principal = try context.principal(.admin)
        let body = try await request.decodeJSON(SetRequest.self, context: context)
        let listing = try await database.setPostRequirement(
            post: try Self.post(context), qualificationIds: body.qualificationIds, graceDays: body.graceDays, by: principal)
        return JSONBody(PostRequirementJSON(listing))
    }

    @Sendable func remove(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.admin)
        try await database.removePostRequirement(post: try Self.post(context), by: principal)
        return Response(status: .noContent)
    }

    @Sendable func compliance(_ request: Request, context: AppRequestContext) async throws -> JSONBody<CertificationComplianceReport> {
        let principal = try context.principal(.admin)
        let query = try ReportQuery(request)
        return JSONBody(try await database.certificationCompliance(unit: query.unit, on: query.on, for: principal))
    }

    /// The post named in the path, percent-decoded (主任（站长） arrives encoded).
    static func post(_ context: AppRequestContext) throws -> String {
        let raw = try context.parameters.require("post")
        return raw.removingPercentEncoding ?? raw
    }
}

/// A post's certificate requirement in the API.
struct PostRequirementJSON: Codable, Sendable {
    struct QualificationJSON: Codable, Sendable {
        var id: Int64
        var name: String
        var kind: String
    }

    var post: String
    var qualificationIds: [Int64]
    var qualifications: [QualificationJSON]
    var graceDays: Int
    var updatedAt: Date
    var actor: String

    init(_ listing: PostRequirementListing) {
        post = listing.post
        qualificationIds = listing.requirement.qualificationIds
        qualifications = listing.qualifications.map { QualificationJSON(id: $0.id, name: $0.name, kind: $0.kind.rawValue) }
        graceDays = listing.requirement.graceDays
        updatedAt = listing.updatedAt
        actor = listing.actor
    }
}
