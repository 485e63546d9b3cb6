import Foundation
import GRDB
import LianbingCore
import Testing

@testable import LianbingStore

/// 持证上岗 per post: the province sets which posts require a certificate, which qualifications satisfy them and the
/// grace period; the compliance report counts, per unit of a subtree, the holders of those posts with a valid
/// certificate, those in grace and those overdue.
@Suite("Post requirements and certification compliance")
struct PostRequirementTests {
    static let internalQualification: Int64 = 1
    static let nationalQualification: Int64 = 2

    /// TH0003 (王五) passes a certifying exam and its results are released: one internal certificate, issued today
    /// (2023-11-15 China time), valid through 2026-11-14.
    private func certified(_ fixture: Fixture) async throws -> String {
        var draft = ExamBank.draft(fixture.clock)
        draft.title = "持证考核"
        draft.passMark = 6
        draft.certifies = true
        let exam = try await fixture.publishedExam(draft)
        let staff = try await fixture.staffUser()
        let view = try await fixture.db.startAttempt(exam: exam.id, client: .commandLine, by: staff)
        try await fixture.answerAll(view, right: true, by: staff)
        _ = try await fixture.db.submitAttempt(view.id, by: staff)
        fixture.clock.advance(by: 7_200)
        let trainer = try await fixture.trainer()
        let item = try #require(try await fixture.db.markingQueue(by: trainer).first { $0.attemptId == view.id })
        try await fixture.db.markAnswer(attempt: item.attemptId, position: item.position, score: 4, by: trainer)
        _ = try await fixture.db.releaseResults(exam.id, by: try await fixture.countyAdmin())
        return try #require(try await fixture.db.myCertificates(by: staff).first).number
    }

