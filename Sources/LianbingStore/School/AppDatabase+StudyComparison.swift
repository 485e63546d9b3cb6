import Foundation
import GRDB
import LianbingCore

/// 学习前后对比 of a unit's subtree: one `StudyComparison` per knowledge point someone there completed a lesson on.
public struct StudyComparisonReport: Sendable, Codable, Equatable {
    public var unitCode: String
    public var unitName: String
    public var windowDays: Int
    public var rows: [StudyComparison]
}

extension AppDatabase {
    /// The comparison for a unit's subtree (default: the caller's scope), for trainers and administrators, as
    /// `StudyComparison.compare` defines it. People in scope are those of the subtree (by their current unit); a lesson's
    /// knowledge points are those of its current revision, retired lessons included. Marks are centralised assessments
    /// (at submission, once submitted) and self-tests (at each answer); contest answers are left out. A lesson's own
    /// check (小测) is a self-test taken just before completion, so the check `lessonProgress` records is left out, or
    /// it would count in every studied person's before-window; earlier failed checks are not told apart from other
    /// self-tests.
    public func studyComparison(ofUnit code: String? = nil, by principal: Principal) async throws -> StudyComparisonReport {
        guard principal.has(.trainer) else { throw LianbingError.forbidden("只有培训师和管理员可以查看学习前后对比") }
        let lessonPoints = Dictionary(uniqueKeysWithValues: try await lessons(includeRetired: true).map { ($0.lesson.id, $0.lesson.knowledgePoints) })
        let window = TimeInterval(StudyComparison.windowDays) * 86_400
        let cache = cache
        return try await reader.read { db in
            let unit = try Self.reportRoot(code, for: principal, db)
            let completions = try Row.fetchAll(
                db,
                sql: """
                    SELECT p.staffNumber, s.unitCode, p.lessonId, p.completedAt FROM lessonProgress p
                    JOIN staff s ON s.number = p.staffNumber JOIN unit u ON u.code = s.unitCode
                    WHERE p.completedAt IS NOT NULL AND u.path >= ? AND u.path < ?
                    """, arguments: [unit.unitPath.lowerBound, unit.unitPath.upperBound]
            ).map { row in
                (unit: row["unitCode"] as String, StudyComparison.Completion(
                    staffNumber: row["staffNumber"], at: row["completedAt"], knowledgePoints: lessonPoints[row["lessonId"] as String] ?? []))
            }
            var report = StudyComparisonReport(unitCode: unit.code, unitName: unit.name, windowDays: StudyComparison.windowDays, rows: [])
            let times = completions.map(\.1.at)
            guard let earliest = times.min(), let latest = times.max() else { return report }
            let units = Array(Set(completions.map(\.unit)))
            let roster = try Row.fetchAll(
                db, sql: "SELECT number, unitCode FROM staff WHERE unitCode IN (\(databaseQuestionMarks(count: units.count)))",
                arguments: StatementArguments(units))
            let studiedPoints = Set(completions.flatMap(\.1.knowledgePoints))
            var marks: [StudyComparison.Mark] = []
            let at = "CASE WHEN a.purpose = 'self-test' THEN aa.savedAt ELSE a.submittedAt END"
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT a.staffNumber, \(at) AS at, json_extract(j.value, '$.questionId') AS questionId,
                           json_extract(j.value, '$.revision') AS revision, json_extract(j.value, '$.points') AS points, aa.score
                    \(Self.markedItems)
                    WHERE a.staffNumber IN (SELECT number FROM staff WHERE unitCode IN (\(databaseQuestionMarks(count: units.count))))
                      AND (a.purpose = 'self-test' OR a.state IN ('submitted', 'auto-submitted')) AND aa.score IS NOT NULL
                      AND a.id NOT IN (SELECT checkAttemptId FROM lessonProgress WHERE checkAttemptId IS NOT NULL)
                      AND \(at) >= ? AND \(at) <= ?
                    """, arguments: StatementArguments(units) + [earliest - window, latest + window])
            {
                let points = try cache.entry(row["questionId"], revision: row["revision"], db).question.knowledgePoints
                // Only marks some completed lesson's point reaches are kept: the rest cannot count anywhere.
                guard points.contains(where: { point in studiedPoints.contains { point.isKnowledgePoint(under: $0) } }) else { continue }
                marks.append(StudyComparison.Mark(staffNumber: row["staffNumber"], at: row["at"], knowledgePoints: points, score: row["score"], points: row["points"]))
            }
            report.rows = StudyComparison.compare(
                marks: marks, completions: completions.map(\.1),
                units: Dictionary(uniqueKeysWithValues: roster.map { ($0["number"] as String, $0["unitCode"] as String) }))
            return report
        }
    }
}
