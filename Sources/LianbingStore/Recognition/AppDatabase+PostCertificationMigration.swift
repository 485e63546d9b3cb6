import GRDB

extension AppDatabase {
    /// v10: 持证上岗 per post and the national qualifications staff record (item 18). Appended after v9; never
    /// edited once shipped.
    static func registerPostCertificationMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v10 post certification, national qualifications") { db in
            // A post that may be held only with a certificate: which qualifications satisfy it (`|id|id|`, internal or
            // national) and how many days someone new to the post has to obtain one.
            try db.create(table: "postRequirement") { t in
                t.primaryKey("post", .text).references("post", onDelete: .cascade, onUpdate: .cascade)
                t.column("qualifications", .text).notNull()
                t.column("graceDays", .integer).notNull().check { (0...3_650).contains($0) }
                t.column("updatedAt", .datetime).notNull()
                t.column("actor", .text).notNull()
            }
            // When the holder took up their current post: the start of their grace period. NULL: since the hire date
            // (or, without one, long enough that no grace is left).
            try db.alter(table: "staff") { t in t.add(column: "postSince", .text) }
            // A national qualification (退役军人事务员) as the holder records it, with a scanned copy kept in the files
            // folder beside the database; an administrator over the holder's unit accepts or rejects it.
            try db.create(table: "nationalQualification") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("staffNumber", .text).notNull().references("staff", onDelete: .restrict, onUpdate: .cascade).indexed()
                t.column("qualificationId", .integer).notNull().references("qualification", onDelete: .restrict)
                // 五级/初级工 … 一级/高级技师.
                t.column("level", .text).notNull()
                t.column("certificateNumber", .text).notNull()
                t.column("issuer", .text).notNull()
                t.column("issuedOn", .text).notNull()
                // The scan: a name under the files folder, its media type and size; NULL when recorded without one (CLI import).
                t.column("file", .text)
                t.column("fileType", .text)
                t.column("fileSize", .integer)
                t.column("status", .text).notNull().check { ["pending", "accepted", "rejected"].contains($0) }.indexed()
                t.column("submittedAt", .datetime).notNull()
                t.column("submittedBy", .text).notNull()
                t.column("reviewedAt", .datetime)
                t.column("reviewedBy", .text)
                t.column("reviewNote", .text)
            }
            try db.create(
                index: "nationalQualification_number", on: "nationalQualification", columns: ["qualificationId", "certificateNumber"], unique: true)
        }
    }
}
