import Foundation
import Hummingbird
import LianbingCore
import LianbingStore

/// National qualifications (退役军人事务员) as JSON: staff record their own and upload the scanned certificate (the
/// raw file as the body of `PUT …/scan`, at most 5 MB, JPEG, PNG or PDF by its first bytes); administrators list those
/// of their subtree, read the scans and accept or reject them. Scope and roles are the store's.
struct NationalQualificationsController {
    let database: AppDatabase
    let files: FileStore

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/api/v1/national-qualifications", use: list)
        router.post("/api/v1/national-qualifications", use: create)
        router.get("/api/v1/my/national-qualifications", use: mine)
        router.get("/api/v1/national-qualifications/:id", use: show)
        router.uploads(.scan).put("/api/v1/national-qualifications/:id/scan", use: upload)
        router.get("/api/v1/national-qualifications/:id/scan", use: scan)
        router.post("/api/v1/national-qualifications/:id/accept", use: accept)
        router.post("/api/v1/national-qualifications/:id/reject", use: reject)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> JSONBody<PageJSON<NationalQualificationJSON>> {
        let principal = try context.principal(.admin)
        let page = try await database.nationalQualifications(
            try Self.filter(request), page: PageRequest(page: request.queryInt("page"), perPage: request.queryInt("per_page")), by: principal)
        return JSONBody(PageJSON(page, NationalQualificationJSON.init))
    }

    @Sendable func mine(_ request: Request, context: AppRequestContext) async throws -> JSONBody<[NationalQualificationJSON]> {
        JSONBody(try await database.myNationalQualifications(by: try context.principal()).map(NationalQualificationJSON.init))
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> JSONBody<NationalQualificationJSON> {
        let principal = try context.principal()
        let draft = try await request.decodeJSON(NationalQualificationDraft.self, context: context)
        return JSONBody(NationalQualificationJSON(try await database.recordNationalQualification(draft, by: principal)), status: .created)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> JSONBody<NationalQualificationJSON> {
        JSONBody(NationalQualificationJSON(try await database.nationalQualification(try Self.id(context), by: try context.principal())))
    }

    /// The body is the file itself, `Content-Type` image/jpeg, image/png or application/pdf (415 otherwise); over
    /// 5 MB answers 413 (`UploadLimit.scan`), content that is not what it claims 400.
    @Sendable func upload(_ request: Request, context: AppRequestContext) async throws -> JSONBody<NationalQualificationJSON> {
        let principal = try context.principal()
        let id = try Self.id(context)
        // Out of scope is "not found" whatever the body: ask the store before reading it.
        _ = try await database.nationalQualification(id, by: principal)
        guard let declared = request.headers[.contentType].flatMap(ScanFormat.init(contentType:)) else {
            throw HTTPError(.unsupportedMediaType)
        }
        var request = request
        let data = Data(try await request.collectBody(upTo: context.maxUploadSize).readableBytesView)
        return JSONBody(
            NationalQualificationJSON(try await database.attachQualificationScan(id, data: data, declared: declared, files: files, by: principal)))
    }

    /// The scan, to its holder and the administrators over them: images shown in the browser, PDFs downloaded.
    @Sendable func scan(_ request: Request, context: AppRequestContext) async throws -> Response {
        let scan = try await database.qualificationScan(try Self.id(context), files: files, by: try context.principal())
        let disposition = scan.format == .pdf ? "attachment" : "inline"
        return Response(
            status: .ok,
            headers: [
                .contentType: scan.format.mediaType, .contentDisposition: "\(disposition); filename=\"\(scan.filename)\"",
                .cacheControl: "private, no-store", .init("X-Content-Type-Options")!: "nosniff",
            ],
            body: .init(byteBuffer: ByteBuffer(bytes: scan.data)))
    }

    struct ReviewRequest: Decodable {
        var note: String?
    }

    @Sendable func accept(_ request: Request, context: AppRequestContext) async throws -> JSONBody<NationalQualificationJSON> {
        try await review(request, context: context, accept: true)
    }

    @Sendable func reject(_ request: Request, context: AppRequestContext) async throws -> JSONBody<NationalQualificationJSON> {
        try await review(request, context: context, accept: false)
    }

    private func review(_ request: Request, context: AppRequestContext, accept: Bool) async throws -> JSONBody<NationalQualificationJSON> {
        let principal = try context.principal(.admin)
        let body = try await request.decodeJSON(ReviewRequest.self, context: context)
        return JSONBody(
            NationalQualificationJSON(try await database.reviewNationalQualification(try Self.id(context), accept: accept, note: body.note, by: principal)))
    }

    static func id(_ context: AppRequestContext) throws -> Int64 {
        guard let id = Int64(try context.parameters.require("id")), id > 0 else { throw LianbingError.notFound("国家职业资格记录") }
        return id
    }

    /// `unit`, `status` (pending, accepted, rejected) and `q` (staff number or name), for the API and the page alike.
    static func filter(_ request: Request) throws -> NationalQualificationFilter {
        var filter = NationalQualificationFilter(unit: request.query("unit"), query: request.query("q"))
        if let text = request.query("status") {
            guard let status = NationalQualificationStatus(parsing: text) else { throw LianbingError.invalid("status 须为 pending、accepted 或 rejected") }
            filter.status = status
        }
        if let query = filter.query, query.count > 64 { throw LianbingError.invalid("q 不超过 64 个字") }
        return filter
    }
}

/// A recorded national qualification in the API.
struct NationalQualificationJSON: Codable, Sendable {
    var id: Int64
    var staffNumber: String
    var holderName: String
    var unitCode: String
    var unitName: String
    var qualificationId: Int64
    var qualification: String
    var level: String
    var certificateNumber: String
    var issuer: String
    var issuedOn: String
    var hasScan: Bool
    var scanType: String?
    var scanSize: Int?
    var scanPath: String?
    var status: String
    var statusLabel: String
    var submittedAt: Date
    var submittedBy: String
    var reviewedAt: Date?
    var reviewedBy: String?
    var reviewNote: String?

    init(_ record: NationalQualification) {
        id = record.id
        staffNumber = record.staffNumber
        holderName = record.holderName
        unitCode = record.unitCode
        unitName = record.unitName
        qualificationId = record.qualificationId
        qualification = record.qualification
        level = record.level.rawValue
        certificateNumber = record.certificateNumber
        issuer = record.issuer
        issuedOn = record.issuedOn.description
        hasScan = record.hasScan
        scanType = record.scanType?.mediaType
        scanSize = record.scanSize
        scanPath = record.hasScan ? "/api/v1/national-qualifications/\(record.id)/scan" : nil
        status = record.status.rawValue
        statusLabel = record.status.label
        submittedAt = record.submittedAt
        submittedBy = record.submittedBy
        reviewedAt = record.reviewedAt
        reviewedBy = record.reviewedBy
        reviewNote = record.reviewNote
    }
}
