import Foundation
import GRDB
import LianbingCore
import Testing

@testable import LianbingStore

/// Certificates follow results: issued to each candidate who passes a certifying assessment when its results are
/// released, renewed by passing again, revoked by hand or by a released score that falls below the pass mark (and
/// issued by one that rises above it), and verified by anyone with the number, who learns only the masked name.
@Suite("Certificates")
struct CertificateTests {
    /// TH0003 (王五) sits a certifying exam with pass mark `passMark`: every objective question right (8 points),
    /// the short answer marked `shortMark` of 4; the results are then released.
    private func released(_ fixture: Fixture, passMark: Double, shortMark: Double, title: String = "持证考核") async throws -> (Exam, AttemptView, MarkingItem) {
        var draft = ExamBank.draft(fixture.clock)
        draft.title = title
        draft.passMark = passMark
        draft.certifies = true
        let exam = try await fixture.publishedExam(draft)
        let staff = try await fixture.staffUser()
        let view = try await fixture.db.startAttempt(exam: exam.id, client: .commandLine, by: staff)
        try await fixture.answerAll(view, right: true, by: staff)
        _ = try await fixture.db.submitAttempt(view.id, by: staff)
        fixture.clock.advance(by: 7_200)
        let trainer = try await fixture.trainer()
        let item = try #require(try await fixture.db.markingQueue(by: trainer).first { $0.attemptId == view.id })
        try await fixture.db.markAnswer(attempt: item.attemptId, position: item.position, score: shortMark, by: trainer)
        _ = try await fixture.db.releaseResults(exam.id, by: try await fixture.countyAdmin())
        return (exam, view, item)
    }

