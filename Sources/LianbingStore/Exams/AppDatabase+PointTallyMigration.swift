import GRDB

extension AppDatabase {
    /// v19: each centralised attempt's marks summed per knowledge point, kept with its marks, so that a unit's weak
    /// points read a few rows per attempt instead of taking every paper apart. Appended after v18; never edited once
    /// shipped.
    static func registerPointTallyMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v19 attempt point tallies") { db in
            try db.create(table: "attemptPointTally", options: .withoutRowID) { t in
                t.column("attemptId", .integer).notNull().references("attempt", onDelete: .cascade)
                t.column("knowledgePoint", .text).notNull()
                t.column("score", .double).notNull()
                t.column("points", .double).notNull()
                t.column("answered", .integer).notNull()
                t.column("correct", .integer).notNull()
                t.primaryKey(["attemptId", "knowledgePoint"])
            }
            try tallyAllPoints(db)
        }
    }
}
