import GRDB

extension AppDatabase {
    /// v7: skills contests (练兵比武, item 20). Appended after v6; never edited once shipped.
    static func registerContestMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v7 contests") { db in
            try db.create(table: "contest") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("title", .text).notNull()
                // The organising unit: a province, city or county centre. Its subtree's administrators run it.
                t.column("unitCode", .text).notNull().references("unit", onDelete: .restrict).indexed()
                t.column("format", .text).notNull().check { ["individual", "team"].contains($0) }
                t.column("heldOn", .text).notNull()
                t.column("basePoints", .integer).notNull()
                // Comma-separated `TieBreaker` raw values, in order.
                t.column("tieBreakers", .text).notNull()
                t.column("status", .text).notNull().check { ["preparing", "running", "finished"].contains($0) }
                // The read-only projector link: unguessable, no login.
                t.column("boardToken", .text).notNull().unique()
                // While set, the public board shows the log only up to this sequence number (封榜).
                t.column("publicThrough", .integer)
                t.column("createdBy", .text).notNull()
                t.column("createdAt", .datetime).notNull()
            }
            try db.create(table: "contestRound") { t in
                t.column("contestId", .integer).notNull().references("contest", onDelete: .cascade)
                t.column("number", .integer).notNull()
                t.column("style", .text).notNull()
                t.column("title", .text).notNull()
                t.column("rules", .text).notNull()
                // A written round's paper: an exam of the exam engine.
                t.column("examId", .integer).references("exam", onDelete: .restrict)
                t.primaryKey(["contestId", "number"])
            }
            // A live round's question list, fixed before the contest starts.
            try db.create(table: "contestQuestion") { t in
                t.column("contestId", .integer).notNull()
                t.column("round", .integer).notNull()
                t.column("number", .integer).notNull()
                t.column("questionId", .text).notNull().indexed()
                // The revision shown: the list is fixed, so later edits to the bank do not change the contest.
                t.column("revision", .integer).notNull()
                t.primaryKey(["contestId", "round", "number"])
                t.foreignKey(["contestId", "round"], references: "contestRound", columns: ["contestId", "number"], onDelete: .cascade)
            }
            try db.create(table: "contestTeam") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("contestId", .integer).notNull().references("contest", onDelete: .cascade).indexed()
                t.column("name", .text).notNull()
                t.column("unitCode", .text).notNull().references("unit", onDelete: .restrict)
                t.column("draw", .integer).notNull()
                // The team of a lower-level contest this one advanced from.
                t.column("advancedFrom", .integer).references("contestTeam", onDelete: .setNull)
                t.uniqueKey(["contestId", "name"])
            }
            try db.create(table: "contestMember") { t in
                t.column("teamId", .integer).notNull().references("contestTeam", onDelete: .cascade)
                t.column("staffNumber", .text).notNull().references("staff", onDelete: .restrict, onUpdate: .cascade).indexed()
                t.column("isCaptain", .boolean).notNull()
                t.primaryKey(["teamId", "staffNumber"])
            }
            try db.create(table: "contestSubstitution") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("teamId", .integer).notNull().references("contestTeam", onDelete: .cascade).indexed()
                t.column("outStaffNumber", .text).notNull()
                t.column("inStaffNumber", .text).notNull()
                t.column("reason", .text).notNull()
                t.column("recordedAt", .datetime).notNull()
                t.column("actor", .text).notNull()
            }
            // The event log: appended, never edited or deleted (the triggers refuse both), so a contest with events stays.
            try db.create(table: "contestEvent") { t in
                t.column("contestId", .integer).notNull().references("contest", onDelete: .cascade)
                t.column("sequence", .integer).notNull()
                t.column("round", .integer).notNull()
                t.column("question", .integer)
                t.column("teamId", .integer)
                t.column("memberStaffNumber", .text)
                t.column("kind", .text).notNull()
                t.column("change", .integer).notNull()
                t.column("amount", .integer)
                t.column("elapsedMilliseconds", .integer)
                t.column("corrects", .integer)
                t.column("reason", .text).notNull()
                t.column("clockMilliseconds", .integer).notNull()
                t.column("recordedAt", .datetime).notNull()
                t.column("recordedBy", .text).notNull()
                t.primaryKey(["contestId", "sequence"])
            }
            try db.execute(
                sql: """
                    CREATE TRIGGER contestEvent_no_update BEFORE UPDATE ON contestEvent
                    BEGIN SELECT RAISE(ABORT, 'contest events are never edited'); END;
                    CREATE TRIGGER contestEvent_no_delete BEFORE DELETE ON contestEvent
                    BEGIN SELECT RAISE(ABORT, 'contest events are never deleted'); END;
                    """)
        }
    }
}
