import Foundation
import GRDB
import LianbingCore

/// The online school for administrators: lesson completion by unit and by lesson, and the checks most often failed.
public struct SchoolReport: Sendable, Codable, Equatable {
    public struct UnitRow: Sendable, Codable, Equatable {
        public var code: String
        public var name: String
        /// Active staff in the unit's subtree.
        public var staff: Int
        /// Of them, how many completed at least one lesson.
        public var learners: Int
        public var completions: Int
        public var minutes: Int
    }

    public struct LessonRow: Sendable, Codable, Equatable {
        public var id: String
        public var title: String
        public var opened: Int
        public var completions: Int
        /// Checks finished, and of them failed (below the pass mark).
        public var checks: Int
        public var failedChecks: Int
    }

    public var unitCode: String
    public var unitName: String
    /// The unit itself, then each unit directly below it (its whole subtree).
    public var units: [UnitRow]
    /// Every active lesson, by id.
    public var lessons: [LessonRow]
    /// Lessons whose checks failed at least once, highest failure rate first (then more checks, then id).
    public var mostFailed: [LessonRow]
}

extension AppDatabase {
    /// The report for a unit of the caller's subtree (their own root when `nil`); only people of that subtree count.
    public func schoolReport(unit code: String? = nil, for principal: Principal) async throws -> SchoolReport {
        guard principal.has(.trainer) else { throw LianbingError.forbidden("只有培训师和管理员可以查看网校统计") }
        return try await reader.read { db in
            let root: (code: String, name: String, path: UnitPath)
            if let code {
                guard let row = try Row.fetchOne(db, sql: "SELECT code, name, path FROM unit WHERE code = ?", arguments: [code]),
                    principal.covers(UnitPath(rawValue: row["path"]))
                else { throw LianbingError.notFound("单位 \(code.prefix(32))") }
                root = (row["code"], row["name"], UnitPath(rawValue: row["path"]))
            } else {
                guard let row = try Row.fetchOne(db, sql: "SELECT code, name, path FROM unit WHERE path = ?", arguments: [principal.scope.rawValue]) else {
                    throw LianbingError.notFound("单位")
                }
                root = (row["code"], row["name"], principal.scope)
            }
            let children = try Row.fetchAll(db, sql: "SELECT code, name, path FROM unit WHERE parentCode = ? ORDER BY code", arguments: [root.code])
            let units = try ([(root.code, root.name, root.path)] + children.map { ($0["code"] as String, $0["name"] as String, UnitPath(rawValue: $0["path"])) })
                .map { code, name, path -> SchoolReport.UnitRow in
                    let row = try Row.fetchOne(
                        db,
                        sql: """
                            SELECT COUNT(DISTINCT s.number) AS staff, COUNT(DISTINCT CASE WHEN p.completedAt IS NOT NULL THEN s.number END) AS learners,
                                   COUNT(p.completedAt) AS completions, COALESCE(SUM(CASE WHEN p.completedAt IS NOT NULL THEN r.minutes END), 0) AS minutes
                            FROM staff s JOIN unit u ON u.code = s.unitCode
                            LEFT JOIN lessonProgress p ON p.staffNumber = s.number
                            LEFT JOIN lessonRevision r ON r.lessonId = p.lessonId AND r.revision = p.completedRevision
                            WHERE s.isActive AND u.path >= ? AND u.path < ?
                            """, arguments: [path.lowerBound, path.upperBound])!
                    return SchoolReport.UnitRow(
                        code: code, name: name, staff: row["staff"], learners: row["learners"], completions: row["completions"], minutes: row["minutes"])
                }
            let lessons = try Row.fetchAll(
                db,
                sql: """
                    SELECT l.id, r.title,
                        (SELECT COUNT(*) FROM lessonProgress p JOIN staff s ON s.number = p.staffNumber JOIN unit u ON u.code = s.unitCode
                         WHERE p.lessonId = l.id AND u.path >= ?1 AND u.path < ?2) AS opened,
                        (SELECT COUNT(*) FROM lessonProgress p JOIN staff s ON s.number = p.staffNumber JOIN unit u ON u.code = s.unitCode
                         WHERE p.lessonId = l.id AND p.completedAt IS NOT NULL AND u.path >= ?1 AND u.path < ?2) AS completions,
                        (SELECT COUNT(*) FROM lessonCheck c JOIN attempt a ON a.id = c.attemptId JOIN staff s ON s.number = c.staffNumber
                         JOIN unit u ON u.code = s.unitCode
                         WHERE c.lessonId = l.id AND a.state = 'submitted' AND u.path >= ?1 AND u.path < ?2) AS checks,
                        (SELECT COUNT(*) FROM lessonCheck c JOIN attempt a ON a.id = c.attemptId JOIN staff s ON s.number = c.staffNumber
                         JOIN unit u ON u.code = s.unitCode
                         WHERE c.lessonId = l.id AND a.state = 'submitted' AND a.score < ?3 * a.maxScore AND u.path >= ?1 AND u.path < ?2) AS failed
                    FROM lesson l JOIN lessonRevision r ON r.lessonId = l.id AND r.revision = l.currentRevision
                    WHERE r.status = 'active' ORDER BY l.id
                    """, arguments: [root.path.lowerBound, root.path.upperBound, LessonCompletion.passMark]
            ).map {
                SchoolReport.LessonRow(
                    id: $0["id"], title: $0["title"], opened: $0["opened"], completions: $0["completions"], checks: $0["checks"], failedChecks: $0["failed"])
            }
            let mostFailed = lessons.filter { $0.failedChecks > 0 }.sorted { a, b in
                // Exact comparison of a/b against c/d as a·d against c·b: no rounding decides an order.
                let (left, right) = (a.failedChecks * b.checks, b.failedChecks * a.checks)
                return left != right ? left > right : a.checks != b.checks ? a.checks > b.checks : a.id < b.id
            }
            return SchoolReport(unitCode: root.code, unitName: root.name, units: units, lessons: lessons, mostFailed: mostFailed)
        }
    }
}
