import GRDB

extension AppDatabase {
    /// v12: the online school's lessons (网校+微课, item 19), versioned like questions. Appended after v11; never edited
    /// once shipped.
    static func registerSchoolMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v12 lessons") { db in
            try db.create(table: "lesson") { t in
                t.primaryKey("id", .text)
                t.column("currentRevision", .integer).notNull()
                t.column("createdAt", .datetime).notNull()
            }
            // A changed lesson is a new revision; what people did stays with the lesson, and each record can say which
            // revision they read.
            try db.create(table: "lessonRevision") { t in
                t.column("lessonId", .text).notNull().references("lesson", onDelete: .cascade)
                t.column("revision", .integer).notNull()
                t.column("title", .text).notNull()
                t.column("status", .text).notNull()
                t.column("minutes", .integer).notNull()
                // `|a|b|`: found by knowledge point with LIKE '%|point|%'.
                t.column("knowledgePoints", .text).notNull()
                // The whole `Lesson` as JSON: compared to tell a changed lesson from an unchanged one.
                t.column("content", .text).notNull()
                t.column("importedAt", .datetime).notNull()
                t.column("importedBy", .text).notNull()
                t.primaryKey(["lessonId", "revision"])
            }
        }
    }
}
