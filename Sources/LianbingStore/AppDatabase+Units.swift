import Foundation
import GRDB
import LianbingCore

/// A unit as lists show it: enough to draw one row of the tree and know whether it can be expanded.
public struct UnitListing: Sendable, Codable, Equatable {
    public var code: String
    public var name: String
    public var level: UnitLevel
    public var parentCode: String?
    public var childCount: Int
}

/// One unit with where it sits: its ancestors from the caller's scope root down, for breadcrumbs.
public struct UnitDetail: Sendable, Codable, Equatable {
    public var unit: UnitListing
    public var ancestors: [UnitListing]
    public var staffCount: Int
}

public struct UnitImportSummary: Sendable, Equatable {
    public var inserted: Int
    public var updated: Int
    public var moved: Int
}

extension AppDatabase {
    /// Adds or updates units from an import file. All or nothing: the merged tree must stay one valid tree.
    public func importUnits(_ rows: [UnitTreeBuilder.Row], file: String, by principal: Principal) async throws -> UnitImportSummary {
        try await importUnits(ParsedImport(rows: rows), file: file, by: principal)
    }

    /// As above, for a file some of whose rows failed to parse: the good rows are still checked against the
    /// tree, so the refusal lists every problem at once.
    public func importUnits(_ parsed: ParsedImport<UnitTreeBuilder.Row>, file: String, by principal: Principal) async throws -> UnitImportSummary {
        guard principal.has(.admin) else { throw LianbingError.forbidden("只有管理员可以导入单位") }
        let rows = parsed.rows
        let now = clock()
        return try await writer.write { db in
            let existing = try UnitRecord.fetchAll(db)
            let plan: UnitTreeBuilder.Plan
            switch UnitTreeBuilder.plan(existing: existing.map(\.unit), rows: rows, file: file, rejected: parsed.rejectedKeys) {
            case .success(let result) where parsed.issues.isEmpty: plan = result
            case .success: throw LianbingError.importRejected(ImportFailure(issues: parsed.issues))
            case .failure(let failure): throw LianbingError.importRejected(ImportFailure(issues: (parsed.issues + failure.issues).sorted()))
            }
            if !principal.isOperator {
                let oldPaths = Dictionary(uniqueKeysWithValues: existing.map { ($0.code, $0.unitPath) })
                let touched = plan.inserts + plan.updates + plan.moved
                let outside = touched.filter { !principal.covers($0.path) || oldPaths[$0.unit.code].map { !principal.covers($0) } == true }
                if !outside.isEmpty {
                    let lines = Dictionary(rows.map { ($0.unit.code, $0.line) }, uniquingKeysWith: { a, _ in a })
                    throw LianbingError.importRejected(ImportFailure(issues: outside.map {
                        ImportIssue(file: file, line: lines[$0.unit.code] ?? 0, reason: "单位 \($0.unit.code) 不在您的管辖范围内")
                    }))
                }
            }
            // Paths are unique, so a moved subtree is first parked under temporary paths.
            let rewritten = plan.updates + plan.moved
            for placed in rewritten {
                try db.execute(sql: "UPDATE unit SET path = '~' || path WHERE code = ?", arguments: [placed.unit.code])
            }
            for placed in plan.inserts {
                try UnitRecord(placed.unit, path: placed.path).insert(db)
            }
            for placed in rewritten {
                try UnitRecord(placed.unit, path: placed.path).update(db)
            }
            // The optional 辖区退役军人数 and 任务较重 columns; a file without them leaves what is stored alone.
            for row in rows {
                guard let attributes = row.attributes else { continue }
                try db.execute(
                    sql: "UPDATE unit SET veteransServed = ?, heavyDuty = ? WHERE code = ?",
                    arguments: [attributes.veteransServed, attributes.heavyDuty, row.unit.code])
            }
            if !plan.isEmpty {
                try db.audit(principal, "org.import", file, "新增 \(plan.inserts.count)，更新 \(plan.updates.count)，移动 \(plan.moved.count)", at: now)
            }
            return UnitImportSummary(inserted: plan.inserts.count, updated: plan.updates.count, moved: plan.moved.count)
        }
    }

    /// Whether `init` (or the demo) has created the tree.
    public func isInitialised() async throws -> Bool {
        try await reader.read { db in try UnitRecord.filter(Column("parentCode") == nil).fetchCount(db) > 0 }
    }

    public func rootUnit() async throws -> ServiceUnit? {
        try await reader.read { db in try UnitRecord.filter(Column("parentCode") == nil).fetchOne(db)?.unit }
    }

    /// Units in the caller's scope: the children of `parent` if given, otherwise the whole subtree in tree order.
    public func units(parent: String?, for principal: Principal) async throws -> [UnitListing] {
        try await reader.read { db in
            if let parent {
                let parentRecord = try Self.unitInScope(parent, for: principal, db)
                return try Self.listings(db, sql: "WHERE u.parentCode = ? ORDER BY u.code", arguments: [parentRecord.code])
            }
            return try Self.listings(
                db, sql: "WHERE u.path >= ? AND u.path < ? ORDER BY u.path",
                arguments: [principal.scope.lowerBound, principal.scope.upperBound])
        }
    }

    /// The unit at the top of the caller's scope.
    public func scopeRoot(for principal: Principal) async throws -> UnitListing {
        try await reader.read { db in
            guard let root = try Self.listings(db, sql: "WHERE u.path = ?", arguments: [principal.scope.rawValue]).first else {
                throw LianbingError.notFound("单位")
            }
            return root
        }
    }

    public func unitDetail(_ code: String, for principal: Principal) async throws -> UnitDetail {
        try await reader.read { db in
            let record = try Self.unitInScope(code, for: principal, db)
            let scopeDepth = principal.scope.codes.count
            let ancestorCodes = Array(record.unitPath.codes.dropLast().dropFirst(scopeDepth - 1))
            let ancestors = try ancestorCodes.isEmpty
                ? []
                : Self.listings(
                    db, sql: "WHERE u.code IN (\(databaseQuestionMarks(count: ancestorCodes.count))) ORDER BY u.level",
                    arguments: StatementArguments(ancestorCodes))
            let listing = try Self.listings(db, sql: "WHERE u.code = ?", arguments: [code])[0]
            let staffCount = try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM staff s JOIN unit u ON u.code = s.unitCode WHERE u.path >= ? AND u.path < ?",
                arguments: [record.unitPath.lowerBound, record.unitPath.upperBound]) ?? 0
            return UnitDetail(unit: listing, ancestors: ancestors, staffCount: staffCount)
        }
    }

    /// Units outside the caller's scope are reported as missing, so their existence does not leak.
    static func unitInScope(_ code: String, for principal: Principal, _ db: Database) throws -> UnitRecord {
        guard let record = try UnitRecord.fetchOne(db, key: code), principal.covers(record.unitPath) else {
            throw LianbingError.notFound("单位 \(code)")
        }
        return record
    }

    private static func listings(_ db: Database, sql: String, arguments: StatementArguments) throws -> [UnitListing] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT u.code, u.name, u.level, u.parentCode,
                       (SELECT COUNT(*) FROM unit c WHERE c.parentCode = u.code) AS childCount
                FROM unit u \(sql)
                """, arguments: arguments
        ).map {
            UnitListing(
                code: $0["code"], name: $0["name"], level: UnitLevel(rawValue: $0["level"])!, parentCode: $0["parentCode"],
                childCount: $0["childCount"])
        }
    }
}
