import Foundation
import GRDB
import LianbingCore

public struct AccountListing: Sendable, Codable, Equatable {
    public var account: Account
    public var unitName: String
    public var staffName: String?
}

/// What a roster run did: the passwords to hand out, and the staff numbers that could not become usernames.
public struct RosterAccounts: Sendable, Equatable {
    public var issued: [IssuedPassword]
    public var skipped: [String]
}

public struct NewAccount: Sendable, Equatable {
    public var username: String
    public var role: Role
    public var unitCode: String
    public var staffNumber: String?
    /// `nil`: generate one, which must be changed at first login.
    public var password: String?

    public init(username: String, role: Role, unitCode: String, staffNumber: String? = nil, password: String? = nil) {
        self.username = username
        self.role = role
        self.unitCode = unitCode
        self.staffNumber = staffNumber
        self.password = password
    }
}

extension AppDatabase {
    /// Creates an account at a unit in the caller's scope. Returns the generated password, if one was generated.
    @discardableResult
    public func createAccount(_ new: NewAccount, by principal: Principal) async throws -> (account: Account, issued: IssuedPassword?) {
        guard principal.has(.admin) else { throw LianbingError.forbidden("只有管理员可以管理账号") }
        guard Account.isValidUsername(new.username) else {
            throw LianbingError.invalid("用户名须为 2–32 位字母、数字或 . _ -")
        }
        if let password = new.password, let problem = PasswordPolicy.problem(with: password, username: new.username) {
            throw LianbingError.invalid(problem)
        }
        var generator = SystemRandomNumberGenerator()
        let password = new.password ?? PasswordPolicy.generate(using: &generator)
        let hash = await passwords.hash(password)
        let now = clock()
        return try await writer.write { db in
            let unit = try Self.unitInScope(new.unitCode, for: principal, db)
            var staffName: String?
            if let number = new.staffNumber {
                guard let staff = try StaffRecord.fetchOne(db, key: number), let staffUnit = try UnitRecord.fetchOne(db, key: staff.unitCode),
                    principal.covers(staffUnit.unitPath)
                else { throw LianbingError.notFound("工作人员 \(number)") }
                guard staff.unitCode == unit.code else {
                    throw LianbingError.invalid("工作人员 \(number) 属于单位 \(staff.unitCode)，账号单位应与其一致")
                }
                if try AccountRecord.filter(Column("staffNumber") == number).fetchCount(db) > 0 {
                    throw LianbingError.conflict("工作人员 \(number) 已有账号")
                }
                staffName = staff.name
            }
            if try AccountRecord.filter(Column("username") == new.username).fetchCount(db) > 0 {
                throw LianbingError.conflict("用户名 \(new.username) 已被使用")
            }
            var record = AccountRecord(
                id: nil, username: new.username, passwordHash: hash, role: new.role.rawValue, unitCode: unit.code,
                staffNumber: new.staffNumber, mustChangePassword: new.password == nil, isDisabled: false, createdAt: now)
            try record.insert(db)
            try db.audit(principal, "account.create", new.username, "\(new.role.rawValue) @ \(unit.code)", unitCode: unit.code, at: now)
            let issued = new.password == nil
                ? IssuedPassword(
                    username: new.username, password: password, staffNumber: new.staffNumber, staffName: staffName,
                    unitCode: unit.code, unitName: unit.name)
                : nil
            return (record.account, issued)
        }
    }

