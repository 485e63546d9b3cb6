import Foundation
import GRDB
import LianbingCore

extension AppDatabase {
    /// Who the online school's own records say wrote them.
    static let onlineSchoolRecorder = "网校"

    /// Credits a person's completed lesson minutes in the current training cycle as 网校学习 hours (45 minutes = 1
    /// 学时, rounded down to a half): one attendance row per person and cycle in that cycle's online-school session,
    /// rewritten at each completion so the hours always match the lessons. The session is the province's, dated the
    /// cycle's first day and not a business training, so it adds hours without standing in for the coverage the plan
    /// asks of face-to-face training.
    static func creditOnlineSchoolHours(_ number: String, now: Date, _ db: Database) throws {
        let cycle = try trainingSettings(db).cycle(containing: ChinaTime.civilDate(of: now))
        let minutes = try completedMinutes(number, in: cycle, db)
        let hours = OnlineSchoolHours.hours(minutes: minutes)
        guard hours > 0, let unit = try String.fetchOne(db, sql: "SELECT unitCode FROM staff WHERE number = ?", arguments: [number]) else { return }
        let session = try onlineSchoolSession(for: cycle, now: now, db)
        try db.execute(
            sql: """
                INSERT INTO trainingAttendance (sessionId, staffNumber, day, status, reason, hours, unitCode, isWalkIn, source, recordedAt, recordedBy)
                VALUES (?, ?, ?, 'attended', ?, ?, ?, 0, ?, ?, ?)
                ON CONFLICT (sessionId, staffNumber, day) DO UPDATE SET reason = excluded.reason, hours = excluded.hours,
                    unitCode = excluded.unitCode, recordedAt = excluded.recordedAt
                """,
            arguments: [
                session, number, cycle.start.description, "完成微课 \(minutes) 分钟", hours, unit, AttendanceSource.lessons.rawValue, now,
                onlineSchoolRecorder,
            ])
    }

    /// The cycle's online-school session, created the first time anyone's hours are credited in it.
    static func onlineSchoolSession(for cycle: TrainingCycle, now: Date, _ db: Database) throws -> Int64 {
        if let id = try Int64.fetchOne(
            db, sql: "SELECT id FROM trainingSession WHERE kind = ? AND startDate = ? AND createdBy = ?",
            arguments: [TrainingKind.onlineSchool.rawValue, cycle.start.description, onlineSchoolRecorder])
        {
            return id
        }
        guard let root = try String.fetchOne(db, sql: "SELECT code FROM unit WHERE parentCode IS NULL ORDER BY code LIMIT 1") else {
            throw LianbingError.conflict("尚未建立单位树")
        }
        let start = chinaMidnight(cycle.start)
        let draft = TrainingSessionDraft(
            unitCode: root, title: "网校学习（\(cycle.start) 至 \(cycle.lastDay) 培训周期）", kind: .onlineSchool, isBusiness: false,
            startsAt: start, endsAt: start.addingTimeInterval(86_400), hours: 0, place: "网校")
        var record = TrainingSessionRecord(draft, createdBy: onlineSchoolRecorder, at: now)
        record.status = TrainingSessionStatus.held.rawValue
        record.publishedAt = now
        try record.insert(db)
        return record.id!
    }

    /// Minutes of the lessons a person completed in a cycle, each at the revision they completed.
    static func completedMinutes(_ number: String, in cycle: TrainingCycle, _ db: Database) throws -> Int {
        try Int.fetchOne(
            db,
            sql: """
                SELECT COALESCE(SUM(r.minutes), 0) FROM lessonProgress p
                JOIN lessonRevision r ON r.lessonId = p.lessonId AND r.revision = p.completedRevision
                WHERE p.staffNumber = ? AND p.completedAt >= ? AND p.completedAt < ?
                """, arguments: [number, chinaMidnight(cycle.start), chinaMidnight(cycle.end)]) ?? 0
    }

    static func chinaMidnight(_ day: CivilDate) -> Date { ChinaTime.parse("\(day) 00:00")! }
}
