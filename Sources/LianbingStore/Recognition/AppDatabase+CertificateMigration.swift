import GRDB

extension AppDatabase {
    /// v8: certificates of certifying assessments (持证上岗, item 18). Appended after v7; never edited once shipped.
    static func registerCertificateMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v8 certificates") { db in
            // What a certificate certifies. Internal ones are issued by passing a certifying assessment and expire
            // after `validityYears`; the national 退役军人事务员 is only recorded, never issued here.
            try db.create(table: "qualification") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("name", .text).notNull().unique()
                t.column("kind", .text).notNull().check { ["internal", "national"].contains($0) }
                t.column("validityYears", .integer).check { $0 == nil || (1...10).contains($0) }
                t.column("createdAt", .datetime).notNull()
            }
            try db.alter(table: "exam") { t in
                t.add(column: "qualificationId", .integer).references("qualification", onDelete: .restrict)
            }
            // Certifying exams made before qualifications existed certify the default one.
            try db.execute(
                sql: "INSERT INTO qualification (name, kind, validityYears, createdAt) VALUES (?, 'internal', 3, CURRENT_TIMESTAMP)",
                arguments: ["服务中心（站）岗位练兵考核合格"])
            try db.execute(sql: "UPDATE exam SET qualificationId = 1 WHERE certifies")
            try db.execute(
                sql: "INSERT INTO qualification (name, kind, validityYears, createdAt) VALUES (?, 'national', NULL, CURRENT_TIMESTAMP)",
                arguments: ["退役军人事务员（国家职业技能等级）"])
            try db.create(table: "certificate") { t in
                // `LB-YYYY-NNNNNN-C` (CertificateNumber): year and serial are kept apart to number the next one.
                t.primaryKey("number", .text)
                t.column("year", .integer).notNull()
                t.column("serial", .integer).notNull()
                t.uniqueKey(["year", "serial"])
                t.column("staffNumber", .text).notNull().references("staff", onDelete: .restrict, onUpdate: .cascade).indexed()
                // The holder's unit when it was issued: the certificate stays where it was earned.
                t.column("unitCode", .text).notNull().references("unit", onDelete: .restrict).indexed()
                t.column("qualificationId", .integer).notNull().references("qualification", onDelete: .restrict)
                t.column("examId", .integer).notNull().references("exam", onDelete: .restrict).indexed()
                t.column("attemptId", .integer).notNull().references("attempt", onDelete: .restrict).indexed()
                t.column("issuedOn", .text).notNull()
                t.column("expiresOn", .text).notNull().indexed()
                t.column("revokedAt", .datetime)
                t.column("revokedReason", .text)
                t.column("revokedBy", .text)
                t.column("supersededBy", .text).references("certificate", onDelete: .restrict)
                t.column("createdAt", .datetime).notNull()
            }
        }
    }
}
