import Foundation
import GRDB
import LianbingCore

/// Teams and rounds: entered while a contest is being prepared. Substitutions may come later and are logged.
extension AppDatabase {
    public func addContestTeam(_ contestId: Int64, _ draft: TeamDraft, by principal: Principal) async throws -> ContestTeam {
        guard principal.has(.admin) else { throw LianbingError.forbidden("只有管理员可以报名参赛队") }
        let now = clock()
        return try await writer.write { db in
            let record = try Self.contestInScope(contestId, for: principal, db)
            guard record.status == ContestStatus.preparing.rawValue else { throw LianbingError.conflict("比赛已开始，不能再报名") }
            let id = try Self.insertTeam(draft, into: record, advancedFrom: nil, db)
            try db.audit(principal, "contest.team", "比赛 \(contestId)", "报名：\(try Self.teamName(id, db))", unitCode: record.unitCode, at: now)
            return try Self.contest(record, db).teams.first { $0.id == id }!
        }
    }

    /// Replaces a member of a team; a captain's replacement becomes captain. Kept in the team's log.
    public func substituteContestMember(
        team teamId: Int64, out: String, in incoming: String, reason: String, by principal: Principal
    ) async throws -> ContestTeam {
        guard principal.has(.admin) else { throw LianbingError.forbidden("只有管理员可以换人") }
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw LianbingError.invalid("换人须写明原因") }
        let now = clock()
        return try await writer.write { db in
            guard let contestId = try Int64.fetchOne(db, sql: "SELECT contestId FROM contestTeam WHERE id = ?", arguments: [teamId]) else {
                throw LianbingError.notFound("参赛队 \(teamId)")
            }
            let record = try Self.contestInScope(contestId, for: principal, db)
            guard record.status != ContestStatus.finished.rawValue else { throw LianbingError.conflict("比赛已结束，不能换人") }
            guard let wasCaptain = try Bool.fetchOne(
                db, sql: "SELECT isCaptain FROM contestMember WHERE teamId = ? AND staffNumber = ?", arguments: [teamId, out])
            else { throw LianbingError.notFound("该队没有队员 \(out)") }
            let staff = try Self.checkEntrant(incoming, in: record, db)
            try db.execute(sql: "DELETE FROM contestMember WHERE teamId = ? AND staffNumber = ?", arguments: [teamId, out])
            try db.execute(sql: "INSERT INTO contestMember (teamId, staffNumber, isCaptain) VALUES (?, ?, ?)", arguments: [teamId, incoming, wasCaptain])
            try db.execute(
                sql: "INSERT INTO contestSubstitution (teamId, outStaffNumber, inStaffNumber, reason, recordedAt, actor) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [teamId, out, incoming, reason, now, principal.auditName])
            if record.format == ContestFormat.individual.rawValue {
                let name = try Self.individualName(staff, in: contestId, except: teamId, db)
                try db.execute(sql: "UPDATE contestTeam SET name = ? WHERE id = ?", arguments: [name, teamId])
            }
            try db.audit(principal, "contest.substitute", "比赛 \(contestId)", "\(try Self.teamName(teamId, db))：\(out) 换为 \(incoming)（\(reason)）", unitCode: record.unitCode, at: now)
            return try Self.contest(record, db).teams.first { $0.id == teamId }!
        }
    }

    public func contestSubstitutions(_ contestId: Int64, by principal: Principal) async throws -> [ContestSubstitution] {
        try await reader.read { db in
            _ = try Self.contestVisible(contestId, to: principal, db)
            return try Row.fetchAll(
                db, sql: "SELECT s.* FROM contestSubstitution s JOIN contestTeam t ON t.id = s.teamId WHERE t.contestId = ? ORDER BY s.id",
                arguments: [contestId]
            ).map {
                ContestSubstitution(
                    teamId: $0["teamId"], outStaffNumber: $0["outStaffNumber"], inStaffNumber: $0["inStaffNumber"], reason: $0["reason"],
                    recordedAt: $0["recordedAt"], actor: $0["actor"])
            }
        }
    }

