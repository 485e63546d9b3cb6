import Foundation
import GRDB
import LianbingCore

/// A lesson as lists show it.
public struct LessonSummary: Sendable, Codable, Equatable {
    public var id: String
    public var title: String
    public var minutes: Int
    public var knowledgePoints: [String]
}

/// A study day (学习日, item 19): a training session of kind 学习日 with lessons to finish inside its window.
public struct StudyDay: Sendable, Codable, Equatable {
    public var session: TrainingSession
    public var lessons: [LessonSummary]
    /// Questions in the day's optional self-test on its lessons' knowledge points.
    public var selfTestLength: Int?
}

/// A study day as one member of its audience sees it.
public struct MyStudyDay: Sendable, Codable, Equatable {
    public var studyDay: StudyDay
    /// Lessons of the day this person finished inside its window.
    public var completedInWindow: [String]
    public var attended: Bool
}

extension AppDatabase {
    public static let studyDayLessons = 1...20

    /// Schedules a study day for a subtree: a published training session of kind 学习日 with its lessons, the whole
    /// audience invited. Finishing every lesson between its start and end is attendance, recorded as it happens.
    public func scheduleStudyDay(_ draft: TrainingSessionDraft, lessons: [String], selfTestLength: Int? = nil, by principal: Principal) async throws -> StudyDay {
        guard principal.has(.trainer) else { throw LianbingError.forbidden("只有培训师和管理员可以安排学习日") }
        var studyDay = draft
        studyDay.kind = .studyDay
        let checked = try studyDay.validated()
        try InputBounds.check(lessons.count, in: Self.studyDayLessons, "学习日的微课", unit: "节")
        guard Set(lessons).count == lessons.count else { throw LianbingError.invalid("学习日的微课不能重复") }
        if let selfTestLength { try InputBounds.check(selfTestLength, in: SelfTestRequest.lengths, "自测题量", unit: "题") }
        let now = clock()
        return try await writer.write { db in
            var seen = Set<String>()
            let points = try lessons.flatMap { lesson in
                _ = try Self.activeLesson(lesson, db)
                return try Self.lessonPoints(lesson, db)
            }.filter { seen.insert($0).inserted }
            // The lessons' knowledge points are the day's topics unless the organiser named some.
            var draft = checked
            if draft.topics.isEmpty { draft.topics = Array(points.prefix(TrainingSessionDraft.maximumTopics)) }
            var record = try Self.insertTrainingSession(draft, invitees: [], by: principal, at: now, db)
            try Self.invite(Self.audience(of: record, db), to: record, db)
            record.status = TrainingSessionStatus.published.rawValue
            record.publishedAt = now
            try record.update(db)
            let id = record.id!
            for (position, lesson) in lessons.enumerated() {
                try db.execute(sql: "INSERT INTO studyDayLesson (sessionId, position, lessonId) VALUES (?, ?, ?)", arguments: [id, position, lesson])
            }
            try db.execute(sql: "INSERT INTO studyDay (sessionId, selfTestLength) VALUES (?, ?)", arguments: [id, selfTestLength])
            try db.audit(principal, "school.study-day", "培训 \(id)", "\(record.title)：\(lessons.joined(separator: "、"))", unitCode: record.unitCode, at: now)
            return try Self.studyDay(record, for: principal, db)
        }
    }

