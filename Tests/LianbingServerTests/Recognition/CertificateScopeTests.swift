import Foundation
import GRDB
import LianbingCore
@testable import LianbingServer
@testable import LianbingStore
import Testing

/// A county administrator manages only certificates earned in the county: another county's is "not found" by
/// number on every certificate route, and lists leave it out. (`ScopeTests` probes every route with these.)
enum CertificateScopeTests {
    /// A well-formed number that no certificate has: the default probe before an outside certificate exists.
    static let nobodysNumber = try! CertificateNumber(year: 2000, serial: 999_999).text

    static let unscoped: [String: String] = [
        "GET /api/v1/certificates": "lists only certificates earned in the caller's subtree (CertificatePagesTests)",
        "GET /certificates": "lists only certificates earned in the caller's subtree (CertificatePagesTests)",
        "GET /certificates.csv": "exports only certificates earned in the caller's subtree (CertificatePagesTests)",
        "GET /certificates.xlsx": "exports only certificates earned in the caller's subtree (CertificatePagesTests)",
        "GET /my/certificates": "the caller's own certificates",
        "GET /verify": "the public verification form: no data",
        "GET /verify/{number}": "public by design: status, masked name, qualification and dates only (CertificatePagesTests)",
    ]

    static func probes(_ number: String) -> [String: [ScopeTests.Probe]] {
        [
            "GET /api/v1/certificates/{number}": [ScopeTests.Probe(method: .get, uri: "/api/v1/certificates/\(number)")],
            "POST /api/v1/certificates/{number}/revoke": [
                ScopeTests.Probe(method: .post, uri: "/api/v1/certificates/\(number)/revoke", json: #"{"reason":"越权"}"#)
            ],
            "GET /certificates/{number}": [ScopeTests.Probe(method: .get, uri: "/certificates/\(number)")],
            "POST /certificates/{number}/revoke": [ScopeTests.Probe(method: .post, uri: "/certificates/\(number)/revoke", form: ["reason": "越权"])],
        ]
    }
}

extension TestApp {
    /// A certificate earned in another county: issued for the outside exam's attempt as a release would.
    func outsideCertificate(exam: Int64, attempt: Int64, staff: String) async throws -> String {
        let op = try await database.operatorPrincipal()
        let now = database.clock()
        return try await database.writer.write { db in
            let exam = try #require(try ExamRecord.fetchOne(db, key: exam))
            let attempt = try #require(try AttemptRecord.fetchOne(db, key: attempt))
            return try AppDatabase.issueCertificate(for: attempt, of: exam, by: op, at: now, db).number
        }
    }
}

extension AppDatabase {
    func certificateTableSnapshot() async throws -> [String] {
        try await reader.read { db in try Row.fetchAll(db, sql: "SELECT * FROM certificate ORDER BY rowid").map(\.description) }
    }
}
