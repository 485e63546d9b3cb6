import Foundation
import Hummingbird
import LianbingCore
import LianbingStore

/// Skills contests (练兵比武) in the browser: the list of contests the caller runs or takes part in, with the
/// new-contest form for administrators. The contest's own page, its forms and actions, the printable results,
/// certificates and question sheets and the medal table hang off `/contests` in the controllers beside this one;
/// all are registered here. Scope and roles are the store's: a contest outside them is "not found".
struct ContestPagesController {
    let database: AppDatabase
    let pages: PageRenderer

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/contests", use: listPage)
        router.post("/contests", use: create)
        ContestMedalsController(database: database, pages: pages).addRoutes(to: router)
        ContestDetailController(database: database, pages: pages).addRoutes(to: router)
        ContestRunController(database: database, pages: pages).addRoutes(to: router)
        ContestResultsController(database: database, pages: pages).addRoutes(to: router)
        ContestQuestionSheetsController(database: database, pages: pages).addRoutes(to: router)
    }

    /// The contest in the address.
    static func contest(_ context: AppRequestContext) throws -> Int64 { try context.parameters.require("contest", as: Int64.self) }

    /// Refusals a form shows beside its fields; anything else is an error page.
    static func formStatus(_ error: LianbingError) -> HTTPResponse.Status? {
        switch error {
        case .invalid: .badRequest
        case .conflict: .conflict
        case .notFound: .notFound
        default: nil
        }
    }

    struct Row: Sendable {
        var contest: ContestHeading
        var teams: Int
        /// The caller runs it (else they take part in it).
        var runs: Bool
        /// The caller is on one of its teams.
        var takesPart: Bool
    }

    struct ListContent {
        var rows: [Row]
        var total: Int
        var isTrainer: Bool
        var notice: String?
        var newForm: ContestCreateFormContent?
        /// The form opens by itself when it came back with problems.
        var formOpen: Bool
    }

    @Sendable func listPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal()
        var form: ContestCreateForm?
        if principal.has(.admin) { form = .blank(now: database.clock(), unitCode: try await database.scopeRoot(for: principal).code) }
        return try await renderList(request, context: context, form: form, problems: [], status: .ok)
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.admin)
        let form = ContestCreateForm(try await FormFields.from(request, context: context))
        do {
            let contest = try await database.createContest(try form.draft(), by: principal)
            return .redirect(to: "/contests/\(contest.id)?done=created", type: .normal)
        } catch let problems as FormProblems {
            return try await renderList(request, context: context, form: form, problems: problems.messages, status: .badRequest)
        } catch let error as LianbingError {
            guard let status = Self.formStatus(error) else { throw error }
            return try await renderList(request, context: context, form: form, problems: error.message.components(separatedBy: "\n"), status: status)
        }
    }

    private func renderList(
        _ request: Request, context: AppRequestContext, form: ContestCreateForm?, problems: [String], status: HTTPResponse.Status
    ) async throws -> Response {
        let principal = try context.principal()
        let contests = try await database.contests(by: principal)
        var newForm: ContestCreateFormContent?
        if let form, principal.has(.admin) {
            newForm = try await ContestCreateFormContent.make(form, problems: problems, principal: principal, database: database)
        }
        let rows = contests.map { contest in
            Row(
                contest: ContestHeading(contest), teams: contest.teams.count, runs: contest.boardToken != nil,
                takesPart: contest.teams.contains { $0.members.contains { $0.staffNumber == principal.staffNumber } })
        }
        let content = ListContent(
            rows: rows, total: rows.count, isTrainer: principal.has(.trainer),
            notice: ContestPageNotice.message(request.query("done"), count: nil), newForm: newForm,
            formOpen: !problems.isEmpty || request.query("new") != nil)
        return pages.render(
            "contest-list", title: "练兵比武", path: "/contests", session: context.session, content: content, status: status,
            styles: ["manage.css", "contests.css"])
    }
}
