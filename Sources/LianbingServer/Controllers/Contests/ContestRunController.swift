import Foundation
import Hummingbird
import LianbingCore
import LianbingStore

/// Moving a contest along from its page: starting and finishing it, freezing the public board (封榜) and revealing
/// it again one result at a time (揭晓), and entering a written round's scores from its exam.
struct ContestRunController {
    let database: AppDatabase
    let pages: PageRenderer

    func addRoutes(to router: Router<AppRequestContext>) {
        router.post("/contests/:contest/start", use: start)
        router.post("/contests/:contest/finish", use: finish)
        router.post("/contests/:contest/freeze", use: freeze)
        router.post("/contests/:contest/unfreeze", use: unfreeze)
        router.post("/contests/:contest/reveal", use: reveal)
        router.post("/contests/:contest/rounds/:round/written", use: enterWritten)
    }

    @Sendable func start(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await act(request, context, done: "started") { id, principal in _ = try await database.setContestStatus(id, .running, by: principal) }
    }

    @Sendable func finish(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await act(request, context, done: "finished") { id, principal in _ = try await database.setContestStatus(id, .finished, by: principal) }
    }

    @Sendable func freeze(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await act(request, context, done: "frozen") { id, principal in _ = try await database.freezeContestBoard(id, frozen: true, by: principal) }
    }

    @Sendable func unfreeze(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await act(request, context, done: "unfrozen") { id, principal in _ = try await database.freezeContestBoard(id, frozen: false, by: principal) }
    }

    @Sendable func reveal(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await act(request, context, done: "revealed") { id, principal in _ = try await database.revealNextContestEvent(id, by: principal) }
    }

    /// 录入笔试成绩: the round's exam must have closed with every paper marked.
    @Sendable func enterWritten(_ request: Request, context: AppRequestContext) async throws -> Response {
        let round = try context.parameters.require("round", as: Int.self)
        return try await act(request, context, done: "written") { id, principal in
            _ = try await database.enterWrittenRound(id, round: round, by: principal)
        }
    }

    /// Runs a store action for the contest in the address and returns to its page saying what happened; a refusal
    /// the organiser can act on is shown on the page.
    private func act(
        _ request: Request, _ context: AppRequestContext, done: String, _ action: (Int64, Principal) async throws -> Void
    ) async throws -> Response {
        let principal = try context.principal(.trainer)
        let id = try ContestPagesController.contest(context)
        do {
            try await action(id, principal)
        } catch let error as LianbingError {
            return try await ContestDetailPage(database: database, pages: pages).refused(error, request, context: context)
        }
        return .redirect(to: "/contests/\(id)?done=\(done)", type: .normal)
    }
}
