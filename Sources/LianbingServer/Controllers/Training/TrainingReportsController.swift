import Foundation
import Hummingbird
import LianbingCore
import LianbingFormats
import LianbingStore

/// The training reports for trainers and administrators: as JSON (the typed reports, the same `lianbing training
/// report … --json` prints) and every table of them as a CSV download, drawn from the reports' own `ReportTable`s so
/// the page, the spreadsheet and the command line never disagree. Scope, bounds and rules are the store's; the server
/// only parses.
struct TrainingReportsController {
    let database: AppDatabase

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/api/v1/training/reports/coverage", use: coverage)
        router.get("/api/v1/training/reports/half-year", use: halfYear)
        router.get("/api/v1/training/reports/composition", use: composition)
        router.get("/api/v1/training/reports/curriculum", use: curriculum)
        router.get("/training/reports/:file", use: csv)
    }

    @Sendable func coverage(_ request: Request, context: AppRequestContext) async throws -> JSONBody<CoverageReport> {
        let principal = try context.principal(.trainer)
        let query = try ReportQuery(request)
        return JSONBody(try await database.coverageReport(unit: query.unit, on: query.on, for: principal))
    }

    @Sendable func halfYear(_ request: Request, context: AppRequestContext) async throws -> JSONBody<HalfYearReport> {
        let principal = try context.principal(.trainer)
        let query = try ReportQuery(request)
        return JSONBody(try await database.halfYearReport(unit: query.unit, halfYear: query.half, on: query.on, for: principal))
    }

    @Sendable func composition(_ request: Request, context: AppRequestContext) async throws -> JSONBody<CompositionReport> {
        let principal = try context.principal(.trainer)
        let query = try ReportQuery(request)
        return JSONBody(try await database.compositionReport(unit: query.unit, on: query.on, for: principal))
    }

    @Sendable func curriculum(_ request: Request, context: AppRequestContext) async throws -> JSONBody<CurriculumReport> {
        let principal = try context.principal(.trainer)
        let query = try ReportQuery(request)
        return JSONBody(try await database.curriculumReport(unit: query.unit, on: query.on, for: principal))
    }

    /// The downloadable tables, by file name (`coverage.csv`, `coverage-people.csv` …).
    enum Export: String, CaseIterable {
        case coverage
        case coveragePeople = "coverage-people"
        case halfYear = "half-year"
        case halfYearUnits = "half-year-units"
        case halfYearWarnings = "half-year-warnings"
        case composition
        case compositionFlagged = "composition-flagged"
        case curriculum
        /// Each person with a standard and their 学时 this cycle (应修学时, 已修学时).
        case curriculumPeople = "curriculum-people"
        /// The dashboard's monthly line.
        case attendance
        /// 培训评估 by kind, by trainer and by session.
        case ratingsKind = "ratings-kind"
        case ratingsTrainer = "ratings-trainer"
        case ratingsSession = "ratings-session"

        /// The table and the unit it is about.
        func table(_ query: ReportQuery, for principal: Principal, database: AppDatabase) async throws -> (ReportTable, ReportUnit) {
            switch self {
            case .coverage, .coveragePeople:
                let report = try await database.coverageReport(unit: query.unit, on: query.on, for: principal)
                return (self == .coverage ? report.table : report.uncoveredTable, report.unit)
            case .halfYear, .halfYearUnits, .halfYearWarnings:
                let report = try await database.halfYearReport(unit: query.unit, halfYear: query.half, on: query.on, for: principal)
                let table = switch self {
                case .halfYear: report.table
                case .halfYearUnits: report.nonCompliantTable
                default: report.warningTable
                }
                return (table, report.unit)
            case .composition, .compositionFlagged:
                let report = try await database.compositionReport(unit: query.unit, on: query.on, for: principal)
                return (self == .composition ? report.table : report.flaggedTable, report.unit)
            case .curriculum, .curriculumPeople:
                let report = try await database.curriculumReport(unit: query.unit, on: query.on, for: principal)
                return (self == .curriculum ? report.table : report.peopleTable, report.unit)
            case .attendance:
                let series = try await database.attendanceSeries(unit: query.unit, on: query.on, for: principal)
                return (series.table, series.unit)
            case .ratingsKind, .ratingsTrainer, .ratingsSession:
                let report = try await database.ratingReport(unit: query.unit, for: principal)
                let table = switch self {
                case .ratingsKind: report.byKind
                case .ratingsTrainer: report.byTrainer
                default: report.bySession
                }
                return (table, report.unit)
            }
        }

        /// `/training/reports/coverage.csv?unit=…` (and `half` for the half-year tables); `.xlsx` for the workbook.
        func href(unit: String?, half: HalfYear? = nil, format: TableFormat = .csv) -> String {
            let halfQuery = [.halfYear, .halfYearUnits, .halfYearWarnings].contains(self) ? half?.description : nil
            return Pager.href("/training/reports/\(rawValue).\(format.rawValue)", query: ["unit": unit, "half": halfQuery])
        }
    }

    @Sendable func csv(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.trainer)
        let file = try context.parameters.require("file")
        let format = TableDownload.format(request)
        guard file.hasSuffix(".\(format.rawValue)"), let export = Export(rawValue: String(file.dropLast(format.rawValue.count + 1))) else {
            throw LianbingError.notFound("报表")
        }
        let (table, unit) = try await export.table(try ReportQuery(request), for: principal, database: database)
        let name = "training-\(export.rawValue)-\(unit.code.filter { $0.isASCII && ($0.isLetter || $0.isNumber) })"
        return try TableDownload.response(table, format: format, name: name, fallback: name, exportedAt: database.clock())
    }

    /// A table as a download, written as `lianbing training report … --out` writes it (`ReportTableCSV`).
    static func csvResponse(_ table: ReportTable, filename: String) -> Response {
        Response(
            status: .ok,
            headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"\(filename)\"", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(bytes: ReportTableCSV.encode(table))))
    }
}

