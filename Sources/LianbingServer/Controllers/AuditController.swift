import Foundation
import Hummingbird
import LianbingCore
import LianbingFormats
import LianbingStore

/// The audit log (操作日志) of the caller's subtree, for administrators: as JSON, as a page, as CSV or a workbook.
struct AuditController {
    let database: AppDatabase
    let pages: PageRenderer

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/api/v1/audit", use: apiList)
        router.get("/audit", use: page)
        router.get("/audit.csv", use: csv)
        router.get("/audit.xlsx", use: csv)
    }

    @Sendable func apiList(_ request: Request, context: AppRequestContext) async throws -> JSONBody<Page<AuditEntry>> {
        let principal = try context.principal(.admin)
        return JSONBody(try await database.auditLog(
            Self.filter(request), page: PageRequest(page: request.queryInt("page"), perPage: request.queryInt("per_page")), by: principal))
    }

    struct Row {
        var at: String
        var actor: String
        var action: String
        var subject: String
        var detail: String
    }

    struct Content {
        var rows: [Row]
        var total: Int
        var action: String
        var actor: String
        var unit: String
        var csv: String
        var xlsx: String
        var pager: Pager?
    }

    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.admin)
        let filter = Self.filter(request)
        let found = try await database.auditLog(filter, page: PageRequest(page: request.queryInt("page"), perPage: 50), by: principal)
        let query = ["action": filter.action, "actor": filter.actor, "unit": filter.unit]
        let content = Content(
            rows: found.items.map { Row(at: $0.at.chinaTime, actor: $0.actor, action: $0.action, subject: $0.subject, detail: $0.detail) },
            total: found.total, action: filter.action ?? "", actor: filter.actor ?? "", unit: filter.unit ?? "",
            csv: Pager.href("/audit.csv", query: query), xlsx: Pager.href("/audit.xlsx", query: query),
            pager: found.pageCount > 1 ? Pager(page: found, path: "/audit", query: query) : nil)
        return pages.render("audit", title: "操作日志", path: "/audit", session: context.session, content: content, styles: ["manage.css"])
    }

    /// The same file as `lianbing audit export`, with the page's filter: CSV, or at `audit.xlsx` the workbook.
    @Sendable func csv(_ request: Request, context: AppRequestContext) async throws -> Response {
        let entries = try await database.auditLogExport(Self.filter(request), by: try context.principal(.admin))
        return try TableDownload.response(
            AuditCSV.table(entries), format: TableDownload.format(request), name: "audit", fallback: "audit", exportedAt: database.clock())
    }

    private static func filter(_ request: Request) -> AuditFilter {
        let value = { (name: String) in request.query(name).map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 } }
        return AuditFilter(action: value("action"), actor: value("actor"), unit: value("unit"))
    }
}
