import Foundation
import GRDB
import LianbingCore

public struct StaffListing: Sendable, Codable, Equatable {
    public var staff: Staff
    public var unitName: String
    /// The username of the staff member's login, if one was created.
    public var username: String?
}

/// One page of a longer list.
public struct Page<Item: Sendable & Codable & Equatable>: Sendable, Codable, Equatable {
    public var items: [Item]
    public var page: Int
    public var perPage: Int
    public var total: Int

    public var pageCount: Int { max(1, (total + perPage - 1) / perPage) }
}

public struct PageRequest: Sendable, Equatable {
    public static let maximumPerPage = 200
    public var page: Int
    public var perPage: Int

    /// Out-of-range values are clamped rather than refused: a hand-edited URL should still show something.
    /// Far past any real list; keeps `offset` from overflowing on a hand-typed page number.
    public static let maximumPage = 1_000_000

    public init(page: Int?, perPage: Int?) {
        self.page = min(Self.maximumPage, max(1, page ?? 1))
        self.perPage = min(Self.maximumPerPage, max(1, perPage ?? 50))
    }

    var offset: Int { (page - 1) * perPage }
}

/// What the roster list narrows to besides unit and name.
public struct StaffFilter: Sendable, Equatable {
    public var post: String?
    public var isVeteran: Bool?
    /// `true`: only those whose leaving date has come (已离职); `false`: only those still on the roster (在岗).
    public var hasLeft: Bool?

    public init(post: String? = nil, isVeteran: Bool? = nil, hasLeft: Bool? = nil) {
        self.post = post
        self.isVeteran = isVeteran
        self.hasLeft = hasLeft
    }
}

public struct StaffImportSummary: Sendable, Equatable {
    public var inserted: Int
    public var updated: Int
    public var unchanged: Int
    /// Filled by a dry run: who would be added or changed, in file order, shown before the import is confirmed.
    public var changes: [StaffImportChange] = []
}

/// One person the import adds or changes.
public struct StaffImportChange: Sendable, Equatable, Codable {
    public var number: String
    public var name: String
    public var isNew: Bool
    /// What changes, e.g. `岗位：接访员 → 主任（站长）`; empty for someone new.
    public var detail: String
}

extension AppDatabase {
    /// Adds or updates staff by staff number. All or nothing; units and posts must exist and be in scope.
    public func importStaff(_ rows: [StaffImportRow], file: String, by principal: Principal) async throws -> StaffImportSummary {
        try await importStaff(ParsedImport(rows: rows), file: file, by: principal)
    }

    /// As above, for a file some of whose rows failed to parse: the good rows are still checked, so the
    /// refusal lists every problem at once. A dry run checks and reports the same but writes nothing, so the
    /// browser can show what an import would do before it is confirmed.
    public func importStaff(
        _ parsed: ParsedImport<StaffImportRow>, file: String, dryRun: Bool = false, by principal: Principal
    ) async throws -> StaffImportSummary {
        guard principal.has(.admin) else { throw LianbingError.forbidden("只有管理员可以导入工作人员") }
        let rows = parsed.rows
        let now = clock()
        return try await writer.write { db in
            let paths = try Dictionary(uniqueKeysWithValues: UnitRecord.fetchAll(db).map { ($0.code, $0.unitPath) })
            let posts = try Set(String.fetchAll(db, sql: "SELECT name FROM post"))
            let existing = try Dictionary(uniqueKeysWithValues: StaffRecord.fetchAll(db).map { ($0.number, $0) })
            var issues = parsed.issues
            var firstLine: [String: Int] = [:]
            for row in rows {
                let staff = row.staff
                if let first = firstLine[staff.number] {
                    issues.append(.init(file: file, line: row.line, reason: "工号 \(staff.number) 重复（第 \(first) 行已出现）"))
                }
                firstLine[staff.number] = firstLine[staff.number] ?? row.line
                let problems = Self.rosterProblems(staff, existing: existing[staff.number], posts: posts, for: principal) { paths[$0] }
                issues += problems.map { ImportIssue(file: file, line: row.line, reason: $0.message) }
            }
            if !issues.isEmpty { throw LianbingError.importRejected(ImportFailure(issues: issues.sorted())) }
            var summary = StaffImportSummary(inserted: 0, updated: 0, unchanged: 0)
            let today = ChinaTime.civilDate(of: now)
            for row in rows {
                var record = StaffRecord(row.staff)
                // The file has no leaving date: one recorded by `staff leave` stays.
                record.leftOn = record.leftOn ?? existing[record.number]?.leftOn
                switch existing[record.number] {
                case nil:
                    if !dryRun { try record.insert(db) }
                    summary.inserted += 1
                    if dryRun { summary.changes.append(StaffImportChange(number: record.number, name: record.name, isNew: true, detail: "")) }
                case let old? where old.staff == record.staff:
                    summary.unchanged += 1
                case let old?:
                    summary.updated += 1
                    if dryRun {
                        summary.changes.append(
                            StaffImportChange(
                                number: record.number, name: record.name, isNew: false, detail: Self.differences(old.staff, record.staff)))
                    } else {
                        try Self.updateStaff(record, from: old, on: today, by: principal, at: now, db)
                    }
                }
            }
            if dryRun { return summary }
            if summary.inserted + summary.updated > 0 {
                try db.audit(principal, "staff.import", file, "新增 \(summary.inserted)，更新 \(summary.updated)", at: now)
            }
            return summary
        }
    }