/// What every training report takes from the query: `unit` (a code in the caller's scope; default the top of it),
/// `on` (the day, `YYYY-MM-DD`; default today in China) and `half` (`2026-H1`; default the half-year holding `on`).
struct ReportQuery: Sendable {
    var unit: String?
    var on: CivilDate?
    var half: HalfYear?

    init(unit: String? = nil, on: CivilDate? = nil, half: HalfYear? = nil) {
        self.unit = unit
        self.on = on
        self.half = half
    }

    init(_ request: Request) throws {
        unit = request.query("unit")?.trimmingCharacters(in: .whitespaces)
        if unit?.isEmpty == true { unit = nil }
        on = try Self.date(request.query("on"), field: "on（统计日期）")
        half = try request.query("half").map(Self.halfYear)
    }

    /// A `YYYY-MM-DD` day within the years reports cover.
    static func date(_ text: String?, field: String) throws -> CivilDate? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        guard let date = CivilDate(text), (2000...2099).contains(date.year) else {
            throw LianbingError.invalid("\(field)须为 2000-01-01 到 2099-12-31 之间的日期，如 2026-03-05")
        }
        return date
    }

    /// `2026-H1` (also `2026H2`, `2026-h1`, `2026上半年`, `2026年下半年`).
    static func halfYear(_ text: String) throws -> HalfYear {
        let value = text.trimmingCharacters(in: .whitespaces).uppercased()
        let rest = value.dropFirst(4).trimmingCharacters(in: CharacterSet(charactersIn: "-年 "))
        let half: Int? = switch rest {
        case "H1", "上半年": 1
        case "H2", "下半年": 2
        default: nil
        }
        guard value.count <= 12, let year = Int(value.prefix(4)), (2000...2099).contains(year), let half, let result = HalfYear(year: year, half: half)
        else {
            throw LianbingError.invalid("half（半年）须写作 2026-H1（上半年）或 2026-H2（下半年），年份在 2000 到 2099 之间")
        }
        return result
    }
}
