import GRDB
import LianbingCore

extension AppDatabase {
    /// Append-only: a migration that has shipped is never edited; changes come as new, named migrations.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 hierarchy, staff, accounts, sessions") { db in
            try db.create(table: "meta") { t in
                t.primaryKey("key", .text)
                t.column("value", .text).notNull()
            }
            try db.create(table: "unit") { t in
                t.primaryKey("code", .text)
                t.column("name", .text).notNull()
                t.column("level", .integer).notNull().check { (1...5).contains($0) }
                t.column("parentCode", .text).references("unit", onDelete: .restrict).indexed()
                t.column("path", .text).notNull().unique()
            }
            try db.create(table: "post") { t in
                t.primaryKey("name", .text)
                t.column("position", .integer).notNull()
            }
            try db.create(table: "staff") { t in
                t.primaryKey("number", .text)
                t.column("name", .text).notNull().indexed()
                t.column("unitCode", .text).notNull().references("unit", onDelete: .restrict).indexed()
                t.column("post", .text).notNull().references("post", onDelete: .restrict, onUpdate: .cascade)
                t.column("isVeteran", .boolean).notNull()
                t.column("isEntitledPerson", .boolean).notNull()
                t.column("specialties", .text).notNull()
                t.column("hireDate", .text)
                t.column("isActive", .boolean).notNull()
            }
            try db.create(table: "account") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("username", .text).notNull().unique().collate(.nocase)
                t.column("passwordHash", .text).notNull()
                t.column("role", .text).notNull().check { ["staff", "trainer", "admin"].contains($0) }
                t.column("unitCode", .text).notNull().references("unit", onDelete: .restrict).indexed()
                t.column("staffNumber", .text).unique().references("staff", onDelete: .setNull, onUpdate: .cascade)
                t.column("mustChangePassword", .boolean).notNull()
                t.column("isDisabled", .boolean).notNull()
                t.column("createdAt", .datetime).notNull()
            }
            try db.create(table: "session") { t in
                // Only a hash of the token is stored, so a copied database or backup opens no sessions.
                t.primaryKey("tokenHash", .text)
                t.column("accountId", .integer).notNull().references("account", onDelete: .cascade).indexed()
                t.column("csrfToken", .text).notNull()
                t.column("createdAt", .datetime).notNull()
                t.column("lastSeenAt", .datetime).notNull()
                t.column("address", .text)
                t.column("userAgent", .text)
            }
            try db.create(table: "auditEntry") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("at", .datetime).notNull()
                t.column("actor", .text).notNull()
                t.column("action", .text).notNull()
                t.column("subject", .text).notNull()
                t.column("detail", .text).notNull()
            }
            for (position, name) in Post.seeded.enumerated() {
                try db.execute(sql: "INSERT INTO post (name, position) VALUES (?, ?)", arguments: [name, position])
            }
        }
        migrator.registerMigration("v2 question bank with revisions") { db in
            try db.create(table: "bankRevision") { t in
                // The bank snapshot an exam records: a question's revision in snapshot N is its latest with bankRevision <= N.
                t.primaryKey("number", .integer)
                t.column("createdAt", .datetime).notNull()
                t.column("actor", .text).notNull()
                t.column("note", .text).notNull()
                t.column("added", .integer).notNull()
                t.column("changed", .integer).notNull()
            }
            try db.create(table: "question") { t in
                t.primaryKey("id", .text)
                t.column("currentRevision", .integer).notNull()
            }
            try db.create(table: "questionRevision") { t in
                t.column("questionId", .text).notNull().references("question", onDelete: .restrict)
                t.column("revision", .integer).notNull()
                t.column("bankRevision", .integer).notNull().references("bankRevision", onDelete: .restrict)
                t.column("kind", .text).notNull()
                t.column("status", .text).notNull()
                t.column("usage", .text).notNull()
                t.column("difficulty", .integer).notNull()
                // `|a/b|c|`: each knowledge point between bars, so a point and everything under it is one LIKE.
                t.column("knowledgePoints", .text).notNull()
                t.column("stem", .text).notNull()
                t.column("content", .jsonText).notNull()
                t.primaryKey(["questionId", "revision"])
            }
            try db.create(index: "questionRevision_bankRevision", on: "questionRevision", columns: ["bankRevision"])
        }
        return migrator
    }
}