    /// Staff in the caller's scope (optionally under `unit`), matching `query` by name or staff number and `filter`.
    public func staff(
        query: String?, unit: String?, filter: StaffFilter = StaffFilter(), page: PageRequest, for principal: Principal
    ) async throws -> Page<StaffListing> {
        guard principal.has(.trainer) else { throw LianbingError.forbidden("只有培训师和管理员可以查看花名册") }
        let today = ChinaTime.civilDate(of: clock())
        return try await reader.read { db in
            let (conditions, arguments) = try Self.rosterConditions(query: query, unit: unit, filter: filter, today: today, for: principal, db)
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM staff s JOIN unit u ON u.code = s.unitCode WHERE \(conditions)", arguments: arguments) ?? 0
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT s.*, u.name AS unitName, a.username AS username
                    FROM staff s JOIN unit u ON u.code = s.unitCode LEFT JOIN account a ON a.staffNumber = s.number
                    WHERE \(conditions) ORDER BY s.number LIMIT ? OFFSET ?
                    """, arguments: arguments + [page.perPage, page.offset])
            let items = try rows.map { row in
                StaffListing(staff: try StaffRecord(row: row).staff, unitName: row["unitName"], username: row["username"])
            }
            return Page(items: items, page: page.page, perPage: page.perPage, total: total)
        }
    }

    /// Everyone the roster list shows for the same search and filters, unpaged, in staff-number order: what
    /// `staff export` and the roster page's downloads write.
    public func roster(query: String? = nil, unit: String?, filter: StaffFilter = StaffFilter(), for principal: Principal) async throws -> [Staff] {
        guard principal.has(.trainer) else { throw LianbingError.forbidden("只有培训师和管理员可以查看花名册") }
        let today = ChinaTime.civilDate(of: clock())
        return try await reader.read { db in
            let (conditions, arguments) = try Self.rosterConditions(query: query, unit: unit, filter: filter, today: today, for: principal, db)
            return try StaffRecord.fetchAll(
                db, sql: "SELECT s.* FROM staff s JOIN unit u ON u.code = s.unitCode WHERE \(conditions) ORDER BY s.number", arguments: arguments
            ).map(\.staff)
        }
    }

    /// The WHERE clause (on `staff s JOIN unit u`) of the roster's search and filters within the caller's subtree.
    private static func rosterConditions(
        query: String?, unit: String?, filter: StaffFilter, today: CivilDate, for principal: Principal, _ db: Database
    ) throws -> (String, StatementArguments) {
        let root = try unit.map { try unitInScope($0, for: principal, db).unitPath } ?? principal.scope
        var conditions = "u.path >= ? AND u.path < ?"
        var arguments: StatementArguments = [root.lowerBound, root.upperBound]
        if let query = query?.trimmingCharacters(in: .whitespaces), !query.isEmpty {
            conditions += " AND (s.name LIKE ? ESCAPE '\\' OR s.number LIKE ? ESCAPE '\\')"
            let pattern = "%" + escapeLike(query) + "%"
            arguments += [pattern, pattern]
        }
        if let post = filter.post {
            conditions += " AND s.post = ?"
            arguments += [post]
        }
        if let isVeteran = filter.isVeteran {
            conditions += " AND s.isVeteran = ?"
            arguments += [isVeteran]
        }
        if let hasLeft = filter.hasLeft {
            conditions += hasLeft ? " AND s.leftOn <= ?" : " AND (s.leftOn IS NULL OR s.leftOn > ?)"
            arguments += [today.description]
        }
        return (conditions, arguments)
    }

    public func staffMember(_ number: String, for principal: Principal) async throws -> StaffListing {
        guard principal.has(.trainer) else { throw LianbingError.forbidden("只有培训师和管理员可以查看花名册") }
        return try await reader.read { db in
            guard let record = try StaffRecord.fetchOne(db, key: number),
                let unit = try UnitRecord.fetchOne(db, key: record.unitCode), principal.covers(unit.unitPath)
            else { throw LianbingError.notFound("工作人员 \(number)") }
            let username = try String.fetchOne(db, sql: "SELECT username FROM account WHERE staffNumber = ?", arguments: [number])
            return StaffListing(staff: record.staff, unitName: unit.name, username: username)
        }
    }

    public func posts() async throws -> [String] {
        try await reader.read { db in try String.fetchAll(db, sql: "SELECT name FROM post ORDER BY position, name") }
    }

    public func addPost(_ name: String, by principal: Principal) async throws {
        guard principal.has(.admin) else { throw LianbingError.forbidden("只有管理员可以添加岗位") }
        let name = name.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.count <= 32 else { throw LianbingError.invalid("岗位名称不能为空，且不超过 32 个字") }
        let now = clock()
        try await writer.write { db in
            if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM post WHERE name = ?)", arguments: [name]) == true {
                throw LianbingError.conflict("岗位“\(name)”已存在")
            }
            try db.execute(sql: "INSERT INTO post (name, position) VALUES (?, (SELECT COALESCE(MAX(position), 0) + 1 FROM post))", arguments: [name])
            try db.audit(principal, "post.add", name, at: now)
        }
    }

    static func escapeLike(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
    }
}
