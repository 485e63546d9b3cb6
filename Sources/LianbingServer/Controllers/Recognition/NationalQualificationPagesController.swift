import Foundation
import Hummingbird
import LianbingCore
import LianbingStore

/// National qualifications in the browser: administrators review those recorded by staff of their subtree (the scan a
/// link away) and accept or reject them. Staff record theirs on 我的证书 (`CertificatePagesController.myPage`, with
/// `qualification.js`, which uploads through the JSON API).
struct NationalQualificationPagesController {
    let database: AppDatabase
    let pages: PageRenderer

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/national-qualifications", use: listPage)
        router.post("/national-qualifications/:id/accept", use: accept)
        router.post("/national-qualifications/:id/reject", use: reject)
    }

    /// A record as a table row, for both lists.
    struct Row: Sendable {
        var id: Int64
        var holderName: String
        var staffNumber: String
        var unitName: String
        var qualification: String
        var level: String
        var certificateNumber: String
        var issuer: String
        var issuedOn: String
        var scanPath: String?
        var scanLabel: String?
        var status: String
        var reviewNote: String?
        var isPending: Bool
        var canUpload: Bool

        init(_ record: NationalQualification) {
            id = record.id
            holderName = record.holderName
            staffNumber = record.staffNumber
            unitName = record.unitName
            qualification = record.qualification
            level = record.level.rawValue
            certificateNumber = record.certificateNumber
            issuer = record.issuer
            issuedOn = record.issuedOn.description
            scanPath = record.hasScan ? "/api/v1/national-qualifications/\(record.id)/scan" : nil
            scanLabel = record.scanType.map { format in
                (format == .pdf ? "PDF" : "图片") + (record.scanSize.map { "，\(Self.size($0))" } ?? "")
            }
            status = record.status.label
            reviewNote = record.reviewNote
            isPending = record.status == .pending
            canUpload = record.status != .accepted
        }

        static func size(_ bytes: Int) -> String {
            bytes >= 1024 * 1024 ? String(format: "%.1f MB", Double(bytes) / 1_048_576) : "\(max(1, bytes / 1024)) KB"
        }
    }

    struct StatusChoice: Sendable {
        var value: String
        var label: String
        var selected: Bool
    }

    struct ListContent {
        var rows: [Row]
        var total: Int
        var q: String
        var statuses: [StatusChoice]
        var pager: Pager
        var error: String?
        var back: String
    }

    @Sendable func listPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await render(request, context: context, error: nil, status: .ok)
    }

    private func render(_ request: Request, context: AppRequestContext, error: String?, status: HTTPResponse.Status) async throws -> Response {
        let principal = try context.principal(.admin)
        var filter = try NationalQualificationsController.filter(request)
        // The list opens on what waits for review; `status=all` shows everything.
        if request.query("status") == nil { filter.status = .pending }
        let page = try await database.nationalQualifications(filter, page: PageRequest(page: request.queryInt("page"), perPage: 50), by: principal)
        let query: [String: String?] = ["q": filter.query, "status": filter.status?.rawValue ?? "all", "unit": filter.unit]
        let content = ListContent(
            rows: page.items.map(Row.init), total: page.total, q: filter.query ?? "",
            statuses: NationalQualificationStatus.allCases.map { StatusChoice(value: $0.rawValue, label: $0.label, selected: $0 == filter.status) },
            pager: Pager(page: page, path: "/national-qualifications", query: query), error: error,
            back: Pager.href("/national-qualifications", query: query, page: page.page > 1 ? page.page : nil))
        return pages.render(
            "national-qualifications", title: "国家职业资格审核", path: "/certificates", session: context.session, content: content, status: status)
    }

    @Sendable func accept(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await review(request, context: context, accept: true)
    }

    @Sendable func reject(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await review(request, context: context, accept: false)
    }

    private func review(_ request: Request, context: AppRequestContext, accept: Bool) async throws -> Response {
        let principal = try context.principal(.admin)
        let id = try NationalQualificationsController.id(context)
        let fields = try await FormFields.from(request, context: context)
        do {
            _ = try await database.reviewNationalQualification(id, accept: accept, note: fields["note"], by: principal)
        } catch let error as LianbingError {
            guard let status = TrainingPagesController.formStatus(error) else { throw error }
            return try await render(request, context: context, error: error.message, status: status)
        }
        // Back to the list the form was on (`back`, a path of this list only).
        let back = fields["back"].flatMap { $0.hasPrefix("/national-qualifications") && !$0.hasPrefix("//") ? $0 : nil }
        return .redirect(to: back ?? "/national-qualifications", type: .normal)
    }
}

/// The staff's own section of 我的证书: their records and the form that records one with its scan.
struct MyQualificationsView: Sendable {
    var rows: [NationalQualificationPagesController.Row]
    var levels: [String]
    var today: String
    var maxMegabytes: Int
}
