import Foundation
import Hummingbird
import LianbingCore
import LianbingFormats
import LianbingStore

/// What a selection comes to on paper and in files: the whole result (every candidate's line) as CSV or Excel for its
/// administrators; the list (公示名单, 获奖名单) as CSV or Excel and as a printable A4 page for everyone who may read it; and,
/// once final, one 荣誉证书 per winner.
struct SelectionExportsController {
    let database: AppDatabase
    let pages: PageRenderer

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/selections/:selection/result.csv", use: resultCSV)
        router.get("/selections/:selection/result.xlsx", use: resultCSV)
        router.get("/selections/:selection/list.csv", use: listCSV)
        router.get("/selections/:selection/list.xlsx", use: listCSV)
        router.get("/selections/:selection/print", use: printPage)
        router.get("/selections/:selection/certificates", use: certificatesPage)
        SelectionCandidateController(database: database, pages: pages).addRoutes(to: router)
    }

    private func selection(_ context: AppRequestContext) async throws -> Selection {
        try await database.selection(try SelectionPagesController.selection(context), by: try context.principal())
    }

    /// Every candidate's line: what only the selection's administrators see.
    private func resultTable(_ context: AppRequestContext) async throws -> (Selection, ReportTable) {
        let selection = try await selection(context)
        guard selection.manageable else { throw LianbingError.forbidden("只有遴选单位及其上级的管理员可以导出计算结果") }
        guard let table = selection.resultTable else { throw LianbingError.conflict("遴选尚未计算，没有结果可以导出") }
        return (selection, table)
    }

    /// CSV, or at `result.xlsx` the workbook.
    @Sendable func resultCSV(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (selection, table) = try await resultTable(context)
        let name = "selection-\(selection.id)-result"
        return try TableDownload.response(table, format: TableDownload.format(request), name: name, fallback: name, exportedAt: database.clock())
    }

    /// CSV, or at `list.xlsx` the workbook.
    @Sendable func listCSV(_ request: Request, context: AppRequestContext) async throws -> Response {
        let selection = try await selection(context)
        let name = "selection-\(selection.id)-list"
        return try TableDownload.response(
            selection.nomineeTable, format: TableDownload.format(request), name: name, fallback: name, exportedAt: database.clock())
    }

    struct PrintContent {
        var selection: SelectionHeading
        var heading: String
        var nominees: [SelectionNomineeRow]
        var hasNominees: Bool
        var facts: [Fact]
        var provisional: String?
        var isNotice: Bool
    }

    /// The list on A4 (portrait): the public notice (公示) while published, the award list once final.
    @Sendable func printPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let selection = try await selection(context)
        let provisional: String? =
            switch selection.status {
            case .draft: "尚未计算，没有名单。"
            case .computed: "尚未公示，以下为拟入选名单（内部核对用）。"
            case .published, .final: nil
            }
        var facts = [Fact(label: "遴选单位", value: selection.unitName), Fact(label: "评选期间", value: "\(selection.rules.from) 至 \(selection.rules.through)")]
        if let ends = selection.noticeEndsOn { facts.append(Fact(label: "公示截止", value: ends.description)) }
        if let finalised = selection.finalisedAt { facts.append(Fact(label: "定稿日期", value: ChinaTime.civilDate(of: finalised).description)) }
        let nominees = SelectionNomineeRow.rows(selection)
        let content = PrintContent(
            selection: SelectionHeading(selection),
            heading: "\(selection.title) \(selection.status == .final ? "获奖名单" : selection.status == .published ? "公示名单" : "拟入选名单")",
            nominees: nominees, hasNominees: !nominees.isEmpty, facts: facts, provisional: provisional,
            isNotice: selection.status == .published)
        return pages.render(
            "selection-print", title: content.heading, path: "/selections", session: context.session, content: content,
            styles: SelectionPagesController.styles)
    }

    struct CertificatesContent {
        var selection: SelectionHeading
        var certificates: [PrintableCertificate]
        var count: Int
        var error: String?
    }

    /// One A4 landscape 荣誉证书 per winner, for the selection's administrators, once final.
    @Sendable func certificatesPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let selection = try await selection(context)
        guard selection.manageable else { throw LianbingError.forbidden("只有遴选单位及其上级的管理员可以打印荣誉证书") }
        let final = selection.status == .final
        let certificates = final ? SelectionCertificates.make(selection) : []
        let content = CertificatesContent(
            selection: SelectionHeading(selection), certificates: certificates, count: certificates.count,
            error: final ? nil : "遴选定稿后才能打印荣誉证书。")
        return pages.render(
            "selection-certificates", title: "荣誉证书 · \(selection.title)", path: "/selections", session: context.session, content: content,
            status: final ? .ok : .conflict, styles: ["certificate.css"])
    }
}
