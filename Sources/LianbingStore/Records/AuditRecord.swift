import Foundation
import GRDB
import LianbingCore

struct AuditRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    static let databaseTableName = "auditEntry"
    var id: Int64?
    var at: Date
    var actor: String
    var action: String
    var subject: String
    var detail: String
    /// The unit the action concerns: administrators read the entries of their own subtree.
    var unitPath: String?
}

extension Principal {
    /// How the audit log names who acted.
    var auditName: String {
        switch kind {
        case .operator: "operator"
        case .account(_, let username, _, _): username
        }
    }
}

extension Database {
    /// Records an action against `unit`, by default the actor's own unit.
    func audit(_ principal: Principal, _ action: String, _ subject: String, _ detail: String = "", in unit: UnitPath? = nil, at: Date) throws {
        var entry = AuditRecord(
            id: nil, at: at, actor: principal.auditName, action: action, subject: subject, detail: detail,
            unitPath: (unit ?? principal.scope).rawValue)
        try entry.insert(self)
    }

    /// Records an action against the unit with this code (an account's, an import's root).
    func audit(_ principal: Principal, _ action: String, _ subject: String, _ detail: String = "", unitCode: String, at: Date) throws {
        let path = try String.fetchOne(self, sql: "SELECT path FROM unit WHERE code = ?", arguments: [unitCode])
        try audit(principal, action, subject, detail, in: path.map(UnitPath.init(rawValue:)), at: at)
    }

    /// Records an action on an exam, against the unit whose staff sit it.
    func audit(_ principal: Principal, _ action: String, exam id: Int64, _ subject: String, _ detail: String = "", at: Date) throws {
        let path = try String.fetchOne(
            self, sql: "SELECT u.path FROM exam e JOIN unit u ON u.code = e.unitCode WHERE e.id = ?", arguments: [id])
        try audit(principal, action, subject, detail, in: path.map(UnitPath.init(rawValue:)), at: at)
    }
}
