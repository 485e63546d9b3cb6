import Foundation
import Hummingbird
import LianbingCore
import LianbingFormats
import LianbingStore

/// What a contest comes to on paper: the printable results (成绩表, A4) and the same list as CSV or a workbook, for everyone who
/// may see the contest (a contestant sees the public board, frozen while it is); and the award certificates (荣誉证书)
/// of a finished contest, for those who run it.
struct ContestResultsController {
    let database: AppDatabase
    let pages: PageRenderer

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/contests/:contest/results", use: resultsPage)
        router.get("/contests/:contest/results.csv", use: resultsCSV)
        router.get("/contests/:contest/results.xlsx", use: resultsCSV)
        router.get("/contests/:contest/certificates", use: certificatesPage)
    }

    struct ResultsContent {
        var contest: ContestHeading
        var table: ContestResultsTable
        var rankingRule: String
        /// Not final yet: the contest is still being prepared or run.
        var provisional: String?
        var runs: Bool
        var canCertify: Bool
    }

    @Sendable func resultsPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal()
        let (contest, lines) = try await database.contestResults(try ContestPagesController.contest(context), by: principal)
        let provisional: String? =
            switch contest.status {
            case .preparing: "比赛尚未开始，以下为报名名单。"
            case .running: "比赛正在进行，以下为当前成绩，不是最终名次。"
            case .finished: nil
            }
        let runs = contest.boardToken != nil
        let content = ResultsContent(
            contest: ContestHeading(contest), table: ContestResultsTable(contest, lines: lines), rankingRule: ContestHeading.rankingRule(contest.tieBreakers),
            provisional: provisional, runs: runs, canCertify: runs && contest.status == .finished)
        return pages.render(
            "contest-results", title: "成绩表 · \(contest.title)", path: "/contests", session: context.session, content: content,
            styles: ["manage.css", "contests.css"])
    }

    /// The same file as `lianbing contest export`: one team per row, in ranked order; CSV, or at `results.xlsx` the workbook.
    @Sendable func resultsCSV(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal()
        let id = try ContestPagesController.contest(context)
        let (contest, lines) = try await database.contestResults(id, by: principal)
        let members = Dictionary(uniqueKeysWithValues: contest.teams.map { ($0.id, $0.members.map(\.name)) })
        let unitNames = Dictionary(contest.teams.map { ($0.unitCode, $0.unitName) }, uniquingKeysWith: { first, _ in first })
        let table = ContestResultsCSV.table(lines.map(\.standing), members: members, unitNames: unitNames, title: contest.title)
        let name = "contest-\(id)-results"
        return try TableDownload.response(table, format: TableDownload.format(request), name: name, fallback: name, exportedAt: database.clock())
    }

    struct CertificatesContent {
        var contest: ContestHeading
        var certificates: [PrintableCertificate]
        var count: Int
        var error: String?
    }

    /// One A4 landscape page per team placed first to third; only once the contest has finished and its places are
    /// final, and only for those who run it.
    @Sendable func certificatesPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.trainer)
        let (contest, lines) = try await database.contestResults(try ContestPagesController.contest(context), by: principal)
        guard contest.boardToken != nil else { throw LianbingError.forbidden("只有比赛的组织者可以打印荣誉证书") }
        let finished = contest.status == .finished
        let certificates = finished ? ContestCertificates.make(contest, lines: lines) : []
        let content = CertificatesContent(
            contest: ContestHeading(contest), certificates: certificates, count: certificates.count,
            error: finished ? nil : "比赛结束、名次确定后才能打印荣誉证书。")
        return pages.render(
            "contest-certificates", title: "荣誉证书 · \(contest.title)", path: "/contests", session: context.session, content: content,
            status: finished ? .ok : .conflict, styles: ["certificate.css"])
    }
}
