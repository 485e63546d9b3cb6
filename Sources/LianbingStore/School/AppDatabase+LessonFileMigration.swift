import GRDB

extension AppDatabase {
    /// v13: the images and PDFs beside a lesson, stored with its revision. Appended after v12; never edited once shipped.
    static func registerLessonFileMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v13 lesson files") { db in
            // Content by its SHA-256: a revision that changes only the text shares its files' bytes with the one before.
            try db.create(table: "lessonFileContent") { t in
                t.primaryKey("digest", .text)
                t.column("data", .blob).notNull()
            }
            try db.create(table: "lessonFile") { t in
                t.column("lessonId", .text).notNull()
                t.column("revision", .integer).notNull()
                // The path from the lesson's folder, as the lesson refers to it (`LessonReference.local`).
                t.column("name", .text).notNull()
                t.column("kind", .text).notNull()
                t.column("digest", .text).notNull().references("lessonFileContent", onDelete: .restrict).indexed()
                t.primaryKey(["lessonId", "revision", "name"])
                t.foreignKey(["lessonId", "revision"], references: "lessonRevision", onDelete: .cascade)
            }
        }
    }
}
