import Foundation
import Hummingbird
import LianbingCore
import LianbingFormats
import LianbingStore

/// What an exam produced: the ranked results (page and CSV) and the item statistics trainers review questions by.
struct ExamReportsController {
    let database: AppDatabase
    let pages: PageRenderer

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/exams/:exam/results", use: resultsPage)
        router.get("/exams/:exam/results.csv", use: resultsCSV)
        router.get("/exams/:exam/results.xlsx", use: resultsCSV)
        router.get("/exams/:exam/statistics", use: statisticsPage)
        router.get("/exams/:exam/statistics.csv", use: statisticsFile)
        router.get("/exams/:exam/statistics.xlsx", use: statisticsFile)
    }

    struct ResultsContent {
        var exam: ExamHeading
        var released: Bool
        var table: ResultsTable
        var unit: String
        var csv: String
        var xlsx: String
        /// Released results that crossed the pass mark since: the administrator must see every one.
        var outcomeChanges: [String]
        var hasOutcomeChanges: Bool
    }

    @Sendable func resultsPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.trainer)
        let exam = try await database.exam(try examId(context), by: principal)
        let results = try await database.results(ofExam: exam.id, by: principal)
        let unit = request.query("unit")
        let table = ResultsTable(
            results, examId: exam.id, unit: unit, order: request.query("sort").flatMap(ResultsTable.Order.init(rawValue:)) ?? .rank)
        let outcomeChanges = try await database.scoreChanges(ofExam: exam.id, by: principal).filter(\.changesOutcome).map(Self.describe)
        let content = ResultsContent(
            exam: ExamHeading(exam), released: exam.status == .released, table: table, unit: unit ?? "",
            csv: "/exams/\(exam.id)/results.csv" + (unit.map { "?unit=\($0.urlEncoded)" } ?? ""),
            xlsx: "/exams/\(exam.id)/results.xlsx" + (unit.map { "?unit=\($0.urlEncoded)" } ?? ""),
            outcomeChanges: outcomeChanges, hasOutcomeChanges: !outcomeChanges.isEmpty)
        return pages.render(
            "exam-results", title: "成绩 · \(exam.title)", path: "/exams", session: context.session, content: content, styles: ["manage.css"])
    }

    /// `2026-12-03 10:00 张三（4401…）64.5 → 56.5，合格 → 不合格（成绩复核 3，trainer）`.
    static func describe(_ change: ScoreChange) -> String {
        let outcome = { (passed: Bool?) in passed.map { $0 ? "合格" : "不合格" } ?? "—" }
        let score = { (value: Double?) in value.map(AppDatabase.points) ?? "—" }
        return "\(change.at.chinaTime) \(change.name)（\(change.staffNumber)）\(score(change.scoreBefore)) → \(score(change.scoreAfter))，"
            + "\(outcome(change.passedBefore)) → \(outcome(change.passedAfter))（\(change.reason)，\(change.actor)）"
    }

    /// The same file as `lianbing exam results --export`, for the unit chosen on the page or the whole exam, named
    /// after the exam: CSV, or at `results.xlsx` the workbook.
    @Sendable func resultsCSV(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.trainer)
        let format = TableDownload.format(request)
        let exam = try await database.exam(try examId(context), by: principal)
        let unit = request.query("unit")
        let results = try await database.results(ofExam: exam.id, by: principal).filter { unit == nil || $0.row.unitCode == unit }
        return try TableDownload.response(
            ResultsCSV.table(results, title: exam.title, passMark: exam.passMark), format: format,
            name: String(ResultsCSV.filename(title: exam.title).dropLast(4)), fallback: "exam-\(exam.id)-results", exportedAt: database.clock())
    }

    struct StatisticsContent {
        var exam: ExamHeading
        var view: StatisticsView
        var hasFlagged: Bool
    }

    @Sendable func statisticsPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.trainer)
        let exam = try await database.exam(try examId(context), by: principal)
        let statistics = try await database.statistics(ofExam: exam.id, by: principal)
        let bank = try await database.questions(QuestionFilter(), for: principal).items
        let view = StatisticsView(statistics, difficulties: Dictionary(bank.map { ($0.question.id, $0.question.difficulty) }, uniquingKeysWith: { a, _ in a }))
        return pages.render(
            "exam-statistics", title: "试题分析 · \(exam.title)", path: "/exams", session: context.session,
            content: StatisticsContent(exam: ExamHeading(exam), view: view, hasFlagged: view.flaggedCount > 0), styles: ["manage.css"])
    }

    /// The per-question figures as `lianbing exam stats --out` writes them: CSV, or at `statistics.xlsx` the workbook.
    @Sendable func statisticsFile(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.trainer)
        let exam = try await database.exam(try examId(context), by: principal)
        let statistics = try await database.statistics(ofExam: exam.id, by: principal)
        return try TableDownload.response(
            statistics.table(title: "试题分析 · \(exam.title)"), format: TableDownload.format(request), name: String(ResultsCSV.filename(title: exam.title, report: "试题分析").dropLast(4)),
            fallback: "exam-\(exam.id)-statistics", exportedAt: database.clock())
    }

    private func examId(_ context: AppRequestContext) throws -> Int64 { try context.parameters.require("exam", as: Int64.self) }
}
