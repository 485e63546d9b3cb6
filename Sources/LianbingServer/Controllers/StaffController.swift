import Hummingbird
import LianbingCore
import LianbingStore

/// The staff roster of the caller's subtree, searchable and paged.
struct StaffController {
    let database: AppDatabase
    let pages: PageRenderer

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/api/v1/staff", use: apiList)
        router.get("/api/v1/staff/:number", use: apiDetail)
        router.get("/staff", use: listPage)
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
        var unit: String
        var unitName: String?
        var rows: [StaffJSON]
        var total: Int
        var pager: Pager
    }

    @Sendable func listPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.trainer)
        let query = request.query("q")
        let unit = request.query("unit")
        let page = try await database.staff(query: query, unit: unit, page: PageRequest(page: request.queryInt("page"), perPage: 50), for: principal)
        var unitName: String?
        if let unit { unitName = try await database.unitDetail(unit, for: principal).unit.name }
        let content = ListContent(
            query: query ?? "", unit: unit ?? "", unitName: unitName, rows: page.items.map(StaffJSON.init), total: page.total,
            pager: Pager(page: page, path: "/staff", query: ["q": query, "unit": unit]))
        return pages.render("staff", title: "工作人员", path: "/staff", session: context.session, content: content)
    }

    struct MemberContent: Sendable {
        var staff: StaffJSON
        var training: StaffTrainingView
        /// Awards from final selections (评优遴选).
        var awards: [SelectionAwardRow]
    }

    @Sendable func detailPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.trainer)
        let listing = try await database.staffMember(try context.parameters.require("number"), for: principal)
        let training = try await StaffTrainingView.load(listing.staff.number, leftOn: listing.staff.leftOn, for: principal, database: database)
        return pages.render(
            "staff-member", title: listing.staff.name, path: "/staff", session: context.session,
            content: MemberContent(
                staff: StaffJSON(listing), training: training,
                awards: try await database.selectionAwards(ofStaff: listing.staff.number, by: principal).map(SelectionAwardRow.init)))
    }
}
