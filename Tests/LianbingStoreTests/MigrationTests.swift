import Foundation
import GRDB
import LianbingCore
import Testing

@testable import LianbingStore

@Suite("Migrations")
struct MigrationTests {
    static let tables = [
        "account", "attempt", "attemptAnswer", "attemptPointTally", "attemptVisit", "auditEntry", "bankRevision", "certificate", "contest",
        "contestEvent", "contestMember", "contestQuestion", "contestRound", "contestSubstitution", "contestTeam",
        "curriculumStandard", "exam", "examCandidate", "examForm", "expert", "lesson", "lessonAssignment", "lessonAssignmentLesson", "lessonCheck",
        "lessonFile", "lessonFileContent", "lessonProgress", "lessonRevision", "meta", "nationalQualification", "post", "postRequirement", "qualification", "question",
        "questionMeasure", "questionRevision", "ratingFollowUp", "ratingKey", "ratingStaffListing", "ratingStation",
        "reportGeneration", "reviewCard", "reviewedAttempt", "satisfactionRating", "scoreChange", "scoreReview", "selection", "selectionAdjustment", "selectionObjection",
        "selectionWinner", "session", "staff", "staffMove", "staffPlacement", "studyDay", "studyDayLesson",
        "trainingAmendment", "trainingAttendance", "trainingInvitee", "trainingRating", "trainingSession", "trainingTrainer",
        "unit", "wrongQuestion",
    ]

    private static func userTables(_ reader: any DatabaseReader) async throws -> [String] {
        try await reader.read { db in
            try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%' ORDER BY name")
        }
    }

    @Test("Given an in-memory queue, when the AppDatabase opens, then every migration is applied, posts are seeded and foreign keys are on")
    func inMemoryQueueIsMigrated() async throws {
        let db = try AppDatabase.inMemory()
        #expect(db.writer is DatabaseQueue)
        #expect(try await Self.userTables(db.reader) == Self.tables)
        let completed = try await db.reader.read { try AppDatabase.migrator.hasCompletedMigrations($0) }
        #expect(completed)
        #expect(try await db.posts() == Post.seeded)
        let foreignKeys = try await db.reader.read { try Int.fetchOne($0, sql: "PRAGMA foreign_keys") }
        #expect(foreignKeys == 1)
        #expect(try await db.isInitialised() == false)
        #expect(try await db.rootUnit() == nil)
    }

    @Test("Given a temp-file DatabasePool, when opened, then it is migrated, in WAL mode, with foreign keys on for writer and readers")
    func filePoolIsMigratedInWALMode() async throws {
        try await withTemporaryDirectory { dir in
            // The directory does not exist yet: open creates it.
            let path = dir.appendingPathComponent("nested/lianbing.sqlite").path
            let db = try AppDatabase.open(path: path, passwords: PasswordHasher(cost: 4))
            defer { try? db.close() }
            #expect(db.writer is DatabasePool)
            #expect(FileManager.default.fileExists(atPath: path))
            #expect(try await Self.userTables(db.reader) == Self.tables)

            let writerMode = try await db.writer.write { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
            let readerMode = try await db.reader.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
            #expect(writerMode == "wal")
            #expect(readerMode == "wal")

            let writerKeys = try await db.writer.write { try Int.fetchOne($0, sql: "PRAGMA foreign_keys") }
            let readerKeys = try await db.reader.read { try Int.fetchOne($0, sql: "PRAGMA foreign_keys") }
            #expect(writerKeys == 1)
            #expect(readerKeys == 1)
            #expect(try await db.posts() == Post.seeded)
        }
    }

    @Test("Given a migrated file, when it is opened again, then no migration runs twice and the data is intact")
    func reopeningAMigratedFileIsHarmless() async throws {
        try await withTemporaryDirectory { dir in
            let path = dir.appendingPathComponent("lianbing.sqlite").path
            let first = try AppDatabase.open(path: path, passwords: PasswordHasher(cost: 4))
            try await first.addPost("心理咨询员", by: .operator(root: UnitPath(codes: [])))
            try first.close()

            let second = try AppDatabase.open(path: path, passwords: PasswordHasher(cost: 4))
            defer { try? second.close() }
            let applied = try await second.reader.read { try AppDatabase.migrator.appliedIdentifiers($0) }
            #expect(applied == [
                "v1 hierarchy, staff, accounts, sessions", "v2 question bank with revisions", "v3 exams, attempts, self-tests", "v4 audit scope, score changes after release",
                "v5 training", "v6 report generation", "v7 contests", "v8 certificates", "v9 satisfaction ratings",
                "v10 post certification, national qualifications", "v11 selections", "v12 lessons", "v13 lesson files", "v14 review schedule",
                "v15 lesson progress, required lessons, study days", "v16 last login", "v17 planned close",
                "v18 exam instructions", "v19 attempt point tallies",
                "v20 question owner and revision source",
            ])
            #expect(try await second.posts() == Post.seeded + ["心理咨询员"])
        }
    }

    @Test("Given foreign keys on, when a row names a missing unit, then SQLite refuses it")
    func foreignKeysAreEnforced() async throws {
        let db = try AppDatabase.inMemory()
        await #expect(throws: DatabaseError.self) {
            try await db.writer.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO staff (number, name, unitCode, post, isVeteran, isEntitledPerson, specialties, isActive)
                        VALUES ('X1', '无名', 'nowhere', ?, 0, 0, '', 1)
                        """, arguments: [Post.worker])
            }
        }
        #expect(try await db.count("staff") == 0)
    }
}
