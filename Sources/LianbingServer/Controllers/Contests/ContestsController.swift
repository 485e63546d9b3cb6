import Foundation
import Hummingbird
import LianbingCore
import LianbingStore

/// Skills contests (练兵比武) as JSON: administrators create contests of their subtree, enter teams, substitute
/// members, set rounds, start and finish them and send teams on to the next level; trainers and administrators of
/// the organising subtree host and judge (the event log, the board, freezing and revealing, written rounds);
/// contestants see their contests, the public board and opened questions. Scope and roles are the store's: a
/// contest outside them is "not found". Buzzes are not taken here: the live screens' arbiter decides them.
struct ContestsController {
    let database: AppDatabase

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("/api/v1/contests", use: list)
        router.post("/api/v1/contests", use: create)
        router.get("/api/v1/contests/:contest", use: detail)
        router.post("/api/v1/contests/:contest/status", use: status)
        router.post("/api/v1/contests/:contest/teams", use: addTeam)
        router.get("/api/v1/contests/:contest/substitutions", use: substitutions)
        router.post("/api/v1/contest-teams/:team/substitutions", use: substitute)
        router.post("/api/v1/contests/:contest/rounds", use: addRound)
        router.get("/api/v1/contests/:contest/events", use: events)
        router.post("/api/v1/contests/:contest/events", use: record)
        router.get("/api/v1/contests/:contest/board", use: board)
        router.post("/api/v1/contests/:contest/freeze", use: freeze)
        router.post("/api/v1/contests/:contest/reveal", use: reveal)
        router.post("/api/v1/contests/:contest/written", use: written)
        router.post("/api/v1/contests/:contest/advance", use: advance)
        router.get("/api/v1/contests/:contest/rounds/:round/questions/:question", use: question)
        router.get("/api/v1/contests/:contest/results", use: results)
        router.get("/api/v1/contest-medals", use: medals)
        router.get("/api/v1/staff/:number/contest-percentile", use: percentile)
        router.get("/api/v1/boards/:token", use: publicBoard)
    }

    // MARK: - Contests, teams, rounds

    /// The contests the caller runs (organised in their subtree) or takes part in, latest first.
    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> JSONBody<[ContestJSON]> {
        JSONBody(try await database.contests(by: try context.principal()).map(ContestJSON.init))
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> JSONBody<ContestJSON> {
        let principal = try context.principal(.admin)
        let body = try await request.decodeJSON(ContestRequest.self, context: context)
        return JSONBody(ContestJSON(try await database.createContest(try body.draft(), by: principal)), status: .created)
    }

    @Sendable func detail(_ request: Request, context: AppRequestContext) async throws -> JSONBody<ContestJSON> {
        JSONBody(ContestJSON(try await database.contest(try Self.contest(context), by: try context.principal())))
    }

    @Sendable func status(_ request: Request, context: AppRequestContext) async throws -> JSONBody<ContestJSON> {
        let principal = try context.principal(.admin)
        let id = try Self.contest(context)
        let body = try await request.decodeJSON(ContestStatusRequest.self, context: context)
        return JSONBody(ContestJSON(try await database.setContestStatus(id, try body.contestStatus, by: principal)))
    }

    @Sendable func addTeam(_ request: Request, context: AppRequestContext) async throws -> JSONBody<ContestTeamJSON> {
        let principal = try context.principal(.admin)
        let id = try Self.contest(context)
        let body = try await request.decodeJSON(ContestTeamRequest.self, context: context)
        return JSONBody(ContestTeamJSON(try await database.addContestTeam(id, body.draft, by: principal)), status: .created)
    }

    @Sendable func substitutions(_ request: Request, context: AppRequestContext) async throws -> JSONBody<[ContestSubstitutionJSON]> {
        let substitutions = try await database.contestSubstitutions(try Self.contest(context), by: try context.principal())
        return JSONBody(substitutions.map(ContestSubstitutionJSON.init))
    }

    /// Replaces a member of a team (a captain's replacement becomes captain); logged with the reason.
    @Sendable func substitute(_ request: Request, context: AppRequestContext) async throws -> JSONBody<ContestTeamJSON> {
        let principal = try context.principal(.admin)
        let team = try context.parameters.require("team", as: Int64.self)
        let body = try await request.decodeJSON(ContestSubstitutionRequest.self, context: context)
        let changed = try await database.substituteContestMember(team: team, out: body.out, in: body.incoming, reason: body.reason, by: principal)
        return JSONBody(ContestTeamJSON(changed))
    }

    @Sendable func addRound(_ request: Request, context: AppRequestContext) async throws -> JSONBody<ContestRoundJSON> {
        let principal = try context.principal(.admin)
        let id = try Self.contest(context)
        let body = try await request.decodeJSON(ContestRoundRequest.self, context: context)
        return JSONBody(ContestRoundJSON(try await database.addContestRound(id, try body.draft(), by: principal), withQuestions: true), status: .created)
    }

    /// Sends the qualifiers of a finished lower-level contest on to this one, which is being prepared.
    @Sendable func advance(_ request: Request, context: AppRequestContext) async throws -> JSONBody<[ContestTeamJSON]> {
        let principal = try context.principal(.admin)
        let id = try Self.contest(context)
        let body = try await request.decodeJSON(ContestAdvanceRequest.self, context: context)
        let teams = try await database.advanceContest(from: body.from, to: id, rule: try body.rule, by: principal)
        return JSONBody(teams.map(ContestTeamJSON.init), status: .created)
    }

    static func contest(_ context: AppRequestContext) throws -> Int64 { try context.parameters.require("contest", as: Int64.self) }
}
