import Foundation
import GRDB
import LianbingCore

extension AppDatabase {
    /// The one way attendance is written, whoever records it. The session must be published; each mark's day must be
    /// one of the session's days; the person must be invited or in the audience (then a walk-in). Once the session is
    /// closed, every change needs a reason and is kept as an amendment. All marks or none.
    public func recordAttendance(
        _ id: Int64, _ marks: [AttendanceMark], source: AttendanceSource = .browser, amendmentReason: String? = nil, by principal: Principal
    ) async throws -> AttendanceSummary {
        let now = clock()
        return try await writer.write { db in
            let record = try Self.managedSession(id, for: principal, db)
            let problems = try Self.attendanceProblems(marks, session: record, amendmentReason: amendmentReason, db)
            if let first = problems.first { throw LianbingError.invalid(first.reason) }
            return try Self.writeAttendance(marks, session: record, source: source, amendmentReason: amendmentReason, by: principal, at: now, db)
        }
    }

    /// An attendance file (`工号,日期,状态,学时,备注`) for one session: all or nothing, every bad line named.
    public func importAttendance(
        _ id: Int64, _ parsed: ParsedImport<AttendanceImportRow>, file: String, amendmentReason: String? = nil, by principal: Principal
    ) async throws -> AttendanceSummary {
        let now = clock()
        return try await writer.write { db in
            let record = try Self.managedSession(id, for: principal, db)
            let marks = parsed.rows.map {
                AttendanceMark(staffNumber: $0.staffNumber, day: $0.day, status: $0.status, reason: $0.note, hours: $0.hours)
            }
            let problems = try Self.attendanceProblems(marks, session: record, amendmentReason: amendmentReason, db)
            let issues = parsed.issues + problems.map { ImportIssue(file: file, line: $0.index.map { parsed.rows[$0].line } ?? 0, reason: $0.reason) }
            if !issues.isEmpty { throw LianbingError.importRejected(ImportFailure(issues: issues.sorted())) }
            let summary = try Self.writeAttendance(marks, session: record, source: .import, amendmentReason: amendmentReason, by: principal, at: now, db)
            try db.audit(principal, "training.attendance.import", "培训 \(id)", "\(file)：\(summary.recorded) 条", unitCode: record.unitCode, at: now)
            return summary
        }
    }

