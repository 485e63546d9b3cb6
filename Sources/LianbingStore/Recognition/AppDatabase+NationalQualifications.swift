import Foundation
import GRDB
import LianbingCore

/// The national qualifications (退役军人事务员, 国家职业技能等级) staff hold: recorded by the holder (or by an
/// administrator over them) with a scanned copy of the certificate, then accepted or rejected by an administrator over
/// the holder's unit. Only what is accepted counts as held. Scans live in the `FileStore` beside the database.
extension AppDatabase {
    /// The longest review note, in characters (a rejection needs one).
    public static let reviewNoteLength = 200

    /// Records a qualification as pending. The holder records their own; an administrator may record one for staff of
    /// their subtree (`draft.staffNumber`). Recording again the number of one's own rejected record resubmits it.
    /// A number already recorded is a conflict that names the holder only to those who may see them.
    public func recordNationalQualification(_ draft: NationalQualificationDraft, by principal: Principal) async throws -> NationalQualification {
        let now = clock()
        let checked = try draft.checked(today: ChinaTime.civilDate(of: now))
        return try await writer.write { db in
            let holder = try Self.qualificationHolder(draft.staffNumber, for: principal, db)
            let qualificationId = try Self.nationalQualificationId(draft.qualificationId, db)
            if let existing = try Self.nationalQualificationRows(
                where: "n.qualificationId = ? AND n.certificateNumber = ?", [qualificationId, checked.certificateNumber], db
            ).first {
                let id: Int64 = existing["id"]
                if existing["staffNumber"] == holder.number, existing["status"] == NationalQualificationStatus.rejected.rawValue {
                    try db.execute(
                        sql: """
                            UPDATE nationalQualification SET level = ?, issuer = ?, issuedOn = ?, status = 'pending', submittedAt = ?,
                            submittedBy = ?, reviewedAt = NULL, reviewedBy = NULL, reviewNote = NULL WHERE id = ?
                            """,
                        arguments: [checked.level.rawValue, checked.issuer, checked.issuedOn.description, now, principal.auditName, id])
                    try db.audit(
                        principal, "qualification.resubmit", "国家职业资格 \(id)", "\(holder.name)（\(holder.number)）\(checked.level.rawValue) \(checked.certificateNumber)",
                        in: holder.path, at: now)
                    return try Self.nationalQualification(try Self.nationalQualificationRow(id, for: principal, db))
                }
                throw Self.duplicateNumber(checked.certificateNumber, existing, for: principal)
            }
            try db.execute(
                sql: """
                    INSERT INTO nationalQualification (staffNumber, qualificationId, level, certificateNumber, issuer, issuedOn, status, submittedAt, submittedBy)
                    VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?)
                    """,
                arguments: [
                    holder.number, qualificationId, checked.level.rawValue, checked.certificateNumber, checked.issuer, checked.issuedOn.description, now,
                    principal.auditName,
                ])
            let id = db.lastInsertedRowID
            try db.audit(
                principal, "qualification.record", "国家职业资格 \(id)", "\(holder.name)（\(holder.number)）\(checked.level.rawValue) \(checked.certificateNumber)",
                in: holder.path, at: now)
            return try Self.nationalQualification(try Self.nationalQualificationRow(id, for: principal, db))
        }
    }

    /// The recorded qualifications of staff in the caller's subtree (administrators), newest first.
    public func nationalQualifications(_ filter: NationalQualificationFilter, by principal: Principal) async throws -> [NationalQualification] {
        guard principal.has(.admin) else { throw LianbingError.forbidden("只有管理员可以审核国家职业资格") }
        return try await reader.read { db in
            let root = try filter.unit.map { try Self.unitInScope($0, for: principal, db).unitPath } ?? principal.scope
            var conditions = ["u.path >= ? AND u.path < ?"]
            var arguments: StatementArguments = [root.lowerBound, root.upperBound]
            if let status = filter.status {
                conditions.append("n.status = ?")
                arguments += [status.rawValue]
            }
            if let query = filter.query?.trimmingCharacters(in: .whitespaces), !query.isEmpty {
                conditions.append("(n.staffNumber = ? OR s.name LIKE ? ESCAPE '\\')")
                arguments += [query, "%" + Self.escapeLike(query) + "%"]
            }
            return try Self.nationalQualificationRows(where: conditions.joined(separator: " AND "), arguments, db).map(Self.nationalQualification)
        }
    }

