import Foundation
import Hummingbird
import LianbingCore
import LianbingFormats
import LianbingStore

/// 培训统计: the training dashboard of a subtree for trainers and administrators — coverage, the half-year rule,
/// curriculum completion and staff composition, each by child unit with a click down the tree, bars beside each
/// table and a monthly attendance line, all server-rendered SVG. Every table is one of the reports' `ReportTable`s
/// and downloads as CSV through `TrainingReportsController`.
struct TrainingDashboardController {
    let database: AppDatabase
    let pages: PageRenderer

    /// People of the uncovered list shown on the page; the download has them all.
    static let uncoveredShown = 50
    /// Units of the warning list shown on the page.
    static let warningsShown = 50
    /// Trainers of the evaluation shown on the page.
    static let trainersShown = 20

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/training/dashboard", use: page)
    }

    struct Crumb: Sendable {
        var name: String
        var href: String
    }

    struct Tile: Sendable {
        var label: String
        var value: String
        var detail: String
        var href: String
    }

    struct HalfOption: Sendable {
        var value: String
        var label: String
        var selected: Bool
    }

    struct Content {
        var unitCode: String
        var unitName: String
        var levelName: String
        var crumbs: [Crumb]
        var hasCrumbs: Bool
        var today: String
        var cycle: String
        var halfLabel: String
        var halves: [HalfOption]
        var tiles: [Tile]
        var coverage: ReportTableView
        var uncovered: ReportTableView
        var halfYear: ReportTableView
        var warnings: ReportTableView
        var warningNote: String
        var nonCompliantCount: Int
        var nonCompliantCSV: String
        var nonCompliantXLSX: String
        var curriculum: ReportTableView
        var curriculumPeopleCSV: String
        var curriculumPeopleXLSX: String
        var composition: ReportTableView
        var flagged: ReportTableView
        var lineChart: String
        var attendanceRange: String
        var attendance: ReportTableView
        var ratingsByKind: ReportTableView
        var ratingsByTrainer: ReportTableView
        var ratingsBySessionCSV: String
        var ratingsBySessionXLSX: String
        var planHref: String
    }

    @Sendable func page(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.trainer)
        let query = try ReportQuery(request)
        // The unit first: one outside the scope is a 404 before any report is read.
        let unit: UnitListing
        var ancestors: [UnitListing] = []
        if let code = query.unit {
            let detail = try await database.unitDetail(code, for: principal)
            unit = detail.unit
            ancestors = detail.ancestors
        } else {
            unit = try await database.scopeRoot(for: principal)
        }
        let code = unit.code
        async let coverageReport = database.coverageReport(unit: code, on: query.on, for: principal)
        async let halfYearReport = database.halfYearReport(unit: code, halfYear: query.half, on: query.on, for: principal)
        async let curriculumReport = database.curriculumReport(unit: code, on: query.on, for: principal)
        async let compositionReport = database.compositionReport(unit: code, on: query.on, for: principal)
        async let seriesReport = database.attendanceSeries(unit: code, on: query.on, for: principal)
        async let ratingReport = database.ratingReport(unit: code, for: principal)
        let coverage = try await coverageReport
        let halfYear = try await halfYearReport
        let curriculum = try await curriculumReport
        let composition = try await compositionReport
        let series = try await seriesReport
        let ratings = try await ratingReport
        let half = query.half?.description

        func drill(_ unit: ReportUnit, own: Bool) -> String? {
            own ? nil : Pager.href("/training/dashboard", query: ["unit": unit.code, "half": half])
        }
        let coverageLinks = coverage.rows.map { drill($0.unit, own: $0.ownStaffOnly) }
        let halfYearLinks = halfYear.rows.map { drill($0.unit, own: $0.ownUnitOnly) }
        let curriculumLinks = curriculum.rows.map { drill($0.unit, own: $0.ownStaffOnly) }
        let compositionLinks = composition.rows.map { drill($0.unit, own: $0.ownStaffOnly) }
        typealias Export = TrainingReportsController.Export
        let halfYearValue = halfYear.halfYear

        // The axis names months by number (`12`), which stays inside the narrow chart even for the last point; the
        // tooltip and the table beside it give the year.
        let points = series.months.map { entry -> ChartBar in
            let month = Int(entry.month.suffix(2)) ?? 0
            return ChartBar(
                label: String(month), value: Double(entry.personDays), text: "\(entry.personDays) 人天（\(entry.month.prefix(4))年\(month)月）")
        }
        let daysLeft = halfYearValue.lastDay - halfYear.today
        let warningNote: String =
            if HalfYear(containing: halfYear.today) != halfYearValue {
                halfYear.today > halfYearValue.lastDay ? "该半年已结束，未组织的单位见下方下载。" : "该半年尚未开始。"
            } else if halfYear.today < halfYear.warningsFrom {
                "距\(halfYearValue.label)结束还有 \(daysLeft) 天，\(halfYear.warningsFrom) 起列出仍未组织业务培训的单位。"
            } else {
                "距\(halfYearValue.label)结束还有 \(daysLeft) 天，以下单位仍未组织业务培训。"
            }

        let content = Content(
            unitCode: code, unitName: unit.name, levelName: unit.level.displayName,
            crumbs: ancestors.map { Crumb(name: $0.name, href: Pager.href("/training/dashboard", query: ["unit": $0.code, "half": half])) },
            hasCrumbs: !ancestors.isEmpty, today: coverage.today.description,
            cycle: "\(coverage.cycle.start) 至 \(coverage.cycle.lastDay)", halfLabel: halfYearValue.label,
            halves: Self.halfOptions(today: halfYear.today, selected: halfYearValue),
            tiles: [
                Tile(
                    label: "全覆盖", value: Figure.percent(ofFraction: coverage.total.counts.share),
                    detail: "应训 \(coverage.total.counts.due) 人，未覆盖 \(coverage.total.counts.uncovered) 人", href: "#coverage"),
                Tile(
                    label: "半年培训达标", value: Figure.percent(ofFraction: halfYear.total.share),
                    detail: "应组织 \(halfYear.total.obliged) 个单位，已组织 \(halfYear.total.compliant) 个", href: "#half-year"),
                Tile(
                    label: "培训标准达标", value: Figure.percent(ofFraction: curriculum.total.counts.share),
                    detail: "有标准 \(curriculum.total.counts.withStandard) 人，达标 \(curriculum.total.counts.meeting) 人", href: "#curriculum"),
                Tile(
                    label: "退役军人及优抚对象占比", value: Figure.percent(ofFraction: composition.total.current.veteranShare),
                    detail: "在岗 \(composition.total.current.staff) 人，原则上不低于三分之一", href: "#composition"),
            ],
            coverage: ReportTableView(
                coverage.table, id: "coverage-table", csv: Export.coverage.href(unit: code),
                xlsx: Export.coverage.href(unit: code, format: .xlsx), links: coverageLinks, totalRow: true,
                chart: ReportTableView.barChart(coverage.table, column: "覆盖率", title: "各单位培训覆盖率")),
            uncovered: ReportTableView(
                coverage.uncoveredTable, id: "uncovered-table", csv: Export.coveragePeople.href(unit: code),
                xlsx: Export.coveragePeople.href(unit: code, format: .xlsx), limit: Self.uncoveredShown),
            halfYear: ReportTableView(
                halfYear.table, id: "half-year-table", csv: Export.halfYear.href(unit: code, half: query.half),
                xlsx: Export.halfYear.href(unit: code, half: query.half, format: .xlsx), links: halfYearLinks, totalRow: true,
                chart: ReportTableView.barChart(halfYear.table, column: "达标率", title: "各单位半年培训达标率")),
            warnings: ReportTableView(
                halfYear.warningTable, id: "warning-table", csv: Export.halfYearWarnings.href(unit: code, half: query.half),
                xlsx: Export.halfYearWarnings.href(unit: code, half: query.half, format: .xlsx),
                limit: Self.warningsShown),
            warningNote: warningNote, nonCompliantCount: halfYear.nonCompliant.count,
            nonCompliantCSV: Export.halfYearUnits.href(unit: code, half: query.half),
            nonCompliantXLSX: Export.halfYearUnits.href(unit: code, half: query.half, format: .xlsx),
            curriculum: ReportTableView(
                curriculum.table, id: "curriculum-table", csv: Export.curriculum.href(unit: code),
                xlsx: Export.curriculum.href(unit: code, format: .xlsx), links: curriculumLinks, totalRow: true,
                chart: ReportTableView.barChart(curriculum.table, column: "达标率", title: "各单位培训标准达标率")),
            curriculumPeopleCSV: Export.curriculumPeople.href(unit: code),
            curriculumPeopleXLSX: Export.curriculumPeople.href(unit: code, format: .xlsx),
            composition: ReportTableView(
                composition.table, id: "composition-table", csv: Export.composition.href(unit: code),
                xlsx: Export.composition.href(unit: code, format: .xlsx), links: compositionLinks, totalRow: true,
                chart: ReportTableView.barChart(composition.table, column: "占比", title: "各单位退役军人及其他优抚对象占比")),
            flagged: ReportTableView(composition.flaggedTable, id: "flagged-table", csv: Export.compositionFlagged.href(unit: code),
                xlsx: Export.compositionFlagged.href(unit: code, format: .xlsx)),
            lineChart: SVGLineChart.svg(title: "每月培训出勤人天（\(series.months.first?.month ?? "") 至 \(series.months.last?.month ?? "")）", points: points),
            attendanceRange: "\(series.months.first?.month ?? "") 至 \(series.months.last?.month ?? "")",
            attendance: ReportTableView(series.table, id: "attendance-table", csv: Export.attendance.href(unit: code),
                xlsx: Export.attendance.href(unit: code, format: .xlsx)),
            ratingsByKind: ReportTableView(ratings.byKind, id: "ratings-kind-table", csv: Export.ratingsKind.href(unit: code),
                xlsx: Export.ratingsKind.href(unit: code, format: .xlsx)),
            ratingsByTrainer: ReportTableView(
                ratings.byTrainer, id: "ratings-trainer-table", csv: Export.ratingsTrainer.href(unit: code),
                xlsx: Export.ratingsTrainer.href(unit: code, format: .xlsx), limit: Self.trainersShown),
            ratingsBySessionCSV: Export.ratingsSession.href(unit: code),
            ratingsBySessionXLSX: Export.ratingsSession.href(unit: code, format: .xlsx),
            planHref: Pager.href("/training/plan", query: ["unit": code]))
        return pages.render(
            "training-dashboard", title: "培训统计", path: "/training/dashboard", session: context.session, content: content,
            styles: ["manage.css", "dashboard.css"])
    }

    /// The half-year shown and the three before it.
    static func halfOptions(today: CivilDate, selected: HalfYear) -> [HalfOption] {
        var halves: [HalfYear] = [HalfYear(containing: today)]
        while halves.count < 4, let previous = Self.previous(halves.last!) { halves.append(previous) }
        if !halves.contains(selected) { halves.insert(selected, at: 0) }
        return halves.map { HalfOption(value: $0.description, label: $0.label, selected: $0 == selected) }
    }

    static func previous(_ half: HalfYear) -> HalfYear? {
        half.half == 2 ? HalfYear(year: half.year, half: 1) : HalfYear(year: half.year - 1, half: 2)
    }
}
