import Foundation
import GRDB

struct ContestRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "contest"
    var id: Int64
    var title: String
    var unitCode: String
    var format: String
    var heldOn: String
    var basePoints: Int
    var tieBreakers: String
    var status: String
    var boardToken: String
    var publicThrough: Int?
    var createdBy: String
    var createdAt: Date
}
