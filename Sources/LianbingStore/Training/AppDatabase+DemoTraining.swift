import Foundation
import GRDB
import LianbingCore

extension AppDatabase {
    /// Writes generated training straight into the tables, inside the demo's own transaction: the service methods'
    /// checks hold by construction, and a province's 200,000 attendance rows go in in seconds.
    static func insertDemoTraining(_ training: DemoTraining, at now: Date, _ db: Database) throws {
        let session = try db.makeStatement(
            sql: """
                INSERT INTO trainingSession (unitCode, title, kind, isBusiness, startsAt, endsAt, startDate, hours, topics, audienceUnit,
                    audiencePosts, capacity, place, status, signInSecret, createdBy, createdAt, publishedAt, closedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', NULL, '', ?, ?, 'demo', ?, ?, ?)
                """)
        let invitee = try db.makeStatement(sql: "INSERT INTO trainingInvitee (sessionId, staffNumber) VALUES (?, ?)")
        let attendance = try db.makeStatement(
            sql: """
                INSERT INTO trainingAttendance (sessionId, staffNumber, day, status, reason, hours, unitCode, isWalkIn, source, recordedAt, recordedBy)
                VALUES (?, ?, ?, ?, '', ?, ?, 0, 'import', ?, 'demo')
                """)
        let rating = try db.makeStatement(sql: "INSERT INTO trainingRating (sessionId, staffNumber, score, comment, ratedAt) VALUES (?, ?, ?, '', ?)")
        let trainer = try db.makeStatement(sql: "INSERT INTO trainingTrainer (sessionId, position, expertId, name) VALUES (?, ?, NULL, ?)")
        for item in training.sessions {
            let day = ChinaTime.civilDate(of: item.startsAt).description
            let status: TrainingSessionStatus = item.attendance.isEmpty ? .published : item.endsAt < now ? .closed : .held
            try session.execute(arguments: [
                item.organiser, item.title, item.kind.rawValue, item.kind.isBusinessTraining, item.startsAt, item.endsAt, day, item.hours,
                TrainingSessionRecord.bars(item.topics), item.organiser, status.rawValue, TrainingSessionRecord.newSecret(), item.startsAt,
                item.startsAt, status == .closed ? item.endsAt : nil,
            ])
            let id = db.lastInsertedRowID
            for number in item.invitees { try invitee.execute(arguments: [id, number]) }
            for (number, state, unit) in item.attendance {
                try attendance.execute(arguments: [id, number, day, state.rawValue, state == .attended ? item.hours : 0, unit, item.endsAt])
            }
            for (number, score) in item.ratings { try rating.execute(arguments: [id, number, score, item.endsAt]) }
            for (position, name) in item.trainers.enumerated() { try trainer.execute(arguments: [id, position, name]) }
        }
        let expert = try db.makeStatement(
            sql: "INSERT INTO expert (unitCode, name, category, specialties, affiliation, createdAt) VALUES (?, ?, ?, ?, ?, ?)")
        for item in training.experts {
            try expert.execute(arguments: [item.unitCode, item.name, item.category.rawValue, TrainingSessionRecord.bars(item.specialties), item.affiliation, now])
        }
        for (post, level, hours, topics) in training.standards {
            try db.execute(
                sql: """
                    INSERT INTO curriculumStandard (post, level, version, hours, topics, effectiveFrom, createdBy, createdAt)
                    VALUES (?, ?, 1, ?, ?, '2020-01-01', 'demo', ?)
                    """, arguments: [post, level.rawValue, hours, TrainingSessionRecord.bars(topics), now])
        }
        for code in training.heavyDuty { try db.execute(sql: "UPDATE unit SET heavyDuty = 1 WHERE code = ?", arguments: [code]) }
        let served = try db.makeStatement(sql: "UPDATE unit SET veteransServed = ? WHERE code = ?")
        for (code, count) in training.veteransServed { try served.execute(arguments: [count, code]) }
    }
}
