import Foundation
import GRDB
import LianbingCore

/// What an administrator enters to require lessons (必修) of a subtree.
public struct LessonAssignmentDraft: Sendable, Codable, Equatable {
    public var unitCode: String
    public var title: String
    /// Only these posts; empty: everyone in the subtree.
    public var posts: [String]
    public var lessons: [String]
    /// The last day (China date) to finish them.
    public var deadline: CivilDate

    public init(unitCode: String, title: String, posts: [String] = [], lessons: [String], deadline: CivilDate) {
        self.unitCode = unitCode
        self.title = title
        self.posts = posts
        self.lessons = lessons
        self.deadline = deadline
    }

    /// `posts` may be left out of JSON: every post.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            unitCode: try container.decode(String.self, forKey: .unitCode), title: try container.decode(String.self, forKey: .title),
            posts: try container.decodeIfPresent([String].self, forKey: .posts) ?? [], lessons: try container.decode([String].self, forKey: .lessons),
            deadline: try container.decode(CivilDate.self, forKey: .deadline))
    }
}

/// Required lessons (必修) of a subtree, as their administrators list them.
public struct LessonAssignment: Sendable, Codable, Equatable {
    public var id: Int64
    public var unitCode: String
    public var unitName: String
    public var title: String
    public var posts: [String]
    public var lessons: [LessonSummary]
    public var deadline: CivilDate
    public var createdBy: String
    public var createdAt: Date
}

/// Who has finished an assignment's lessons: everyone in its audience today.
public struct LessonAssignmentProgress: Sendable, Codable, Equatable {
    public struct Person: Sendable, Codable, Equatable {
        public var staffNumber: String
        public var name: String
        public var unitName: String
        public var post: String
        /// Of the assignment's lessons, how many this person has finished.
        public var completed: Int
    }

    public var assignment: LessonAssignment
    /// Not finished yet first, fewest done first; then by unit and number.
    public var people: [Person]

    public var finishedCount: Int { people.filter { $0.completed == assignment.lessons.count }.count }
}

/// A required lesson as the member of staff it is required of sees it.
public struct RequiredLesson: Sendable, Codable, Equatable {
    public var lesson: LessonSummary
    public var assignmentTitle: String
    public var deadline: CivilDate
    public var completed: Bool
    public var overdue: Bool
}

extension AppDatabase {
    public static let assignmentLessons = 1...50

    /// Requires lessons of a unit in the caller's subtree (optionally some posts) by a deadline.
    public func assignLessons(_ draft: LessonAssignmentDraft, by principal: Principal) async throws -> LessonAssignment {
        guard principal.has(.admin) else { throw LianbingError.forbidden("只有管理员可以布置必修微课") }
        let title = draft.title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...60).contains(title.count) else { throw LianbingError.invalid("必修任务名称不能为空，且不超过 60 个字") }
        try InputBounds.check(draft.lessons.count, in: Self.assignmentLessons, "必修微课", unit: "节")
        guard Set(draft.lessons).count == draft.lessons.count else { throw LianbingError.invalid("必修微课不能重复") }
        let posts = draft.posts.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard posts.count <= 20, posts.allSatisfy({ $0.count <= 32 && !$0.contains("|") }) else { throw LianbingError.invalid("岗位最多 20 个，每个不超过 32 个字") }
        let now = clock()
        guard draft.deadline >= ChinaTime.civilDate(of: now), draft.deadline.year <= 2099 else { throw LianbingError.invalid("截止日期须在今天到 2099-12-31 之间") }
        return try await writer.write { db in
            let path = try Self.unitPath(draft.unitCode, db)
            guard principal.covers(path) else { throw LianbingError.notFound("单位 \(draft.unitCode)") }
            for lesson in draft.lessons { _ = try Self.activeLesson(lesson, db) }
            try db.execute(
                sql: "INSERT INTO lessonAssignment (unitCode, title, posts, deadline, createdBy, createdAt) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [draft.unitCode, title, TrainingSessionRecord.bars(posts), draft.deadline.description, principal.auditName, now])
            let id = db.lastInsertedRowID
            for (position, lesson) in draft.lessons.enumerated() {
                try db.execute(
                    sql: "INSERT INTO lessonAssignmentLesson (assignmentId, position, lessonId) VALUES (?, ?, ?)", arguments: [id, position, lesson])
            }
            try db.audit(principal, "school.assign", "必修 \(id)", "\(title)：\(draft.lessons.joined(separator: "、"))，\(draft.deadline) 前", unitCode: draft.unitCode, at: now)
            return try Self.lessonAssignment(id, db)!
        }
    }

    /// Assignments of units in the caller's subtree, latest deadline first.
    public func lessonAssignments(for principal: Principal) async throws -> [LessonAssignment] {
        guard principal.has(.trainer) else { throw LianbingError.forbidden("只有培训师和管理员可以查看必修任务") }
        return try await reader.read { db in
            try Int64.fetchAll(
                db,
                sql: """
                    SELECT a.id FROM lessonAssignment a JOIN unit u ON u.code = a.unitCode
                    WHERE u.path >= ? AND u.path < ? AND a.withdrawnAt IS NULL ORDER BY a.deadline DESC, a.id DESC
                    """, arguments: [principal.scope.lowerBound, principal.scope.upperBound]
            ).compactMap { try Self.lessonAssignment($0, db) }
        }
    }

