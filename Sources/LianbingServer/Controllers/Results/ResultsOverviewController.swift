import Foundation
import Hummingbird
import LianbingCore
import LianbingFormats
import LianbingStore

/// 成绩总览 for trainers and administrators: how their subtree's staff fared, per child unit, in one centralised exam
/// or in every exam of a period, with a click down the tree, bars of the pass rates beside the table and a monthly
/// trend — server-rendered SVG — and the table as CSV, Excel and JSON. Scope and bounds are the store's.
struct ResultsOverviewController {
    let database: AppDatabase
    let pages: PageRenderer

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/results", use: page)
        router.get("/results/:file", use: download)
        router.get("/api/v1/results/overview", use: api)
    }

    struct Crumb: Sendable {
        var name: String
        var href: String
    }

    struct ExamOption: Sendable {
        var value: String
        var label: String
        var selected: Bool
    }

    struct Tile: Sendable {
        var label: String
        var value: String
        var detail: String
    }

    struct Content {
        var unitCode: String
        var unitName: String
        var levelName: String
        var crumbs: [Crumb]
        var scope: String
        var exams: [ExamOption]
        var from: String
        var to: String
        var isPeriod: Bool
        var tiles: [Tile]
        var table: ReportTableView
        var participationLine: String
        var passLine: String
        var months: ReportTableView
    }

    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.trainer)
        let query = try ResultsQuery(request)
        let overview = try await query.overview(database, for: principal)
        // The unit's place in the tree, for the breadcrumbs: only ancestors inside the caller's scope.
        let ancestors = try await database.unitDetail(overview.unit.code, for: principal).ancestors
        let code = overview.unit.code
        let links = overview.rows.map { $0.ownStaffOnly ? nil : Self.href(unit: $0.unit.code, overview) }
        let total = overview.total.tally
        let isPeriod = overview.exam == nil
        let meanLabel = isPeriod ? "平均分（百分制）" : "平均分"
        let content = Content(
            unitCode: code, unitName: overview.unit.name, levelName: overview.unit.level.displayName,
            crumbs: ancestors.map { Crumb(name: $0.name, href: Self.href(unit: $0.code, overview)) },
            scope: overview.exam.map { "考试：\($0.title)（\($0.unitName)组织，\(ChinaTime.format($0.opensAt)) 开考）" }
                ?? overview.period.map { "\($0.from) 至 \($0.to) 开考的全部考试，共 \(overview.examCount) 场" } ?? "",
            exams: [ExamOption(value: "", label: "全部考试", selected: isPeriod)]
                + overview.centralisedExams.map {
                    ExamOption(
                        value: String($0.id), label: "\($0.title)（\(ChinaTime.civilDate(of: $0.opensAt))）", selected: $0.id == overview.exam?.id)
                },
            from: overview.period?.from.description ?? query.from?.description ?? "",
            to: overview.period?.to.description ?? query.to?.description ?? "", isPeriod: isPeriod,
            tiles: [
                Tile(label: "应考", value: String(total.candidates), detail: "在岗 \(overview.total.staff) 人"),
                Tile(label: "参考率", value: ResultTally.percentText(total.participation), detail: "参考 \(total.participated) 人"),
                Tile(label: "通过率", value: ResultTally.percentText(total.passRate), detail: "有成绩 \(total.scored) 人，通过 \(total.passed) 人"),
                Tile(label: meanLabel, value: ResultTally.meanText(isPeriod ? total.meanPercent : total.meanScore), detail: "有成绩者的平均"),
            ],
            table: ReportTableView(
                overview.table, id: "overview-table", csv: Export.overview.href(query, unit: code),
                xlsx: Export.workbook.href(query, unit: code), links: links, totalRow: true,
                chart: ReportTableView.barChart(overview.table, column: "通过率", title: "各单位通过率")),
            participationLine: Self.line(overview.months, title: "每月参考率") { $0.participation },
            passLine: Self.line(overview.months, title: "每月通过率") { $0.passRate },
            months: ReportTableView(
                overview.monthTable, id: "months-table", csv: Export.months.href(query, unit: code),
                xlsx: Export.monthsWorkbook.href(query, unit: code)))
        return pages.render(
            "results-overview", title: "成绩总览", path: "/results", session: context.session, content: content,
            styles: ["manage.css", "dashboard.css"])
    }

    /// The same view of another unit: the exam or the period shown stays.
    static func href(unit: String, _ overview: ResultsOverview) -> String {
        Pager.href(
            "/results",
            query: ["unit": unit, "exam": overview.exam.map { String($0.id) }, "from": overview.period?.from.description,
                    "to": overview.period?.to.description])
    }

    /// A month's rate as a line over 100, the month by number on the axis (the table gives the year).
    static func line(_ months: [ResultsOverviewMonth], title: String, rate: (ResultTally) -> Double?) -> String {
        guard !months.isEmpty else { return "" }
        let points = months.map { month -> ChartBar in
            let share = rate(month.tally)
            let number = Int(month.month.suffix(2)) ?? 0
            return ChartBar(
                label: String(number), value: (share ?? 0) * 100, text: "\(ResultTally.percentText(share))（\(month.month.prefix(4))年\(number)月）")
        }
        return SVGLineChart.svg(title: "\(title)（\(months.first!.month) 至 \(months.last!.month)）", points: points, maximum: 100)
    }

    /// The downloads, by file name.
    enum Export: String, CaseIterable {
        case overview = "overview.csv"
        case months = "months.csv"
        /// Both tables, one sheet each.
        case workbook = "overview.xlsx"
        case monthsWorkbook = "months.xlsx"

        func href(_ query: ResultsQuery, unit: String) -> String {
            Pager.href(
                "/results/\(rawValue)",
                query: ["unit": unit, "exam": query.exam.map(String.init), "from": query.from?.description, "to": query.to?.description])
        }
    }

    @Sendable func download(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.trainer)
        guard let export = Export(rawValue: try context.parameters.require("file")) else { throw LianbingError.notFound("下载文件") }
        let overview = try await ResultsQuery(request).overview(database, for: principal)
        let name = "results-\(overview.unit.code.filter { $0.isASCII && ($0.isLetter || $0.isNumber) })"
        switch export {
        case .overview: return TrainingReportsController.csvResponse(overview.table, filename: "\(name).csv")
        case .months, .monthsWorkbook:
            return try TableDownload.response(
                overview.monthTable, format: export == .months ? .csv : .xlsx, name: "\(name)-months", fallback: "\(name)-months",
                exportedAt: database.clock())
        case .workbook:
            let tables = overview.months.isEmpty ? [overview.table] : [overview.table, overview.monthTable]
            return Response(
                status: .ok,
                headers: [
                    .contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    .contentDisposition: "attachment; filename=\"\(name).xlsx\"", .cacheControl: "no-store",
                ],
                body: .init(byteBuffer: ByteBuffer(bytes: try WorkbookWriter.encode(tables, exportedAt: database.clock()))))
        }
    }

    @Sendable func api(_ request: Request, context: AppRequestContext) async throws -> JSONBody<ResultsOverview> {
        let principal = try context.principal(.trainer)
        return JSONBody(try await ResultsQuery(request).overview(database, for: principal))
    }

    /// The province administrator's home: the overview of the cities over the last twelve months. `nil` for everyone
    /// else, whose home stays as it was.
    static func homeBlock(_ database: AppDatabase, for principal: Principal) async throws -> ReportTableView? {
        guard principal.role == .admin, principal.scope.codes.count == 1 else { return nil }
        let overview = try await database.resultsOverview(for: principal)
        return ReportTableView(
            overview.table, id: "home-results-table", csv: nil, links: overview.rows.map { $0.ownStaffOnly ? nil : href(unit: $0.unit.code, overview) },
            totalRow: true, chart: ReportTableView.barChart(overview.table, column: "通过率", title: "各市通过率"))
    }
}

/// What the overview takes from the query: `unit` (a code in the caller's scope; default the top of it), `exam` (a
/// centralised exam's id) or the period `from`–`to` (`YYYY-MM-DD`, China dates; default the last twelve months).
struct ResultsQuery: Sendable {
    var unit: String?
    var exam: Int64?
    var from: CivilDate?
    var to: CivilDate?

    init(_ request: Request) throws {
        unit = request.query("unit")?.trimmingCharacters(in: .whitespaces)
        if unit?.isEmpty == true { unit = nil }
        if let text = request.query("exam")?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            guard let id = Int64(text) else { throw LianbingError.invalid("exam（考试）须为考试编号") }
            exam = id
        }
        from = try ReportQuery.date(request.query("from"), field: "from（起始日期）")
        to = try ReportQuery.date(request.query("to"), field: "to（截止日期）")
    }

    func overview(_ database: AppDatabase, for principal: Principal) async throws -> ResultsOverview {
        try await database.resultsOverview(unit: unit, exam: exam, from: from, to: to, for: principal)
    }
}
