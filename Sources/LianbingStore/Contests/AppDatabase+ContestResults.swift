import Foundation
import GRDB
import LianbingCore

/// One place on a contest's final list, with who was in the team.
public struct ContestResultLine: Sendable, Hashable, Codable {
    public var standing: ContestStanding
    public var team: ContestTeam
}

/// One contest answer a person gave, for their mastery of its knowledge points.
struct ContestAnswer {
    var questionId: String
    var revision: Int
    var right: Bool
}

/// What contests come to: the final list, teams sent on to the next level, the medal table across contests, and each
/// person's placing as the excellence selection reads it.
extension AppDatabase {
    public func contestResults(_ contestId: Int64, by principal: Principal) async throws -> (contest: Contest, lines: [ContestResultLine]) {
        try await reader.read { db in
            let record = try Self.contestVisible(contestId, to: principal, db)
            let runs = (try? Self.contestInScope(contestId, for: principal, db)) != nil
            let contest = try Self.contest(contestId, shownTo: principal, db)
            let teams = Dictionary(uniqueKeysWithValues: contest.teams.map { ($0.id, $0) })
            let board = try Self.board(record, through: runs ? nil : record.publicThrough, db)
            return (contest, board.map { ContestResultLine(standing: $0, team: teams[$0.entrant.id]!) })
        }
    }

    /// Enters the teams that qualify from a finished lower-level contest into a contest being prepared one level up,
    /// keeping each team as it was (its name, unit and members) and noting where it came from.
    public func advanceContest(from lowerId: Int64, to upperId: Int64, rule: AdvancementRule, by principal: Principal) async throws -> [ContestTeam] {
        guard principal.has(.admin) else { throw LianbingError.forbidden("只有管理员可以办理晋级") }
        let now = clock()
        return try await writer.write { db in
            let upper = try Self.contestInScope(upperId, for: principal, db)
            let lower = try Self.contestInScope(lowerId, for: principal, db)
            guard lower.status == ContestStatus.finished.rawValue else { throw LianbingError.conflict("下级比赛尚未结束，名次未定") }
            guard upper.status == ContestStatus.preparing.rawValue else { throw LianbingError.conflict("上级比赛已开始，不能再报名") }
            guard lower.format == upper.format else { throw LianbingError.invalid("个人赛与团体赛之间不能晋级") }
            let upperPath = try UnitRecord.fetchOne(db, key: upper.unitCode)!.unitPath
            let lowerUnit = try UnitRecord.fetchOne(db, key: lower.unitCode)!
            guard upperPath.contains(lowerUnit.unitPath), lowerUnit.unitPath != upperPath else {
                throw LianbingError.invalid("晋级须从下级单位的比赛进入上级单位的比赛")
            }
            if try Bool(exists: "SELECT 1 FROM contestTeam t JOIN contestTeam f ON f.id = t.advancedFrom WHERE t.contestId = ? AND f.contestId = ?", [upperId, lowerId], db) {
                throw LianbingError.conflict("该比赛的晋级队伍已报名")
            }
            let lowerContest = try Self.contest(lower, db)
            let qualifiers = try Advancement.qualifiers(try Self.board(lower, through: nil, db), rule: rule)
            var added: [Int64] = []
            for standing in qualifiers {
                let team = lowerContest.teams.first { $0.id == standing.entrant.id }!
                let draft = TeamDraft(
                    name: team.name, members: team.members.map(\.staffNumber), captain: team.members.first(where: \.isCaptain)?.staffNumber,
                    unitCode: team.unitCode)
                added.append(try Self.insertTeam(draft, into: upper, advancedFrom: team.id, db))
            }
            try db.audit(
                principal, "contest.advance", "比赛 \(upperId)", "\(lower.title) \(rule.label)：\(added.count) 队", unitCode: upper.unitCode, at: now)
            let teams = try Self.contest(upper, db).teams
            return added.map { id in teams.first { $0.id == id }! }
        }
    }

