import Foundation
import GRDB
import LianbingCore

/// One recorded event, with the board after it.
public struct ContestUpdate: Sendable {
    public var event: ContestEvent
    public var board: [ContestStanding]
}

/// The event log: every action of a running contest becomes one appended event, in one transaction, through
/// `ContestReferee`, whoever asks — the host's console, a judge's phone, a contestant's buzzer, the API, the CLI.
extension AppDatabase {
    /// Records `action` in `round` of a running contest. Hosts and judges are trainers or administrators of the
    /// organising subtree; a contestant may record only their own team's buzz, foul and stake.
    /// `clockMilliseconds` is the server's monotonic clock when the request was decoded (nil: read it now).
    public func recordContestAction(
        _ contestId: Int64, round number: Int, _ action: ContestAction, clockMilliseconds: Int64? = nil, by principal: Principal
    ) async throws -> ContestUpdate {
        let clockReading = clockMilliseconds ?? Self.monotonicMilliseconds()
        let now = clock()
        return try await writer.write { db in
            let record = try Self.contestVisible(contestId, to: principal, db)
            try Self.checkActor(principal, for: action, in: record, db)
            guard record.status == ContestStatus.running.rawValue else {
                throw LianbingError.conflict(record.status == ContestStatus.preparing.rawValue ? "比赛尚未开始" : "比赛已结束，成绩已确定")
            }
            let contest = try Self.contest(record, db)
            // A member named by a buzz or a foul must be on that team: the answer that follows goes on their record.
            let named: (team: Int64, member: String)? =
                switch action {
                case .buzz(let team, let member?, _), .foul(let team, let member?): (team, member)
                default: nil
                }
            if let named, let team = contest.teams.first(where: { $0.id == named.team }), !team.members.contains(where: { $0.staffNumber == named.member }) {
                throw LianbingError.invalid("\(team.name) 没有队员 \(named.member)")
            }
            var tally = try Self.contestTally(contest, cache: contestLogs, db)
            var event = try ContestReferee.event(
                for: action, in: contest.round(number).round, of: contest.rounds.count, tally: tally,
                clockMilliseconds: clockReading, recordedAt: now, recordedBy: principal.auditName)
            // In an individual contest every answer is the one member's: their mastery counts it.
            if event.member == nil, contest.format == .individual, let team = event.team, [.right, .wrong].contains(event.kind) {
                event.member = contest.teams.first { $0.id == team }?.members.first?.staffNumber
            }
            try event.insert(contestId: contestId, db)
            tally.apply(event)
            contestLogs.store(tally, for: contestId)
            return ContestUpdate(event: event, board: tally.board)
        }
    }

    /// The log, in order: for those who run the contest (contestants see the board, not the log).
    public func contestEvents(_ contestId: Int64, by principal: Principal) async throws -> [ContestEvent] {
        try await reader.read { db in
            _ = try Self.contestInScope(contestId, for: principal, db)
            return try Self.contestEvents(contestId, db)
        }
    }

    /// The live board: everyone who may see the contest. Contestants see the public board (frozen when it is).
    public func contestBoard(_ contestId: Int64, by principal: Principal) async throws -> [ContestStanding] {
        try await reader.read { db in
            let record = try Self.contestVisible(contestId, to: principal, db)
            let runs = (try? Self.contestInScope(contestId, for: principal, db)) != nil
            return try Self.board(record, through: runs ? nil : record.publicThrough, db)
        }
    }

    /// The board behind a projector link: no login, the public board only.
    public func publicContestBoard(token: String) async throws -> (contest: Contest, board: [ContestStanding]) {
        guard token.count <= 64 else { throw LianbingError.notFound("排行榜") }
        return try await reader.read { db in
            guard let record = try ContestRecord.fetchOne(db, sql: "SELECT * FROM contest WHERE boardToken = ?", arguments: [token]) else {
                throw LianbingError.notFound("排行榜")
            }
            var contest = try Self.contest(record, db)
            contest.boardToken = nil
            for index in contest.teams.indices { contest.teams[index].members = [] }
            return (contest, try Self.board(record, through: record.publicThrough, db))
        }
    }

