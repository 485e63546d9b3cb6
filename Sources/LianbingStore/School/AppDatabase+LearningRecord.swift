import Foundation
import GRDB
import LianbingCore

/// A member of staff's learning record (学习记录): every lesson opened, and the hours the current cycle credits.
public struct LearningRecord: Sendable, Codable, Equatable {
    public struct Entry: Sendable, Codable, Equatable {
        public var lesson: LessonSummary
        public var progress: LessonProgress
    }

    public var cycleStart: CivilDate
    public var cycleLastDay: CivilDate
    /// Minutes of the lessons completed in the cycle, and the 学时 they make.
    public var completedMinutes: Int
    public var creditedHours: Double
    /// Most recently opened first.
    public var entries: [Entry]
}

extension AppDatabase {
    public func learningRecord(by principal: Principal) async throws -> LearningRecord {
        let number = try Self.ownStaffNumber(principal)
        let now = clock()
        return try await reader.read { db in
            let cycle = try Self.trainingSettings(db).cycle(containing: ChinaTime.civilDate(of: now))
            let entries = try Row.fetchAll(
                db,
                sql: """
                    SELECT p.*, r.title, r.minutes, r.knowledgePoints FROM lessonProgress p JOIN lesson l ON l.id = p.lessonId
                    JOIN lessonRevision r ON r.lessonId = l.id AND r.revision = l.currentRevision
                    WHERE p.staffNumber = ? ORDER BY p.openedAt DESC, p.lessonId
                    """, arguments: [number]
            ).map { row in
                LearningRecord.Entry(
                    lesson: Self.lessonSummary(row),
                    progress: Self.lessonProgress(row, minutes: row["minutes"]))
            }
            let minutes = try Self.completedMinutes(number, in: cycle, db)
            return LearningRecord(
                cycleStart: cycle.start, cycleLastDay: cycle.lastDay, completedMinutes: minutes, creditedHours: OnlineSchoolHours.hours(minutes: minutes),
                entries: entries)
        }
    }

    /// The lesson whose check a self-test was, for its result page to lead back.
    public func lessonChecked(by attempt: Int64, for principal: Principal) async throws -> LessonSummary? {
        guard let number = principal.staffNumber else { return nil }
        return try await reader.read { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT r.lessonId, r.title, r.minutes, r.knowledgePoints FROM lessonProgress p JOIN lesson l ON l.id = p.lessonId
                    JOIN lessonRevision r ON r.lessonId = l.id AND r.revision = l.currentRevision WHERE p.staffNumber = ? AND p.checkAttemptId = ?
                    """, arguments: [number, attempt]
            ).map(Self.lessonSummary)
        }
    }
}