    /// Finished contests organised in a unit's subtree and held in `period`: per-unit firsts, seconds, thirds and
    /// teams entered, each team counted for its own unit.
    public func contestMedalTable(unit code: String, from: CivilDate, through: CivilDate, by principal: Principal) async throws -> [MedalLine] {
        guard principal.has(.trainer) else { throw LianbingError.forbidden("只有培训师和管理员可以查看比赛成绩") }
        return try await reader.read { db in
            let unit = try Self.unitInScope(code, for: principal, db)
            let records = try ContestRecord.fetchAll(
                db,
                sql: """
                    SELECT c.* FROM contest c JOIN unit u ON u.code = c.unitCode
                    WHERE u.path >= ? AND u.path < ? AND c.status = 'finished' AND c.heldOn BETWEEN ? AND ?
                    """, arguments: [unit.unitPath.lowerBound, unit.unitPath.upperBound, from.description, through.description])
            return MedalTable.build(try records.map { try Self.board($0, through: nil, db) })
        }
    }

    /// A person's contest result over `period`: the percentile of their best placing in finished contests (0–100),
    /// nil if they took part in none. The caller's own, or a member of staff in a trainer's scope.
    public func contestPercentile(ofStaff number: String, from: CivilDate, through: CivilDate, by principal: Principal) async throws -> Double? {
        try await reader.read { db in
            if number != principal.staffNumber {
                guard principal.has(.trainer) else { throw LianbingError.forbidden("只能查看本人的比赛成绩") }
                _ = try Self.staffInScope(number, for: principal, db)
            }
            return ContestPercentile.best(try Self.contestPlacings(where: "m.staffNumber = ?", [number], from: from, through: through, db)[number] ?? [])
        }
    }

    /// The placings in finished contests held in the period of the staff `condition` selects (written against
    /// `m.staffNumber`), by staff number. Each contest's board is built once, whoever's unit held it (a county's staff
    /// compete in the city's contest too).
    static func contestPlacings(
        where condition: String, _ arguments: StatementArguments, from: CivilDate, through: CivilDate, _ db: Database
    ) throws -> [String: [ContestPlacing]] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT m.staffNumber, t.id AS teamId, c.id AS contestId FROM contestMember m JOIN contestTeam t ON t.id = m.teamId
                JOIN contest c ON c.id = t.contestId
                WHERE c.status = 'finished' AND c.heldOn BETWEEN ? AND ? AND \(condition)
                """, arguments: [from.description, through.description] + arguments)
        var boards: [Int64: [ContestStanding]] = [:]
        var placings: [String: [ContestPlacing]] = [:]
        for row in rows {
            let contestId: Int64 = row["contestId"]
            if boards[contestId] == nil, let record = try ContestRecord.fetchOne(db, key: contestId) {
                boards[contestId] = try board(record, through: nil, db)
            }
            let board = boards[contestId] ?? []
            let rank = board.first { $0.entrant.id == row["teamId"] as Int64 }?.rank ?? board.count
            placings[row["staffNumber"], default: []].append(ContestPlacing(rank: rank, teams: board.count))
        }
        return placings
    }

    /// Right and wrong rulings in effect on a contest's listed questions, for the staff `condition` selects (written
    /// against `a.staffNumber`, as the exam attempts' conditions are).
    static func contestAnswers(_ db: Database, where condition: String, _ arguments: StatementArguments) throws -> [ContestAnswer] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT a.contestId, a.sequence, a.kind, a.questionId, a.revision FROM (
                    SELECT e.contestId, e.sequence, e.kind, e.memberStaffNumber AS staffNumber, q.questionId, q.revision
                    FROM contestEvent e JOIN contestQuestion q ON q.contestId = e.contestId AND q.round = e.round AND q.number = e.question
                    WHERE e.kind IN ('right', 'wrong') AND e.memberStaffNumber IS NOT NULL
                ) a WHERE \(condition)
                """, arguments: arguments)
        var inEffect: [Int64: Set<Int>] = [:]
        return try rows.compactMap { row in
            let contestId: Int64 = row["contestId"]
            if inEffect[contestId] == nil {
                inEffect[contestId] = Set(Scoreboard.inEffect(try contestEvents(contestId, db)).map(\.sequence))
            }
            guard inEffect[contestId]!.contains(row["sequence"]) else { return nil }
            return ContestAnswer(questionId: row["questionId"], revision: row["revision"], right: row["kind"] == "right")
        }
    }
}
