import Hummingbird
import LianbingCore
import LianbingFormats
import LianbingStore

/// The staff roster of the caller's subtree, searchable, filtered and paged, and each person's page.
struct StaffController {
    let database: AppDatabase
    let pages: PageRenderer

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/api/v1/staff", use: apiList)
        router.get("/api/v1/staff/:number", use: apiDetail)
        router.get("/staff", use: listPage)
        router.get("/staff.csv", use: rosterFile)
        router.get("/staff.xlsx", use: rosterFile)
        router.get("/staff/:number", use: detailPage)
    }

    @Sendable func apiList(_ request: Request, context: AppRequestContext) async throws -> JSONBody<PageJSON<StaffJSON>> {
        let page = try await database.staff(
            query: request.query("q"), unit: request.query("unit"),
            page: PageRequest(page: request.queryInt("page"), perPage: request.queryInt("per_page")), for: try context.principal(.trainer))
        return JSONBody(PageJSON(page, StaffJSON.init))
    }

    @Sendable func apiDetail(_ request: Request, context: AppRequestContext) async throws -> JSONBody<StaffJSON> {
        let listing = try await database.staffMember(try context.parameters.require("number"), for: try context.principal(.trainer))
        return JSONBody(StaffJSON(listing))
    }

    struct ListContent {
        var query: String
        var unitName: String?
        var units: [SelectOption]
        var posts: [SelectOption]
        var veteran: [SelectOption]
        var status: [SelectOption]
        var rows: [Row]
        var total: Int
        var pager: Pager
        var canManage: Bool
        var notice: String?
        /// The downloads carry the list's search and filters.
        var csv: String
        var xlsx: String
    }

    struct Row {
        var staff: StaffJSON
        var hasLeft: Bool
        var leftOn: String?
    }

    /// The list's filters: `unit` (subtree), `post`, `veteran` (`1`/`0`) and `status` (`active` 在岗, `left` 已离职).
    static func filter(_ request: Request) -> StaffFilter {
        StaffFilter(
            post: request.query("post"), isVeteran: request.query("veteran").map { $0 == "1" },
            hasLeft: request.query("status").flatMap { ["active": false, "left": true][$0] })
    }

    /// The roster as the list shows it (same search and filters, every page), in the import format: CSV, or at
    /// `staff.xlsx` the workbook.
    @Sendable func rosterFile(_ request: Request, context: AppRequestContext) async throws -> Response {
        let staff = try await database.roster(
            query: request.query("q"), unit: request.query("unit"), filter: Self.filter(request), for: try context.principal(.trainer))
        return try TableDownload.response(
            StaffCSV.table(staff, title: "花名册"), format: TableDownload.format(request), name: "花名册", fallback: "staff",
            exportedAt: database.clock())
    }

    @Sendable func listPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.trainer)
        let (query, unit, post) = (request.query("q"), request.query("unit"), request.query("post"))
        let veteran = request.query("veteran"), status = request.query("status")
        let filter = Self.filter(request)
        let filters = ["q": query, "unit": unit, "post": post, "veteran": veteran, "status": status]
        let page = try await database.staff(
            query: query, unit: unit, filter: filter, page: PageRequest(page: request.queryInt("page"), perPage: 50), for: principal)
        var unitName: String?
        if let unit { unitName = try await database.unitDetail(unit, for: principal).unit.name }
        let today = ChinaTime.civilDate(of: database.clock())
        let choose = { (value: String?, all: String, options: [(String, String)]) in
            [SelectOption(value: "", label: all, selected: value == nil)]
                + options.map { SelectOption(value: $0.0, label: $0.1, selected: $0.0 == value) }
        }
        var units = try await UnitChoices.options(selected: unit ?? "", for: principal, database: database)
        if let unit, !units.contains(where: \.selected) { units.append(SelectOption(value: unit, label: unitName ?? unit, selected: true)) }
        let content = ListContent(
            query: query ?? "", unitName: unitName, units: [SelectOption(value: "", label: "全部单位", selected: unit == nil)] + units,
            posts: choose(post, "全部岗位", try await database.posts().map { ($0, $0) }),
            veteran: choose(veteran, "退役军人不限", [("1", "退役军人"), ("0", "非退役军人")]),
            status: choose(status, "在岗和已离职", [("active", "在岗"), ("left", "已离职")]),
            rows: page.items.map { listing in
                let left = listing.staff.leftOn
                return Row(staff: StaffJSON(listing), hasLeft: left.map { $0 <= today } ?? false, leftOn: left?.description)
            },
            total: page.total,
            pager: Pager(page: page, path: "/staff", query: filters),
            canManage: principal.has(.admin), notice: request.query("imported").map { "花名册已导入：\($0)" },
            csv: Pager.href("/staff.csv", query: filters), xlsx: Pager.href("/staff.xlsx", query: filters))
        return pages.render("staff", title: "工作人员", path: "/staff", session: context.session, content: content)
    }

    @Sendable func detailPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await StaffMemberPage.render(
            try context.parameters.require("number"), problem: nil, notice: request.query("done").flatMap { StaffMemberPage.notices[$0] },
            context: context, database: database, pages: pages)
    }
}
