import Foundation
import GRDB
import LianbingCore

struct AccountRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    static let databaseTableName = "account"
    var id: Int64?
    var username: String
    var passwordHash: String
    var role: String
    var unitCode: String
    var staffNumber: String?
    var mustChangePassword: Bool
    var isDisabled: Bool
    var createdAt: Date

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    var account: Account {
        Account(
            id: id!, username: username, role: Role(rawValue: role)!, unitCode: unitCode, staffNumber: staffNumber,
            mustChangePassword: mustChangePassword, isDisabled: isDisabled, createdAt: createdAt)
    }
}
