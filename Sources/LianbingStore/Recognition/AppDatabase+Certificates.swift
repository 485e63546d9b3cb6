import Foundation
import GRDB
import LianbingCore

/// Which certificates a list shows.
public struct CertificateFilter: Sendable, Equatable {
    /// Only those of this unit's subtree (within the caller's).
    public var unit: String?
    public var status: CertificateStatus?
    /// Only certificates in force that expire within this many days from today (1–3,650).
    public var expiringWithinDays: Int?
    /// Staff number or name, contained.
    public var query: String?

    public init(unit: String? = nil, status: CertificateStatus? = nil, expiringWithinDays: Int? = nil, query: String? = nil) {
        self.unit = unit
        self.status = status
        self.expiringWithinDays = expiringWithinDays
        self.query = query
    }

    public static let expiringDays = 1...3_650
}

extension AppDatabase {
    /// Certificates earned in the caller's subtree (administrators), newest first.
    public func certificates(_ filter: CertificateFilter, page: PageRequest, by principal: Principal) async throws -> Page<Certificate> {
        let all = try await certificates(filter, by: principal)
        let start = min(all.count, (page.page - 1) * page.perPage)
        return Page(items: Array(all[start..<min(all.count, start + page.perPage)]), page: page.page, perPage: page.perPage, total: all.count)
    }

    /// Every certificate a list would show, for exports.
    public func certificates(_ filter: CertificateFilter, by principal: Principal) async throws -> [Certificate] {
        guard principal.has(.admin) else { throw LianbingError.forbidden("只有管理员可以管理证书") }
        if let days = filter.expiringWithinDays { try InputBounds.check(days, in: CertificateFilter.expiringDays, "到期天数", unit: "天") }
        let today = ChinaTime.civilDate(of: clock())
        return try await reader.read { db in
            let root = try filter.unit.map { try Self.unitInScope($0, for: principal, db).unitPath } ?? principal.scope
            var conditions = ["u.path >= ? AND u.path < ?"]
            var arguments: StatementArguments = [root.lowerBound, root.upperBound]
            if let query = filter.query?.trimmingCharacters(in: .whitespaces), !query.isEmpty {
                conditions.append("(c.staffNumber = ? OR s.name LIKE ? ESCAPE '\\')")
                arguments += [query, "%" + Self.escapeLike(query) + "%"]
            }
            if let days = filter.expiringWithinDays {
                conditions.append("c.revokedAt IS NULL AND c.supersededBy IS NULL AND c.expiresOn >= ? AND c.expiresOn <= ?")
                arguments += [today.description, (today.adding(days: days) ?? today).description]
            }
            let rows = try Self.certificateRows(where: conditions.joined(separator: " AND "), arguments, db)
            let certificates = try rows.map { try Self.certificate($0, today: today) }
            return filter.status.map { status in certificates.filter { $0.status == status } } ?? certificates
        }
    }

    /// One certificate: its holder, or an administrator over the unit it was earned in.
    public func certificate(_ number: String, by principal: Principal) async throws -> Certificate {
        let today = ChinaTime.civilDate(of: clock())
        return try await reader.read { db in try Self.certificate(try Self.certificateRow(number, for: principal, db), today: today) }
    }

    /// The caller's own certificates, newest first.
    public func myCertificates(by principal: Principal) async throws -> [Certificate] {
        guard let staffNumber = principal.staffNumber else { return [] }
        let today = ChinaTime.civilDate(of: clock())
        return try await reader.read { db in
            try Self.certificateRows(where: "c.staffNumber = ?", [staffNumber], db).map { try Self.certificate($0, today: today) }
        }
    }

