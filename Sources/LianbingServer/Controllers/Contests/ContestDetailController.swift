import Foundation
import Hummingbird
import LianbingCore
import LianbingStore

/// One contest's page, and preparing it there: entering teams (by hand or advanced from a lower-level contest),
/// adding rounds, and substituting members. Each refused form comes back on the page as typed.
struct ContestDetailController {
    let database: AppDatabase
    let pages: PageRenderer

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/contests/:contest", use: detailPage)
        router.post("/contests/:contest/teams", use: addTeam)
        router.post("/contests/:contest/rounds", use: addRound)
        router.post("/contests/:contest/substitute", use: substitute)
        router.post("/contests/:contest/advance", use: advance)
    }

    var page: ContestDetailPage { ContestDetailPage(database: database, pages: pages) }

    @Sendable func detailPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await page.render(request, context: context)
    }

    @Sendable func addTeam(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.trainer)
        let id = try ContestPagesController.contest(context)
        let form = ContestTeamForm(try await FormFields.from(request, context: context))
        do {
            let team = try await database.addContestTeam(id, form.draft, by: principal)
            return .redirect(to: "/contests/\(id)?done=team#team-\(team.id)", type: .normal)
        } catch let error as LianbingError {
            return try await page.refused(error, request, context: context, refusal: .init(team: form))
        }
    }

    @Sendable func addRound(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.trainer)
        let id = try ContestPagesController.contest(context)
        let form = ContestRoundForm(try await FormFields.from(request, context: context))
        do {
            let round = try await database.addContestRound(id, try form.draft(), by: principal)
            return .redirect(to: "/contests/\(id)?done=round#round-\(round.round.number)", type: .normal)
        } catch let problems as FormProblems {
            let error = LianbingError.invalid(problems.messages.joined(separator: "\n"))
            return try await page.refused(error, request, context: context, refusal: .init(round: form))
        } catch let error as LianbingError {
            return try await page.refused(error, request, context: context, refusal: .init(round: form))
        }
    }

    @Sendable func substitute(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.trainer)
        let id = try ContestPagesController.contest(context)
        let form = ContestSubstitutionForm(try await FormFields.from(request, context: context))
        do {
            let leaving = try form.leaving()
            // The team must be this contest's: a team id of another contest reads as missing here.
            let contest = try await database.contest(id, by: principal)
            guard contest.teams.contains(where: { $0.id == leaving.team }) else { throw LianbingError.notFound("参赛队 \(leaving.team)") }
            _ = try await database.substituteContestMember(team: leaving.team, out: leaving.number, in: form.incoming, reason: form.reason, by: principal)
            return .redirect(to: "/contests/\(id)?done=substituted#substitutions", type: .normal)
        } catch let error as LianbingError {
            return try await page.refused(error, request, context: context, refusal: .init(substitution: form))
        }
    }

    @Sendable func advance(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.principal(.trainer)
        let id = try ContestPagesController.contest(context)
        let form = ContestAdvanceForm(try await FormFields.from(request, context: context))
        do {
            let (lower, rule) = try form.parsed()
            let added = try await database.advanceContest(from: lower, to: id, rule: rule, by: principal)
            return .redirect(to: "/contests/\(id)?done=advanced&n=\(added.count)#teams", type: .normal)
        } catch let error as LianbingError {
            return try await page.refused(error, request, context: context, refusal: .init(advance: form))
        }
    }
}
