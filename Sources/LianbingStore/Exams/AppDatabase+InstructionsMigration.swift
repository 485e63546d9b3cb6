import GRDB

extension AppDatabase {
    /// v18: what a trainer tells candidates before they start (考生须知), shown on the candidate's exam list.
    static func registerInstructionsMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v18 exam instructions") { db in
            // Empty: nothing to say beyond the exam's times and rules.
            try db.alter(table: "exam") { t in t.add(column: "instructions", .text).notNull().defaults(to: "") }
        }
    }
}
