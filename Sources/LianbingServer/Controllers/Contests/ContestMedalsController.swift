import Foundation
import Hummingbird
import LianbingCore
import LianbingStore

/// The medal table (奖牌榜) across contests: per unit, firsts, seconds and thirds of the finished contests organised in a
/// unit's subtree and held in a period, with the teams each unit entered. For trainers and administrators.
struct ContestMedalsController {
    let database: AppDatabase
    let pages: PageRenderer

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/contests/medals", use: medalsPage)
    }

    struct Row: Sendable {
        var unitName: String
        var firsts: Int
        var seconds: Int
        var thirds: Int
        var entered: Int
    }

    struct Content {
        var units: [SelectOption]
        var from: String
        var through: String
        var unitName: String
        var rows: [Row]
        var error: String?
        var shown: Bool
    }

    /// `?unit=` (the caller's own unit by default), `?from=` and `?through=` (this calendar year so far by default).
    @Sendable func medalsPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.trainer)
        let root = try await database.scopeRoot(for: principal)
        let today = ChinaTime.civilDate(of: database.clock())
        let unit = request.query("unit").map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 } ?? root.code
        let fromText = request.query("from") ?? CivilDate(year: today.year, month: 1, day: 1)!.description
        let throughText = request.query("through") ?? today.description
        var units = try await UnitChoices.options(selected: unit, for: principal, database: database)
        // A unit the select does not offer (typed into the address, or deeper) stays chosen.
        if !units.contains(where: \.selected) { units.insert(SelectOption(value: unit, label: unit, selected: true), at: 0) }
        var rows: [Row] = []
        var error: String?
        var status = HTTPResponse.Status.ok
        var unitName = units.first(where: \.selected)?.label.trimmingCharacters(in: .whitespaces) ?? unit
        do {
            guard let from = CivilDate(fromText), let through = CivilDate(throughText) else {
                throw LianbingError.invalid("请填写起止日期（年-月-日）")
            }
            guard from <= through else { throw LianbingError.invalid("开始日期不能晚于结束日期") }
            let lines = try await database.contestMedalTable(unit: unit, from: from, through: through, by: principal)
            unitName = try await database.unitDetail(unit, for: principal).unit.name
            // Teams count for their own units, which may lie below the select's levels: name them from the contests.
            let names = Dictionary(
                try await database.contests(by: principal).flatMap(\.teams).map { ($0.unitCode, $0.unitName) }, uniquingKeysWith: { first, _ in first })
            rows = lines.map {
                Row(unitName: names[$0.unitCode] ?? $0.unitCode, firsts: $0.firsts, seconds: $0.seconds, thirds: $0.thirds, entered: $0.entered)
            }
        } catch let refusal as LianbingError {
            guard let formStatus = ContestPagesController.formStatus(refusal) else { throw refusal }
            error = refusal.message
            status = formStatus
        }
        let content = Content(
            units: units, from: fromText, through: throughText, unitName: unitName, rows: rows, error: error, shown: error == nil)
        return pages.render(
            "contest-medals", title: "奖牌榜", path: "/contests", session: context.session, content: content, status: status,
            styles: ["manage.css", "contests.css"])
    }
}
