import GRDB

extension AppDatabase {
    /// v16: when each account last signed in, so that administrators see the accounts nobody has used (待办), and
    /// the indexes that keep the home page's counts small on a province-wide database. Never edited once shipped.
    static func registerLastLoginMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v16 last login") { db in
            try db.alter(table: "account") { t in t.add(column: "lastLoginAt", .datetime) }
            // Sign-ins before this column are known only from what they left: a session still open, or the holder
            // changing their own password (which needs a session). Anything older counts as never signed in.
            try db.execute(
                sql: """
                    UPDATE account SET lastLoginAt = COALESCE(
                        (SELECT MAX(createdAt) FROM session WHERE accountId = account.id),
                        (SELECT MAX(at) FROM auditEntry WHERE action = 'account.change-password' AND subject = account.username))
                    """)
            try db.create(index: "account_never_logged_in", on: "account", columns: ["unitCode"], condition: Column("lastLoginAt") == nil)
            // Answers waiting for marking and requests waiting for a reply are few beside all attempts and requests
            // ever made: the 待办 counts walk these instead.
            try db.create(index: "attempt_pending_marks", on: "attempt", columns: ["examId"], condition: Column("pendingCount") > 0)
            try db.create(index: "scoreReview_waiting", on: "scoreReview", columns: ["requestedAt"], condition: Column("answeredAt") == nil)
        }
    }
}
