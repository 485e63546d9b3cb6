import Foundation
import GRDB
import LianbingCore
import Testing

@testable import LianbingStore

/// Keys and explanations of a centralised assessment reach a candidate only once the last personal window has ended,
/// by every door: the paper's review, self-tests, and reopened windows.
@Suite("Keys by every door")
struct KeyReleaseTests {
    private func drawnIds(_ view: AttemptView, _ fixture: Fixture) async throws -> Set<String> {
        try await fixture.db.reader.read { db in Set(try AttemptRecord.fetchOne(db, key: view.id)!.decodedPaper().items.map(\.questionId)) }
    }

    /// The questions the exam's blueprint could put on any candidate's paper.
    private let examPool = Set(ExamBank.questions.filter { $0.usage != .practice }.map(\.id))

    @Test("Given a published exam, then none of its pool is practised by any candidate until the last window ends, extensions included")
    func selfTestsLeaveOutAnOpenExamsPool() async throws {
        let fixture = try await Fixture.withExamBank()
        let exam = try await fixture.publishedExam()
        let staff = try await fixture.staffUser()
        // TH0003 has not started, TH0001 gets a personal window an hour past the exam's.
        try await fixture.db.overrideCandidate(
            "TH0001", inExam: exam.id, extraMinutes: nil, closesAt: exam.closesAt.addingTimeInterval(3_600), by: try await fixture.countyAdmin())
        let during = try await drawnIds(try await fixture.db.startSelfTest(.knowledgePoints([], length: 100), by: staff), fixture)
        #expect(during == ["PRACTICE-ONLY"])
        #expect(try await fixture.db.practicePoints(by: staff).first { $0.knowledgePoint == "队伍建设" }?.questions == 1)

        fixture.clock.advance(by: 7_200 + 60)
        let extension_ = try await drawnIds(try await fixture.db.startSelfTest(.knowledgePoints([], length: 100), by: staff), fixture)
        #expect(extension_.isDisjoint(with: examPool), "TH0001 is still writing")

        fixture.clock.advance(by: 3_600)
        let after = try await drawnIds(try await fixture.db.startSelfTest(.knowledgePoints([], length: 100), by: staff), fixture)
        #expect(after.isSuperset(of: examPool.subtracting(["EXAM-ONLY"])))
    }

    @Test("Given a trainer who also sits the exam, then the bank hides its pool from them until the last window ends")
    func bankHidesThePoolFromATrainerWhoSitsTheExam() async throws {
        let fixture = try await Fixture.withExamBank()
        let trainer = try await fixture.trainer()
        let sitting = Principal(kind: .account(id: 0, username: "sitting", role: .trainer, staffNumber: "TH0003"), scope: trainer.scope)
        _ = try await fixture.publishedExam()
        let listed = try await fixture.db.questions(QuestionFilter(), for: sitting).items.map(\.question.id)
        #expect(Set(listed).isDisjoint(with: examPool) && listed.contains("PRACTICE-ONLY"))
        await expectError(.conflict) { try await fixture.db.question("EXAM-ONLY", for: sitting) }
        #expect(try await fixture.db.questions(QuestionFilter(), for: trainer).items.count == ExamBank.questions.count)
        fixture.clock.advance(by: 7_200)
        #expect(try await fixture.db.question("EXAM-ONLY", for: sitting).listing.question.id == "EXAM-ONLY")
    }

    @Test("Given a self-test begun before publication, when a question of the new exam's pool is answered, then no key is shown")
    func selfTestBegunBeforePublication() async throws {
        let fixture = try await Fixture.withExamBank()
        let staff = try await fixture.staffUser()
        let view = try await fixture.db.startSelfTest(.knowledgePoints([], length: 100), by: staff)
        _ = try await fixture.publishedExam()
        let paper = try await fixture.db.reader.read { db in try AttemptRecord.fetchOne(db, key: view.id)!.decodedPaper() }
        let held = try #require(paper.items.firstIndex { examPool.contains($0.questionId) })
        await expectError(.conflict) {
            try await fixture.db.answerSelfTest(attempt: view.id, position: held, response: .trueFalse(true), by: staff)
        }
    }

    @Test("Given keys shown after close, when another candidate has a later personal window, then nothing shows until that window ends")
    func afterCloseWaitsForTheLastWindow() async throws {
        let fixture = try await Fixture.withExamBank()
        let exam = try await fixture.publishedExam(ExamBank.draft(fixture.clock, review: ReviewPolicy(content: .keys, timing: .afterClose)))
        let staff = try await fixture.staffUser()
        try await fixture.db.overrideCandidate(
            "TH0001", inExam: exam.id, extraMinutes: nil, closesAt: exam.closesAt.addingTimeInterval(1_800), by: try await fixture.countyAdmin())
        let view = try await fixture.db.startAttempt(exam: exam.id, client: .commandLine, by: staff)
        try await fixture.answerAll(view, right: true, by: staff)
        _ = try await fixture.db.saveAnswer(attempt: view.id, position: view.items.first { $0.kind == .shortAnswer }!.position, response: nil, by: staff)
        _ = try await fixture.db.submitAttempt(view.id, by: staff)

        fixture.clock.advance(by: 7_200 + 60)
        let closed = try await fixture.db.attempt(view.id, by: staff)
        #expect(closed.review == nil && closed.items.allSatisfy { $0.feedback == nil })
        #expect(try await fixture.db.exam(exam.id, by: try await fixture.trainer()).keysShown == false)

        fixture.clock.advance(by: 1_800)
        let ended = try await fixture.db.attempt(view.id, by: staff)
        #expect(ended.review == .keys && ended.items.allSatisfy { $0.feedback != nil })
        #expect(try await fixture.db.myExams(by: staff)[0].score == 8)
    }

