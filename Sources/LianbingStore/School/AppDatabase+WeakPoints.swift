import Foundation
import GRDB
import LianbingCore

/// A unit's weak knowledge points (薄弱知识点) from its latest centralised assessments, with the lessons for each.
public struct UnitWeakPoints: Sendable, Codable, Equatable {
    /// An assessment the figures come from.
    public struct Exam: Sendable, Codable, Equatable {
        public var id: Int64
        public var title: String
        public var closesAt: Date
        /// Submitted attempts of the unit's subtree.
        public var attempts: Int
    }

    public struct Entry: Sendable, Codable, Equatable {
        public var weakPoint: WeakPoint
        public var lessons: [LessonSummary]
    }

    public var unitCode: String
    public var unitName: String
    /// Newest first.
    public var exams: [Exam]
    /// Weakest first, as `WeakPoint.weakest` orders them.
    public var points: [Entry]
}

extension AppDatabase {
    /// How many of the latest assessments a unit's weak points are read from: enough to smooth one paper's luck, few
    /// enough to say where the unit stands now.
    public static let weakPointExams = 3

    /// The weak points of a unit's subtree (default: the caller's own scope) for trainers and administrators: accuracy
    /// per knowledge point over the subtree's submitted attempts at the latest `weakPointExams` assessments that are
    /// over (published or released, closing time passed) and that someone of the subtree sat, weakest first; points
    /// with fewer than `WeakPoint.minimumAnswered` marks or at least `WeakPoint.weakBelow` are left out. Reads only
    /// those assessments' answers of the subtree, summed by question in the database.
    public func weakPoints(ofUnit code: String? = nil, by principal: Principal) async throws -> UnitWeakPoints {
        guard principal.has(.trainer) else { throw LianbingError.forbidden("只有培训师和管理员可以查看单位薄弱知识点") }
        let lessons = try await lessons().map(\.lesson)
        let now = clock()
        return try await reader.read { db in
            let unit = try Self.reportRoot(code, for: principal, db)
            let subtree = "SELECT s.number FROM staff s JOIN unit u ON u.code = s.unitCode WHERE u.path >= ? AND u.path < ?"
            let range: StatementArguments = [unit.unitPath.lowerBound, unit.unitPath.upperBound]
            var exams: [UnitWeakPoints.Exam] = []
            for row in try Row.fetchAll(
                db, sql: "SELECT id, title, closesAt FROM exam WHERE status IN ('published', 'released') AND closesAt <= ? ORDER BY closesAt DESC, id DESC",
                arguments: [now])
            {
                let attempts = try Int.fetchOne(
                    db,
                    sql: "SELECT COUNT(*) FROM attempt a WHERE a.examId = ? AND +a.state IN ('submitted', 'auto-submitted') AND a.staffNumber IN (\(subtree))",
                    arguments: [row["id"]] + range) ?? 0
                guard attempts > 0 else { continue }
                exams.append(UnitWeakPoints.Exam(id: row["id"], title: row["title"], closesAt: row["closesAt"], attempts: attempts))
                if exams.count == Self.weakPointExams { break }
            }
            var mastery = Mastery()
            if !exams.isEmpty {
                // `+a.state` keeps SQLite off the state index, which would walk every submitted attempt of the province;
                // (examId, staffNumber) finds just the subtree's, and each attempt's tally is a few clustered rows.
                let sums = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT t.knowledgePoint, SUM(t.score) AS score, SUM(t.points) AS points, SUM(t.answered) AS answered, SUM(t.correct) AS correct
                        FROM attempt a JOIN attemptPointTally t ON t.attemptId = a.id
                        WHERE a.examId IN (\(databaseQuestionMarks(count: exams.count))) AND +a.state IN ('submitted', 'auto-submitted')
                          AND a.staffNumber IN (\(subtree))
                        GROUP BY t.knowledgePoint
                        """, arguments: StatementArguments(exams.map(\.id)) + range)
                for row in sums {
                    mastery.add(
                        Mastery.Point(score: row["score"], points: row["points"], answered: row["answered"], correct: row["correct"]),
                        knowledgePoints: [row["knowledgePoint"]])
                }
            }
            return UnitWeakPoints(
                unitCode: unit.code, unitName: unit.name, exams: exams,
                points: WeakPoint.weakest(mastery, source: .assessment).map { point in
                    UnitWeakPoints.Entry(weakPoint: point, lessons: Self.pointLessons([point.knowledgePoint], lessons).first?.lessons ?? [])
                })
        }
    }

    /// Every marked item of the attempts `a` selects, one row per answer, as `j` (its paper item) and `aa` (its answer).
    /// The joins are written in the order SQLite must run them: each paper is parsed once and each answer found by key.
    static let markedItems = """
        FROM attempt a CROSS JOIN json_each(a.paper, '$.items') j
        CROSS JOIN attemptAnswer aa ON aa.attemptId = a.id AND aa.position = j.key
        """
}
