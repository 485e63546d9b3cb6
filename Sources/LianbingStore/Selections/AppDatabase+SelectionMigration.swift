import GRDB

extension AppDatabase {
    /// v11: excellence selections (遴选, item 20). Appended after v10; never edited once shipped.
    static func registerSelectionMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v11 selections") { db in
            try db.create(table: "selection") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("unitCode", .text).notNull().references("unit", onDelete: .restrict).indexed()
                t.column("title", .text).notNull()
                // `SelectionRules` as JSON: read whole, never queried by field, and locked once computed.
                t.column("rules", .jsonText).notNull()
                t.column("status", .text).notNull().check { ["draft", "computed", "published", "final"].contains($0) }
                t.column("createdBy", .text).notNull()
                t.column("createdAt", .datetime).notNull()
                // `SelectionOutcome` as JSON, as last computed: what is published is what was computed.
                t.column("outcome", .jsonText)
                t.column("computedAt", .datetime)
                t.column("publishedAt", .datetime)
                // The notice period's last China date (公示截止).
                t.column("noticeEndsOn", .text)
                t.column("finalisedAt", .datetime)
            }
            // An administrator's change to the computed list, with the reason: kept, never edited.
            try db.create(table: "selectionAdjustment") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("selectionId", .integer).notNull().references("selection", onDelete: .cascade).indexed()
                t.column("staffNumber", .text).notNull().references("staff", onDelete: .restrict, onUpdate: .cascade)
                t.column("action", .text).notNull().check { ["add", "remove"].contains($0) }
                t.column("reason", .text).notNull()
                t.column("actor", .text).notNull()
                t.column("at", .datetime).notNull()
            }
            // 公示 objections and their answers.
            try db.create(table: "selectionObjection") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("selectionId", .integer).notNull().references("selection", onDelete: .cascade).indexed()
                // The nominee objected to; NULL for the list as a whole.
                t.column("staffNumber", .text).references("staff", onDelete: .setNull, onUpdate: .cascade)
                t.column("text", .text).notNull()
                t.column("author", .text).notNull()
                t.column("at", .datetime).notNull()
                t.column("answer", .text)
                t.column("answeredBy", .text)
                t.column("answeredAt", .datetime)
            }
            // The award on each winner's record, written when the selection is finalised.
            try db.create(table: "selectionWinner") { t in
                t.column("selectionId", .integer).notNull().references("selection", onDelete: .cascade)
                t.column("staffNumber", .text).notNull().references("staff", onDelete: .restrict, onUpdate: .cascade).indexed()
                t.column("award", .text).notNull()
                t.column("awardedOn", .text).notNull()
                t.primaryKey(["selectionId", "staffNumber"])
            }
        }
    }
}