    /// One page of `nationalQualifications(_:by:)`.
    public func nationalQualifications(
        _ filter: NationalQualificationFilter, page: PageRequest, by principal: Principal
    ) async throws -> Page<NationalQualification> {
        let all = try await nationalQualifications(filter, by: principal)
        let start = min(all.count, page.offset)
        return Page(items: Array(all[start..<min(all.count, start + page.perPage)]), page: page.page, perPage: page.perPage, total: all.count)
    }

    /// The caller's own recorded qualifications, newest first.
    public func myNationalQualifications(by principal: Principal) async throws -> [NationalQualification] {
        guard let staffNumber = principal.staffNumber else { return [] }
        return try await reader.read { db in
            try Self.nationalQualificationRows(where: "n.staffNumber = ?", [staffNumber], db).map(Self.nationalQualification)
        }
    }

    /// One record: its holder, or an administrator over the holder's unit.
    public func nationalQualification(_ id: Int64, by principal: Principal) async throws -> NationalQualification {
        try await reader.read { db in try Self.nationalQualification(try Self.nationalQualificationRow(id, for: principal, db)) }
    }

    /// Keeps the scanned certificate of a record that is not yet accepted (its holder, or an administrator over them),
    /// replacing any earlier scan. The kind is read from the file's first bytes; a `declared` kind (the upload's
    /// `Content-Type`) must agree. A rejected record goes back to pending.
    public func attachQualificationScan(
        _ id: Int64, data: Data, declared: ScanFormat?, files: FileStore, by principal: Principal
    ) async throws -> NationalQualification {
        let now = clock()
        _ = try await reader.read { db in try Self.scannableRow(id, for: principal, db) }
        guard !data.isEmpty else { throw LianbingError.invalid("扫描件是空文件") }
        guard data.count <= ScanFormat.maxBytes else { throw LianbingError.invalid("扫描件不能超过 5 MB") }
        guard let format = ScanFormat.sniff(data.prefix(8)) else {
            throw LianbingError.invalid("扫描件须为 \(ScanFormat.choices) 文件（按文件内容识别）")
        }
        if let declared, declared != format {
            throw LianbingError.invalid("文件内容是 \(format.mediaType)，与声明的类型 \(declared.mediaType) 不符")
        }
        let name = try files.save(data, as: format)
        return try await writer.write { db in
            let row = try Self.scannableRow(id, for: principal, db)
            try db.execute(
                sql: """
                    UPDATE nationalQualification SET file = ?, fileType = ?, fileSize = ?, status = 'pending', reviewedAt = NULL, reviewedBy = NULL,
                    reviewNote = NULL WHERE id = ?
                    """,
                arguments: [name, format.mediaType, data.count, id])
            try db.audit(
                principal, "qualification.scan", "国家职业资格 \(id)", "\(format.mediaType)，\(data.count) 字节",
                in: UnitPath(rawValue: row["unitPath"]), at: now)
            return try Self.nationalQualification(try Self.nationalQualificationRow(id, for: principal, db))
        }
    }

    /// The scan of a record, for its holder and the administrators over them.
    public func qualificationScan(_ id: Int64, files: FileStore, by principal: Principal) async throws -> QualificationScan {
        let row = try await reader.read { db in try Self.nationalQualificationRow(id, for: principal, db) }
        guard let name: String = row["file"], let format = ScanFormat(rawValue: row["fileType"] ?? "") else {
            throw LianbingError.notFound("国家职业资格记录 \(id) 的扫描件")
        }
        guard files.contains(name) else { throw LianbingError.notFound("国家职业资格记录 \(id) 的扫描件文件") }
        return QualificationScan(data: try files.read(name), format: format, filename: "qualification-\(id).\(format.fileExtension)")
    }

