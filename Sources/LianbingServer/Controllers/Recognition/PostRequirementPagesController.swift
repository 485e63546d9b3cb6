import Foundation
import Hummingbird
import LianbingCore
import LianbingFormats
import LianbingStore

/// 持证上岗 per post in the browser: the settings page (which posts require a certificate, which qualifications
/// satisfy them, the grace period; the province's administrators edit, everyone else reads) and the compliance report
/// of an administrator's subtree, by child unit with a click down the tree, the overdue holders, and CSV downloads.
struct PostRequirementPagesController {
    let database: AppDatabase
    let pages: PageRenderer

    /// Overdue holders shown on the page; the download has them all.
    static let lackingShown = 100

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/post-requirements", use: settingsPage)
        router.post("/post-requirements", use: set)
        router.post("/post-requirements/remove", use: remove)
        router.get("/certification-compliance", use: reportPage)
        router.get("/certification-compliance.csv", use: csv)
        router.get("/certification-compliance.xlsx", use: csv)
    }

    // MARK: - Settings

    struct Row: Sendable {
        var post: String
        var qualifications: String
        var graceDays: Int
        var actor: String
        var updatedAt: String
    }

    struct QualificationChoice: Sendable {
        var field: String
        var name: String
        var kind: String
        var checked: Bool
    }

    struct SettingsContent {
        var rows: [Row]
        var canEdit: Bool
        var isAdmin: Bool
        var posts: [SelectOption]
        var qualifications: [QualificationChoice]
        var graceDays: String
        var problems: [String]
        var hasProblems: Bool
        var notice: String?
    }

    /// The form as typed: the post, the checked qualifications (`q<ID>` fields) and the grace days.
    struct Form: Sendable {
        var post = ""
        var qualificationIds: [Int64] = []
        var graceDays = "180"
    }

    @Sendable func settingsPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let notice: String? =
            switch request.query("done") {
            case "set": "已保存持证上岗要求。"
            case "removed": "已取消该岗位的持证上岗要求。"
            default: nil
            }
        return try await renderSettings(context, form: Form(), problems: [], notice: notice, status: .ok)
    }

    @Sendable func set(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.admin)
        let fields = try await FormFields.from(request, context: context)
        let qualifications = try await database.qualifications()
        let form = Form(
            post: fields["post"]?.trimmingCharacters(in: .whitespaces) ?? "",
            qualificationIds: qualifications.map(\.id).filter { fields["q\($0)"] != nil }.sorted(),
            graceDays: fields["grace_days"]?.trimmingCharacters(in: .whitespaces) ?? "")
        do {
            guard let days = Int(form.graceDays) else {
                throw LianbingError.invalid("宽限期须为 \(PostRequirement.graceDayRange.lowerBound) 到 \(PostRequirement.graceDayRange.upperBound) 天之间的整数")
            }
            try await database.setPostRequirement(post: form.post, qualificationIds: form.qualificationIds, graceDays: days, by: principal)
            return .redirect(to: "/post-requirements?done=set", type: .normal)
        } catch let error as LianbingError {
            guard let status = TrainingPagesController.formStatus(error) else { throw error }
            return try await renderSettings(context, form: form, problems: [error.message], notice: nil, status: status)
        }
    }

    @Sendable func remove(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.admin)
        let fields = try await FormFields.from(request, context: context)
        do {
            try await database.removePostRequirement(post: fields["post"] ?? "", by: principal)
            return .redirect(to: "/post-requirements?done=removed", type: .normal)
        } catch let error as LianbingError {
            guard let status = TrainingPagesController.formStatus(error) else { throw error }
            return try await renderSettings(context, form: Form(), problems: [error.message], notice: nil, status: status)
        }
    }

    private func renderSettings(_ context: AppRequestContext, form: Form, problems: [String], notice: String?, status: HTTPResponse.Status)
        async throws -> Response
    {
        let principal = try context.principal()
        let listings = try await database.postRequirements()
        let posts = try await database.posts()
        let qualifications = try await database.qualifications()
        let chosenPost = form.post.isEmpty ? (posts.first ?? "") : form.post
        let content = SettingsContent(
            rows: listings.map {
                Row(
                    post: $0.post, qualifications: $0.qualificationNames, graceDays: $0.requirement.graceDays, actor: $0.actor,
                    updatedAt: ChinaTime.format($0.updatedAt))
            },
            canEdit: try await database.mayEditPostRequirements(principal), isAdmin: principal.has(.admin),
            posts: posts.map { SelectOption(value: $0, label: $0, selected: $0 == chosenPost) },
            qualifications: qualifications.map {
                QualificationChoice(
                    field: "q\($0.id)", name: $0.name, kind: $0.kind.label,
                    checked: form.qualificationIds.contains($0.id) || (form.qualificationIds.isEmpty && problems.isEmpty && $0.kind == .internal))
            },
            graceDays: form.graceDays, problems: problems, hasProblems: !problems.isEmpty, notice: notice)
        return pages.render(
            "post-requirements", title: "持证上岗岗位", path: principal.has(.admin) ? "/certificates" : "/", session: context.session, content: content,
            status: status, styles: ["manage.css"])
    }

    // MARK: - Compliance

    struct Crumb: Sendable {
        var name: String
        var href: String
    }

    struct ReportContent {
        var unitName: String
        var levelName: String
        var crumbs: [Crumb]
        var hasCrumbs: Bool
        var today: String
        var share: String
        var holders: Int
        var lackingCount: Int
        var inGraceCount: Int
        var hasRequirements: Bool
        var requirements: [String]
        var table: ReportTableView
        var lacking: ReportTableView
        var inGrace: ReportTableView
    }

    @Sendable func reportPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.admin)
        let query = try ReportQuery(request)
        var ancestors: [UnitListing] = []
        if let code = query.unit { ancestors = try await database.unitDetail(code, for: principal).ancestors }
        let report = try await database.certificationCompliance(unit: query.unit, on: query.on, for: principal)
        let code = report.unit.code
        let links = report.rows.map { row -> String? in
            row.ownStaffOnly ? nil : Pager.href("/certification-compliance", query: ["unit": row.unit.code])
        } + [nil]
        let listings = try await database.postRequirements()
        let inGraceTable = ReportTable(
            title: "宽限期内尚未取得证书的人员（\(report.inGrace.count) 人，最先到期者在前）", columns: ["工号", "姓名", "单位", "岗位", "任现岗日期", "宽限期至"],
            rows: report.inGrace.map { [$0.number, $0.name, $0.unitName, $0.post, $0.startedOn?.description ?? "不详", $0.date?.description ?? "—"] })
        let content = ReportContent(
            unitName: report.unit.name, levelName: report.unit.level.displayName,
            crumbs: ancestors.map { Crumb(name: $0.name, href: Pager.href("/certification-compliance", query: ["unit": $0.code])) },
            hasCrumbs: !ancestors.isEmpty, today: report.today.description, share: Figure.percent(ofFraction: report.total.counts.share),
            holders: report.total.counts.holders, lackingCount: report.lacking.count, inGraceCount: report.inGrace.count,
            hasRequirements: !listings.isEmpty,
            requirements: listings.map { "\($0.post)：\($0.qualificationNames)（宽限期 \($0.requirement.graceDays) 天）" },
            table: ReportTableView(
                report.table, id: "compliance-table", csv: Pager.href("/certification-compliance.csv", query: ["unit": code]),
                xlsx: Pager.href("/certification-compliance.xlsx", query: ["unit": code]), links: links,
                totalRow: true, chart: ReportTableView.barChart(report.table, column: "持证率", title: "各单位持证上岗率")),
            lacking: ReportTableView(
                report.lackingTable, id: "lacking-table", csv: Pager.href("/certification-compliance.csv", query: ["unit": code, "table": "lacking"]),
                xlsx: Pager.href("/certification-compliance.xlsx", query: ["unit": code, "table": "lacking"]),
                limit: Self.lackingShown),
            inGrace: ReportTableView(inGraceTable, id: "in-grace-table", csv: nil, limit: Self.lackingShown))
        return pages.render(
            "certification-compliance", title: "持证上岗情况", path: "/certificates", session: context.session, content: content,
            styles: ["manage.css", "dashboard.css"])
    }

    /// `table=lacking` for the overdue holders; else the table by unit — as `lianbing cert compliance --out` writes them,
    /// as CSV or (`.xlsx`) a workbook.
    @Sendable func csv(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.admin)
        let query = try ReportQuery(request)
        let report = try await database.certificationCompliance(unit: query.unit, on: query.on, for: principal)
        let lacking = request.query("table") == "lacking"
        let code = report.unit.code.filter { $0.isASCII && ($0.isLetter || $0.isNumber) }
        let name = lacking ? "certification-lacking-\(code)" : "certification-compliance-\(code)"
        return try TableDownload.response(
            lacking ? report.lackingTable : report.table, format: TableDownload.format(request), name: name, fallback: name,
            exportedAt: database.clock())
    }
}