    /// A study day the caller may see, with its lessons.
    public func studyDay(_ id: Int64, for principal: Principal) async throws -> StudyDay {
        try await reader.read { db in
            let record = try Self.visibleSession(id, for: principal, db)
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM studyDay WHERE sessionId = ?", arguments: [id]) != nil else {
                throw LianbingError.notFound("学习日 \(id)")
            }
            return try Self.studyDay(record, for: principal, db)
        }
    }

    /// The caller's study days that have not ended, or ended in the last week, with what they have done of each.
    public func myStudyDays(by principal: Principal) async throws -> [MyStudyDay] {
        guard let number = principal.staffNumber else { return [] }
        let now = clock()
        return try await reader.read { db in
            let records = try TrainingSessionRecord.fetchAll(
                db,
                sql: """
                    SELECT t.* FROM trainingSession t JOIN studyDay d ON d.sessionId = t.id JOIN trainingInvitee i ON i.sessionId = t.id
                    WHERE i.staffNumber = ? AND t.status IN ('published', 'held', 'closed') AND t.endsAt > ? ORDER BY t.startsAt
                    """, arguments: [number, now.addingTimeInterval(-7 * 86_400)])
            return try records.map { record in
                let done = try String.fetchAll(
                    db,
                    sql: """
                        SELECT d.lessonId FROM studyDayLesson d JOIN lessonProgress p ON p.lessonId = d.lessonId AND p.staffNumber = ?
                        WHERE d.sessionId = ? AND p.completedAt BETWEEN ? AND ? ORDER BY d.position
                        """, arguments: [number, record.id, record.startsAt, record.endsAt])
                let attended = try Bool.fetchOne(
                    db, sql: "SELECT 1 FROM trainingAttendance WHERE sessionId = ? AND staffNumber = ? AND status = 'attended'",
                    arguments: [record.id, number]) ?? false
                return MyStudyDay(studyDay: try Self.studyDay(record, for: principal, db), completedInWindow: done, attended: attended)
            }
        }
    }

    /// When a lesson completes: every open study day with that lesson whose audience holds the person, and all of
    /// whose lessons they have now finished inside its window, records them as attending today, for the day's hours.
    static func recordStudyDayAttendance(_ number: String, completed lessonId: String, by principal: Principal, now: Date, _ db: Database) throws {
        let records = try TrainingSessionRecord.fetchAll(
            db,
            sql: """
                SELECT DISTINCT t.* FROM trainingSession t JOIN studyDayLesson d ON d.sessionId = t.id
                WHERE d.lessonId = ? AND t.kind = ? AND t.status IN ('published', 'held') AND t.startsAt <= ? AND t.endsAt >= ?
                """, arguments: [lessonId, TrainingKind.studyDay.rawValue, now, now])
        for record in records where try isInAudience(number, of: record, db) {
            let missing = try Int.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*) FROM studyDayLesson d LEFT JOIN lessonProgress p ON p.lessonId = d.lessonId AND p.staffNumber = ?
                    WHERE d.sessionId = ? AND COALESCE(p.completedAt BETWEEN ? AND ?, 0) = 0
                    """, arguments: [number, record.id, record.startsAt, record.endsAt]) ?? 0
            guard missing == 0 else { continue }
            let mark = AttendanceMark(staffNumber: number, day: ChinaTime.civilDate(of: now), status: .attended, reason: "完成学习日微课")
            _ = try writeAttendance([mark], session: record, source: .lessons, amendmentReason: nil, by: principal, at: now, db)
        }
    }

    static func studyDay(_ record: TrainingSessionRecord, for principal: Principal, _ db: Database) throws -> StudyDay {
        let lessons = try Row.fetchAll(
            db,
            sql: """
                SELECT r.lessonId, r.title, r.minutes, r.knowledgePoints FROM studyDayLesson d JOIN lesson l ON l.id = d.lessonId
                JOIN lessonRevision r ON r.lessonId = l.id AND r.revision = l.currentRevision WHERE d.sessionId = ? ORDER BY d.position
                """, arguments: [record.id]
        ).map(Self.lessonSummary)
        let length = try Int.fetchOne(db, sql: "SELECT selfTestLength FROM studyDay WHERE sessionId = ?", arguments: [record.id])
        return StudyDay(session: try trainingSession(record, for: principal, db), lessons: lessons, selfTestLength: length)
    }

    static func lessonSummary(_ row: Row) -> LessonSummary {
        LessonSummary(
            id: row["lessonId"], title: row["title"], minutes: row["minutes"],
            knowledgePoints: TrainingSessionRecord.unbars(row["knowledgePoints"]))
    }
}
