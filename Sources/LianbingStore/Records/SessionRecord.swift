import Foundation
import GRDB

struct SessionRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "session"
    var tokenHash: String
    var accountId: Int64
    var csrfToken: String
    var createdAt: Date
    var lastSeenAt: Date
    var address: String?
    var userAgent: String?
}
