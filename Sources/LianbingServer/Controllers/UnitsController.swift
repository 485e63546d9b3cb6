import Hummingbird
import LianbingCore
import LianbingStore

/// The five-level tree: JSON for the on-demand tree view, HTML for browsing.
struct UnitsController {
    let database: AppDatabase
    let pages: PageRenderer

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/api/v1/units", use: apiList)
        router.get("/api/v1/units/:code", use: apiDetail)
        router.get("/units", use: treePage)
        router.get("/units/:code", use: detailPage)
    }

    @Sendable func apiList(_ request: Request, context: AppRequestContext) async throws -> JSONBody<[UnitJSON]> {
        let units = try await database.units(parent: request.query("parent"), for: try context.principal())
        return JSONBody(units.map(UnitJSON.init))
    }

    @Sendable func apiDetail(_ request: Request, context: AppRequestContext) async throws -> JSONBody<UnitDetailJSON> {
        let detail = try await database.unitDetail(try context.parameters.require("code"), for: try context.principal())
        return JSONBody(UnitDetailJSON(unit: UnitJSON(detail.unit), ancestors: detail.ancestors.map(UnitJSON.init), staffCount: detail.staffCount))
    }

    struct UnitRow {
        var code: String
        var name: String
        var levelName: String
        var childCount: Int
        var hasChildren: Bool

        init(_ listing: UnitListing) {
            code = listing.code
            name = listing.name
            levelName = listing.level.displayName
            childCount = listing.childCount
            hasChildren = listing.childCount > 0
        }
    }

    @Sendable func treePage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.trainer)
        let root = try await database.scopeRoot(for: principal)
        return pages.render("units", title: "单位", path: "/units", session: context.session, content: ["root": UnitRow(root)])
    }

    struct DetailContent {
        var unit: UnitRow
        var ancestors: [UnitRow]
        var children: [UnitRow]
        var hasChildren: Bool
        var staffCount: Int
        var isCentre: Bool
    }

    @Sendable func detailPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.trainer)
        let code: String = try context.parameters.require("code")
        let detail = try await database.unitDetail(code, for: principal)
        let children = try await database.units(parent: code, for: principal)
        let content = DetailContent(
            unit: UnitRow(detail.unit), ancestors: detail.ancestors.map(UnitRow.init), children: children.map(UnitRow.init),
            hasChildren: !children.isEmpty, staffCount: detail.staffCount, isCentre: detail.unit.level.isCentre)
        return pages.render("unit", title: detail.unit.name, path: "/units", session: context.session, content: content)
    }
}
