import GRDB

extension AppDatabase {
    /// v9: satisfaction ratings of the service (满意度评定, item 20). Appended after v8; never edited once shipped.
    static func registerRatingMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v9 satisfaction ratings") { db in
            // The key that signs the public rating form's cookies (device and counter): one per database, so every
            // server process and every restart accept the cookies it gave out.
            try db.create(table: "ratingKey") { t in
                t.primaryKey("id", .integer).check { $0 == 1 }
                t.column("secret", .blob).notNull()
            }
            try db.execute(sql: "INSERT INTO ratingKey (id, secret) VALUES (1, randomblob(32))")
            // A unit's public rating address `/rate/<token>`: unguessable, not its code, replaced when a poster leaks.
            try db.create(table: "ratingStation") { t in
                t.primaryKey("unitCode", .text).references("unit", onDelete: .cascade)
                t.column("token", .text).notNull().unique()
                t.column("createdAt", .datetime).notNull()
                t.column("createdBy", .text).notNull()
            }
            // Staff listed on their unit's public form (masked name), by their own consent: a row per listed person.
            try db.create(table: "ratingStaffListing") { t in
                t.primaryKey("staffNumber", .text).references("staff", onDelete: .cascade, onUpdate: .cascade)
                t.column("listedAt", .datetime).notNull()
                t.column("listedBy", .text).notNull()
            }
            try db.create(table: "satisfactionRating") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("unitCode", .text).notNull().references("unit", onDelete: .restrict)
                t.column("attitude", .integer).notNull().check { (1...5).contains($0) }
                t.column("efficiency", .integer).notNull().check { (1...5).contains($0) }
                t.column("outcome", .integer).notNull().check { (1...5).contains($0) }
                // The mean of the three aspects, kept so that reports sum one column.
                t.column("overall", .double).notNull()
                t.column("comment", .text).notNull()
                t.column("source", .text).notNull().check { ["poster", "counter", "paper", "phone"].contains($0) }
                t.column("staffNumber", .text).references("staff", onDelete: .setNull, onUpdate: .cascade).indexed()
                t.column("at", .datetime).notNull()
                // China-time day of `at`: a device rates a unit once a day.
                t.column("day", .text).notNull()
                // SHA-256 of the device cookie's id (public sources only); staff-entered ratings have none.
                t.column("deviceHash", .text)
                // Who typed in a paper or telephone survey.
                t.column("enteredBy", .text)
                // Abusive comments are hidden, never deleted: who, when and why stay with the rating.
                t.column("hiddenAt", .datetime)
                t.column("hiddenBy", .text)
                t.column("hiddenReason", .text)
            }
            try db.create(index: "satisfactionRating_on_unitCode_at", on: "satisfactionRating", columns: ["unitCode", "at"])
            try db.create(
                index: "satisfactionRating_one_per_device_day", on: "satisfactionRating", columns: ["unitCode", "deviceHash", "day"], unique: true,
                condition: Column("deviceHash") != nil)
            // A rating of 1 or 2 on any aspect opens a follow-up (回访); closing it records what came of it.
            try db.create(table: "ratingFollowUp") { t in
                t.primaryKey("ratingId", .integer).references("satisfactionRating", onDelete: .cascade)
                t.column("unitCode", .text).notNull().references("unit", onDelete: .restrict).indexed()
                t.column("openedAt", .datetime).notNull()
                t.column("outcome", .text).check { $0 == nil || ["resolved", "explained", "unreachable", "unfounded"].contains($0) }
                t.column("note", .text)
                t.column("closedAt", .datetime)
                t.column("closedBy", .text)
            }
        }
    }
}
