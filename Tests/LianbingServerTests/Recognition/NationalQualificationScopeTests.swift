import Foundation
import GRDB
import LianbingCore
@testable import LianbingServer
@testable import LianbingStore
import Testing

/// A county administrator sees and reviews only the national qualifications of staff in the county: another county's
/// record is "not found" on every route (its scan included), and lists leave it out. (`ScopeTests` probes every route.)
enum NationalQualificationScopeTests {
    static let unscoped: [String: String] = [
        "GET /api/v1/national-qualifications": "lists only records of staff in the caller's subtree (NationalQualificationTests.scopeFollowsTheHoldersUnit)",
        "GET /api/v1/my/national-qualifications": "the caller's own records",
        "GET /national-qualifications": "lists only records of staff in the caller's subtree (NationalQualificationPagesTests)",
    ]

    static func probes(_ id: Int64, outsideStaff s: String) -> [String: [ScopeTests.Probe]] {
        let path = "/api/v1/national-qualifications/\(id)"
        return [
            "POST /api/v1/national-qualifications": [
                ScopeTests.Probe(
                    method: .post, uri: "/api/v1/national-qualifications",
                    json: #"{"staffNumber":"\#(s)","level":"四级/中级工","certificateNumber":"SCOPE-1","issuer":"越权","issuedOn":"2024-01-01"}"#)
            ],
            "GET /api/v1/national-qualifications/{id}": [ScopeTests.Probe(method: .get, uri: path)],
            // Refused before the body is looked at: a JSON body is no scan, yet the answer is 404.
            "PUT /api/v1/national-qualifications/{id}/scan": [ScopeTests.Probe(method: .put, uri: path + "/scan", json: "{}")],
            "GET /api/v1/national-qualifications/{id}/scan": [ScopeTests.Probe(method: .get, uri: path + "/scan")],
            "POST /api/v1/national-qualifications/{id}/accept": [ScopeTests.Probe(method: .post, uri: path + "/accept", json: "{}")],
            "POST /api/v1/national-qualifications/{id}/reject": [ScopeTests.Probe(method: .post, uri: path + "/reject", json: #"{"note":"越权"}"#)],
            "POST /national-qualifications/{id}/accept": [ScopeTests.Probe(method: .post, uri: "/national-qualifications/\(id)/accept", form: [:])],
            "POST /national-qualifications/{id}/reject": [
                ScopeTests.Probe(method: .post, uri: "/national-qualifications/\(id)/reject", form: ["note": "越权"])
            ],
        ]
    }
}

extension TestApp {
    /// A pending record of a member of staff of another county, with its scan, for probes that must be refused.
    func outsideNationalQualification(staff: String) async throws -> Int64 {
        let op = try await database.operatorPrincipal()
        let record = try await database.recordNationalQualification(
            NationalQualificationDraft(staffNumber: staff, level: "三级", certificateNumber: "OUTSIDE-1", issuer: "外县人社局", issuedOn: "2022-05-01"), by: op)
        _ = try await database.attachQualificationScan(
            record.id, data: NationalQualificationPagesTests.pdf, declared: .pdf, files: settings.files, by: op)
        return record.id
    }
}

extension AppDatabase {
    func nationalQualificationSnapshot() async throws -> [String] {
        try await reader.read { db in try Row.fetchAll(db, sql: "SELECT * FROM nationalQualification ORDER BY rowid").map(\.description) }
    }
}
