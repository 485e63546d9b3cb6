import Foundation
import GRDB
import LianbingCore

/// A dated entry of 轮岗交流 or 基层锻炼 on a person's record, as stored.
public struct StaffPlacement: Sendable, Codable, Equatable {
    public var id: Int64
    public var staffNumber: String
    public var kind: PlacementKind
    /// The unit served during the placement.
    public var unitCode: String
    public var startsOn: CivilDate
    /// `nil` while open-ended.
    public var endsOn: CivilDate?
    public var note: String
}

/// A dated change of a person's unit, as recorded by `moveStaff` or the roster import.
public struct StaffMove: Sendable, Codable, Equatable {
    public var movedOn: CivilDate
    public var fromUnit: String
    public var fromName: String
    public var toUnit: String
    public var toName: String
}

extension AppDatabase {
    /// How far ahead a move, a leaving date or a placement may be dated: far enough to record what is already
    /// decided, near enough that a mistyped year is caught.
    static let furthestAheadDays = 366

    /// Moves a member of staff to another unit from `date` on (`lianbing staff move`). The move is dated, so
    /// training keeps knowing where they were before it: attendance before `date` stays with the old unit for the
    /// half-year rule, while coverage follows the person. Their login moves with them, as the roster import does.
    ///
    /// Moves are recorded in order — a move may not be dated before the last one — because a person's unit on a
    /// day is read from the first move after it (`unitCode(of:on:_:)`); an out-of-order move would rewrite that
    /// chain. Attendance already recorded from `date` on is re-filed under the new unit, so a move recorded late
    /// still tells the half-year rule where the person was.
    public func moveStaff(_ number: String, to unitCode: String, on date: CivilDate, by principal: Principal) async throws {
        guard principal.has(.admin) else { throw LianbingError.forbidden("只有管理员可以调动工作人员") }
        let now = clock()
        let today = ChinaTime.civilDate(of: now)
        try await writer.write { db in
            let staff = try Self.staffInScope(number, for: principal, db)
            let target = try Self.unitInScope(unitCode, for: principal, db)
            guard target.code != staff.unitCode else { throw LianbingError.invalid("工作人员 \(number) 已在单位 \(unitCode)") }
            try Self.checkDated(date, of: staff, today: today, "调动日期")
            if let left = staff.leftOn.flatMap(CivilDate.init), left <= date {
                throw LianbingError.conflict("工作人员 \(number) 已于 \(left) 离职，不能调动")
            }
            if let last = try String.fetchOne(
                db, sql: "SELECT MAX(movedOn) FROM staffMove WHERE staffNumber = ?", arguments: [number]), let lastDate = CivilDate(last), date < lastDate
            {
                throw LianbingError.conflict("调动日期不能早于上一次调动（\(lastDate)）")
            }
            try db.execute(sql: "UPDATE staff SET unitCode = ? WHERE number = ?", arguments: [target.code, number])
            try Self.fileMove(number, from: staff.unitCode, to: target.code, on: date, by: principal, at: now, db)
            try db.execute(
                sql: "UPDATE trainingAttendance SET unitCode = ? WHERE staffNumber = ? AND day >= ?",
                arguments: [target.code, number, date.description])
            let detail = "\(staff.unitCode) → \(target.code)，自 \(date) 起"
            try db.audit(principal, "staff.move", number, detail, unitCode: staff.unitCode, at: now)
            try db.audit(principal, "staff.move", number, detail, unitCode: target.code, at: now)
        }
    }

    /// Records (or, with `nil`, withdraws) the day a member of staff leaves (`lianbing staff leave`). From that day
    /// on coverage and composition leave them out; their record and training history stay.
    ///
    /// Recording a leaving disables their login at once and ends its sessions, even when the day is still ahead:
    /// nothing would otherwise disable it on the day. Withdrawing the leaving leaves the login disabled — whether
    /// the person should log in again is an administrator's decision on the accounts page, not a side effect.
    public func recordLeaving(_ number: String, on date: CivilDate?, by principal: Principal) async throws {
        guard principal.has(.admin) else { throw LianbingError.forbidden("只有管理员可以登记离职") }
        let now = clock()
        let today = ChinaTime.civilDate(of: now)
        try await writer.write { db in
            let staff = try Self.staffInScope(number, for: principal, db)
            if let date { try Self.checkDated(date, of: staff, today: today, "离职日期") }
            try db.execute(sql: "UPDATE staff SET leftOn = ? WHERE number = ?", arguments: [date?.description, number])
            if date != nil, var account = try AccountRecord.filter(Column("staffNumber") == number).fetchOne(db) {
                try Self.setDisabled(&account, true, detail: "离职", by: principal, at: now, db)
            }
            try db.audit(
                principal, "staff.leave", number, date.map { "离职日期 \($0)" } ?? "撤销离职登记", unitCode: staff.unitCode, at: now)
        }
    }