    /// Accepts or rejects a pending record, by an administrator over the holder's unit (never the holder). Accepting
    /// needs the scan to have been uploaded; rejecting needs a note saying why (1–200 characters).
    public func reviewNationalQualification(_ id: Int64, accept: Bool, note: String?, by principal: Principal) async throws -> NationalQualification {
        guard principal.has(.admin) else { throw LianbingError.forbidden("只有管理员可以审核国家职业资格") }
        let note = note?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard note.count <= Self.reviewNoteLength else { throw LianbingError.invalid("审核意见不超过 \(Self.reviewNoteLength) 个字") }
        if !accept, note.isEmpty { throw LianbingError.invalid("退回时请填写审核意见，说明原因") }
        let now = clock()
        return try await writer.write { db in
            let row = try Self.nationalQualificationRow(id, for: principal, db)
            guard principal.has(.admin), principal.isOperator || principal.covers(UnitPath(rawValue: row["unitPath"])) else {
                throw LianbingError.notFound("国家职业资格记录 \(id)")
            }
            guard principal.staffNumber != row["staffNumber"] else { throw LianbingError.forbidden("不能审核自己登记的资格") }
            let status = NationalQualificationStatus(rawValue: row["status"]) ?? .pending
            guard status == .pending else { throw LianbingError.conflict("该记录已审核：\(status.label)") }
            if accept, row["file"] as String? == nil { throw LianbingError.conflict("尚未上传证书扫描件，无法核验") }
            let outcome: NationalQualificationStatus = accept ? .accepted : .rejected
            try db.execute(
                sql: "UPDATE nationalQualification SET status = ?, reviewedAt = ?, reviewedBy = ?, reviewNote = ? WHERE id = ?",
                arguments: [outcome.rawValue, now, principal.auditName, note.isEmpty ? nil : note, id])
            try db.audit(
                principal, accept ? "qualification.accept" : "qualification.reject", "国家职业资格 \(id)",
                "\(row["holderName"] as String)（\(row["staffNumber"] as String)）\(row["certificateNumber"] as String)\(note.isEmpty ? "" : "：" + note)",
                in: UnitPath(rawValue: row["unitPath"]), at: now)
            return try Self.nationalQualification(try Self.nationalQualificationRow(id, for: principal, db))
        }
    }