    public func addContestRound(_ contestId: Int64, _ draft: RoundDraft, by principal: Principal) async throws -> ContestRoundPlan {
        guard principal.has(.admin) else { throw LianbingError.forbidden("只有管理员可以设置比赛轮次") }
        let draft = try draft.validated()
        let now = clock()
        return try await writer.write { db in
            let record = try Self.contestInScope(contestId, for: principal, db)
            guard record.status == ContestStatus.preparing.rawValue else { throw LianbingError.conflict("比赛已开始，题目和轮次已固定") }
            let number = try Self.contestRoundCount(contestId, db) + 1
            try InputBounds.check(number, in: ContestBounds.rounds, "轮次数")
            if let examId = draft.examId {
                let exam = try Self.examInScope(examId, for: principal, db)
                let contestPath = try UnitRecord.fetchOne(db, key: record.unitCode)!.unitPath
                guard let examUnit = try UnitRecord.fetchOne(db, key: exam.unitCode), contestPath.contains(examUnit.unitPath) else {
                    throw LianbingError.invalid("笔试轮的考试须由本比赛的举办单位或其下级组织")
                }
                guard !exam.certifies else { throw LianbingError.invalid("比赛的笔试不计入持证：请选择不计入持证的考试") }
            }
            let revisions = try draft.questionIds.map { id in
                guard let revision = try Int.fetchOne(db, sql: "SELECT currentRevision FROM question WHERE id = ?", arguments: [id]) else {
                    throw LianbingError.notFound("题库中没有试题 \(id)")
                }
                return revision
            }
            try db.execute(
                sql: "INSERT INTO contestRound (contestId, number, style, title, rules, examId) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [contestId, number, draft.style.rawValue, draft.title, String(decoding: try JSONEncoder().encode(draft.rules), as: UTF8.self), draft.examId])
            for (index, id) in draft.questionIds.enumerated() {
                try db.execute(
                    sql: "INSERT INTO contestQuestion (contestId, round, number, questionId, revision) VALUES (?, ?, ?, ?, ?)",
                    arguments: [contestId, number, index + 1, id, revisions[index]])
            }
            try db.audit(principal, "contest.round", "比赛 \(contestId)", "第 \(number) 轮：\(draft.title)（\(draft.style.label)）", unitCode: record.unitCode, at: now)
            return try Self.contest(record, db).rounds.last!
        }
    }

    static func contestRoundCount(_ contestId: Int64, _ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM contestRound WHERE contestId = ?", arguments: [contestId]) ?? 0
    }

    /// Inserts a checked team with its members; the draw number is its place in the order of entry.
    static func insertTeam(_ draft: TeamDraft, into record: ContestRecord, advancedFrom: Int64?, _ db: Database) throws -> Int64 {
        let format = ContestFormat(rawValue: record.format)!
        var draft = try draft.validated(for: format)
        let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM contestTeam WHERE contestId = ?", arguments: [record.id]) ?? 0
        try InputBounds.check(count + 1, in: ContestBounds.teams, "参赛队数")
        var captainUnit = ""
        for number in draft.members {
            let staff = try checkEntrant(number, in: record, db)
            if number == draft.captain {
                captainUnit = staff.unitCode
                if format == .individual { draft.name = try individualName(staff, in: record.id, except: nil, db) }
            }
        }
        let unitCode = draft.unitCode ?? captainUnit
        let contestPath = try UnitRecord.fetchOne(db, key: record.unitCode)!.unitPath
        guard let unit = try UnitRecord.fetchOne(db, key: unitCode), contestPath.contains(unit.unitPath) else {
            throw LianbingError.notFound("单位 \(unitCode)")
        }
        if try Bool(exists: "SELECT 1 FROM contestTeam WHERE contestId = ? AND name = ?", [record.id, draft.name], db) {
            throw LianbingError.conflict("已有同名参赛队：\(draft.name)")
        }
        try db.execute(
            sql: "INSERT INTO contestTeam (contestId, name, unitCode, draw, advancedFrom) VALUES (?, ?, ?, ?, ?)",
            arguments: [record.id, draft.name, unit.code, count + 1, advancedFrom])
        let id = db.lastInsertedRowID
        for number in draft.members {
            try db.execute(
                sql: "INSERT INTO contestMember (teamId, staffNumber, isCaptain) VALUES (?, ?, ?)", arguments: [id, number, number == draft.captain])
        }
        return id
    }

    /// A member of staff who may join a team of this contest: active, in the organising unit's subtree, on no team yet.
    @discardableResult
    static func checkEntrant(_ number: String, in record: ContestRecord, _ db: Database) throws -> StaffRecord {
        let contestPath = try UnitRecord.fetchOne(db, key: record.unitCode)!.unitPath
        guard let staff = try StaffRecord.fetchOne(db, key: number), staff.isActive,
            let unit = try UnitRecord.fetchOne(db, key: staff.unitCode), contestPath.contains(unit.unitPath)
        else { throw LianbingError.notFound("工作人员 \(number)（须为举办单位范围内的在岗人员）") }
        if try Bool(exists: "SELECT 1 FROM contestMember m JOIN contestTeam t ON t.id = m.teamId WHERE t.contestId = ? AND m.staffNumber = ?", [record.id, number], db) {
            throw LianbingError.conflict("\(staff.name)（\(number)）已在本比赛的参赛队中")
        }
        return staff
    }

    /// An individual entrant's team name: their own, with their staff number when another team of the contest
    /// already bears it (namesakes are common, and team names are unique within a contest).
    static func individualName(_ staff: StaffRecord, in contestId: Int64, except teamId: Int64?, _ db: Database) throws -> String {
        let taken = try Bool(exists: "SELECT 1 FROM contestTeam WHERE contestId = ? AND name = ? AND id IS NOT ?", [contestId, staff.name, teamId], db)
        return taken ? "\(staff.name)（\(staff.number)）" : staff.name
    }

    static func teamName(_ id: Int64, _ db: Database) throws -> String {
        try String.fetchOne(db, sql: "SELECT name FROM contestTeam WHERE id = ?", arguments: [id]) ?? "参赛队 \(id)"
    }
}

extension Bool {
    /// Whether `sql` finds a row.
    init(exists sql: String, _ arguments: StatementArguments, _ db: Database) throws {
        self = try Bool.fetchOne(db, sql: "SELECT EXISTS (\(sql))", arguments: arguments) ?? false
    }
}