    @Test("Given keys shown immediately, then the score shows at once and the keys only after the last window")
    func immediatelyShowsScoreThenKeys() async throws {
        let fixture = try await Fixture.withExamBank()
        let exam = try await fixture.publishedExam(ExamBank.draft(fixture.clock, review: ReviewPolicy(content: .keys, timing: .immediately)))
        let staff = try await fixture.staffUser()
        let view = try await fixture.db.startAttempt(exam: exam.id, client: .commandLine, by: staff)
        try await fixture.answerAll(view, right: true, by: staff)
        _ = try await fixture.db.saveAnswer(attempt: view.id, position: view.items.first { $0.kind == .shortAnswer }!.position, response: nil, by: staff)
        let submitted = try await fixture.db.submitAttempt(view.id, by: staff)
        #expect(submitted.score == 8 && submitted.review == .answers && submitted.items.allSatisfy { $0.feedback == nil })
        fixture.clock.advance(by: 7_200)
        #expect(try await fixture.db.attempt(view.id, by: staff).review == .keys)
    }

    @Test("Given keys already shown, when a window is opened again, then the administrator must confirm it and the log says so")
    func reopeningAfterKeysNeedsConfirmation() async throws {
        let fixture = try await Fixture.withExamBank()
        let exam = try await fixture.publishedExam(ExamBank.draft(fixture.clock, review: ReviewPolicy(content: .keys, timing: .afterClose)))
        let staff = try await fixture.staffUser()
        let admin = try await fixture.countyAdmin()
        let view = try await fixture.db.startAttempt(exam: exam.id, client: .commandLine, by: staff)
        _ = try await fixture.db.submitAttempt(view.id, by: staff)
        // Before the keys are out, reopening needs nothing more.
        try await fixture.db.reopenAttempt(of: "TH0003", inExam: exam.id, minutes: 5, by: admin)
        _ = try await fixture.db.submitAttempt(view.id, by: staff)

        fixture.clock.advance(by: 7_200 + 60)
        #expect(try await fixture.db.exam(exam.id, by: admin).keysShown)
        await expectError(.conflict) { try await fixture.db.reopenAttempt(of: "TH0003", inExam: exam.id, minutes: 10, by: admin) }
        await expectError(.conflict) {
            try await fixture.db.overrideCandidate(
                "TH0001", inExam: exam.id, extraMinutes: nil, closesAt: fixture.clock.now.addingTimeInterval(600), by: admin)
        }
        try await fixture.db.reopenAttempt(of: "TH0003", inExam: exam.id, minutes: 10, confirmKeysShown: true, by: admin)
        let entry = try #require(try await fixture.db.auditEntries().last)
        #expect(entry.action == "exam.reopen" && entry.detail.contains("答案已公开后经确认"))
        #expect(try await fixture.db.attempt(view.id, by: staff).state == .inProgress)
    }

    @Test("Given an exam whose keys were shown, when the next is published, then it reports the reused questions or leaves them out")
    func publicationReportsRevealedQuestions() async throws {
        let fixture = try await Fixture.withExamBank()
        let first = try await fixture.publishedExam(ExamBank.draft(fixture.clock, review: ReviewPolicy(content: .keys, timing: .afterClose)))
        let staff = try await fixture.staffUser()
        let view = try await fixture.db.startAttempt(exam: first.id, client: .commandLine, by: staff)
        _ = try await fixture.db.submitAttempt(view.id, by: staff)
        let revealed = try await drawnIds(view, fixture)
        #expect(try await fixture.db.exam(first.id, by: try await fixture.trainer()).revealedOnPapers == 0)

        fixture.clock.advance(by: 7_200 + 60)
        let reusing = try await fixture.publishedExam()
        let papers = try await fixture.db.papers(ofExam: reusing.id, by: try await fixture.trainer())
        let used = Set(papers.flatMap { $0.paper.items.map(\.questionId) })
        #expect(reusing.revealedOnPapers == used.intersection(revealed).count && reusing.revealedOnPapers! > 0)
        #expect(reusing.withheldCount == 0)

        var excluding = ExamBank.draft(fixture.clock)
        excluding.blueprint.excludesRevealed = true
        let clean = try await fixture.publishedExam(excluding)
        #expect(clean.revealedOnPapers == 0 && clean.withheldCount == revealed.count)
        let cleanPapers = try await fixture.db.papers(ofExam: clean.id, by: try await fixture.trainer())
        #expect(cleanPapers.allSatisfy { $0.paper.items.allSatisfy { !revealed.contains($0.questionId) } })
        #expect(try await fixture.db.regeneratedPapers(ofExam: clean.id, by: try await fixture.trainer()) == cleanPapers.map(\.paper))
    }
}