    /// Enters a written round's scores from its exam, which must have closed with every paper marked: a team's
    /// score is its members' mean, an absent member counting 0 (`WrittenScoring`).
    public func enterWrittenRound(_ contestId: Int64, round number: Int, by principal: Principal) async throws -> [ContestStanding] {
        guard principal.has(.trainer) else { throw LianbingError.forbidden("只有主持人可以录入笔试成绩") }
        let now = clock()
        return try await writer.write { db in
            let record = try Self.contestInScope(contestId, for: principal, db)
            guard record.status == ContestStatus.running.rawValue else { throw LianbingError.conflict("比赛未在进行中") }
            let contest = try Self.contest(record, db)
            let plan = try contest.round(number)
            guard plan.round.style == .written, let examId = plan.examId else { throw LianbingError.invalid("第 \(number) 轮不是笔试轮") }
            // Closed for everyone: a candidate's own later window (extra time, a reopened paper) counts, as for releasing results.
            let lastClose = try Date.fetchOne(db, sql: "SELECT MAX(closesAt) FROM examCandidate WHERE examId = ?", arguments: [examId])
            guard let closesAt = try Date.fetchOne(db, sql: "SELECT closesAt FROM exam WHERE id = ?", arguments: [examId]),
                now >= max(closesAt, lastClose ?? closesAt)
            else {
                throw LianbingError.conflict("笔试尚未结束")
            }
            var tally = try Self.contestTally(contest, cache: contestLogs, db)
            if tally.events.contains(where: { $0.round == number && $0.kind == .written && tally.isInEffect($0.sequence) }) {
                throw LianbingError.conflict("第 \(number) 轮成绩已录入；如需重录，请先更正原成绩")
            }
            for team in contest.teams {
                let scores = try team.members.map { member -> Double? in
                    // A paper still open when its window closed is submitted here, as the deadline sweep would, not taken for absence.
                    if var attempt = try AttemptRecord.filter(Column("examId") == examId && Column("staffNumber") == member.staffNumber).fetchOne(db),
                        attempt.attemptState == .inProgress, try !Self.finishIfExpired(&attempt, now: now, cache: cache, db)
                    {
                        throw LianbingError.conflict("\(member.name) 仍在作答，交卷后才能录入笔试成绩")
                    }
                    let row = try Row.fetchOne(
                        db, sql: "SELECT state, score, pendingCount FROM attempt WHERE examId = ? AND staffNumber = ?",
                        arguments: [examId, member.staffNumber])
                    guard let row, let state = AttemptState(rawValue: row["state"]), state.isFinished else { return nil }
                    guard (row["pendingCount"] as Int) == 0 else { throw LianbingError.conflict("\(member.name) 的试卷尚有主观题未阅完") }
                    return row["score"]
                }
                let points = try WrittenScoring.teamScore(memberScores: scores, rules: plan.round.rules)
                let event = try ContestReferee.event(
                    for: .written(team: team.id, points: points), in: plan.round, of: contest.rounds.count, tally: tally,
                    clockMilliseconds: Self.monotonicMilliseconds(), recordedAt: now, recordedBy: principal.auditName)
                try event.insert(contestId: contestId, db)
                tally.apply(event)
            }
            contestLogs.store(tally, for: contestId)
            try db.audit(principal, "contest.written", "比赛 \(contestId)", "第 \(number) 轮笔试成绩：\(contest.teams.count) 队", unitCode: record.unitCode, at: now)
            return tally.board
        }
    }

    // MARK: - Shared

    /// Who may record what: hosts and judges run the contest; a contestant buzzes and stakes for their own team only.
    static func checkActor(_ principal: Principal, for action: ContestAction, in record: ContestRecord, _ db: Database) throws {
        if (try? contestInScope(record.id, for: principal, db)) != nil { return }
        let team: Int64? =
            switch action {
            case .buzz(let team, _, _), .foul(let team, _), .stake(let team, _, _): team
            default: nil
            }
        guard let team, let number = principal.staffNumber,
            try Bool(exists: "SELECT 1 FROM contestMember WHERE teamId = ? AND staffNumber = ?", [team, number], db)
        else { throw LianbingError.forbidden("只有主持人和评委可以记录比赛") }
    }

    static func contestEvents(_ contestId: Int64, _ db: Database) throws -> [ContestEvent] {
        try Row.fetchAll(db, sql: "SELECT * FROM contestEvent WHERE contestId = ? ORDER BY sequence", arguments: [contestId]).map(ContestEvent.init(row:))
    }

    /// The tally of the stored log: the cached one if it is current, else rebuilt.
    static func contestTally(_ contest: Contest, cache: ContestLogCache, _ db: Database) throws -> ScoreTally {
        let setup = contest.setup
        if let tally = cache.tally(contest.id, setup: setup, lastSequence: try lastContestSequence(contest.id, db)) { return tally }
        var tally = ScoreTally(setup)
        for event in try contestEvents(contest.id, db) { tally.apply(event) }
        cache.store(tally, for: contest.id)
        return tally
    }

    static func board(_ record: ContestRecord, through: Int?, _ db: Database) throws -> [ContestStanding] {
        let events = try contestEvents(record.id, db).filter { through == nil || $0.sequence <= through! }
        return Scoreboard.build(try contest(record, db).setup, events: events)
    }

    /// The server's monotonic clock in milliseconds: what decides buzzes and timers, never the wall clock.
    public static func monotonicMilliseconds() -> Int64 { Int64(DispatchTime.now().uptimeNanoseconds / 1_000_000) }
}