    /// Every day's attendance of a session the caller may see; read-only viewers see only their own people.
    public func trainingAttendance(_ id: Int64, for principal: Principal) async throws -> [AttendanceEntry] {
        try await reader.read { db in
            let record = try Self.visibleSession(id, for: principal, db)
            let managed = principal.covers(try Self.unitPath(record.unitCode, db))
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT a.*, s.name, u.name AS unitName, u.path AS unitPath FROM trainingAttendance a
                    JOIN staff s ON s.number = a.staffNumber JOIN unit u ON u.code = a.unitCode
                    WHERE a.sessionId = ? ORDER BY a.day, u.path, a.staffNumber
                    """, arguments: [id]
            ).filter { managed || principal.covers(UnitPath(rawValue: $0["unitPath"])) }.map {
                AttendanceEntry(
                    staffNumber: $0["staffNumber"], name: $0["name"], unitName: $0["unitName"], day: CivilDate($0["day"] as String)!,
                    status: AttendanceStatus(rawValue: $0["status"]) ?? .absent, reason: $0["reason"], hours: $0["hours"],
                    isWalkIn: $0["isWalkIn"], source: $0["source"])
            }
        }
    }

    /// Problems with marks, each with the index of its mark (`nil` for the request as a whole).
    static func attendanceProblems(
        _ marks: [AttendanceMark], session record: TrainingSessionRecord, amendmentReason: String?, _ db: Database
    ) throws -> [(index: Int?, reason: String)] {
        var problems: [(Int?, String)] = []
        if record.sessionStatus == .draft { problems.append((nil, "培训尚未发布，不能登记出勤")) }
        if record.sessionStatus == .closed, (amendmentReason ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            problems.append((nil, "培训已结束，出勤已锁定：更正须填写更正原因"))
        }
        if let reason = amendmentReason, reason.count > 200 { problems.append((nil, "更正原因不超过 200 个字")) }
        guard marks.count <= 100_000 else { return [(nil, "一次最多登记 100000 条出勤")] }
        let days = Set(record.days)
        let invited = Set(try invitees(of: record.id!, db))
        var seen: [String: Int] = [:]
        for (index, mark) in marks.enumerated() {
            let key = "\(mark.staffNumber) \(mark.day)"
            if let first = seen[key] { problems.append((index, "\(mark.staffNumber) 在 \(mark.day) 的出勤重复（与第 \(first + 1) 条相同）")) }
            seen[key] = seen[key] ?? index
            if !days.contains(mark.day) {
                problems.append((index, "\(mark.day) 不是本次培训的日期（\(record.days.map(\.description).joined(separator: "、"))）"))
            }
            if let hours = mark.hours, !(hours.isFinite && AttendanceMark.hoursRange.contains(hours)) {
                problems.append((index, "学时须为 0 到 24 之间的数"))
            }
            if mark.reason.count > 200 { problems.append((index, "备注不超过 200 个字")) }
            if !invited.contains(mark.staffNumber), !(try isInAudience(mark.staffNumber, of: record, db)) {
                let exists = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM staff WHERE number = ?)", arguments: [mark.staffNumber]) ?? false
                problems.append((index, exists ? "\(mark.staffNumber) 未受邀，也不在本次培训的对象范围内" : "工号 \(mark.staffNumber) 不存在"))
            }
        }
        return problems
    }

    /// The corrections made to a session's attendance after it closed, newest first, for those who manage it.
    public func attendanceAmendments(_ id: Int64, for principal: Principal) async throws -> [AttendanceAmendment] {
        try await reader.read { db in
            _ = try Self.managedSession(id, for: principal, db)
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT m.*, COALESCE(s.name, '') AS name FROM trainingAmendment m LEFT JOIN staff s ON s.number = m.staffNumber
                    WHERE m.sessionId = ? ORDER BY m.at DESC, m.id DESC
                    """, arguments: [id]
            ).map { row -> AttendanceAmendment in
                let day: String = row["day"]
                return AttendanceAmendment(
                    staffNumber: row["staffNumber"], name: row["name"], day: CivilDate(day)!, before: row["before"], after: row["after"],
                    reason: row["reason"], actor: row["actor"], at: row["at"])
            }
        }
    }

    /// Writes checked marks: each keeps the person's unit on that day; a published session becomes held.
    static func writeAttendance(
        _ marks: [AttendanceMark], session record: TrainingSessionRecord, source: AttendanceSource, amendmentReason: String?,
        by principal: Principal, at now: Date, _ db: Database
    ) throws -> AttendanceSummary {
        let id = record.id!
        let invited = Set(try invitees(of: id, db))
        let dayHours = record.hours / Double(max(1, record.days.count))
        var summary = AttendanceSummary(recorded: 0, walkIns: 0, amended: 0)
        for mark in marks {
            guard let unit = try unitCode(of: mark.staffNumber, on: mark.day, db) else { continue }
            let hours = mark.hours ?? (mark.status == .attended ? dayHours : 0)
            let isWalkIn = !invited.contains(mark.staffNumber)
            let before = try Row.fetchOne(
                db, sql: "SELECT status, hours FROM trainingAttendance WHERE sessionId = ? AND staffNumber = ? AND day = ?",
                arguments: [id, mark.staffNumber, mark.day.description])
            try db.execute(
                sql: """
                    INSERT INTO trainingAttendance (sessionId, staffNumber, day, status, reason, hours, unitCode, isWalkIn, source, recordedAt, recordedBy)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (sessionId, staffNumber, day) DO UPDATE SET status = excluded.status, reason = excluded.reason,
                        hours = excluded.hours, source = excluded.source, recordedAt = excluded.recordedAt, recordedBy = excluded.recordedBy
                    """,
                arguments: [
                    id, mark.staffNumber, mark.day.description, mark.status.rawValue, mark.reason, hours, unit, isWalkIn, source.rawValue, now,
                    principal.auditName,
                ])
            summary.recorded += 1
            if isWalkIn { summary.walkIns += 1 }
            if record.sessionStatus == .closed, let reason = amendmentReason {
                let beforeText = before.map { "\(AttendanceStatus(rawValue: $0["status"])?.label ?? "") \(AppDatabase.points($0["hours"]))学时" }
                try db.execute(
                    sql: "INSERT INTO trainingAmendment (sessionId, staffNumber, day, before, after, reason, actor, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    arguments: [id, mark.staffNumber, mark.day.description, beforeText, "\(mark.status.label) \(AppDatabase.points(hours))学时", reason, principal.auditName, now])
                summary.amended += 1
            }
        }
        if record.sessionStatus == .published {
            try db.execute(sql: "UPDATE trainingSession SET status = 'held' WHERE id = ?", arguments: [id])
        }
        if summary.amended > 0 {
            try db.audit(principal, "training.attendance.amend", "培训 \(id)", "更正 \(summary.amended) 条：\(amendmentReason ?? "")", unitCode: record.unitCode, at: now)
        } else if source == .browser {
            try db.audit(principal, "training.attendance", "培训 \(id)", "登记 \(summary.recorded) 条", unitCode: record.unitCode, at: now)
        }
        return summary
    }
}