    /// Who in an assignment's audience has finished its lessons, those who have not first.
    public func lessonAssignmentProgress(_ id: Int64, for principal: Principal) async throws -> LessonAssignmentProgress {
        guard principal.has(.trainer) else { throw LianbingError.forbidden("只有培训师和管理员可以查看必修完成情况") }
        return try await reader.read { db in
            guard let assignment = try Self.lessonAssignment(id, db), principal.covers(try Self.unitPath(assignment.unitCode, db)) else {
                throw LianbingError.notFound("必修任务 \(id)")
            }
            let root = try Self.unitPath(assignment.unitCode, db)
            var sql = """
                SELECT s.number, s.name, s.post, u.name AS unitName,
                       (SELECT COUNT(*) FROM lessonAssignmentLesson l JOIN lessonProgress p ON p.lessonId = l.lessonId AND p.staffNumber = s.number
                        WHERE l.assignmentId = ? AND p.completedAt IS NOT NULL) AS completed
                FROM staff s JOIN unit u ON u.code = s.unitCode WHERE s.isActive AND u.path >= ? AND u.path < ?
                """
            var arguments: StatementArguments = [id, root.lowerBound, root.upperBound]
            if !assignment.posts.isEmpty {
                sql += " AND s.post IN (\(databaseQuestionMarks(count: assignment.posts.count)))"
                arguments += StatementArguments(assignment.posts)
            }
            let people = try Row.fetchAll(db, sql: sql + " ORDER BY completed, u.path, s.number", arguments: arguments).map {
                LessonAssignmentProgress.Person(
                    staffNumber: $0["number"], name: $0["name"], unitName: $0["unitName"], post: $0["post"], completed: $0["completed"])
            }
            return LessonAssignmentProgress(assignment: assignment, people: people)
        }
    }

    /// The lessons required of the caller, unfinished first by deadline.
    public func myRequiredLessons(by principal: Principal) async throws -> [RequiredLesson] {
        guard let number = principal.staffNumber else { return [] }
        let today = ChinaTime.civilDate(of: clock())
        return try await reader.read { db in
            guard let staff = try Row.fetchOne(
                db, sql: "SELECT s.post, u.path FROM staff s JOIN unit u ON u.code = s.unitCode WHERE s.number = ?", arguments: [number])
            else { return [] }
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT a.title AS assignmentTitle, a.deadline, r.lessonId, r.title, r.minutes, r.knowledgePoints, p.completedAt
                    FROM lessonAssignment a JOIN unit u ON u.code = a.unitCode
                    JOIN lessonAssignmentLesson al ON al.assignmentId = a.id
                    JOIN lesson l ON l.id = al.lessonId JOIN lessonRevision r ON r.lessonId = l.id AND r.revision = l.currentRevision
                    LEFT JOIN lessonProgress p ON p.lessonId = l.id AND p.staffNumber = ?
                    WHERE a.withdrawnAt IS NULL AND substr(?, 1, length(u.path)) = u.path AND (a.posts = '' OR instr(a.posts, '|' || ? || '|') > 0)
                    ORDER BY p.completedAt IS NOT NULL, a.deadline, a.id, al.position
                    """, arguments: [number, staff["path"], staff["post"]])
            var seen = Set<String>()
            return rows.compactMap { row -> RequiredLesson? in
                let lesson = Self.lessonSummary(row)
                // A lesson required twice shows once, under its earliest deadline.
                guard seen.insert(lesson.id).inserted else { return nil }
                let deadline = CivilDate(row["deadline"] as String)!
                let completed = row["completedAt"] as Date? != nil
                return RequiredLesson(lesson: lesson, assignmentTitle: row["assignmentTitle"], deadline: deadline, completed: completed, overdue: !completed && deadline < today)
            }
        }
    }

    static func lessonAssignment(_ id: Int64, _ db: Database) throws -> LessonAssignment? {
        guard let row = try Row.fetchOne(
            db, sql: "SELECT a.*, u.name AS unitName FROM lessonAssignment a JOIN unit u ON u.code = a.unitCode WHERE a.id = ?", arguments: [id])
        else { return nil }
        let lessons = try Row.fetchAll(
            db,
            sql: """
                SELECT r.lessonId, r.title, r.minutes, r.knowledgePoints FROM lessonAssignmentLesson al JOIN lesson l ON l.id = al.lessonId
                JOIN lessonRevision r ON r.lessonId = l.id AND r.revision = l.currentRevision WHERE al.assignmentId = ? ORDER BY al.position
                """, arguments: [id]
        ).map(Self.lessonSummary)
        return LessonAssignment(
            id: id, unitCode: row["unitCode"], unitName: row["unitName"], title: row["title"], posts: TrainingSessionRecord.unbars(row["posts"]),
            lessons: lessons, deadline: CivilDate(row["deadline"] as String)!, createdBy: row["createdBy"], createdAt: row["createdAt"])
    }
}
