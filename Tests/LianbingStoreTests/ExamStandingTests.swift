import Foundation
import GRDB
import LianbingCore
import Testing

@testable import LianbingStore

/// How results name a candidate who has no score (未开始, 作答中, 未交卷, 待阅卷, 缺考, 免考), withdrawing a 免考, and
/// what an exam closed early remembers.
@Suite("Exam standings")
struct ExamStandingTests {
    func outcome(_ number: String, _ fixture: Fixture, _ exam: Exam) async throws -> CandidateOutcome? {
        try await fixture.db.results(ofExam: exam.id, by: try await fixture.trainer()).first { $0.row.staffNumber == number }?.row.outcome
    }

    @Test("Given each stage of an attempt, then results name it, and only a submitted paper with unmarked answers waits for marking")
    func eachStandingHasItsLabel() async throws {
        let fixture = try await Fixture.withExamBank()
        let exam = try await fixture.publishedExam()
        let staff = try await fixture.staffUser()
        #expect(try await outcome("TH0003", fixture, exam) == .notStarted)
        let view = try await fixture.db.startAttempt(exam: exam.id, client: .commandLine, by: staff)
        try await fixture.answerAll(view, right: true, by: staff)
        #expect(try await outcome("TH0003", fixture, exam) == .inProgress)
        fixture.clock.advance(by: 1_800)
        #expect(try await outcome("TH0003", fixture, exam) == .unsubmitted)
        #expect(try await fixture.db.submitExpiredAttempts() == 1)
        #expect(try await outcome("TH0003", fixture, exam) == .pending)
        let queue = try await fixture.db.markingQueue(by: try await fixture.trainer())
        try await fixture.db.markAnswer(attempt: queue[0].attemptId, position: queue[0].position, score: 3, by: try await fixture.trainer())
        #expect(try await outcome("TH0003", fixture, exam) == .passed)
        #expect(try await outcome("TH0001", fixture, exam) == .notStarted)
        fixture.clock.advance(by: 7_200)
        #expect(try await outcome("TH0001", fixture, exam) == .absent)

        let labels = [CandidateOutcome.notStarted, .inProgress, .unsubmitted, .pending, .absent, .excused].map(\.label)
        #expect(labels == ["未开始", "作答中", "未交卷", "待阅卷", "缺考", "免考"])
        let ranked = ResultRanking.rank([.excused, .absent, .notStarted, .unsubmitted, .inProgress, .pending, .failed].enumerated().map {
            ResultRow(unitCode: "U", unitName: "单位", staffNumber: "S\($0.offset)", name: "考生", score: $0.element == .failed ? 1 : nil,
                      outcome: $0.element, timeUsedSeconds: nil)
        })
        #expect(ranked.map(\.row.outcome) == [.failed, .pending, .inProgress, .unsubmitted, .notStarted, .absent, .excused])
        #expect(ranked.map(\.rank) == [1, nil, nil, nil, nil, nil, nil])
    }

    @Test("Given results, then each line names the unit's path below the province, the post and, online, when it was submitted")
    func linesCarryUnitPathPostAndSubmission() async throws {
        let fixture = try await Fixture.withExamBank()
        let exam = try await fixture.publishedExam()
        let staff = try await fixture.staffUser()
        let view = try await fixture.db.startAttempt(exam: exam.id, client: .commandLine, by: staff)
        fixture.clock.advance(by: 600)
        _ = try await fixture.db.submitAttempt(view.id, by: staff)
        let rows = try await fixture.db.results(ofExam: exam.id, by: try await fixture.trainer()).map(\.row)
        let mine = try #require(rows.first { $0.staffNumber == "TH0003" })
        #expect(mine.unitTrail == [Tree.guangzhou, Tree.tianhe, Tree.shipai, Tree.huashi].map(\.name).joined(separator: " › "))
        #expect(mine.post == Roster.huashiInformant.post && mine.submittedAt == fixture.clock.now && mine.timeUsedSeconds == 600)
        #expect(rows.first { $0.staffNumber == "TH0001" }?.submittedAt == nil)
        let progress = try await fixture.db.progress(ofExam: exam.id, by: try await fixture.trainer())
        #expect(progress.first { $0.staffNumber == "TH0003" }?.unitTrail == mine.unitTrail)
    }

    @Test("Given a 免考 granted by mistake, then an administrator withdraws it and the candidate stands as before, logged")
    func withdrawingAnExcuse() async throws {
        let fixture = try await Fixture.withExamBank()
        let exam = try await fixture.publishedExam()
        let admin = try await fixture.countyAdmin()
        await expectError(.conflict) { try await fixture.db.withdrawExcuse(of: "TH0001", inExam: exam.id, by: admin) }
        try await fixture.db.excuseCandidate("TH0001", inExam: exam.id, reason: "误点", by: admin)
        #expect(try await outcome("TH0001", fixture, exam) == .excused)
        await expectError(.forbidden) { try await fixture.db.withdrawExcuse(of: "TH0001", inExam: exam.id, by: try await fixture.trainer()) }
        await expectError(.notFound) { try await fixture.db.withdrawExcuse(of: "TH0001", inExam: exam.id, by: try await fixture.otherCountyAdmin()) }
        try await fixture.db.withdrawExcuse(of: "TH0001", inExam: exam.id, by: admin)
        #expect(try await outcome("TH0001", fixture, exam) == .notStarted)
        // No longer excused, the candidate may start.
        _ = try await fixture.db.startAttempt(exam: exam.id, client: .commandLine, by: try await fixture.principal("th1"))
        #expect(try await fixture.db.auditEntries().contains { $0.action == "exam.excuse.withdraw" && $0.detail == "原免考原因：误点" })
        fixture.clock.advance(by: 7_200)
        _ = try await fixture.db.releaseResults(exam.id, by: admin)
        await expectError(.conflict) { try await fixture.db.withdrawExcuse(of: "TH0002", inExam: exam.id, by: admin) }
    }

    @Test("Given an exam closed early, then it keeps the close it was planned with; one closed after its window keeps none")
    func closingEarlyKeepsThePlannedClose() async throws {
        let fixture = try await Fixture.withExamBank()
        let admin = try await fixture.countyAdmin()
        let exam = try await fixture.publishedExam()
        fixture.clock.advance(by: 600)
        let closed = try await fixture.db.closeExam(exam.id, by: admin)
        #expect(closed.closesAt == fixture.clock.now && closed.plannedClosesAt == exam.closesAt && closed.phase == .closed)
        let late = try await fixture.publishedExam()
        fixture.clock.advance(by: 7_200)
        let after = try await fixture.db.closeExam(late.id, by: admin)
        #expect(after.closesAt == late.closesAt && after.plannedClosesAt == nil)
    }
}
