import Foundation
import GRDB
import LianbingCore

/// Issuing and withdrawing certificates as results change: called inside the transactions that release results and
/// that change a released score, so a certificate exists exactly while its attempt passes.
extension AppDatabase {
    /// Issues a certificate to every candidate of a certifying exam whose score reaches the pass mark; run when its
    /// results are released. Returns how many were issued.
    @discardableResult
    static func issueCertificates(for exam: ExamRecord, by principal: Principal, at now: Date, _ db: Database) throws -> Int {
        guard exam.certifies, let examId = exam.id else { return 0 }
        let passed = try AttemptRecord.fetchAll(
            db, sql: "SELECT * FROM attempt WHERE examId = ? AND score IS NOT NULL AND score >= ? ORDER BY staffNumber",
            arguments: [examId, exam.passMark])
        for attempt in passed { try issueCertificate(for: attempt, of: exam, by: principal, at: now, db) }
        return passed.count
    }

    /// Keeps the certificate of one attempt of a released certifying exam in step with a score that crossed the
    /// pass mark: a pass turned fail revokes it, a fail turned pass issues one.
    static func certificateFollowsScore(
        of attempt: AttemptRecord, in exam: ExamRecord, passedBefore: Bool?, passedAfter: Bool?, reason: String, by principal: Principal,
        at now: Date, _ db: Database
    ) throws {
        guard exam.certifies, exam.examStatus == .released, passedBefore != passedAfter else { return }
        if passedAfter == true {
            try issueCertificate(for: attempt, of: exam, by: principal, at: now, db)
        } else if let id = attempt.id,
            let certificate = try CertificateRecord.filter(Column("attemptId") == id && Column("revokedAt") == nil).fetchOne(db)
        {
            try revoke(certificate, reason: "成绩变更后不合格：\(reason)", by: principal, at: now, db)
        }
    }

    /// A new certificate for a passing attempt, numbered next in the year of issue (China time); the holder's
    /// earlier certificate of the same qualification still in force is marked superseded by it.
    @discardableResult
    static func issueCertificate(for attempt: AttemptRecord, of exam: ExamRecord, by principal: Principal, at now: Date, _ db: Database) throws
        -> CertificateRecord
    {
        guard let attemptId = attempt.id, let examId = exam.id else { throw LianbingError.notFound("答卷") }
        if let existing = try CertificateRecord.filter(Column("attemptId") == attemptId && Column("revokedAt") == nil).fetchOne(db) {
            return existing
        }
        let qualification = try qualification(of: exam, db)
        guard let years = qualification.validityYears else { throw LianbingError.conflict("资格“\(qualification.name)”不由本系统发证") }
        let today = ChinaTime.civilDate(of: now)
        let last = try Int.fetchOne(db, sql: "SELECT MAX(serial) FROM certificate WHERE year = ?", arguments: [today.year]) ?? 0
        let number = try CertificateNumber(year: today.year, serial: last + 1)
        let unitCode = try String.fetchOne(db, sql: "SELECT unitCode FROM staff WHERE number = ?", arguments: [attempt.staffNumber]) ?? exam.unitCode
        let record = CertificateRecord(
            number: number.text, year: number.year, serial: number.serial, staffNumber: attempt.staffNumber, unitCode: unitCode,
            qualificationId: qualification.id!, examId: examId, attemptId: attemptId, issuedOn: today.description,
            expiresOn: CertificateValidity.expiry(issuedOn: today, years: years).description, revokedAt: nil, revokedReason: nil,
            revokedBy: nil, supersededBy: nil, createdAt: now)
        try record.insert(db)
        try db.execute(
            sql: """
                UPDATE certificate SET supersededBy = ?
                WHERE staffNumber = ? AND qualificationId = ? AND number <> ? AND revokedAt IS NULL AND supersededBy IS NULL
                """,
            arguments: [record.number, record.staffNumber, record.qualificationId, record.number])
        let superseded = db.changesCount
        try db.audit(
            principal, "certificate.issue", "证书 \(record.number)",
            "\(attempt.staffNumber) 通过考试 \(examId)，\(qualification.name)，有效期至 \(record.expiresOn)" + (superseded > 0 ? "；原证书 \(superseded) 张改为已被替代" : ""),
            unitCode: unitCode, at: now)
        return record
    }

    /// Revokes a certificate and logs why. The certificate it had replaced, if still unexpired in its own right,
    /// is in force again: revoking the renewal must not leave the holder with nothing they had earned.
    static func revoke(_ certificate: CertificateRecord, reason: String, by principal: Principal, at now: Date, _ db: Database) throws {
        var revoked = certificate
        revoked.revokedAt = now
        revoked.revokedReason = reason
        revoked.revokedBy = principal.auditName
        try revoked.update(db)
        try db.execute(sql: "UPDATE certificate SET supersededBy = NULL WHERE supersededBy = ?", arguments: [certificate.number])
        let restored = db.changesCount
        try db.audit(
            principal, "certificate.revoke", "证书 \(certificate.number)", reason + (restored > 0 ? "；其替代的原证书恢复" : ""),
            unitCode: certificate.unitCode, at: now)
    }

    static func qualification(of exam: ExamRecord, _ db: Database) throws -> QualificationRecord {
        let id = try exam.qualificationId ?? defaultQualificationId(db)
        guard let record = try QualificationRecord.fetchOne(db, key: id) else { throw LianbingError.notFound("资格 \(id)") }
        return record
    }

    /// The qualification a certifying exam names, checked to be one this system issues; the default when none is named.
    static func certifyingQualification(_ id: Int64?, _ db: Database) throws -> Int64 {
        guard let id else { return try defaultQualificationId(db) }
        guard try QualificationRecord.fetchOne(db, key: id)?.kind == Qualification.Kind.internal.rawValue else {
            throw LianbingError.invalid("资格 \(id) 不是本系统考核发证的资格：请用 lianbing cert qualifications 查看可选的资格编号")
        }
        return id
    }

    /// The internal qualification a certifying exam certifies when none is named: the first one made.
    static func defaultQualificationId(_ db: Database) throws -> Int64 {
        guard let id = try Int64.fetchOne(db, sql: "SELECT MIN(id) FROM qualification WHERE kind = 'internal'") else {
            throw LianbingError.conflict("尚未设置本系统考核的资格，无法发证")
        }
        return id
    }
}
