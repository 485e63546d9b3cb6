import Foundation
import GRDB
import LianbingCore

/// Everything the live screens of one contest show at one moment, read in one transaction.
public struct ContestLiveSnapshot: Sendable {
    public var contest: Contest
    public var events: [ContestEvent]
    /// The host's board: every event.
    public var board: [ContestStanding]
    /// The board contestants and the projector see: up to the freeze, when frozen.
    public var publicBoard: [ContestStanding]
    /// The question open now, without its key, and the opening event.
    public var openQuestion: ContestQuestionView?
    public var opening: ContestEvent?
    /// The same question with its key: for the host's console only.
    public var hostQuestion: ContestQuestionView?
    /// The winning buzz of the open question, if one was ruled.
    public var buzz: ContestEvent?
}

extension AppDatabase {
    /// The live room's read of a contest. Unscoped: the server's live layer calls it only for a contest whose
    /// connection it has already checked (`contestLiveAccess`), and the key travels apart, in `hostQuestion`, for
    /// the room to send to hosts alone.
    public func contestLiveSnapshot(_ contestId: Int64) async throws -> ContestLiveSnapshot {
        let cache = cache
        return try await reader.read { db in
            guard let record = try ContestRecord.fetchOne(db, key: contestId) else { throw LianbingError.notFound("比赛 \(contestId)") }
            let contest = try Self.contest(record, db)
            let events = try Self.contestEvents(contestId, db)
            let setup = contest.setup
            let inEffect = Scoreboard.inEffect(events)
            let effective = Set(inEffect.map(\.sequence))
            var opening: ContestEvent?
            var buzz: ContestEvent?
            for event in events.reversed() where effective.contains(event.sequence) {
                if event.kind == .buzzed, buzz == nil { buzz = event }
                if event.kind == .opened { opening = event; break }
                if [.right, .wrong, .passed].contains(event.kind) { break }
            }
            if let opening, buzz.map({ $0.round != opening.round || $0.question != opening.question }) ?? false { buzz = nil }
            let question = try opening.map { try Self.contestQuestion(contestId, round: $0.round, number: $0.question!, withKey: true, cache: cache, db) }
            var shown = question
            shown?.answer = nil
            shown?.explanation = nil
            shown?.source = nil
            let publicEvents = record.publicThrough.map { through in events.filter { $0.sequence <= through } } ?? events
            return ContestLiveSnapshot(
                contest: contest, events: events, board: Scoreboard.build(setup, events: events),
                publicBoard: Scoreboard.build(setup, events: publicEvents), openQuestion: shown, opening: opening,
                hostQuestion: question, buzz: buzz)
        }
    }

    /// Who a live connection is: a host (runs the contest), a contestant (with their team), or refused as not found.
    public func contestLiveAccess(_ contestId: Int64, by principal: Principal) async throws -> ContestLiveAccess {
        try await reader.read { db in
            _ = try Self.contestVisible(contestId, to: principal, db)
            if (try? Self.contestInScope(contestId, for: principal, db)) != nil { return .host }
            let team = try Int64.fetchOne(
                db, sql: "SELECT t.id FROM contestMember m JOIN contestTeam t ON t.id = m.teamId WHERE t.contestId = ? AND m.staffNumber = ?",
                arguments: [contestId, principal.staffNumber])
            guard let team else { throw LianbingError.notFound("比赛 \(contestId)") }
            return .contestant(team: team)
        }
    }

    /// The contest behind a projector link.
    public func contestId(boardToken token: String) async throws -> Int64 {
        try await reader.read { db in
            guard token.count <= 64, let id = try Int64.fetchOne(db, sql: "SELECT id FROM contest WHERE boardToken = ?", arguments: [token]) else {
                throw LianbingError.notFound("排行榜")
            }
            return id
        }
    }
}

public enum ContestLiveAccess: Sendable, Hashable {
    case host
    case contestant(team: Int64)
}