    /// A copy of `number` held by `staff` (as if they had passed too), with a new number.
    private func copy(_ number: String, to staff: String, serial: Int, _ fixture: Fixture) async throws {
        try await fixture.db.writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO certificate (number, year, serial, staffNumber, unitCode, qualificationId, examId, attemptId, issuedOn, expiresOn, createdAt)
                    SELECT ?, year, ?, ?, (SELECT unitCode FROM staff WHERE number = ?), qualificationId, examId, attemptId, issuedOn, expiresOn, createdAt
                    FROM certificate WHERE number = ?
                    """,
                arguments: [try CertificateNumber(year: 2023, serial: serial).text, serial, staff, staff, number])
        }
    }

    private func national(_ staff: String, status: String, _ fixture: Fixture) async throws {
        try await fixture.db.writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO nationalQualification (staffNumber, qualificationId, level, certificateNumber, issuer, issuedOn, status, submittedAt, submittedBy)
                    VALUES (?, ?, '四级/中级工', ?, '广东省人力资源和社会保障厅', '2023-01-01', ?, ?, 'test')
                    """, arguments: [staff, Self.nationalQualification, "N-" + staff, status, fixture.clock.now])
        }
    }

    private func counts(_ report: CertificationComplianceReport, _ unit: String) -> PostComplianceCounts? {
        report.rows.first { $0.unit.code == unit && !$0.ownStaffOnly }?.counts
    }

    @Test("Given the province's administrator, when they set, replace and remove a post's requirement, then each is audited; others are refused and bad values rejected")
    func setAndRemove() async throws {
        let fixture = try await Fixture.make()
        let province = try await fixture.provinceAdmin()
        let listing = try await fixture.db.setPostRequirement(
            post: Post.director, qualificationIds: [Self.internalQualification, Self.nationalQualification, Self.internalQualification],
            graceDays: 180, by: province)
        #expect(listing.requirement == PostRequirement(post: Post.director, qualificationIds: [1, 2], graceDays: 180))
        #expect(listing.qualifications.map(\.kind) == [.internal, .national] && listing.actor == "province")
        try await fixture.db.setPostRequirement(post: Post.director, qualificationIds: [Self.nationalQualification], graceDays: 0, by: try await fixture.op())
        try await fixture.db.setPostRequirement(post: Post.receptionist, qualificationIds: [Self.internalQualification], graceDays: 3_650, by: province)
        let all = try await fixture.db.postRequirements()
        #expect(all.map(\.post) == [Post.director, Post.receptionist])
        #expect(all[0].requirement.qualificationIds == [2] && all[0].requirement.graceDays == 0 && all[0].actor == "operator")
        #expect(PostRequirementListing.table(all).rows.count == 2)

        // Posts are province-wide: a county's administrator, a trainer and staff may not set them.
        for principal in [try await fixture.countyAdmin(), try await fixture.trainer(), try await fixture.staffUser()] {
            await expectError(.forbidden) { try await fixture.db.setPostRequirement(post: Post.director, qualificationIds: [1], graceDays: 1, by: principal) }
            await expectError(.forbidden) { try await fixture.db.removePostRequirement(post: Post.director, by: principal) }
        }
        await expectError(.invalid) { try await fixture.db.setPostRequirement(post: Post.director, qualificationIds: [1], graceDays: 3_651, by: province) }
        await expectError(.invalid) { try await fixture.db.setPostRequirement(post: Post.director, qualificationIds: [1], graceDays: -1, by: province) }
        await expectError(.invalid) { try await fixture.db.setPostRequirement(post: Post.director, qualificationIds: [], graceDays: 1, by: province) }
        await expectError(.invalid) { try await fixture.db.setPostRequirement(post: Post.director, qualificationIds: [99], graceDays: 1, by: province) }
        await expectError(.notFound) { try await fixture.db.setPostRequirement(post: "司机", qualificationIds: [1], graceDays: 1, by: province) }

        try await fixture.db.removePostRequirement(post: Post.receptionist, by: province)
        await expectError(.notFound) { try await fixture.db.removePostRequirement(post: Post.receptionist, by: province) }
        #expect(try await fixture.db.postRequirements().map(\.post) == [Post.director])
        let actions = try await fixture.db.auditEntries().map(\.action)
        #expect(actions.filter { $0 == "post.requirement.set" }.count == 3 && actions.filter { $0 == "post.requirement.remove" }.count == 1)
    }

    @Test("Given a staff import that changes someone's post, then their post starts today; other changes and new staff leave it unset")
    func importSetsPostSince() async throws {
        let fixture = try await Fixture.make()
        let op = try await fixture.op()
        func postSince(_ number: String) async throws -> String? {
            try await fixture.db.reader.read { db in try String.fetchOne(db, sql: "SELECT postSince FROM staff WHERE number = ?", arguments: [number]) }
        }
        #expect(try await postSince("TH0003") == nil)
        var promoted = Roster.huashiInformant
        promoted.post = Post.director
        var renamed = Roster.shipaiReceptionist
        renamed.name = "李四改"
        let newcomer = Staff(number: "TH0009", name: "孙九", unitCode: Code.huashi, post: Post.director)
        _ = try await fixture.db.importStaff(Roster.rows([promoted, renamed, newcomer]), file: "staff.csv", by: op)
        #expect(try await postSince("TH0003") == "2023-11-15")
        #expect(try await postSince("TH0002") == nil)
        #expect(try await postSince("TH0009") == nil)
    }

    @Test("Given directors with and without certificates, then valid internal and accepted national ones count; expired, revoked and pending ones do not; grace runs from the post or the hire date")
    func compliance() async throws {
        let fixture = try await Fixture.withExamBank()
        let number = try await certified(fixture)
        let op = try await fixture.op()
        // TH0003 (王五) becomes a director today, already certified; TH0001 (张三, hired 2021-03-05) gets a copy of it.
        var promoted = Roster.huashiInformant
        promoted.post = Post.director
        _ = try await fixture.db.importStaff(Roster.rows([promoted]), file: "promote.csv", by: op)
        try await copy(number, to: "TH0001", serial: 900, fixture)
        // WJ0001 has an accepted national qualification, GZ0001 a pending one; GD0001 nothing, and no dates at all.
        try await national("WJ0001", status: "accepted", fixture)
        try await national("GZ0001", status: "pending", fixture)
        try await fixture.db.setPostRequirement(
            post: Post.director, qualificationIds: [Self.internalQualification, Self.nationalQualification], graceDays: 90, by: op)

        let today = try await fixture.db.certificationCompliance(for: op)
        #expect(today.today == CivilDate("2023-11-15"))
        #expect(today.total.counts == PostComplianceCounts(holders: 5, certified: 3, inGrace: 0, lacking: 2))
        #expect(today.total.counts.share == 0.6)
        #expect(today.lacking.map(\.number) == ["GD0001", "GZ0001"])
        #expect(today.lacking.allSatisfy { $0.date == nil && $0.startedOn == nil })
        #expect(today.rows.first?.ownStaffOnly == true && today.rows.first?.counts == PostComplianceCounts(holders: 1, certified: 0, lacking: 1))
        #expect(counts(today, Code.guangzhou) == PostComplianceCounts(holders: 3, certified: 2, lacking: 1))
        #expect(counts(today, Code.shaoguan) == PostComplianceCounts(holders: 1, certified: 1))
        #expect(today.table.rows.last == ["合计", "5", "3", "0", "2", "60.0%"])
        #expect(today.lackingTable.rows.first == ["GD0001", "陈志远", "广东省退役军人服务中心", Post.director, "不详", "不详"])

        // Three years on both certificates have expired: TH0003's grace (90 days from 2023-11-15) ran out on
        // 2024-02-12, TH0001's (from the hire date) long before. The national qualification does not expire.
        let later = try await fixture.db.certificationCompliance(on: CivilDate("2026-11-15"), for: op)
        #expect(later.total.counts == PostComplianceCounts(holders: 5, certified: 1, lacking: 4))
        #expect(later.lacking.map(\.number) == ["GD0001", "GZ0001", "TH0001", "TH0003"])
        #expect(later.lacking[2].date == CivilDate("2021-06-03") && later.lacking[2].startedOn == CivilDate("2021-03-05"))
        #expect(later.lacking[3].date == CivilDate("2024-02-13") && later.lacking[3].startedOn == CivilDate("2023-11-15"))

        // Revoked: TH0003 is in grace again (new to the post), through 2024-02-12.
        _ = try await fixture.db.revokeCertificate(number, reason: "冒名顶替", by: op)
        let revoked = try await fixture.db.certificationCompliance(for: op)
        #expect(revoked.total.counts == PostComplianceCounts(holders: 5, certified: 2, inGrace: 1, lacking: 2))
        #expect(revoked.inGrace.map(\.number) == ["TH0003"] && revoked.inGrace[0].date == CivilDate("2024-02-12"))
        // The pending national qualification, once accepted, counts.
        try await fixture.db.writer.write { db in try db.execute(sql: "UPDATE nationalQualification SET status = 'accepted' WHERE staffNumber = 'GZ0001'") }
        #expect(try await fixture.db.certificationCompliance(for: op).lacking.map(\.number) == ["GD0001"])
    }

    @Test("Given staff who left or are not in post, then they are not counted; someone hired lately is in grace from the hire date")
    func activeOnly() async throws {
        let fixture = try await Fixture.make()
        let op = try await fixture.op()
        let hired = Staff(number: "TH0010", name: "周十", unitCode: Code.shipai, post: Post.agent, hireDate: CivilDate("2023-11-01"))
        _ = try await fixture.db.importStaff(Roster.rows([hired]), file: "new.csv", by: op)
        try await fixture.db.setPostRequirement(post: Post.agent, qualificationIds: [1], graceDays: 30, by: op)
        // TH0004 (an agent) is not in post.
        let report = try await fixture.db.certificationCompliance(unit: Code.tianhe, for: op)
        #expect(report.total.counts == PostComplianceCounts(holders: 1, inGrace: 1))
        #expect(report.inGrace.first?.date == CivilDate("2023-11-30"))
        try await fixture.db.writer.write { db in try db.execute(sql: "UPDATE staff SET leftOn = '2023-11-10' WHERE number = 'TH0010'") }
        #expect(try await fixture.db.certificationCompliance(unit: Code.tianhe, for: op).total.counts == PostComplianceCounts())
    }

    @Test("Given a county's administrator, then the report covers only their county; another county is not found; staff and trainers are refused")
    func scope() async throws {
        let fixture = try await Fixture.make()
        try await fixture.db.setPostRequirement(post: Post.director, qualificationIds: [1], graceDays: 30, by: try await fixture.op())
        let county = try await fixture.countyAdmin()
        let report = try await fixture.db.certificationCompliance(for: county)
        #expect(report.unit.code == Code.tianhe)
        #expect(report.rows.map(\.unit.code) == [Code.tianhe, Code.shipai, Code.wushan])
        #expect(report.lacking.map(\.number) == ["TH0001"])
        #expect(try await fixture.db.lackingCertificationCount(for: county) == 1)
        #expect(try await fixture.db.lackingCertificationCount(for: try await fixture.provinceAdmin()) == 4)
        #expect(try await fixture.db.lackingCertificationCount(for: try await fixture.staffUser()) == 0)
        await expectError(.notFound) { _ = try await fixture.db.certificationCompliance(unit: Code.wujiang, for: county) }
        await expectError(.notFound) { _ = try await fixture.db.certificationCompliance(unit: Code.guangzhou, for: county) }
        await expectError(.forbidden) { _ = try await fixture.db.certificationCompliance(for: try await fixture.trainer()) }
        await expectError(.forbidden) { _ = try await fixture.db.certificationCompliance(for: try await fixture.staffUser()) }
        let other = try await fixture.db.certificationCompliance(for: try await fixture.otherCountyAdmin())
        #expect(other.lacking.map(\.number) == ["WJ0001"])
    }

    @Test("Given the demo, when its post requirement is installed, then directors require the internal qualification and some are in grace; a second start changes nothing")
    func demo() async throws {
        let db = try AppDatabase.inMemory(passwords: PasswordHasher(cost: 4))
        _ = try await db.installDemo({ DemoDataset.generate(scale: .demo) }, scale: .demo)
        try await db.installDemoPostRequirements()
        let requirements = try await db.postRequirements()
        #expect(requirements.map(\.requirement) == [PostRequirement(post: Post.director, qualificationIds: [1], graceDays: 180)])
        let op = try await db.operatorPrincipal()
        let report = try await db.certificationCompliance(for: op)
        #expect(report.inGrace.count == 3 && !report.lacking.isEmpty)
        try await db.removePostRequirement(post: Post.director, by: op)
        try await db.installDemoPostRequirements()
        #expect(try await db.postRequirements().isEmpty)
    }
}