    /// Records a 轮岗交流 or 基层锻炼 (item 19) on a person's record. It does not move them: the placement is counted
    /// for the unit served (`unitCode`), which must lie in the caller's subtree like the person.
    @discardableResult
    public func addPlacement(
        _ number: String, kind: PlacementKind, unitCode: String, startsOn: CivilDate, endsOn: CivilDate?, note: String = "",
        by principal: Principal
    ) async throws -> Int64 {
        guard principal.has(.admin) else { throw LianbingError.forbidden("只有管理员可以登记轮岗交流和基层锻炼") }
        let note = note.trimmingCharacters(in: .whitespacesAndNewlines)
        guard note.count <= 200 else { throw LianbingError.invalid("备注不超过 200 个字") }
        if let endsOn, endsOn < startsOn { throw LianbingError.invalid("结束日期不能早于开始日期") }
        let now = clock()
        let today = ChinaTime.civilDate(of: now)
        return try await writer.write { db in
            let staff = try Self.staffInScope(number, for: principal, db)
            let unit = try Self.unitInScope(unitCode, for: principal, db)
            try Self.checkDated(startsOn, of: staff, today: today, "开始日期")
            if let endsOn, endsOn - startsOn > 3_660 { throw LianbingError.invalid("\(kind.label)最长 10 年") }
            try db.execute(
                sql: """
                    INSERT INTO staffPlacement (staffNumber, kind, unitCode, startsOn, endsOn, note, recordedAt, actor)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [number, kind.rawValue, unit.code, startsOn.description, endsOn?.description, note, now, principal.auditName])
            let id = db.lastInsertedRowID
            try db.audit(
                principal, "staff.placement", number, "\(kind.label) \(unit.code) \(startsOn)–\(endsOn?.description ?? "")",
                unitCode: unit.code, at: now)
            return id
        }
    }

    /// A person's 轮岗交流 and 基层锻炼, newest first.
    public func placements(of number: String, for principal: Principal) async throws -> [StaffPlacement] {
        guard principal.has(.trainer) else { throw LianbingError.forbidden("只有培训师和管理员可以查看花名册") }
        return try await reader.read { db in
            _ = try Self.staffInScope(number, for: principal, db)
            return try Row.fetchAll(
                db, sql: "SELECT * FROM staffPlacement WHERE staffNumber = ? ORDER BY startsOn DESC, id DESC", arguments: [number]
            ).map { row in
                StaffPlacement(
                    id: row["id"], staffNumber: row["staffNumber"], kind: PlacementKind(rawValue: row["kind"]) ?? .rotation,
                    unitCode: row["unitCode"], startsOn: CivilDate(row["startsOn"] as String) ?? CivilDate(year: 2000, month: 1, day: 1)!,
                    endsOn: (row["endsOn"] as String?).flatMap(CivilDate.init), note: row["note"])
            }
        }
    }

    /// A person's moves, newest first. Units named are those of the moves, whoever now holds them in scope: a move
    /// into the caller's subtree still shows where the person came from.
    public func moves(of number: String, for principal: Principal) async throws -> [StaffMove] {
        guard principal.has(.trainer) else { throw LianbingError.forbidden("只有培训师和管理员可以查看花名册") }
        return try await reader.read { db in
            _ = try Self.staffInScope(number, for: principal, db)
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT m.movedOn, m.fromUnit, f.name AS fromName, m.toUnit, t.name AS toName
                    FROM staffMove m JOIN unit f ON f.code = m.fromUnit JOIN unit t ON t.code = m.toUnit
                    WHERE m.staffNumber = ? ORDER BY m.movedOn DESC, m.id DESC
                    """, arguments: [number]
            ).compactMap { row in
                CivilDate(row["movedOn"] as String).map {
                    StaffMove(movedOn: $0, fromUnit: row["fromUnit"], fromName: row["fromName"], toUnit: row["toUnit"], toName: row["toName"])
                }
            }
        }
    }

    /// What every change of a person's unit records, whichever door it came through (`staff move`, the roster
    /// import): the dated move, so training knows where they were before, and their login, which belongs to their
    /// unit.
    static func fileMove(_ number: String, from: String, to: String, on date: CivilDate, by principal: Principal, at now: Date, _ db: Database) throws {
        try db.execute(
            sql: "INSERT INTO staffMove (staffNumber, movedOn, fromUnit, toUnit, recordedAt, actor) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [number, date.description, from, to, now, principal.auditName])
        try db.execute(sql: "UPDATE account SET unitCode = ? WHERE staffNumber = ?", arguments: [to, number])
    }

    /// The unit `number` belonged to on `day`: the `fromUnit` of their first move after that day, or their present
    /// unit when they have not moved since; `nil` for an unknown number. One indexed lookup
    /// (`staffMove_on_staffNumber_movedOn`), so attendance and sign-in may call it per row.
    static func unitCode(of number: String, on day: CivilDate, _ db: Database) throws -> String? {
        try String.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT COALESCE(
                        (SELECT fromUnit FROM staffMove WHERE staffNumber = ?1 AND movedOn > ?2 ORDER BY movedOn, id LIMIT 1),
                        (SELECT unitCode FROM staff WHERE number = ?1))
                    """),
            arguments: [number, day.description])
    }

    /// A date on a person's record: not before they joined, nor more than a year ahead.
    private static func checkDated(_ date: CivilDate, of staff: StaffRecord, today: CivilDate, _ field: String) throws {
        if let hired = staff.hireDate.flatMap(CivilDate.init), date < hired {
            throw LianbingError.invalid("\(field)不能早于入职日期（\(hired)）")
        }
        if let latest = today.adding(days: furthestAheadDays), date > latest {
            throw LianbingError.invalid("\(field)不能晚于 \(latest)")
        }
    }
}
