import GRDB

extension AppDatabase {
    /// v14: spaced review of wrong questions (今日复习) with FSRS. Appended after v13; never edited once shipped.
    static func registerReviewMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v14 review schedule") { db in
            // One card per person and question that they once answered wrong; its FSRS memory and next review.
            try db.create(table: "reviewCard") { t in
                t.column("staffNumber", .text).notNull().references("staff", onDelete: .cascade, onUpdate: .cascade)
                t.column("questionId", .text).notNull().references("question", onDelete: .cascade)
                t.column("knowledgePoint", .text).notNull()
                t.column("stability", .double).notNull()
                t.column("difficulty", .double).notNull()
                t.column("lastReview", .datetime).notNull()
                // China date `YYYY-MM-DD` of the next review; NULL once retired (the next interval passed 90 days).
                t.column("due", .text)
                t.column("reps", .integer).notNull()
                // Wrong answers after the first.
                t.column("lapses", .integer).notNull()
                t.primaryKey(["staffNumber", "questionId"])
            }
            // A person's 今日复习 is one range of this index, in its order, however many cards the province holds.
            try db.create(index: "reviewCard_on_staffNumber_due", on: "reviewCard", columns: ["staffNumber", "due", "questionId"])
            // Finished assessment attempts whose answers have been taken into review: once the keys were shown.
            try db.create(table: "reviewedAttempt") { t in
                t.primaryKey("attemptId", .integer).references("attempt", onDelete: .cascade)
                t.column("reviewedAt", .datetime).notNull()
            }
        }
    }
}
