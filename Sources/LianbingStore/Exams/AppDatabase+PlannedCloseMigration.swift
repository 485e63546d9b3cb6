import GRDB

extension AppDatabase {
    /// v17: an exam closed early keeps the close it was planned with, so its pages show both.
    static func registerPlannedCloseMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v17 planned close") { db in
            // NULL unless closed early; `closesAt` is then when it was closed.
            try db.alter(table: "exam") { t in t.add(column: "plannedClosesAt", .datetime) }
        }
    }
}
