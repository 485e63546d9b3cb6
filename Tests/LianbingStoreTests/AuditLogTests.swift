import Foundation
import GRDB
import LianbingCore
import Testing

@testable import LianbingStore

@Suite("Reading the audit log")
struct AuditLogTests {
    @Test("Given actions in two counties, then each county administrator reads only their own, the province both, a trainer none")
    func logIsScopedToTheSubtree() async throws {
        let fixture = try await Fixture.withExamBank()
        let exam = try await fixture.publishedExam()
        try await fixture.db.excuseCandidate("TH0001", inExam: exam.id, reason: "住院", by: try await fixture.countyAdmin())
        try await fixture.db.addPost("心理咨询员", by: try await fixture.otherCountyAdmin())

        let county = try await fixture.db.auditLog(AuditFilter(), page: PageRequest(page: 1, perPage: 200), by: try await fixture.countyAdmin())
        #expect(county.items.contains { $0.action == "exam.excuse" } && county.items.contains { $0.action == "exam.publish" })
        #expect(!county.items.contains { $0.action == "post.add" })
        // Accounts the operator made for the county's staff are filed under their units, so the county reads them.
        let accounts = Set(county.items.filter { $0.action == "account.create" }.map(\.subject))
        #expect(accounts.isSuperset(of: ["th1", "th2"]) && !accounts.contains("wujiang"))
        let other = try await fixture.db.auditLog(AuditFilter(), page: PageRequest(page: 1, perPage: 200), by: try await fixture.otherCountyAdmin())
        #expect(other.items.filter { !$0.action.hasPrefix("account.") }.map(\.action) == ["post.add"])
        let province = try await fixture.db.auditLogExport(AuditFilter(action: "exam."), by: try await fixture.provinceAdmin())
        #expect(province.map(\.action) == ["exam.create", "exam.publish", "exam.excuse"])
        #expect(try await fixture.db.auditLogExport(AuditFilter(action: "exam.excuse", actor: "county"), by: try await fixture.op()).count == 1)
        await expectError(.forbidden) { try await fixture.db.auditLog(AuditFilter(), page: PageRequest(page: 1, perPage: 10), by: try await fixture.trainer()) }
        await expectError(.notFound) {
            try await fixture.db.auditLogExport(AuditFilter(unit: Code.tianhe), by: try await fixture.otherCountyAdmin())
        }
    }
}
