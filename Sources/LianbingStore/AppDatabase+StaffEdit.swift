import Foundation
import GRDB
import LianbingCore

extension AppDatabase {
    /// Adds one member of staff (the roster page's form, `lianbing staff add`), checked as a row of the roster
    /// import is (`problems(adding:by:)`). Their unit must lie in the caller's subtree.
    public func addStaff(_ staff: Staff, by principal: Principal) async throws {
        guard principal.has(.admin) else { throw LianbingError.forbidden("只有管理员可以添加工作人员") }
        let now = clock()
        try await writer.write { db in
            try Self.refuse(try Self.problems(adding: staff, for: principal, db))
            var record = StaffRecord(staff)
            record.leftOn = nil
            try record.insert(db)
            try db.audit(principal, "staff.add", staff.number, "\(staff.name)，\(staff.unitCode)，\(staff.post)", unitCode: staff.unitCode, at: now)
        }
    }

    /// Changes what the roster holds about a member of staff, except their unit (a move is dated: `moveStaff`) and
    /// their leaving date (`recordLeaving`). A new post restarts the grace period of 持证上岗, as the import does.
    public func editStaff(_ staff: Staff, by principal: Principal) async throws {
        guard principal.has(.admin) else { throw LianbingError.forbidden("只有管理员可以修改工作人员") }
        let now = clock()
        let today = ChinaTime.civilDate(of: now)
        try await writer.write { db in
            let old = try Self.staffInScope(staff.number, for: principal, db)
            try Self.refuse(try Self.problems(editing: staff, old: old, for: principal, db))
            var record = StaffRecord(staff)
            record.leftOn = old.leftOn
            guard old.staff != record.staff else { return }
            try Self.updateStaff(record, from: old, on: today, by: principal, at: now, db)
            try db.audit(principal, "staff.edit", staff.number, Self.differences(old.staff, record.staff), unitCode: staff.unitCode, at: now)
        }
    }

    /// What the add or edit form should show beside its fields before saving; empty when `addStaff` or `editStaff`
    /// would accept `staff` now. The save checks again in its own transaction.
    public func staffProblems(_ staff: Staff, isNew: Bool, by principal: Principal) async throws -> [StaffProblem] {
        guard principal.has(.admin) else { throw LianbingError.forbidden("只有管理员可以修改工作人员") }
        return try await reader.read { db in
            if isNew { return try Self.problems(adding: staff, for: principal, db) }
            return try Self.problems(editing: staff, old: try Self.staffInScope(staff.number, for: principal, db), for: principal, db)
        }
    }

    private static func problems(adding staff: Staff, for principal: Principal, _ db: Database) throws -> [StaffProblem] {
        let existing = try StaffRecord.fetchOne(db, key: staff.number)
        var problems = try rosterProblems(staff, existing: existing, for: principal, db)
        // A number held outside the caller's subtree already has its problem; one held inside is named.
        if let existing, !problems.contains(where: { $0.field == .number }) {
            problems.insert(StaffProblem(.number, "工号 \(staff.number) 已存在（\(existing.name)）"), at: 0)
        }
        return problems
    }

    private static func problems(editing staff: Staff, old: StaffRecord, for principal: Principal, _ db: Database) throws -> [StaffProblem] {
        var problems = try rosterProblems(staff, existing: old, for: principal, db)
        if old.unitCode != staff.unitCode {
            problems.append(StaffProblem(.unitCode, "调到其他单位请用“调动”，并给出生效日期"))
        }
        return problems
    }

    private static func rosterProblems(_ staff: Staff, existing: StaffRecord?, for principal: Principal, _ db: Database) throws -> [StaffProblem] {
        let posts = try Set(String.fetchAll(db, sql: "SELECT name FROM post"))
        return try rosterProblems(staff, existing: existing, posts: posts, for: principal) { try UnitRecord.fetchOne(db, key: $0)?.unitPath }
    }

    /// Everything wrong with `staff` as a row of the roster, whichever door it came through (the import, the form,
    /// the CLI): what it says about itself (`Staff.problems`), then what the database says — the unit and post must
    /// exist, the unit and any present holder of the number must be in the caller's subtree.
    static func rosterProblems(
        _ staff: Staff, existing: StaffRecord?, posts: Set<String>, for principal: Principal, unitPath: (String) throws -> UnitPath?
    ) rethrows -> [StaffProblem] {
        var problems = staff.problems
        if !problems.contains(where: { $0.field == .unitCode }) {
            if let path = try unitPath(staff.unitCode) {
                if !principal.covers(path) { problems.append(StaffProblem(.unitCode, "单位 \(staff.unitCode) 不在您的管辖范围内")) }
            } else {
                problems.append(StaffProblem(.unitCode, "单位编码 \(staff.unitCode) 不存在"))
            }
        }
        if !staff.post.isEmpty, !posts.contains(staff.post) {
            problems.append(StaffProblem(.post, "岗位“\(staff.post)”不存在（现有岗位：\(posts.sorted().joined(separator: "、"))）"))
        }
        if let existing, let oldPath = try unitPath(existing.unitCode), !principal.covers(oldPath) {
            problems.append(StaffProblem(.number, "工号 \(staff.number) 属于您管辖范围以外的单位"))
        }
        return problems
    }

    private static func refuse(_ problems: [StaffProblem]) throws {
        if !problems.isEmpty { throw LianbingError.invalid(problems.map(\.message).joined(separator: "；")) }
    }

    /// Writes a changed roster entry with what follows from the change: a move dated `today` when the unit changed
    /// (a file carries no date of the move), and a new 持证上岗 grace period from `today` when the post changed.
    static func updateStaff(_ record: StaffRecord, from old: StaffRecord, on today: CivilDate, by principal: Principal, at now: Date, _ db: Database) throws {
        try record.update(db)
        if old.unitCode != record.unitCode {
            try fileMove(record.number, from: old.unitCode, to: record.unitCode, on: today, by: principal, at: now, db)
        }
        if old.post != record.post {
            try db.execute(sql: "UPDATE staff SET postSince = ? WHERE number = ?", arguments: [today.description, record.number])
        }
    }

    /// What changed between two roster entries, as `岗位：接访员 → 主任（站长）；退役军人：否 → 是`.
    static func differences(_ old: Staff, _ new: Staff) -> String {
        func yesNo(_ value: Bool) -> String { value ? "是" : "否" }
        let fields: [(String, String, String)] = [
            ("姓名", old.name, new.name), ("单位", old.unitCode, new.unitCode), ("岗位", old.post, new.post),
            ("退役军人", yesNo(old.isVeteran), yesNo(new.isVeteran)), ("其他优抚对象", yesNo(old.isEntitledPerson), yesNo(new.isEntitledPerson)),
            ("专长", old.specialties.joined(separator: "、"), new.specialties.joined(separator: "、")),
            ("入职日期", old.hireDate?.description ?? "", new.hireDate?.description ?? ""), ("在岗", yesNo(old.isActive), yesNo(new.isActive)),
        ]
        return fields.filter { $0.1 != $0.2 }.map { "\($0.0)：\($0.1.isEmpty ? "（空）" : $0.1) → \($0.2.isEmpty ? "（空）" : $0.2)" }
            .joined(separator: "；")
    }
}
