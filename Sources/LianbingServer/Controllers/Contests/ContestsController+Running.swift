import Foundation
import Hummingbird
import LianbingCore
import LianbingStore

/// Running a contest: the event log through the referee, the board, freezing and revealing it, written rounds, the
/// questions as the host and the contestants see them, the results, and the public board behind the projector link.
extension ContestsController {
    /// The log, in order, each event with whether it is in effect: for those who run the contest.
    @Sendable func events(_ request: Request, context: AppRequestContext) async throws -> JSONBody<[ContestEventJSON]> {
        let events = try await database.contestEvents(try Self.contest(context), by: try context.principal(.trainer))
        return JSONBody(ContestEventJSON.log(events))
    }

    /// Records one action of a running contest; hosts and judges record anything but a buzz, a contestant only
    /// their own team's stake or foul (the store decides who may).
    @Sendable func record(_ request: Request, context: AppRequestContext) async throws -> JSONBody<ContestUpdateJSON> {
        let principal = try context.principal()
        let id = try Self.contest(context)
        let body = try await request.decodeJSON(ContestEventRequest.self, context: context)
        let action = try body.contestAction()
        let update = try await database.recordContestAction(id, round: try body.checkedRound, action, by: principal)
        return JSONBody(ContestUpdateJSON(update), status: .created)
    }

    /// The live board for those who run the contest; the public one (frozen when it is) for contestants.
    @Sendable func board(_ request: Request, context: AppRequestContext) async throws -> JSONBody<ContestBoardJSON> {
        let principal = try context.principal()
        let id = try Self.contest(context)
        let board = try await database.contestBoard(id, by: principal)
        return JSONBody(ContestBoardJSON(try await database.contest(id, by: principal), board: board))
    }

    /// Freezes the public board at the log as it stands (封榜), or lifts the freeze.
    @Sendable func freeze(_ request: Request, context: AppRequestContext) async throws -> JSONBody<ContestJSON> {
        let principal = try context.principal(.trainer)
        let id = try Self.contest(context)
        let body = try await request.decodeJSON(ContestFreezeRequest.self, context: context)
        return JSONBody(ContestJSON(try await database.freezeContestBoard(id, frozen: body.frozen, by: principal)))
    }

    /// Moves the frozen public board on to the next event that moves points; past the last, the freeze is lifted.
    @Sendable func reveal(_ request: Request, context: AppRequestContext) async throws -> JSONBody<ContestJSON> {
        let principal = try context.principal(.trainer)
        return JSONBody(ContestJSON(try await database.revealNextContestEvent(try Self.contest(context), by: principal)))
    }

    /// Enters a written round's scores from its exam, which must have closed with every paper marked.
    @Sendable func written(_ request: Request, context: AppRequestContext) async throws -> JSONBody<ContestBoardJSON> {
        let principal = try context.principal(.trainer)
        let id = try Self.contest(context)
        let body = try await request.decodeJSON(ContestWrittenRequest.self, context: context)
        let board = try await database.enterWrittenRound(id, round: try body.checkedRound, by: principal)
        return JSONBody(ContestBoardJSON(try await database.contest(id, by: principal), board: board))
    }

    /// A live round's question: with its key for those who run the contest, at any time; for a contestant only once
    /// the host has opened it, and without the key.
    @Sendable func question(_ request: Request, context: AppRequestContext) async throws -> JSONBody<ContestQuestionJSON> {
        let principal = try context.principal()
        let id = try Self.contest(context)
        let round = try context.parameters.require("round", as: Int.self)
        let number = try context.parameters.require("question", as: Int.self)
        guard ContestBounds.rounds.contains(round), (1...ContestBounds.questions.upperBound).contains(number) else {
            throw LianbingError.notFound("第 \(round) 轮第 \(number) 题")
        }
        return JSONBody(ContestQuestionJSON(try await database.contestQuestion(id, round: round, number: number, by: principal)))
    }

    /// The final list with each team's members (while the contest runs, the board as it stands: the public one for
    /// contestants).
    @Sendable func results(_ request: Request, context: AppRequestContext) async throws -> JSONBody<ContestResultsJSON> {
        let (contest, lines) = try await database.contestResults(try Self.contest(context), by: try context.principal())
        return JSONBody(ContestResultsJSON(contest, lines: lines))
    }

    /// Finished contests organised in `unit`'s subtree (the caller's whole scope without it) and held between `from`
    /// and `through` (absent: without limit): firsts, seconds, thirds and teams entered, per unit.
    @Sendable func medals(_ request: Request, context: AppRequestContext) async throws -> JSONBody<ContestMedalTableJSON> {
        let principal = try context.principal(.trainer)
        let (from, through) = try Self.period(request)
        let unit: String
        if let code = request.query("unit") { unit = code } else { unit = try await database.scopeRoot(for: principal).code }
        let lines = try await database.contestMedalTable(unit: unit, from: from, through: through, by: principal)
        return JSONBody(ContestMedalTableJSON(unitCode: unit, from: from, through: through, lines: lines))
    }

    /// The percentile of a person's best placing in finished contests held in the period: their own, or a member of
    /// staff of a trainer's subtree.
    @Sendable func percentile(_ request: Request, context: AppRequestContext) async throws -> JSONBody<ContestPercentileJSON> {
        let principal = try context.principal()
        let raw = try context.parameters.require("number")
        let number = raw.removingPercentEncoding ?? raw
        let (from, through) = try Self.period(request)
        let percentile = try await database.contestPercentile(ofStaff: number, from: from, through: through, by: principal)
        return JSONBody(ContestPercentileJSON(staffNumber: number, from: from, through: through, percentile: percentile))
    }

    /// The projector's board, with no login: the contest's title, its teams without their members, the public
    /// standings (frozen when they are) and the open question without its key. The token is unguessable; any other
    /// answers 404.
    @Sendable func publicBoard(_ request: Request, context: AppRequestContext) async throws -> JSONBody<ContestPublicBoardJSON> {
        let token = try context.parameters.require("token")
        let (contest, board) = try await database.publicContestBoard(token: token)
        // A judged round's opened performance has no question to show: the board shows none, as between questions.
        let open: ContestQuestionView?
        do { open = try await database.openContestQuestion(token: token) } catch LianbingError.notFound { open = nil }
        return JSONBody(ContestPublicBoardJSON(contest, board: board, openQuestion: open))
    }

    /// `from` and `through` (China days); absent, the whole range contests may be held in.
    static func period(_ request: Request) throws -> (from: CivilDate, through: CivilDate) {
        let from = try request.queryDate("from") ?? CivilDate(year: 2000, month: 1, day: 1)!
        let through = try request.queryDate("through") ?? CivilDate(year: 2099, month: 12, day: 31)!
        guard from <= through else { throw LianbingError.invalid("from 不能晚于 through") }
        return (from, through)
    }
}