    /// Revokes a certificate in force, with the reason given (1–200 characters).
    public func revokeCertificate(_ number: String, reason: String, by principal: Principal) async throws -> Certificate {
        guard principal.has(.admin) else { throw LianbingError.forbidden("只有管理员可以撤销证书") }
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...200).contains(reason.count) else { throw LianbingError.invalid("撤销原因须为 1 到 200 个字") }
        let now = clock()
        return try await writer.write { db in
            let row = try Self.certificateRow(number, for: principal, db)
            guard principal.has(.admin), let record = try CertificateRecord.fetchOne(db, key: row["number"] as String) else {
                throw LianbingError.notFound("证书 \(number)")
            }
            guard record.revokedAt == nil else { throw LianbingError.conflict("证书 \(record.number) 已撤销") }
            try Self.revoke(record, reason: reason, by: principal, at: now, db)
            return try Self.certificate(try Self.certificateRow(record.number, for: principal, db), today: ChinaTime.civilDate(of: now))
        }
    }

    /// What anyone may learn of a certificate by its number: nil for a number that is well formed but unknown.
    /// Throws `invalid` for text that is not a certificate number (a typo the check character catches).
    public func verifyCertificate(_ text: String) async throws -> VerifiedCertificate? {
        guard let number = CertificateNumber(parsing: text) else {
            throw LianbingError.invalid("证书编号格式不对或校验位不符，请核对后重新输入（格式如 LB-2026-000001-X）")
        }
        let today = ChinaTime.civilDate(of: clock())
        return try await reader.read { db in
            guard let row = try Self.certificateRows(where: "c.number = ?", [number.text], db).first else { return nil }
            let certificate = try Self.certificate(row, today: today)
            return VerifiedCertificate(
                number: certificate.number, maskedName: HolderNameMask.mask(certificate.holderName), qualification: certificate.qualification,
                issuedOn: certificate.issuedOn, expiresOn: certificate.expiresOn, status: certificate.status)
        }
    }

    /// The qualifications, internal first.
    public func qualifications() async throws -> [Qualification] {
        try await reader.read { db in
            try QualificationRecord.order(Column("kind").desc, Column("id")).fetchAll(db).map {
                Qualification(id: $0.id!, name: $0.name, kind: Qualification.Kind(rawValue: $0.kind) ?? .internal, validityYears: $0.validityYears)
            }
        }
    }

    /// Adds an internal qualification that certifying exams may name. Its name may not pass for the national
    /// qualification, which only the state issues.
    public func addQualification(name: String, validityYears years: Int, by principal: Principal) async throws -> Qualification {
        guard principal.has(.admin), principal.isOperator || principal.scope.codes.count == 1 else {
            throw LianbingError.forbidden("只有省级管理员可以添加资格")
        }
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (2...40).contains(name.count), !name.contains(where: \.isNewline) else { throw LianbingError.invalid("资格名称须为 2 到 40 个字") }
        guard !name.contains("退役军人事务员"), !name.contains("国家职业") else {
            throw LianbingError.invalid("本系统发放的是岗位考核证书：资格名称不能写成国家职业资格（退役军人事务员）")
        }
        try InputBounds.check(years, in: CertificateValidity.years, "有效期", unit: "年")
        let now = clock()
        return try await writer.write { db in
            guard try QualificationRecord.filter(Column("name") == name).fetchCount(db) == 0 else { throw LianbingError.conflict("资格“\(name)”已存在") }
            var record = QualificationRecord(id: nil, name: name, kind: Qualification.Kind.internal.rawValue, validityYears: years, createdAt: now)
            try record.insert(db)
            try db.audit(principal, "qualification.add", "资格 \(name)", "有效期 \(years) 年", at: now)
            return Qualification(id: record.id!, name: name, kind: .internal, validityYears: years)
        }
    }

    /// Sets how many years certificates of an internal qualification stay valid from now on; those issued keep
    /// the expiry printed on them.
    public func setQualificationValidity(_ id: Int64, years: Int, by principal: Principal) async throws {
        guard principal.has(.admin), principal.isOperator || principal.scope.codes.count == 1 else {
            throw LianbingError.forbidden("只有省级管理员可以设置资格的有效期")
        }
        try InputBounds.check(years, in: CertificateValidity.years, "有效期", unit: "年")
        let now = clock()
        try await writer.write { db in
            guard var record = try QualificationRecord.fetchOne(db, key: id), record.kind == Qualification.Kind.internal.rawValue else {
                throw LianbingError.notFound("本系统考核的资格 \(id)")
            }
            record.validityYears = years
            try record.update(db)
            try db.audit(principal, "qualification.validity", "资格 \(record.name)", "有效期 \(years) 年", at: now)
        }
    }

    private static func certificateRow(_ number: String, for principal: Principal, _ db: Database) throws -> Row {
        guard let parsed = CertificateNumber(parsing: number),
            let row = try certificateRows(where: "c.number = ?", [parsed.text], db).first,
            principal.staffNumber == row["staffNumber"] || (principal.has(.admin) && principal.covers(UnitPath(rawValue: row["unitPath"])))
        else { throw LianbingError.notFound("证书 \(number)") }
        return row
    }

    private static func certificateRows(where condition: String, _ arguments: StatementArguments, _ db: Database) throws -> [Row] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT c.*, s.name AS holderName, u.name AS unitName, u.path AS unitPath, q.name AS qualification, e.title AS examTitle, eu.name AS issuerName
                FROM certificate c JOIN staff s ON s.number = c.staffNumber JOIN unit u ON u.code = c.unitCode
                JOIN qualification q ON q.id = c.qualificationId JOIN exam e ON e.id = c.examId JOIN unit eu ON eu.code = e.unitCode
                WHERE \(condition) ORDER BY c.year DESC, c.serial DESC
                """, arguments: arguments)
    }

    private static func certificate(_ row: Row, today: CivilDate) throws -> Certificate {
        let record = try CertificateRecord(row: row)
        return Certificate(
            number: record.number, staffNumber: record.staffNumber, holderName: row["holderName"], unitCode: record.unitCode,
            unitName: row["unitName"], qualification: row["qualification"], examId: record.examId, examTitle: row["examTitle"], issuerName: row["issuerName"],
            issuedOn: CivilDate(record.issuedOn) ?? today, expiresOn: CivilDate(record.expiresOn) ?? today, status: record.status(today: today),
            revokedAt: record.revokedAt, revokedReason: record.revokedReason, supersededBy: record.supersededBy)
    }
}
