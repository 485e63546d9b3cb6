import Foundation
import GRDB
import LianbingCore

/// A row of `certificate`: issued once, then only ever revoked or superseded, never edited otherwise.
struct CertificateRecord: Codable, FetchableRecord, PersistableRecord, Sendable {
    static let databaseTableName = "certificate"
    var number: String
    var year: Int
    var serial: Int
    var staffNumber: String
    var unitCode: String
    var qualificationId: Int64
    var examId: Int64
    var attemptId: Int64
    var issuedOn: String
    var expiresOn: String
    var revokedAt: Date?
    var revokedReason: String?
    var revokedBy: String?
    var supersededBy: String?
    var createdAt: Date

    func status(today: CivilDate) -> CertificateStatus {
        CertificateStatus.of(
            expiresOn: CivilDate(expiresOn) ?? today, today: today, revoked: revokedAt != nil, superseded: supersededBy != nil)
    }
}

/// A row of `qualification`.
struct QualificationRecord: Codable, FetchableRecord, MutablePersistableRecord, Sendable {
    static let databaseTableName = "qualification"
    var id: Int64?
    var name: String
    var kind: String
    var validityYears: Int?
    var createdAt: Date

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
