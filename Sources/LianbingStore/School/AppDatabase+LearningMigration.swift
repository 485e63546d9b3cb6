import GRDB

extension AppDatabase {
    /// v15: what people do with lessons — progress and completion, required lessons (必修) and study days (学习日).
    /// Appended after v14; never edited once shipped.
    static func registerLearningMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v15 lesson progress, required lessons, study days") { db in
            // One row per person and lesson, whatever its revision: progress stays with the lesson.
            try db.create(table: "lessonProgress") { t in
                t.column("staffNumber", .text).notNull().references("staff", onDelete: .cascade, onUpdate: .cascade)
                t.column("lessonId", .text).notNull().references("lesson", onDelete: .cascade)
                // The revision last opened.
                t.column("revision", .integer).notNull()
                t.column("openedAt", .datetime).notNull()
                // How far down the page they have read, in thousandths: another device resumes there.
                t.column("readPermille", .integer).notNull().defaults(to: 0)
                // Seconds the page was in view, as the server counted them between the page's reports.
                t.column("visibleSeconds", .integer).notNull().defaults(to: 0)
                // The server's time of the last report while the page was in view; NULL once it was hidden.
                t.column("visibleSince", .datetime)
                t.column("endReachedAt", .datetime)
                // The lesson's check (小测) in progress or last taken: a self-test attempt.
                t.column("checkAttemptId", .integer).references("attempt", onDelete: .setNull).indexed()
                t.column("checkPassedAt", .datetime)
                t.column("completedAt", .datetime)
                t.column("completedRevision", .integer)
                t.primaryKey(["staffNumber", "lessonId"])
            }
            // Every check taken, passed or not: the most-failed checks show where a lesson or its questions fall short.
            try db.create(table: "lessonCheck") { t in
                t.primaryKey("attemptId", .integer).references("attempt", onDelete: .cascade)
                t.column("staffNumber", .text).notNull().references("staff", onDelete: .cascade, onUpdate: .cascade)
                t.column("lessonId", .text).notNull().references("lesson", onDelete: .cascade).indexed()
            }
            try db.create(index: "lessonProgress_on_lessonId_completedAt", on: "lessonProgress", columns: ["lessonId", "completedAt"])
            // 必修: lessons an administrator requires of a subtree (optionally some posts) by a deadline.
            try db.create(table: "lessonAssignment") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("unitCode", .text).notNull().references("unit", onDelete: .restrict).indexed()
                t.column("title", .text).notNull()
                // `|post|post|`; empty: every post.
                t.column("posts", .text).notNull()
                // China date, inclusive.
                t.column("deadline", .text).notNull()
                t.column("createdBy", .text).notNull()
                t.column("createdAt", .datetime).notNull()
                t.column("withdrawnAt", .datetime)
            }
            try db.create(table: "lessonAssignmentLesson") { t in
                t.column("assignmentId", .integer).notNull().references("lessonAssignment", onDelete: .cascade)
                t.column("position", .integer).notNull()
                t.column("lessonId", .text).notNull().references("lesson", onDelete: .restrict).indexed()
                t.primaryKey(["assignmentId", "position"])
            }
            // 学习日: a training session of kind study-day with lessons; finishing them inside its window is attendance.
            try db.create(table: "studyDayLesson") { t in
                t.column("sessionId", .integer).notNull().references("trainingSession", onDelete: .cascade)
                t.column("position", .integer).notNull()
                t.column("lessonId", .text).notNull().references("lesson", onDelete: .restrict).indexed()
                t.primaryKey(["sessionId", "position"])
            }
            try db.create(table: "studyDay") { t in
                t.primaryKey("sessionId", .integer).references("trainingSession", onDelete: .cascade)
                // Questions in the day's optional self-test on its lessons' knowledge points; NULL: none.
                t.column("selfTestLength", .integer)
            }
        }
    }
}
