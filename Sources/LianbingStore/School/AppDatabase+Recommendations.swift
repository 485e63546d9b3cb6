import Foundation
import GRDB
import LianbingCore

/// The lessons on one knowledge point, as a wrong answer links to them.
public struct PointLessons: Sendable, Codable, Equatable {
    public var knowledgePoint: String
    public var lessons: [LessonSummary]

    public init(knowledgePoint: String, lessons: [LessonSummary]) {
        self.knowledgePoint = knowledgePoint
        self.lessons = lessons
    }
}

extension AttemptItem {
    /// Whether the candidate is shown that this answer fell short: a self-test's or a key-showing review's verdict, or
    /// an item score below the points where the review policy shows scores. Only there may a wrong answer lead to the
    /// lessons of its knowledge points, so that a link never says more than the page already does.
    public var showsWrongMark: Bool {
        feedback?.correct == false || score.map { !ItemMark(score: $0, points: points).isCorrect } == true
    }
}

extension AppDatabase {
    /// The caller's 推荐学习: lessons for their weak points, weakest first (`StudyRecommendation.recommend`), from their
    /// centralised assessments and contest answers (one figure) and their self-tests (another), as `mastery` adds them.
    /// Reads only the caller's own marks and progress.
    public func recommendations(by principal: Principal) async throws -> [StudyRecommendation] {
        let number = try Self.ownStaffNumber(principal)
        let lessons = try await lessons().map(\.lesson)
        let cache = cache
        return try await reader.read { db in
            guard let person = try Row.fetchOne(
                db, sql: "SELECT s.post, u.level FROM staff s JOIN unit u ON u.code = s.unitCode WHERE s.number = ?", arguments: [number])
            else { throw LianbingError.notFound("工作人员 \(number)") }
            let mastery = try Self.mastery(db, cache: cache, where: "a.staffNumber = ?", [number])
            let completed = try String.fetchSet(
                db, sql: "SELECT lessonId FROM lessonProgress WHERE staffNumber = ? AND completedAt IS NOT NULL", arguments: [number])
            return StudyRecommendation.recommend(
                weakPoints: WeakPoint.weakest(assessment: mastery.assessment, selfTest: mastery.selfTest), lessons: lessons,
                completed: completed, post: person["post"], level: UnitLevel(rawValue: person["level"])!)
        }
    }

    /// The lessons of each question of the caller's attempt whose wrong mark they may see, by position; questions
    /// without lessons are absent. A self-test shows each mark the moment it is given, so every question of it is
    /// here (its page shows the links once an answer is wrong); an assessment's only where `showsWrongMark` holds
    /// now — nothing while it is in progress or while its review policy hides marks.
    public func wrongAnswerLessons(attempt id: Int64, by principal: Principal) async throws -> [Int: [PointLessons]] {
        let number = try Self.ownStaffNumber(principal)
        let lessons = try await lessons().map(\.lesson)
        guard !lessons.isEmpty else { return [:] }
        let now = clock()
        let cache = cache
        return try await reader.read { db in
            let attempt = try Self.ownAttempt(id, staffNumber: number, db)
            let paper = try attempt.decodedPaper()
            var positions = Array(paper.items.indices)
            if attempt.paperPurpose == .assessment {
                let exam = try attempt.examId.flatMap { try ExamRecord.fetchOne(db, key: $0) }
                positions = try Self.view(attempt, exam: exam, now: now, cache: cache, db).items.filter(\.showsWrongMark).map(\.position)
            }
            var result: [Int: [PointLessons]] = [:]
            for position in positions {
                let item = paper.items[position]
                let found = Self.pointLessons(try cache.entry(item.questionId, revision: item.revision, db).question.knowledgePoints, lessons)
                if !found.isEmpty { result[position] = found }
            }
            return result
        }
    }

    /// The current lessons on each of `points` (each once, in the order given); points without lessons are left out.
    public func pointLessons(_ points: [String]) async throws -> [PointLessons] {
        Self.pointLessons(points, try await lessons().map(\.lesson))
    }

    static func pointLessons(_ points: [String], _ lessons: [Lesson]) -> [PointLessons] {
        var seen = Set<String>()
        return points.filter { seen.insert($0).inserted }.compactMap { point in
            let found = lessons.filter { $0.teaches(point) }
            guard !found.isEmpty else { return nil }
            return PointLessons(
                knowledgePoint: point,
                lessons: found.map { LessonSummary(id: $0.id, title: $0.title, minutes: $0.minutes, knowledgePoints: $0.knowledgePoints) })
        }
    }
}
