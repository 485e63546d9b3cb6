import Foundation
import Hummingbird
import LianbingCore
import LianbingStore

/// Certificates (持证上岗) as JSON: administrators list those earned in their subtree (filtered by status or by
/// expiry within N days) and revoke one with a reason; a holder reads their own. Scope and roles are the store's.
struct CertificatesController {
    let database: AppDatabase

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/api/v1/certificates", use: list)
        router.get("/api/v1/certificates/:number", use: show)
        router.post("/api/v1/certificates/:number/revoke", use: revoke)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> JSONBody<PageJSON<CertificateJSON>> {
        let principal = try context.principal(.admin)
        let page = try await database.certificates(
            try Self.filter(request), page: PageRequest(page: request.queryInt("page"), perPage: request.queryInt("per_page")), by: principal)
        return JSONBody(PageJSON(page, CertificateJSON.init))
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> JSONBody<CertificateJSON> {
        JSONBody(CertificateJSON(try await database.certificate(try context.parameters.require("number"), by: try context.principal())))
    }

    struct RevokeRequest: Decodable {
        var reason: String
    }

    @Sendable func revoke(_ request: Request, context: AppRequestContext) async throws -> JSONBody<CertificateJSON> {
        let principal = try context.principal(.admin)
        let body = try await request.decodeJSON(RevokeRequest.self, context: context)
        return JSONBody(CertificateJSON(try await database.revokeCertificate(try context.parameters.require("number"), reason: body.reason, by: principal)))
    }

    /// `unit`, `status` (valid, expired, revoked, superseded), `expiringWithin` (days, 1–3650) and `q` (staff
    /// number or name), for the API and the page alike.
    static func filter(_ request: Request) throws -> CertificateFilter {
        var filter = CertificateFilter(unit: request.query("unit"), query: request.query("q"))
        if let text = request.query("status") {
            guard let status = CertificateStatus(rawValue: text) ?? CertificateStatus.allCases.first(where: { $0.label == text }) else {
                throw LianbingError.invalid("status 须为 valid、expired、revoked 或 superseded")
            }
            filter.status = status
        }
        if let text = request.query("expiringWithin") {
            guard let days = Int(text) else { throw LianbingError.invalid("expiringWithin 须为 1 到 3650 之间的天数") }
            filter.expiringWithinDays = days
        }
        return filter
    }
}

/// A certificate in the API.
struct CertificateJSON: Codable, Sendable {
    var number: String
    var staffNumber: String
    var holderName: String
    var unitCode: String
    var unitName: String
    var qualification: String
    var examId: Int64
    var examTitle: String
    var issuedOn: String
    var expiresOn: String
    var status: String
    var statusLabel: String
    var revokedAt: Date?
    var revokedReason: String?
    var supersededBy: String?
    var verifyPath: String

    init(_ certificate: Certificate) {
        number = certificate.number
        staffNumber = certificate.staffNumber
        holderName = certificate.holderName
        unitCode = certificate.unitCode
        unitName = certificate.unitName
        qualification = certificate.qualification
        examId = certificate.examId
        examTitle = certificate.examTitle
        issuedOn = certificate.issuedOn.description
        expiresOn = certificate.expiresOn.description
        status = certificate.status.rawValue
        statusLabel = certificate.status.label
        revokedAt = certificate.revokedAt
        revokedReason = certificate.revokedReason
        supersededBy = certificate.supersededBy
        verifyPath = "/verify/" + certificate.number
    }
}