    @Test("Given a certifying exam, when its results are released, then each pass gets a numbered certificate valid for the qualification's years")
    func releaseIssues() async throws {
        let fixture = try await Fixture.withExamBank()
        _ = try await released(fixture, passMark: 6, shortMark: 4)
        let mine = try await fixture.db.myCertificates(by: try await fixture.staffUser())
        #expect(mine.count == 1)
        let certificate = try #require(mine.first)
        let number = try #require(CertificateNumber(parsing: certificate.number))
        #expect(number.serial == 1 && number.text == certificate.number)
        #expect(certificate.status == .valid && certificate.holderName == "王五" && certificate.qualification == "服务中心（站）岗位练兵考核合格")
        #expect(certificate.expiresOn == CertificateValidity.expiry(issuedOn: certificate.issuedOn, years: 3))
        #expect(certificate.issuedOn == ChinaTime.civilDate(of: fixture.clock.now))
        // Only the one candidate who sat and passed: the others of the list were absent.
        #expect(try await fixture.db.count("certificate") == 1)
        #expect(try await fixture.db.auditEntries().contains { $0.action == "certificate.issue" && $0.subject == "证书 \(certificate.number)" })

        let verified = try #require(try await fixture.db.verifyCertificate(certificate.number.lowercased()))
        #expect(verified == VerifiedCertificate(
            number: certificate.number, maskedName: "王*", qualification: certificate.qualification, issuedOn: certificate.issuedOn,
            expiresOn: certificate.expiresOn, status: .valid))
        // A well-formed number nobody holds, and one with a typo.
        #expect(try await fixture.db.verifyCertificate(try CertificateNumber(year: number.year, serial: 999_999).text) == nil)
        var typo = Array(certificate.number)
        typo[8] = typo[8] == "9" ? "8" : "9"
        await expectError(.invalid) { _ = try await fixture.db.verifyCertificate(String(typo)) }
    }

    @Test("Given a certificate, when its expiry passes, then it reads as expired; renewing by passing again supersedes it; revoking the renewal restores it")
    func expiryRenewalAndRevocation() async throws {
        let fixture = try await Fixture.withExamBank()
        _ = try await released(fixture, passMark: 6, shortMark: 4, title: "第一次")
        let first = try #require(try await fixture.db.myCertificates(by: try await fixture.staffUser()).first)
        fixture.clock.advance(by: 86_400 * 30)
        _ = try await released(fixture, passMark: 6, shortMark: 4, title: "第二次")
        let mine = try await fixture.db.myCertificates(by: try await fixture.staffUser())
        #expect(mine.count == 2)
        let second = try #require(mine.first { $0.number != first.number })
        #expect(CertificateNumber(parsing: second.number)!.serial == CertificateNumber(parsing: first.number)!.serial + 1)
        #expect(second.status == .valid)
        #expect(try await fixture.db.verifyCertificate(first.number)?.status == .superseded)
        #expect(try await fixture.db.certificate(first.number, by: try await fixture.countyAdmin()).supersededBy == second.number)

        let admin = try await fixture.countyAdmin()
        await expectError(.invalid) { _ = try await fixture.db.revokeCertificate(second.number, reason: "  ", by: admin) }
        await expectError(.forbidden) { _ = try await fixture.db.revokeCertificate(second.number, reason: "冒名顶替", by: try await fixture.staffUser()) }
        let revoked = try await fixture.db.revokeCertificate(second.number, reason: "冒名顶替", by: admin)
        #expect(revoked.status == .revoked && revoked.revokedReason == "冒名顶替")
        await expectError(.conflict) { _ = try await fixture.db.revokeCertificate(second.number, reason: "再次", by: admin) }
        #expect(try await fixture.db.verifyCertificate(first.number)?.status == .valid)
        #expect(try await fixture.db.auditEntries().contains { $0.action == "certificate.revoke" && $0.detail.contains("冒名顶替") })

        // Three years on, the first one has expired and shows as such; the list of those expiring soon leaves it out.
        let today = ChinaTime.civilDate(of: fixture.clock.now).dayNumber
        fixture.clock.advance(by: Double(first.expiresOn.dayNumber - 30 - today) * 86_400)
        let soon = try await fixture.db.certificates(CertificateFilter(expiringWithinDays: 60), by: admin)
        #expect(soon.map(\.number) == [first.number])
        fixture.clock.advance(by: 60 * 86_400)
        #expect(try await fixture.db.verifyCertificate(first.number)?.status == .expired)
        #expect(try await fixture.db.certificates(CertificateFilter(expiringWithinDays: 60), by: admin).isEmpty)
        await expectError(.invalid) { _ = try await fixture.db.certificates(CertificateFilter(expiringWithinDays: 0), by: admin) }
        await expectError(.invalid) { _ = try await fixture.db.certificates(CertificateFilter(expiringWithinDays: Int.max), by: admin) }
    }

    @Test("Given released results, when a score review lifts a fail over the pass mark, then a certificate is issued; a regrade that drops it below revokes it")
    func scoreChangesFollowTheCertificate() async throws {
        let fixture = try await Fixture.withExamBank()
        // 8 + 1 = 9 of 12 under a pass mark of 10: no certificate.
        let (exam, view, item) = try await released(fixture, passMark: 10, shortMark: 1)
        #expect(try await fixture.db.count("certificate") == 0)
        let staff = try await fixture.staffUser()
        let trainer = try await fixture.trainer()
        let review = try await fixture.db.requestScoreReview(exam: exam.id, reason: "简答题要点都答到了", by: staff)
        try await fixture.db.markAnswer(attempt: item.attemptId, position: item.position, score: 2, review: review.id, by: trainer)
        let issued = try #require(try await fixture.db.myCertificates(by: staff).first)
        #expect(issued.status == .valid)

        // The true-or-false key was wrong: corrected and regraded, the candidate drops to 9 and fails again.
        let paper = try await fixture.db.reader.read { db in try AttemptRecord.fetchOne(db, key: view.id)!.decodedPaper() }
        let tf = try #require(paper.items.first { item in ExamBank.questions.first { $0.id == item.questionId }?.kind == .trueFalse })
        var corrected = ExamBank.questions.first { $0.id == tf.questionId }!
        corrected.answer = .trueFalse(false)
        _ = try await fixture.db.importQuestions(
            QuestionImport(questions: [LocatedQuestion(question: corrected, file: "fix.txt", line: 1)]), note: "更正", by: try await fixture.op())
        #expect(try await fixture.db.regrade(question: tf.questionId, by: try await fixture.provinceAdmin()) == 1)
        let after = try await fixture.db.certificate(issued.number, by: try await fixture.countyAdmin())
        #expect(after.status == .revoked)
        #expect(after.revokedReason?.hasPrefix("成绩变更后不合格") == true)
        #expect(try await fixture.db.verifyCertificate(issued.number)?.status == .revoked)
    }

    @Test("Given an exam naming a qualification, when its results are released, then the certificate is of that qualification and its validity")
    func theExamNamesTheQualification() async throws {
        let fixture = try await Fixture.withExamBank()
        let province = try await fixture.provinceAdmin()
        await expectError(.forbidden) { _ = try await fixture.db.addQualification(name: "接访员岗位资格", validityYears: 2, by: try await fixture.countyAdmin()) }
        await expectError(.invalid) { _ = try await fixture.db.addQualification(name: "退役军人事务员四级", validityYears: 2, by: province) }
        await expectError(.invalid) { _ = try await fixture.db.addQualification(name: "接访员岗位资格", validityYears: 11, by: province) }
        let added = try await fixture.db.addQualification(name: "接访员岗位资格", validityYears: 2, by: province)
        let national = try #require(try await fixture.db.qualifications().first { $0.kind == .national })

        var draft = ExamBank.draft(fixture.clock)
        draft.certifies = true
        draft.qualificationId = national.id
        await expectError(.invalid) { _ = try await fixture.db.createExam(draft, by: try await fixture.trainer()) }
        draft.qualificationId = added.id
        draft.passMark = 6
        let exam = try await fixture.publishedExam(draft)
        #expect(exam.qualificationId == added.id)
        let staff = try await fixture.staffUser()
        let view = try await fixture.db.startAttempt(exam: exam.id, client: .commandLine, by: staff)
        try await fixture.answerAll(view, right: true, by: staff)
        _ = try await fixture.db.submitAttempt(view.id, by: staff)
        fixture.clock.advance(by: 7_200)
        let trainer = try await fixture.trainer()
        let item = try #require(try await fixture.db.markingQueue(by: trainer).first { $0.attemptId == view.id })
        try await fixture.db.markAnswer(attempt: item.attemptId, position: item.position, score: 4, by: trainer)
        _ = try await fixture.db.releaseResults(exam.id, by: try await fixture.countyAdmin())
        let certificate = try #require(try await fixture.db.myCertificates(by: staff).first)
        #expect(certificate.qualification == "接访员岗位资格")
        #expect(certificate.expiresOn == CertificateValidity.expiry(issuedOn: certificate.issuedOn, years: 2))
    }

    @Test("Given certificates of one county, when another county's administrator looks, then they are not there")
    func scope() async throws {
        let fixture = try await Fixture.withExamBank()
        _ = try await released(fixture, passMark: 6, shortMark: 4)
        let number = try #require(try await fixture.db.myCertificates(by: try await fixture.staffUser()).first).number
        let other = try await fixture.otherCountyAdmin()
        #expect(try await fixture.db.certificates(CertificateFilter(), by: other).isEmpty)
        await expectError(.notFound) { _ = try await fixture.db.certificate(number, by: other) }
        await expectError(.notFound) { _ = try await fixture.db.revokeCertificate(number, reason: "越权", by: other) }
        await expectError(.forbidden) { _ = try await fixture.db.certificates(CertificateFilter(), by: try await fixture.trainer()) }
        #expect(try await fixture.db.certificates(CertificateFilter(), by: try await fixture.countyAdmin()).map(\.number) == [number])
        #expect(try await fixture.db.certificates(CertificateFilter(query: "王五"), by: try await fixture.provinceAdmin()).map(\.number) == [number])
        #expect(try await fixture.db.certificates(CertificateFilter(status: .revoked), by: try await fixture.provinceAdmin()).isEmpty)
    }
}
