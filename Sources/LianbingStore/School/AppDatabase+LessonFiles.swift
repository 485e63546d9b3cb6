import Crypto
import Foundation
import GRDB
import LianbingCore

/// A file beside a lesson, as stored with one of its revisions.
public struct StoredLessonFile: Sendable, Equatable {
    public var name: String
    public var kind: LessonFile.Kind
    public var data: Data
    public var revision: Int
}

extension AppDatabase {
    /// A file being imported, with the SHA-256 of its content.
    struct IncomingLessonFile {
        var file: LessonFile
        var digest: String
    }

    /// Refuses what `course validate` would have refused (a bad name, too big, bytes that are not their extension), a
    /// name given twice and files of a lesson not being imported; answers the files by lesson id and name.
    static func checkLessonFiles(_ files: [String: [LessonFile]], of lessons: Set<String>) throws -> [String: [String: IncomingLessonFile]] {
        var checked: [String: [String: IncomingLessonFile]] = [:]
        for (id, list) in files {
            guard lessons.contains(id) else { throw LianbingError.invalid("文件所属的微课 \(id) 不在本次导入中") }
            for file in list {
                if let problem = file.problem { throw LianbingError.invalid("微课 \(id) 的文件 \(file.name)：\(problem)") }
                let digest = SHA256.hash(data: file.data).map { String(format: "%02x", $0) }.joined()
                guard checked[id, default: [:]].updateValue(IncomingLessonFile(file: file, digest: digest), forKey: file.name) == nil else {
                    throw LianbingError.invalid("微课 \(id) 的文件 \(file.name) 重复")
                }
            }
        }
        return checked
    }

    /// The digests of the files of every lesson's current revision, by lesson id and name.
    static func currentLessonFileDigests(_ db: Database) throws -> [String: [String: String]] {
        var digests: [String: [String: String]] = [:]
        let rows = try Row.fetchCursor(
            db, sql: "SELECT f.lessonId, f.name, f.digest FROM lessonFile f JOIN lesson l ON l.id = f.lessonId AND f.revision = l.currentRevision")
        while let row = try rows.next() { digests[row["lessonId"], default: [:]][row["name"]] = row["digest"] as String }
        return digests
    }

    static func insertLessonFiles(_ files: [String: IncomingLessonFile], lesson: String, revision: Int, _ db: Database) throws {
        for (name, incoming) in files {
            try db.execute(
                sql: "INSERT INTO lessonFileContent (digest, data) VALUES (?, ?) ON CONFLICT (digest) DO NOTHING", arguments: [incoming.digest, incoming.file.data])
            try db.execute(
                sql: "INSERT INTO lessonFile (lessonId, revision, name, kind, digest) VALUES (?, ?, ?, ?, ?)",
                arguments: [lesson, revision, name, LessonFile.Kind(fileName: name)?.rawValue, incoming.digest])
        }
    }

    /// A file beside an active lesson, of its current revision or the one asked for. Anyone signed in may read it, as
    /// they read the lesson.
    public func lessonFile(_ id: String, name: String, revision: Int? = nil) async throws -> StoredLessonFile {
        if let revision { try InputBounds.check(revision, in: 1...1_000_000, "修订号") }
        return try await reader.read { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT f.kind, f.revision, c.data FROM lesson l
                        JOIN lessonRevision r ON r.lessonId = l.id AND r.revision = l.currentRevision AND r.status = 'active'
                        JOIN lessonFile f ON f.lessonId = l.id AND f.revision = COALESCE(?, l.currentRevision) AND f.name = ?
                        JOIN lessonFileContent c ON c.digest = f.digest
                        WHERE l.id = ?
                        """, arguments: [revision, name, id]),
                let kind = LessonFile.Kind(rawValue: row["kind"])
            else { throw LianbingError.notFound("微课 \(id.prefix(32)) 的文件 \(name.prefix(100))") }
            return StoredLessonFile(name: name, kind: kind, data: row["data"], revision: row["revision"])
        }
    }
}
