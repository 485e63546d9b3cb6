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
    func audit(_ principal: Principal, _ action: String, _ subject: String, _ detail: String = "", at: Date) throws {
        var entry = AuditRecord(id: nil, at: at, actor: principal.auditName, action: action, subject: subject, detail: detail)
        try entry.insert(self)
    }
}
