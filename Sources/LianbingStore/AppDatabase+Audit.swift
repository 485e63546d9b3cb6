import Foundation
import GRDB
import LianbingCore

/// Which entries to read; every field narrows.
public struct AuditFilter: Sendable, Equatable {
    /// An action (`exam.mark`) or a family of them (`exam.` takes every exam action).
    public var action: String?
    public var actor: String?
    /// Entries concerning this unit's subtree, within the caller's own.
    public var unit: String?

    public init(action: String? = nil, actor: String? = nil, unit: String? = nil) {
        self.action = action
        self.actor = actor
        self.unit = unit
    }
}

extension AppDatabase {
    /// The log of the caller's subtree, newest first. Administrators only: it names accounts and marks.
    public func auditLog(_ filter: AuditFilter, page: PageRequest, by principal: Principal) async throws -> Page<AuditEntry> {
        guard principal.has(.admin) else { throw LianbingError.forbidden("只有管理员可以查看操作日志") }
        return try await reader.read { db in
            let (condition, arguments) = try Self.auditCondition(filter, for: principal, db)
            let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM auditEntry WHERE \(condition)", arguments: arguments) ?? 0
            let items = try AuditRecord.fetchAll(
                db, sql: "SELECT * FROM auditEntry WHERE \(condition) ORDER BY at DESC, id DESC LIMIT ? OFFSET ?",
                arguments: arguments + [page.perPage, page.offset]
            ).map(AuditEntry.init)
            return Page(items: items, page: page.page, perPage: page.perPage, total: total)
        }
    }

    /// The whole log of the caller's subtree matching `filter`, oldest first, for an export.
    public func auditLogExport(_ filter: AuditFilter, by principal: Principal) async throws -> [AuditEntry] {
        guard principal.has(.admin) else { throw LianbingError.forbidden("只有管理员可以查看操作日志") }
        return try await reader.read { db in
            let (condition, arguments) = try Self.auditCondition(filter, for: principal, db)
            return try AuditRecord.fetchAll(db, sql: "SELECT * FROM auditEntry WHERE \(condition) ORDER BY at, id", arguments: arguments)
                .map(AuditEntry.init)
        }
    }

    private static func auditCondition(_ filter: AuditFilter, for principal: Principal, _ db: Database) throws -> (String, StatementArguments) {
        let root = try filter.unit.map { try unitInScope($0, for: principal, db).unitPath } ?? principal.scope
        var condition = "unitPath >= ? AND unitPath < ?"
        var arguments: StatementArguments = [root.lowerBound, root.upperBound]
        if let action = filter.action, !action.isEmpty {
            if action.hasSuffix(".") {
                condition += " AND substr(action, 1, ?) = ?"
                arguments += [action.count, action]
            } else {
                condition += " AND action = ?"
                arguments += [action]
            }
        }
        if let actor = filter.actor, !actor.isEmpty {
            condition += " AND actor = ?"
            arguments += [actor]
        }
        return (condition, arguments)
    }
}

extension AuditEntry {
    init(_ record: AuditRecord) {
        self.init(id: record.id!, at: record.at, actor: record.actor, action: record.action, subject: record.subject, detail: record.detail)
    }
}
