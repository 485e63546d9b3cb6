import GRDB

extension AppDatabase {
    /// v20: questions edited in the browser. Each question has an owning unit (an exam of a unit draws from what its
    /// ancestors and itself own) and each revision says where it came from, so an import of files can tell a
    /// browser edit it would overwrite.
    static func registerQuestionOwnerMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v20 question owner and revision source") { db in
            // NULL: owned by the root of the tree (the province), as the shipped bank and every earlier import are.
            try db.alter(table: "question") { t in t.add(column: "ownerUnitCode", .text).references("unit", column: "code", onDelete: .restrict) }
            // `import` (files: CLI or upload) or `browser` (the question form).
            try db.alter(table: "questionRevision") { t in t.add(column: "source", .text).notNull().defaults(to: "import") }
        }
    }
}
