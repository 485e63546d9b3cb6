import ArgumentParser
import Foundation
@testable import LianbingCLI
import LianbingCore
import LianbingStore
import Testing

/// `lianbing cert …`: the options are checked before anything runs, the qualifications' validity is set by the
/// operator, and the export writes the same table as the page's download.
@Suite struct CertCommandTests {
    let fixture: TrainingFixture

    init() throws { fixture = try TrainingFixture("cert") }

    @Test func badOptionsAreRefusedBeforeAnythingRuns() {
        #expect(TrainingFixture.refusal(["cert", "expiring", "--days", "0"])?.contains("--days") == true)
        #expect(TrainingFixture.refusal(["cert", "expiring", "--days", "99999999999999999999"]) != nil)
        #expect(TrainingFixture.refusal(["cert", "list", "--status", "lost"])?.contains("--status") == true)
        #expect(TrainingFixture.refusal(["cert", "qualifications", "--id", "1"])?.contains("--set-validity") == true)
        #expect(TrainingFixture.refusal(["cert", "qualifications", "--id", "1", "--set-validity", "11"])?.contains("--set-validity") == true)
        #expect(TrainingFixture.refusal(["cert", "revoke", "LB-2026-000001-X"]) != nil)
        #expect(TrainingFixture.refusal(["cert", "list"]) == nil)
    }

    @Test func theOperatorSetsAQualificationsValidityAndExportsTheList() async throws {
        try await fixture.prepare()
        try await fixture.run(["cert", "qualifications", "--id", "1", "--set-validity", "5"])
        let qualifications = try await fixture.store().qualifications()
        #expect(qualifications.first { $0.id == 1 }?.validityYears == 5)
        #expect(qualifications.contains { $0.kind == .national && $0.validityYears == nil })
        // A national qualification is only recorded: it has no validity to set.
        try await fixture.run(["cert", "qualifications", "--add", "接访员岗位资格", "--validity", "2"])
        let added = try #require(try await fixture.store().qualifications().first { $0.name == "接访员岗位资格" })
        #expect(added.kind == .internal && added.validityYears == 2)
        #expect(await fixture.refused(["cert", "qualifications", "--add", "退役军人事务员（四级）", "--validity", "2"]))
        #expect(await fixture.refused(["cert", "qualifications", "--add", "接访员岗位资格", "--validity", "2"]))
        #expect(TrainingFixture.refusal(["cert", "qualifications", "--add", "x"])?.contains("--validity") == true)
        #expect(TrainingFixture.refusal(["exam", "create", "--qualification", "1"]) != nil)
        let national = try #require(qualifications.first { $0.kind == .national }).id
        #expect(await fixture.refused(["cert", "qualifications", "--id", "\(national)", "--set-validity", "3"]))

        let out = fixture.path("certificates.csv")
        try await fixture.run(["cert", "export", "--out", out, "--expiring-within", "30"])
        let (hasBOM, text) = try fixture.csv(out)
        #expect(hasBOM && text.hasPrefix("证书编号,工号,姓名,单位,资格,考试,发证日期,有效期至,状态"))
        #expect(await fixture.refused(["cert", "export", "--out", out]))
        let workbook = fixture.path("certificates.xlsx")
        try await fixture.run(["cert", "export", "--out", workbook])
        #expect(try Data(contentsOf: URL(fileURLWithPath: workbook)).starts(with: [0x50, 0x4B, 0x03, 0x04]), "an .xlsx is a zip file")
        #expect(await fixture.refused(["cert", "verify", "LB-2026-000001-?"]))
        #expect(await fixture.refused(["cert", "show", try CertificateNumber(year: 2026, serial: 1).text]))
    }
}
