import Foundation
import GRDB
import LianbingCore

extension AppDatabase {
    /// Logins of the demo contest's other contestants, besides `staff`.
    public static let demoPlayers = ["player1", "player2", "player3"]

    /// A demo contest of the demo county, running, so that a newcomer can open the host's console as `county`, the
    /// buzzer as `staff` or `player1`–`player3` on phones, and the projector link: 必答, 抢答, 风险题 and 评委打分
    /// rounds over the current bank, four contestants from the `staff` login's unit. Made once; later starts keep it
    /// and only make sure its logins work.
    public func installDemoContest() async throws -> [DemoLogin] {
        let now = clock()
        let hash = await passwords.hash(Self.demoPassword)
        return try await writer.write { db in
            guard let anchors = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'demo.anchors'") else {
                throw LianbingError.conflict("只能在演示数据库上生成演示比赛")
            }
            let parts = anchors.split(separator: ",").map(String.init)
            let (county, staffUnit, staffNumber) = (parts[0], parts[2], parts[3])
            let others = try String.fetchAll(
                db, sql: "SELECT number FROM staff WHERE unitCode = ? AND isActive AND number != ? ORDER BY number LIMIT 3",
                arguments: [staffUnit, staffNumber])
            var logins: [DemoLogin] = []
            for (username, number) in zip(Self.demoPlayers, others) {
                if var record = try AccountRecord.filter(Column("username") == username).fetchOne(db) {
                    record.passwordHash = hash
                    record.isDisabled = false
                    try record.update(db)
                } else if try AccountRecord.filter(Column("staffNumber") == number).fetchOne(db) == nil {
                    var record = AccountRecord(
                        id: nil, username: username, passwordHash: hash, role: Role.staff.rawValue, unitCode: staffUnit, staffNumber: number,
                        mustChangePassword: false, isDisabled: false, createdAt: now)
                    try record.insert(db)
                }
                logins.append(DemoLogin(username: username, role: .staff, unitName: try UnitRecord.fetchOne(db, key: staffUnit)!.name))
            }
            guard try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'demo.contest'") == nil else { return logins }
            let questions = try String.fetchAll(
                db,
                sql: """
                    SELECT q.id FROM question q JOIN questionRevision r ON r.questionId = q.id AND r.revision = q.currentRevision
                    WHERE r.kind IN ('single', 'multiple', 'truefalse') ORDER BY q.id LIMIT 11
                    """)
            guard questions.count == 11 else { return logins }
            let operatorPrincipal = Principal.operator(root: try UnitRecord.fetchOne(db, key: county)!.unitPath)
            let contest = try Self.insertDemoContest("演示：练兵比武知识竞赛", county: county, heldOn: ChinaTime.civilDate(of: now), at: now, db)
            for number in [staffNumber] + others {
                _ = try Self.insertTeam(TeamDraft(members: [number]), into: contest, advancedFrom: nil, db)
            }
            var judged = RoundRules()
            judged.dropped = 1
            let rounds: [(RoundStyle, ArraySlice<String>, RoundRules)] = [
                (.compulsory, questions[0..<4], RoundRules()), (.buzzer, questions[4..<9], RoundRules()),
                (.risk, questions[9..<11], RoundRules()), (.judged, [], judged),
            ]
            for (index, (style, ids, rules)) in rounds.enumerated() {
                let round = try RoundDraft(style: style, rules: rules, questionIds: Array(ids)).validated()
                try db.execute(
                    sql: "INSERT INTO contestRound (contestId, number, style, title, rules) VALUES (?, ?, ?, ?, ?)",
                    arguments: [contest.id, index + 1, style.rawValue, round.title, String(decoding: try JSONEncoder().encode(round.rules), as: UTF8.self)])
                for (position, id) in ids.enumerated() {
                    try db.execute(
                        sql: "INSERT INTO contestQuestion (contestId, round, number, questionId, revision) SELECT ?, ?, ?, id, currentRevision FROM question WHERE id = ?",
                        arguments: [contest.id, index + 1, position + 1, id])
                }
            }
            try db.execute(sql: "UPDATE contest SET status = 'running' WHERE id = ?", arguments: [contest.id])
            try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('demo.contest', ?)", arguments: [contest.id])
            try db.audit(operatorPrincipal, "contest.create", "比赛 \(contest.id)", contest.title, unitCode: county, at: now)
            return logins
        }
    }

    /// A demo contest of `county`, individual, preparing, with a board link and no entrants yet.
    static func insertDemoContest(_ title: String, county: String, heldOn: CivilDate, at now: Date, _ db: Database) throws -> ContestRecord {
        let draft = try ContestDraft(title: title, unitCode: county, format: .individual, heldOn: heldOn, basePoints: 100).validated()
        try db.execute(
            sql: """
                INSERT INTO contest (title, unitCode, format, heldOn, basePoints, tieBreakers, status, boardToken, createdBy, createdAt)
                VALUES (?, ?, ?, ?, ?, ?, 'preparing', ?, 'operator', ?)
                """,
            arguments: [
                draft.title, county, draft.format.rawValue, draft.heldOn.description, draft.basePoints,
                draft.tieBreakers.map(\.rawValue).joined(separator: ","), randomToken(), now,
            ])
        return try ContestRecord.fetchOne(db, key: db.lastInsertedRowID)!
    }
}
