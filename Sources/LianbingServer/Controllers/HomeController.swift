import Hummingbird
import LianbingCore
import LianbingStore

/// The page each role lands on after signing in.
struct HomeController {
    let database: AppDatabase
    let pages: PageRenderer

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/", use: home)
        router.get("/healthz", use: health)
    }

    struct HomeContent {
        /// The name on the staff record, else the username.
        var greeting: String
        /// 待办, most urgent first.
        var todo: [TodoRow]
        var hasTodo: Bool
        var unitName: String
        var unitLevel: String
        var isStaff: Bool
        var isTrainer: Bool
        var isAdmin: Bool
        var staffNumber: String?
        var staffCount: Int?
        var childCount: Int?
        /// 我的培训 in brief, for staff.
        var training: TrainingBrief?
        /// 持证上岗: holders in the administrator's subtree past the grace period without a certificate; `nil` when none.
        var lackingCertification: Int?
        /// 成绩总览 of the cities, for the province administrator (partial `results-home`).
        var results: ReportTableView?
    }

    struct TrainingBrief: Sendable {
        var hours: String
        var standing: String
        var isCovered: Bool
        var standard: MyTrainingPagesController.StandardLine?
        /// Invitations to sessions that have not ended; `nil` when none.
        var upcoming: Int?
    }

    @Sendable func home(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal()
        let role = principal.role ?? .admin
        let detail = try await database.unitDetail(try await database.scopeRoot(for: principal).code, for: principal)
        var training: TrainingBrief?
        if role == .staff, let number = principal.staffNumber {
            let record = try await database.myTraining(for: principal)
            training = TrainingBrief(
                hours: AppDatabase.points(record.hoursThisCycle), standing: MyTrainingPagesController.standing(record), isCovered: record.isCovered,
                standard: try await MyTrainingPagesController.standardLine(of: number, for: principal, database: database),
                upcoming: record.upcoming.isEmpty ? nil : record.upcoming.count)
        }
        let lacking = role == .admin ? try await database.lackingCertificationCount(for: principal) : 0
        let name = try await database.personName(of: principal)
        let todo = try await database.todo(for: principal).map(TodoRow.init)
        let content = HomeContent(
            greeting: name ?? context.session?.account.username ?? "", todo: todo, hasTodo: !todo.isEmpty,
            unitName: detail.unit.name, unitLevel: detail.unit.level.displayName, isStaff: role == .staff, isTrainer: role == .trainer,
            isAdmin: role == .admin, staffNumber: context.session?.account.staffNumber,
            staffCount: role == .staff ? nil : detail.staffCount, childCount: role == .staff ? nil : detail.unit.childCount, training: training,
            lackingCertification: lacking > 0 ? lacking : nil, results: try await ResultsOverviewController.homeBlock(database, for: principal))
        return pages.render(
            "home", title: "首页", path: "/", session: context.session, unitName: detail.unit.name, content: content, styles: ["dashboard.css"])
    }

    struct Health: Encodable, Sendable { var status: String }

    @Sendable func health(_ request: Request, context: AppRequestContext) async throws -> JSONBody<Health> {
        _ = try await database.isInitialised()
        return JSONBody(Health(status: "ok"))
    }
}
