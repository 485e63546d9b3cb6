import Foundation
import GRDB
import LianbingCore

/// Everything the live screens of one contest show at one moment, read in one transaction.
public struct ContestLiveSnapshot: Sendable {
    public var contest: Contest
    /// What the snapshot was read at, to compare with `contestChanges`.
    public var mark: ContestMark
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
            // A judged round without a list opens a performance, not a question: there is nothing to show.
            let question = try opening.flatMap { opened in
                try Bool(
                    exists: "SELECT 1 FROM contestQuestion WHERE contestId = ? AND round = ? AND number = ?", [contestId, opened.round, opened.question], db)
                    ? try Self.contestQuestion(contestId, round: opened.round, number: opened.question!, withKey: true, cache: cache, db) : nil
            }
            var shown = question
            shown?.answer = nil
            shown?.explanation = nil
            shown?.source = nil
            let publicEvents = record.publicThrough.map { through in events.filter { $0.sequence <= through } } ?? events
            return ContestLiveSnapshot(
                contest: contest, mark: try Self.contestMark(contestId, db), events: events, board: Scoreboard.build(setup, events: events),
                publicBoard: Scoreboard.build(setup, events: publicEvents), openQuestion: shown, opening: opening,
                hostQuestion: question, buzz: buzz)
        }
    }

    /// A new mark after every committed write of this process that changes what the live screens show: an event
    /// from the API, a page's freeze or reveal, a substitution. The live room follows it, so every door reaches the
    /// screens, not only the room's own. (The CLI writes from another process; screens see that at the next change
    /// or reconnection.)
    public func contestChanges(_ contestId: Int64) -> AsyncThrowingStream<ContestMark, any Error> {
        let marks = ValueObservation.tracking { db in try Self.contestMark(contestId, db) }.removeDuplicates().values(in: writer)
        return AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    for try await mark in marks { continuation.yield(mark) }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    static func contestMark(_ contestId: Int64, _ db: Database) throws -> ContestMark {
        let row = try Row.fetchOne(
            db,
            sql: """
                SELECT (SELECT MAX(sequence) FROM contestEvent WHERE contestId = c.id) AS sequence, c.publicThrough, c.status,
                    (SELECT COUNT(*) FROM contestSubstitution s JOIN contestTeam t ON t.id = s.teamId WHERE t.contestId = c.id) AS substitutions
                FROM contest c WHERE c.id = ?
                """, arguments: [contestId])
        return ContestMark(
            sequence: row?["sequence"] ?? 0, publicThrough: row?["publicThrough"], status: row?["status"] ?? "", substitutions: row?["substitutions"] ?? 0)
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

/// What, of a contest, the live screens follow: the log's length, the freeze, the status and the team changes.
public struct ContestMark: Sendable, Hashable {
    public var sequence: Int
    public var publicThrough: Int?
    public var status: String
    public var substitutions: Int
}

public enum ContestLiveAccess: Sendable, Hashable {
    case host
    case contestant(team: Int64)
}
