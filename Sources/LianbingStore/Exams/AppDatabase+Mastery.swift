import Foundation
import GRDB
import LianbingCore

/// Accuracy by knowledge point, from centralised assessments and from self-tests, kept apart: a self-test can be
/// retried until it is right, an assessment cannot.
public struct MasteryReport: Sendable, Codable, Equatable {
    public var assessment: Mastery
    public var selfTest: Mastery
}

extension AppDatabase {
    /// One person's mastery: the caller's own (`staffNumber` nil), or a member of staff in a trainer's scope.
    public func mastery(ofStaff staffNumber: String? = nil, by principal: Principal) async throws -> MasteryReport {
        let cache = cache
        return try await reader.read { db in
            let number: String
            if let staffNumber, staffNumber != (try? Self.ownStaffNumber(principal)) {
                guard principal.has(.trainer) else { throw LianbingError.forbidden("只能查看本人的掌握情况") }
                number = try Self.staffInScope(staffNumber, for: principal, db).number
            } else {
                number = try Self.ownStaffNumber(principal)
            }
            return try Self.mastery(db, cache: cache, where: "a.staffNumber = ?", [number])
        }
    }

    /// Everyone in a unit's subtree together.
    public func mastery(ofUnit code: String, by principal: Principal) async throws -> MasteryReport {
        guard principal.has(.trainer) else { throw LianbingError.forbidden("只有培训师和管理员可以查看单位掌握情况") }
        let cache = cache
        return try await reader.read { db in
            let unit = try Self.unitInScope(code, for: principal, db)
            return try Self.mastery(
                db, cache: cache,
                where: "a.staffNumber IN (SELECT s.number FROM staff s JOIN unit u ON u.code = s.unitCode WHERE u.path >= ? AND u.path < ?)",
                [unit.unitPath.lowerBound, unit.unitPath.upperBound])
        }
    }

    /// Assessment marks count once the attempt is finished; a self-test's as each question is answered.
    static func mastery(_ db: Database, cache: QuestionCache, where condition: String, _ arguments: StatementArguments) throws -> MasteryReport {
        var report = MasteryReport(assessment: Mastery(), selfTest: Mastery())
        let attempts = try AttemptRecord.fetchAll(
            db,
            sql: """
                SELECT a.* FROM attempt a WHERE \(condition)
                  AND (a.purpose = 'self-test' OR a.state IN ('submitted', 'auto-submitted'))
                """, arguments: arguments)
        for attempt in attempts {
            let paper = try attempt.decodedPaper()
            let scores = try Row.fetchAll(
                db, sql: "SELECT position, score FROM attemptAnswer WHERE attemptId = ? AND score IS NOT NULL", arguments: [attempt.id])
            for row in scores {
                let item = paper.items[row["position"]]
                let points = try cache.entry(item.questionId, revision: item.revision, db).question.knowledgePoints
                let mark = ItemMark(score: row["score"], points: item.points)
                if attempt.paperPurpose == .selfTest {
                    report.selfTest.add(mark, knowledgePoints: points)
                } else {
                    report.assessment.add(mark, knowledgePoints: points)
                }
            }
        }
        // A contest's live answers count as assessment answers: one attempt, in front of an audience.
        for answer in try contestAnswers(db, where: condition, arguments) {
            let points = try cache.entry(answer.questionId, revision: answer.revision, db).question.knowledgePoints
            report.assessment.add(ItemMark(score: answer.right ? 1 : 0, points: 1), knowledgePoints: points)
        }
        return report
    }
}