    /// Creates a staff account for every active staff member of the subtree who has none; usernames are staff
    /// numbers. Members whose staff number cannot be a username (non-ASCII, too short) are left out and named in
    /// `skipped`, for an administrator to give a username by hand.
    public func createAccountsFromRoster(unit code: String, by principal: Principal, progress: (@Sendable (Int, Int) -> Void)? = nil) async throws -> RosterAccounts {
        guard principal.has(.admin) else { throw LianbingError.forbidden("只有管理员可以管理账号") }
        let rows = try await reader.read { db -> [Row] in
            let root = try Self.unitInScope(code, for: principal, db).unitPath
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT s.number, s.name, s.unitCode, u.name AS unitName FROM staff s JOIN unit u ON u.code = s.unitCode
                    WHERE u.path >= ? AND u.path < ? AND s.isActive
                      AND NOT EXISTS (SELECT 1 FROM account a WHERE a.staffNumber = s.number OR a.username = s.number COLLATE NOCASE)
                    ORDER BY s.number
                    """, arguments: [root.lowerBound, root.upperBound])
        }
        let (candidates, unusable) = (
            rows.filter { Account.isValidUsername($0["number"]) }, rows.filter { !Account.isValidUsername($0["number"]) }
        )
        let skipped: [String] = unusable.map { $0["number"] }
        var generator = SystemRandomNumberGenerator()
        var issued: [IssuedPassword] = []
        var hashes: [String] = []
        // Hashing dominates; do it before the transaction so the write lock is held only briefly.
        for (index, row) in candidates.enumerated() {
            let password = PasswordPolicy.generate(using: &generator)
            hashes.append(await passwords.hash(password))
            issued.append(IssuedPassword(
                username: row["number"], password: password, staffNumber: row["number"], staffName: row["name"],
                unitCode: row["unitCode"], unitName: row["unitName"]))
            progress?(index + 1, candidates.count)
        }
        let now = clock()
        let prepared = issued
        let preparedHashes = hashes
        // Hashing ran outside the transaction, so another run may have created some of these meanwhile:
        // re-check inside it and hand back only the passwords of accounts this run really created.
        return try await writer.write { db in
            var created: [IssuedPassword] = []
            for (item, hash) in zip(prepared, preparedHashes) {
                let taken = try Bool.fetchOne(
                    db, sql: "SELECT EXISTS (SELECT 1 FROM account WHERE staffNumber = ? OR username = ?)",
                    arguments: [item.staffNumber, item.username]) ?? true
                if taken { continue }
                var record = AccountRecord(
                    id: nil, username: item.username, passwordHash: hash, role: Role.staff.rawValue, unitCode: item.unitCode,
                    staffNumber: item.staffNumber, mustChangePassword: true, isDisabled: false, createdAt: now)
                try record.insert(db)
                created.append(item)
            }
            if !created.isEmpty { try db.audit(principal, "account.bulk-create", code, "\(created.count) 个账号", unitCode: code, at: now) }
            return RosterAccounts(issued: created, skipped: skipped)
        }
    }

    /// `neverLoggedIn`: only enabled accounts nobody has signed in with yet (the administrators' 待办).
    public func accounts(
        query: String?, unit: String?, neverLoggedIn: Bool = false, page: PageRequest, for principal: Principal
    ) async throws -> Page<AccountListing> {
        guard principal.has(.admin) else { throw LianbingError.forbidden("只有管理员可以管理账号") }
        return try await reader.read { db in
            let root = try unit.map { try Self.unitInScope($0, for: principal, db).unitPath } ?? principal.scope
            var conditions = "u.path >= ? AND u.path < ?"
            if neverLoggedIn { conditions += " AND \(Self.neverLoggedIn)" }
            var arguments: StatementArguments = [root.lowerBound, root.upperBound]
            if let query = query?.trimmingCharacters(in: .whitespaces), !query.isEmpty {
                conditions += " AND (a.username LIKE ? ESCAPE '\\' OR s.name LIKE ? ESCAPE '\\')"
                let pattern = "%" + Self.escapeLike(query) + "%"
                arguments += [pattern, pattern]
            }
            let from = "FROM account a JOIN unit u ON u.code = a.unitCode LEFT JOIN staff s ON s.number = a.staffNumber WHERE \(conditions)"
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) \(from)", arguments: arguments) ?? 0
            let rows = try Row.fetchAll(
                db, sql: "SELECT a.*, u.name AS unitName, s.name AS staffName \(from) ORDER BY a.username LIMIT ? OFFSET ?",
                arguments: arguments + [page.perPage, page.offset])
            let items = try rows.map { row in
                AccountListing(account: try AccountRecord(row: row).account, unitName: row["unitName"], staffName: row["staffName"])
            }
            return Page(items: items, page: page.page, perPage: page.perPage, total: total)
        }
    }

    public func account(_ username: String, for principal: Principal) async throws -> AccountListing {
        guard principal.has(.admin) else { throw LianbingError.forbidden("只有管理员可以管理账号") }
        return try await reader.read { db in
            let record = try Self.accountInScope(username, for: principal, db)
            let unit = try UnitRecord.fetchOne(db, key: record.unitCode)!
            let staffName = try record.staffNumber.flatMap { try StaffRecord.fetchOne(db, key: $0)?.name }
            return AccountListing(account: record.account, unitName: unit.name, staffName: staffName)
        }
    }

    /// Sets a new password chosen by an administrator, or generates one. Either way the holder must change it at
    /// next login, and every open session of the account ends.
    public func resetPassword(_ username: String, to chosen: String? = nil, by principal: Principal) async throws -> IssuedPassword {
        guard principal.has(.admin) else { throw LianbingError.forbidden("只有管理员可以重置密码") }
        if let chosen, let problem = PasswordPolicy.problem(with: chosen, username: username) { throw LianbingError.invalid(problem) }
        var generator = SystemRandomNumberGenerator()
        let password = chosen ?? PasswordPolicy.generate(using: &generator)
        let hash = await passwords.hash(password)
        let now = clock()
        return try await writer.write { db in
            var record = try Self.accountInScope(username, for: principal, db)
            record.passwordHash = hash
            record.mustChangePassword = true
            try record.update(db)
            try SessionRecord.filter(Column("accountId") == record.id).deleteAll(db)
            try db.audit(principal, "account.reset-password", record.username, unitCode: record.unitCode, at: now)
            let unit = try UnitRecord.fetchOne(db, key: record.unitCode)!
            let staffName = try record.staffNumber.flatMap { try StaffRecord.fetchOne(db, key: $0)?.name }
            return IssuedPassword(
                username: record.username, password: password, staffNumber: record.staffNumber, staffName: staffName,
                unitCode: unit.code, unitName: unit.name)
        }
    }

    /// Disabling ends every session of the account at once; enabling lets it log in again.
    public func setDisabled(_ username: String, _ disabled: Bool, by principal: Principal) async throws {
        guard principal.has(.admin) else { throw LianbingError.forbidden("只有管理员可以停用账号") }
        if case .account(_, let own, _, _) = principal.kind, own.caseInsensitiveCompare(username) == .orderedSame {
            throw LianbingError.conflict("不能停用自己的账号")
        }
        let now = clock()
        try await writer.write { db in
            var record = try Self.accountInScope(username, for: principal, db)
            try Self.setDisabled(&record, disabled, by: principal, at: now, db)
        }
    }

    /// Disables or enables an account, ending its sessions when disabled; also what recording a leaving does.
    static func setDisabled(
        _ record: inout AccountRecord, _ disabled: Bool, detail: String = "", by principal: Principal, at now: Date, _ db: Database
    ) throws {
        guard record.isDisabled != disabled else { return }
        record.isDisabled = disabled
        try record.update(db)
        if disabled { try SessionRecord.filter(Column("accountId") == record.id).deleteAll(db) }
        try db.audit(principal, disabled ? "account.disable" : "account.enable", record.username, detail, unitCode: record.unitCode, at: now)
    }

    /// What `changeOwnPassword` throws for a wrong current password, so the server can throttle guessing it as it
    /// throttles logins (a stolen session must not become an unlimited password oracle).
    public static let wrongCurrentPassword = LianbingError.invalid("当前密码不正确")

    /// The holder changes their own password, proving they know the current one.
    public func changeOwnPassword(current: String, new: String, by principal: Principal, keepingSession tokenHash: String? = nil) async throws {
        guard let id = principal.accountID else { throw LianbingError.forbidden("操作员请使用 lianbing user passwd") }
        let record = try await reader.read { db in try AccountRecord.fetchOne(db, key: id) }
        guard let record, !record.isDisabled else { throw LianbingError.unauthenticated }
        guard await passwords.verify(current, hash: record.passwordHash) else { throw Self.wrongCurrentPassword }
        if let problem = PasswordPolicy.problem(with: new, username: record.username) { throw LianbingError.invalid(problem) }
        if new == current { throw LianbingError.invalid("新密码不能与当前密码相同") }
        let hash = await passwords.hash(new)
        let now = clock()
        try await writer.write { db in
            try db.execute(sql: "UPDATE account SET passwordHash = ?, mustChangePassword = 0 WHERE id = ?", arguments: [hash, id])
            // Other sessions may belong to whoever knew the old password.
            try SessionRecord.filter(Column("accountId") == id && Column("tokenHash") != tokenHash).deleteAll(db)
            try db.audit(principal, "account.change-password", record.username, unitCode: record.unitCode, at: now)
        }
    }

    static func accountInScope(_ username: String, for principal: Principal, _ db: Database) throws -> AccountRecord {
        guard let record = try AccountRecord.filter(Column("username") == username).fetchOne(db),
            let unit = try UnitRecord.fetchOne(db, key: record.unitCode), principal.covers(unit.unitPath)
        else { throw LianbingError.notFound("账号 \(username)") }
        return record
    }
}
