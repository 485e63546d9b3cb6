import Foundation
import GRDB
import LianbingCore

extension AppDatabase {
    /// What a demo selection weighs besides the other demos' data: last quarter's finished individual contest of the
    /// demo county (sixteen of its staff, a judged round), and a computed selection of the county's 优秀工作者 over
    /// the last twelve months on all six criteria, so that `county` sees a ranked list with every criterion filled.
    /// Made once; later starts keep them.
    public func installDemoSelection() async throws {
        let now = clock()
        try await writer.write { db in
            guard let anchors = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'demo.anchors'") else {
                throw LianbingError.conflict("只能在演示数据库上生成演示遴选")
            }
            guard try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'demo.selection'") == nil else { return }
            let county = String(anchors.split(separator: ",")[0])
            let unit = try UnitRecord.fetchOne(db, key: county)!
            let today = ChinaTime.civilDate(of: now)
            try Self.insertFinishedDemoContest(unit, heldOn: today.adding(days: -40)!, at: now, db)

            let posts = try String.fetchAll(
                db,
                sql: """
                    SELECT DISTINCT s.post FROM staff s JOIN unit u ON u.code = s.unitCode JOIN post p ON p.name = s.post
                    WHERE u.path >= ? AND u.path < ? AND s.isActive ORDER BY p.position
                    """, arguments: [unit.unitPath.lowerBound, unit.unitPath.upperBound])
            let rules = try Self.checkedRules(
                SelectionRules(
                    award: "优秀工作者", posts: posts, from: today.adding(months: -12)!, through: today,
                    criteria: [
                        WeightedCriterion(.assessment, weight: 30), WeightedCriterion(.contest, weight: 15), WeightedCriterion(.trainingHours, weight: 10),
                        WeightedCriterion(.curriculum, weight: 10), WeightedCriterion(.satisfaction, weight: 25), WeightedCriterion(.certificate, weight: 10),
                    ],
                    quota: SelectionQuota(places: 5)),
                unit: unit, db)
            try db.execute(
                sql: "INSERT INTO selection (unitCode, title, rules, status, createdBy, createdAt) VALUES (?, ?, ?, 'draft', 'operator', ?)",
                arguments: [county, "演示：\(today.year) 年度\(unit.name)优秀工作者遴选", try Self.json(rules), now])
            let id = db.lastInsertedRowID
            _ = try Self.storeOutcome(id, rules: rules, unit: unit, at: now, db)
            try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('demo.selection', ?)", arguments: [id])
        }
    }

    /// Sixteen of the county's staff, each judged once; scores spread from 60 to 97.5 so that every place differs.
    private static func insertFinishedDemoContest(_ unit: UnitRecord, heldOn: CivilDate, at now: Date, _ db: Database) throws {
        let contest = try insertDemoContest("演示：上季度练兵比武个人赛", county: unit.code, heldOn: heldOn, at: now, db)
        let entrants = try String.fetchAll(
            db,
            sql: """
                SELECT s.number FROM staff s JOIN unit u ON u.code = s.unitCode WHERE u.path >= ? AND u.path < ? AND s.isActive
                ORDER BY s.number LIMIT 16
                """, arguments: [unit.unitPath.lowerBound, unit.unitPath.upperBound])
        let round = try RoundDraft(style: .judged).validated()
        try db.execute(
            sql: "INSERT INTO contestRound (contestId, number, style, title, rules) VALUES (?, 1, ?, ?, ?)",
            arguments: [contest.id, RoundStyle.judged.rawValue, round.title, String(decoding: try JSONEncoder().encode(round.rules), as: UTF8.self)])
        for (index, number) in entrants.enumerated() {
            let team = try insertTeam(TeamDraft(members: [number]), into: contest, advancedFrom: nil, db)
            // 5 is prime to 16, so the scores are a permutation of sixteen steps: no two entrants tie.
            let points = 6_000 + (index * 5 % 16) * 250
            try ContestEvent(
                sequence: index + 1, round: 1, team: team, member: number, kind: .judged, change: ContestPoints(hundredths: points),
                reason: "演示评分", recordedAt: now, recordedBy: "demo"
            ).insert(contestId: contest.id, db)
        }
        try db.execute(sql: "UPDATE contest SET status = 'finished' WHERE id = ?", arguments: [contest.id])
    }
}
