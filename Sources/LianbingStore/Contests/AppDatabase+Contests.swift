import Foundation
import GRDB
import LianbingCore

/// Skills contests (练兵比武, item 20): created by administrators of a province, city or county centre for their
/// subtree, hosted and judged by its trainers, seen read-only by the staff who take part.
///
/// Who may do what with a contest is decided here, once: `contestInScope` for those who run it (the organising unit
/// in their subtree), `contestForMember` for a contestant; everything else is "not found", as for units.
extension AppDatabase {
    /// Levels that organise contests: province, city, county.
    static let contestLevels: ClosedRange<Int> = UnitLevel.province.rawValue...UnitLevel.county.rawValue

    public func createContest(_ draft: ContestDraft, by principal: Principal) async throws -> Contest {
        guard principal.has(.admin) else { throw LianbingError.forbidden("只有管理员可以举办比赛") }
        let draft = try draft.validated()
        let now = clock()
        return try await writer.write { db in
            let unit = try Self.unitInScope(draft.unitCode, for: principal, db)
            guard Self.contestLevels.contains(unit.level) else { throw LianbingError.invalid("比赛由省、市、县三级服务中心举办") }
            try db.execute(
                sql: """
                    INSERT INTO contest (title, unitCode, format, heldOn, basePoints, tieBreakers, status, boardToken, createdBy, createdAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    draft.title, unit.code, draft.format.rawValue, draft.heldOn.description, draft.basePoints,
                    draft.tieBreakers.map(\.rawValue).joined(separator: ","), ContestStatus.preparing.rawValue, Self.randomToken(),
                    principal.auditName, now,
                ])
            let id = db.lastInsertedRowID
            try db.audit(principal, "contest.create", "比赛 \(id)", "\(unit.name)：\(draft.title)（\(draft.format.label)）", unitCode: unit.code, at: now)
            return try Self.contest(id, shownTo: principal, db)
        }
    }

    /// Contests the caller runs (organised in their subtree) or takes part in, latest first.
    public func contests(by principal: Principal) async throws -> [Contest] {
        try await reader.read { db in
            var ids: [Int64] = []
            if principal.has(.trainer) {
                ids = try Int64.fetchAll(
                    db,
                    sql: """
                        SELECT c.id FROM contest c JOIN unit u ON u.code = c.unitCode
                        WHERE u.path >= ? AND u.path < ? ORDER BY c.heldOn DESC, c.id DESC
                        """, arguments: [principal.scope.lowerBound, principal.scope.upperBound])
            }
            if let number = principal.staffNumber {
                let taking = try Int64.fetchAll(
                    db,
                    sql: """
                        SELECT DISTINCT t.contestId FROM contestMember m JOIN contestTeam t ON t.id = m.teamId
                        JOIN contest c ON c.id = t.contestId WHERE m.staffNumber = ? ORDER BY c.heldOn DESC, c.id DESC
                        """, arguments: [number])
                ids += taking.filter { !ids.contains($0) }
            }
            return try ids.map { try Self.contest($0, shownTo: principal, db) }.sorted {
                ($0.heldOn, $0.id) > ($1.heldOn, $1.id)
            }
        }
    }

    public func contest(_ id: Int64, by principal: Principal) async throws -> Contest {
        try await reader.read { db in
            _ = try Self.contestVisible(id, to: principal, db)
            return try Self.contest(id, shownTo: principal, db)
        }
    }

    /// Fixes the question lists and opens the live rounds; a finished contest's board is final.
    public func setContestStatus(_ id: Int64, _ status: ContestStatus, by principal: Principal) async throws -> Contest {
        guard principal.has(.admin) else { throw LianbingError.forbidden("只有管理员可以开始或结束比赛") }
        let now = clock()
        return try await writer.write { db in
            let record = try Self.contestInScope(id, for: principal, db)
            let current = ContestStatus(rawValue: record.status)!
            let allowed: [ContestStatus: ContestStatus] = [.preparing: .running, .running: .finished]
            guard allowed[current] == status else {
                throw LianbingError.conflict("比赛\(current.label)，不能改为\(status.label)")
            }
            if status == .running {
                let teams = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM contestTeam WHERE contestId = ?", arguments: [id]) ?? 0
                let rounds = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM contestRound WHERE contestId = ?", arguments: [id]) ?? 0
                guard teams > 0, rounds > 0 else { throw LianbingError.conflict("比赛须至少有一支参赛队和一个轮次才能开始") }
            }
            try db.execute(sql: "UPDATE contest SET status = ?, publicThrough = NULL WHERE id = ?", arguments: [status.rawValue, id])
            try db.audit(principal, "contest.status", "比赛 \(id)", "\(record.title)：\(status.label)", unitCode: record.unitCode, at: now)
            return try Self.contest(id, shownTo: principal, db)
        }
    }

    /// Freezes the public board at the log as it stands (封榜), or lifts the freeze. The host keeps seeing live scores.
    public func freezeContestBoard(_ id: Int64, frozen: Bool, by principal: Principal) async throws -> Contest {
        guard principal.has(.trainer) else { throw LianbingError.forbidden("只有主持人可以封榜") }
        let now = clock()
        return try await writer.write { db in
            let record = try Self.contestInScope(id, for: principal, db)
            let last = try Self.lastContestSequence(id, db)
            // Freezing a frozen board keeps its freeze point: what is hidden stays hidden until revealed.
            let through = frozen ? (record.publicThrough ?? last) : nil
            try db.execute(sql: "UPDATE contest SET publicThrough = ? WHERE id = ?", arguments: [through, id])
            try db.audit(principal, frozen ? "contest.freeze" : "contest.unfreeze", "比赛 \(id)", record.title, unitCode: record.unitCode, at: now)
            return try Self.contest(id, shownTo: principal, db)
        }
    }

    /// The reveal after a freeze: the public board moves on to the next event that moves points (or lifts the freeze
    /// when none is left), one event at a time.
    public func revealNextContestEvent(_ id: Int64, by principal: Principal) async throws -> Contest {
        guard principal.has(.trainer) else { throw LianbingError.forbidden("只有主持人可以揭晓成绩") }
        return try await writer.write { db in
            let record = try Self.contestInScope(id, for: principal, db)
            guard let through = record.publicThrough else { throw LianbingError.conflict("排行榜未封榜") }
            let next = try Int.fetchOne(
                db, sql: "SELECT MIN(sequence) FROM contestEvent WHERE contestId = ? AND sequence > ? AND (change != 0 OR kind = 'correction')",
                arguments: [id, through])
            try db.execute(sql: "UPDATE contest SET publicThrough = ? WHERE id = ?", arguments: [next, id])
            return try Self.contest(id, shownTo: principal, db)
        }
    }

    // MARK: - Scope

    /// The contest, if its organising unit lies in the caller's subtree and the caller may run contests.
    static func contestInScope(_ id: Int64, for principal: Principal, _ db: Database) throws -> ContestRecord {
        guard principal.has(.trainer), let record = try ContestRecord.fetchOne(db, key: id),
            let unit = try UnitRecord.fetchOne(db, key: record.unitCode), principal.covers(unit.unitPath)
        else { throw LianbingError.notFound("比赛 \(id)") }
        return record
    }

    /// The contest, if the caller runs it or is a member of one of its teams.
    static func contestVisible(_ id: Int64, to principal: Principal, _ db: Database) throws -> ContestRecord {
        if let record = try? contestInScope(id, for: principal, db) { return record }
        guard let number = principal.staffNumber, let record = try ContestRecord.fetchOne(db, key: id),
            try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM contestMember m JOIN contestTeam t ON t.id = m.teamId WHERE t.contestId = ? AND m.staffNumber = ?)",
                arguments: [id, number]) == true
        else { throw LianbingError.notFound("比赛 \(id)") }
        return record
    }

    static func lastContestSequence(_ id: Int64, _ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT MAX(sequence) FROM contestEvent WHERE contestId = ?", arguments: [id]) ?? 0
    }

    /// The contest with its rounds and teams; the board link only for those who run it.
    static func contest(_ id: Int64, shownTo principal: Principal, _ db: Database) throws -> Contest {
        guard let record = try ContestRecord.fetchOne(db, key: id) else { throw LianbingError.notFound("比赛 \(id)") }
        var contest = try contest(record, db)
        if (try? contestInScope(id, for: principal, db)) == nil { contest.boardToken = nil }
        return contest
    }

    static func contest(_ record: ContestRecord, _ db: Database) throws -> Contest {
        let unitName = try String.fetchOne(db, sql: "SELECT name FROM unit WHERE code = ?", arguments: [record.unitCode]) ?? record.unitCode
        let rounds = try Row.fetchAll(db, sql: "SELECT * FROM contestRound WHERE contestId = ? ORDER BY number", arguments: [record.id]).map { row in
            let number: Int = row["number"]
            let questions = try String.fetchAll(
                db, sql: "SELECT questionId FROM contestQuestion WHERE contestId = ? AND round = ? ORDER BY number", arguments: [record.id, number])
            let rules = try JSONDecoder().decode(RoundRules.self, from: Data((row["rules"] as String).utf8))
            return ContestRoundPlan(
                round: ContestRound(number: number, style: RoundStyle(rawValue: row["style"])!, title: row["title"], rules: rules, questionCount: questions.count),
                questionIds: questions, examId: row["examId"])
        }
        let memberRows = try Row.fetchAll(
            db,
            sql: """
                SELECT m.teamId, m.staffNumber, m.isCaptain, s.name FROM contestMember m JOIN contestTeam t ON t.id = m.teamId
                JOIN staff s ON s.number = m.staffNumber WHERE t.contestId = ? ORDER BY m.isCaptain DESC, m.staffNumber
                """, arguments: [record.id])
        var members: [Int64: [ContestMember]] = [:]
        for row in memberRows {
            members[row["teamId"], default: []].append(ContestMember(staffNumber: row["staffNumber"], name: row["name"], isCaptain: row["isCaptain"]))
        }
        let teams = try Row.fetchAll(
            db, sql: "SELECT t.*, u.name AS unitName FROM contestTeam t JOIN unit u ON u.code = t.unitCode WHERE t.contestId = ? ORDER BY t.draw, t.id",
            arguments: [record.id]
        ).map { row in
            ContestTeam(
                id: row["id"], name: row["name"], unitCode: row["unitCode"], unitName: row["unitName"], draw: row["draw"],
                members: members[row["id"]] ?? [], advancedFrom: row["advancedFrom"])
        }
        return Contest(
            id: record.id, title: record.title, unitCode: record.unitCode, unitName: unitName,
            format: ContestFormat(rawValue: record.format)!, heldOn: CivilDate(record.heldOn)!, basePoints: record.basePoints,
            tieBreakers: record.tieBreakers.split(separator: ",").compactMap { TieBreaker(rawValue: String($0)) },
            status: ContestStatus(rawValue: record.status)!, boardToken: record.boardToken, publicThrough: record.publicThrough,
            rounds: rounds, teams: teams, createdBy: record.createdBy, createdAt: record.createdAt)
    }
}