    /// Records qualifications from a file as accepted by the caller (an administrator, or the CLI operator), with no
    /// scan: all of them, or none and every problem with its line.
    public func importNationalQualifications(
        _ parsed: ParsedImport<NationalQualificationImportRow>, file: String, by principal: Principal
    ) async throws -> Int {
        guard principal.has(.admin) else { throw LianbingError.forbidden("只有管理员可以导入国家职业资格") }
        let now = clock()
        let today = ChinaTime.civilDate(of: now)
        return try await writer.write { db in
            let qualificationId = try Self.nationalQualificationId(nil, db)
            var issues = parsed.issues
            var plans: [(holder: Holder, checked: NationalQualificationDraft.Checked)] = []
            var lineOfNumber: [String: Int] = [:]
            for row in parsed.rows {
                var reasons = row.draft.problems(today: today)
                var holder: Holder?
                do { holder = try Self.qualificationHolder(row.draft.staffNumber ?? "", for: principal, db) } catch let error as LianbingError {
                    reasons.append(error.message)
                }
                if reasons.isEmpty, let checked = try? row.draft.checked(today: today), let holder {
                    if let first = lineOfNumber[checked.certificateNumber] {
                        reasons.append("证书编号 \(checked.certificateNumber) 重复（第 \(first) 行已出现）")
                    } else if let existing = try Self.nationalQualificationRows(
                        where: "n.qualificationId = ? AND n.certificateNumber = ?", [qualificationId, checked.certificateNumber], db
                    ).first {
                        reasons.append(Self.duplicateNumber(checked.certificateNumber, existing, for: principal).message)
                    } else {
                        lineOfNumber[checked.certificateNumber] = row.line
                        plans.append((holder, checked))
                    }
                }
                issues += reasons.map { ImportIssue(file: file, line: row.line, reason: $0) }
            }
            guard issues.isEmpty else { throw LianbingError.importRejected(ImportFailure(issues: issues.sorted())) }
            for plan in plans {
                try db.execute(
                    sql: """
                        INSERT INTO nationalQualification (staffNumber, qualificationId, level, certificateNumber, issuer, issuedOn, status, submittedAt,
                        submittedBy, reviewedAt, reviewedBy, reviewNote) VALUES (?, ?, ?, ?, ?, ?, 'accepted', ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        plan.holder.number, qualificationId, plan.checked.level.rawValue, plan.checked.certificateNumber, plan.checked.issuer,
                        plan.checked.issuedOn.description, now, principal.auditName, now, principal.auditName, "批量导入：\(file)",
                    ])
            }
            try db.audit(principal, "qualification.import", file, "导入国家职业资格 \(plans.count) 条（已认可）", at: now)
            return plans.count
        }
    }

    /// The scan files a database names: what a backup of it must carry.
    static func referencedFiles(_ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT DISTINCT file FROM nationalQualification WHERE file IS NOT NULL ORDER BY file")
    }

    // MARK: - Rows

    struct Holder {
        var number: String
        var name: String
        var path: UnitPath
    }

    /// Whose record: the caller's own (no number, or their own), or for an administrator anyone of their subtree.
    private static func qualificationHolder(_ number: String?, for principal: Principal, _ db: Database) throws -> Holder {
        let number = number?.trimmingCharacters(in: .whitespaces) ?? ""
        let own = number.isEmpty || number == principal.staffNumber
        guard let wanted = own ? principal.staffNumber : number else { throw LianbingError.invalid("请填写工作人员工号") }
        if !own, !principal.has(.admin) { throw LianbingError.forbidden("只能登记自己的国家职业资格") }
        guard let row = try Row.fetchOne(
            db, sql: "SELECT s.number, s.name, u.path FROM staff s JOIN unit u ON u.code = s.unitCode WHERE s.number = ?", arguments: [wanted]),
            own || principal.covers(UnitPath(rawValue: row["path"]))
        else { throw LianbingError.notFound("工作人员 \(wanted)") }
        return Holder(number: row["number"], name: row["name"], path: UnitPath(rawValue: row["path"]))
    }

    /// The national qualification named, or the first one (the seeded 退役军人事务员).
    private static func nationalQualificationId(_ id: Int64?, _ db: Database) throws -> Int64 {
        let found =
            if let id {
                try Int64.fetchOne(db, sql: "SELECT id FROM qualification WHERE id = ? AND kind = 'national'", arguments: [id])
            } else {
                try Int64.fetchOne(db, sql: "SELECT id FROM qualification WHERE kind = 'national' ORDER BY id LIMIT 1")
            }
        guard let found else { throw LianbingError.notFound("国家职业资格 \(id.map(String.init) ?? "")") }
        return found
    }

    /// A number already recorded: whose, to those who may know (the holder, administrators over them); otherwise only
    /// that it is taken.
    private static func duplicateNumber(_ number: String, _ existing: Row, for principal: Principal) -> LianbingError {
        let staffNumber: String = existing["staffNumber"]
        let visible = principal.staffNumber == staffNumber || (principal.has(.admin) && principal.covers(UnitPath(rawValue: existing["unitPath"])))
        guard visible else { return .conflict("证书编号 \(number) 已有人登记；如确属本人，请联系上级管理员核实") }
        let status = NationalQualificationStatus(rawValue: existing["status"]) ?? .pending
        return .conflict("证书编号 \(number) 已由 \(existing["holderName"] as String)（工号 \(staffNumber)）登记（\(status.label)）")
    }

    /// A record its holder or an administrator over them may see; for anyone else it does not exist.
    private static func nationalQualificationRow(_ id: Int64, for principal: Principal, _ db: Database) throws -> Row {
        guard let row = try nationalQualificationRows(where: "n.id = ?", [id], db).first,
            principal.staffNumber == row["staffNumber"] || (principal.has(.admin) && principal.covers(UnitPath(rawValue: row["unitPath"])))
        else { throw LianbingError.notFound("国家职业资格记录 \(id)") }
        return row
    }

    /// A record whose scan may still change: not yet accepted.
    private static func scannableRow(_ id: Int64, for principal: Principal, _ db: Database) throws -> Row {
        let row = try nationalQualificationRow(id, for: principal, db)
        guard row["status"] != NationalQualificationStatus.accepted.rawValue else {
            throw LianbingError.conflict("已认可的记录不能更换扫描件")
        }
        return row
    }

    private static func nationalQualificationRows(where condition: String, _ arguments: StatementArguments, _ db: Database) throws -> [Row] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT n.*, s.name AS holderName, s.unitCode AS unitCode, u.name AS unitName, u.path AS unitPath, q.name AS qualification
                FROM nationalQualification n JOIN staff s ON s.number = n.staffNumber JOIN unit u ON u.code = s.unitCode
                JOIN qualification q ON q.id = n.qualificationId
                WHERE \(condition) ORDER BY n.submittedAt DESC, n.id DESC
                """, arguments: arguments)
    }

    private static func nationalQualification(_ row: Row) throws -> NationalQualification {
        NationalQualification(
            id: row["id"], staffNumber: row["staffNumber"], holderName: row["holderName"], unitCode: row["unitCode"], unitName: row["unitName"],
            qualificationId: row["qualificationId"], qualification: row["qualification"],
            level: QualificationLevel(rawValue: row["level"]) ?? .five, certificateNumber: row["certificateNumber"], issuer: row["issuer"],
            issuedOn: CivilDate(row["issuedOn"] as String) ?? NationalQualificationDraft.firstDate,
            scanType: (row["file"] as String?) == nil ? nil : ScanFormat(rawValue: row["fileType"] ?? ""), scanSize: row["fileSize"],
            status: NationalQualificationStatus(rawValue: row["status"]) ?? .pending, submittedAt: row["submittedAt"], submittedBy: row["submittedBy"],
            reviewedAt: row["reviewedAt"], reviewedBy: row["reviewedBy"], reviewNote: row["reviewNote"])
    }
}
