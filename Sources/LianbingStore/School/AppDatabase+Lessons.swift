import Foundation
import GRDB
import LianbingCore

/// What a lesson import did (or, dry, would do).
public struct LessonImportResult: Sendable, Codable, Equatable {
    public var added: Int
    public var changed: Int
    public var unchanged: Int
}

/// A stored lesson revision.
public struct StoredLesson: Sendable, Codable, Equatable {
    public var lesson: Lesson
    public var revision: Int
    /// The lesson's latest revision (the one shown to learners).
    public var currentRevision: Int
    public var importedAt: Date
    public var importedBy: String
}

extension AppDatabase {
    /// Imports lessons read from `Courseware/` (already checked by `CoursewareCheck`), with the files beside them by
    /// lesson id: a new lesson gets revision 1, a changed one (its text or its files) its next revision, an unchanged
    /// one nothing. All or nothing; audited with the counts.
    public func importLessons(
        _ lessons: [Lesson], files: [String: [LessonFile]] = [:], dryRun: Bool = false, by principal: Principal
    ) async throws -> LessonImportResult {
        guard principal.has(.trainer) else { throw LianbingError.forbidden("只有培训师和管理员可以导入微课") }
        var seen = Set<String>()
        if let repeated = lessons.first(where: { !seen.insert($0.id).inserted }) { throw LianbingError.invalid("微课编号 \(repeated.id) 重复") }
        if let bad = lessons.first(where: { !$0.problems.isEmpty }) {
            throw LianbingError.invalid("微课 \(bad.id)：\(bad.problems.joined(separator: "；"))")
        }
        let incomingFiles = try Self.checkLessonFiles(files, of: seen)
        let incoming = try lessons.map { ($0, try Self.json($0)) }
        let now = clock()
        let work: @Sendable (Database) throws -> LessonImportResult = { db in
            let current = try Dictionary(
                uniqueKeysWithValues: Row.fetchAll(
                    db,
                    sql: "SELECT l.id, l.currentRevision, r.content FROM lesson l JOIN lessonRevision r ON r.lessonId = l.id AND r.revision = l.currentRevision"
                ).map { (row: Row) -> (String, (revision: Int, content: String)) in (row["id"], (row["currentRevision"], row["content"])) })
            let currentFiles = try Self.currentLessonFileDigests(db)
            let added = incoming.filter { current[$0.0.id] == nil }
            let changed = incoming.filter { lesson, json in
                current[lesson.id].map { $0.content != json || currentFiles[lesson.id, default: [:]] != incomingFiles[lesson.id, default: [:]].mapValues(\.digest) } ?? false
            }
            let result = LessonImportResult(added: added.count, changed: changed.count, unchanged: incoming.count - added.count - changed.count)
            guard !dryRun, !(added.isEmpty && changed.isEmpty) else { return result }
            for (lesson, json) in added + changed {
                let revision = (current[lesson.id]?.revision ?? 0) + 1
                if revision == 1 {
                    try db.execute(sql: "INSERT INTO lesson (id, currentRevision, createdAt) VALUES (?, 1, ?)", arguments: [lesson.id, now])
                } else {
                    try db.execute(sql: "UPDATE lesson SET currentRevision = ? WHERE id = ?", arguments: [revision, lesson.id])
                }
                try db.execute(
                    sql: """
                        INSERT INTO lessonRevision (lessonId, revision, title, status, minutes, knowledgePoints, content, importedAt, importedBy)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        lesson.id, revision, lesson.title, lesson.status.rawValue, lesson.minutes, TrainingSessionRecord.bars(lesson.knowledgePoints), json, now,
                        principal.auditName,
                    ])
                try Self.insertLessonFiles(incomingFiles[lesson.id] ?? [:], lesson: lesson.id, revision: revision, db)
            }
            try db.audit(principal, "course.import", "微课", "新增 \(added.count) 节，修改 \(changed.count) 节", at: now)
            return result
        }
        return dryRun ? try await reader.read(work) : try await writer.write(work)
    }

    /// The current revision of every lesson, optionally of one knowledge point (or anything under it), in id order.
    /// Anyone signed in may read them: they are the province's teaching material.
    public func lessons(knowledgePoint: String? = nil, includeRetired: Bool = false) async throws -> [StoredLesson] {
        try await reader.read { db in
            var conditions = ["1"]
            var arguments: [(any DatabaseValueConvertible)?] = []
            if !includeRetired { conditions.append("r.status = 'active'") }
            if let point = knowledgePoint?.trimmingCharacters(in: .whitespaces), !point.isEmpty {
                // The point itself, or one below it (`队伍建设` finds `队伍建设/常态化培训`).
                conditions.append("(r.knowledgePoints LIKE ? ESCAPE '\\' OR r.knowledgePoints LIKE ? ESCAPE '\\')")
                let escaped = point.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
                arguments += ["%|\(escaped)|%", "%|\(escaped)/%"]
            }
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT r.*, l.currentRevision FROM lesson l JOIN lessonRevision r ON r.lessonId = l.id AND r.revision = l.currentRevision
                    WHERE \(conditions.joined(separator: " AND ")) ORDER BY l.id
                    """, arguments: StatementArguments(arguments)
            ).map(Self.storedLesson)
        }
    }

    /// One lesson: its current revision, or the revision asked for.
    public func lesson(_ id: String, revision: Int? = nil) async throws -> StoredLesson {
        if let revision { try InputBounds.check(revision, in: 1...1_000_000, "修订号") }
        return try await reader.read { db in
            guard let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT r.*, l.currentRevision FROM lesson l JOIN lessonRevision r ON r.lessonId = l.id
                    WHERE l.id = ? AND r.revision = COALESCE(?, l.currentRevision)
                    """, arguments: [id, revision])
            else { throw LianbingError.notFound(revision.map { "微课 \(id) 的第 \($0) 版" } ?? "微课 \(id)") }
            return try Self.storedLesson(row)
        }
    }

    static func storedLesson(_ row: Row) throws -> StoredLesson {
        StoredLesson(
            lesson: try JSONDecoder().decode(Lesson.self, from: Data((row["content"] as String).utf8)), revision: row["revision"],
            currentRevision: row["currentRevision"], importedAt: row["importedAt"], importedBy: row["importedBy"])
    }
}
