import Foundation
import GRDB
import LianbingCore
import Testing

@testable import LianbingStore

/// After release a mark changes only within a score review or by regrading a corrected question, each change kept
/// per candidate with before and after, and a change across the pass mark shown to the administrator.
@Suite("Marks after release")
struct ReleasedMarksTests {
    /// TH0003 answers every objective question right (8 points) and the short answer is marked 1: 9 of 12, under
    /// the pass mark of 10; the results are released.
    private func releasedFail() async throws -> (Fixture, Exam, AttemptView, MarkingItem) {
        let fixture = try await Fixture.withExamBank()
        var draft = ExamBank.draft(fixture.clock)
        draft.passMark = 10
        let exam = try await fixture.publishedExam(draft)
        let staff = try await fixture.staffUser()
        let view = try await fixture.db.startAttempt(exam: exam.id, client: .commandLine, by: staff)
        try await fixture.answerAll(view, right: true, by: staff)
        _ = try await fixture.db.submitAttempt(view.id, by: staff)
        fixture.clock.advance(by: 7_200)
        let item = try #require(try await fixture.db.markingQueue(by: try await fixture.trainer()).first)
        try await fixture.db.markAnswer(attempt: item.attemptId, position: item.position, score: 1, by: try await fixture.trainer())
        _ = try await fixture.db.releaseResults(exam.id, by: try await fixture.countyAdmin())
        return (fixture, exam, view, item)
    }

    @Test("Given released results, when a trainer re-marks outside a score review, then it is refused and nothing changes")
    func reMarkingOutsideAReviewIsRefused() async throws {
        let (fixture, exam, view, item) = try await releasedFail()
        let trainer = try await fixture.trainer()
        await expectError(.conflict) { try await fixture.db.markAnswer(attempt: item.attemptId, position: item.position, score: 4, by: trainer) }
        await expectError(.conflict) {
            try await fixture.db.importPaperMarks(
                [PaperMarksRow(line: 2, staffNumber: "TH0001", form: "A", marks: [2, 3, 1, 2, 4])], file: "late.csv", intoExam: exam.id, by: trainer)
        }
        #expect(try await fixture.db.attempt(view.id, by: try await fixture.staffUser()).score == 9)
        #expect(try await fixture.db.scoreChanges(ofExam: exam.id, by: trainer).isEmpty)
    }

    @Test("Given a score review, when the answer is re-marked across the pass mark, then the change is kept and flagged; answered, it is closed")
    func reMarkingWithinAReview() async throws {
        let (fixture, exam, view, item) = try await releasedFail()
        let staff = try await fixture.staffUser()
        let trainer = try await fixture.trainer()
        let review = try await fixture.db.requestScoreReview(exam: exam.id, reason: "简答题要点都答到了", by: staff)
        let other = try await fixture.db.reader.read { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM attempt WHERE id != ? LIMIT 1", arguments: [view.id])
        }
        if let other {
            await expectError(.invalid) { try await fixture.db.markAnswer(attempt: other, position: 0, score: 1, review: review.id, by: trainer) }
        }
        try await fixture.db.markAnswer(attempt: item.attemptId, position: item.position, score: 4, review: review.id, by: trainer)
        #expect(try await fixture.db.attempt(view.id, by: staff).score == 12)
        let changes = try await fixture.db.scoreChanges(ofExam: exam.id, by: try await fixture.countyAdmin())
        #expect(changes.count == 1)
        #expect(changes[0].staffNumber == "TH0003" && changes[0].scoreBefore == 9 && changes[0].scoreAfter == 12)
        #expect(changes[0].passedBefore == false && changes[0].passedAfter == true && changes[0].changesOutcome)
        let logged = try await fixture.db.auditEntries().filter { $0.action == "exam.score.change" }
        #expect(logged.count == 1 && logged[0].detail.contains("9 → 12（不合格 → 合格）"))

        _ = try await fixture.db.answerScoreReview(review.id, reply: "经复核，加 3 分", by: trainer)
        await expectError(.conflict) {
            try await fixture.db.markAnswer(attempt: item.attemptId, position: item.position, score: 0, review: review.id, by: trainer)
        }
    }

    @Test("Given released results, when a corrected question is regraded, then each candidate's change is logged with before and after")
    func regradeAfterReleaseIsLoggedPerCandidate() async throws {
        let (fixture, exam, view, _) = try await releasedFail()
        let paper = try await fixture.db.reader.read { db in try AttemptRecord.fetchOne(db, key: view.id)!.decodedPaper() }
        let tf = try #require(paper.items.first { item in ExamBank.questions.first { $0.id == item.questionId }?.kind == .trueFalse })
        var corrected = ExamBank.questions.first { $0.id == tf.questionId }!
        corrected.answer = .trueFalse(false)
        _ = try await fixture.db.importQuestions(
            QuestionImport(questions: [LocatedQuestion(question: corrected, file: "fix.txt", line: 1)]), note: "更正", by: try await fixture.op())
        #expect(try await fixture.db.regrade(question: tf.questionId, by: try await fixture.provinceAdmin()) == 1)
        let changes = try await fixture.db.scoreChanges(ofExam: exam.id, by: try await fixture.provinceAdmin())
        #expect(changes.count == 1 && changes[0].scoreBefore == 9 && changes[0].scoreAfter == 8 && !changes[0].changesOutcome)
        #expect(changes[0].reason.contains(tf.questionId))
        #expect(try await fixture.db.auditEntries().contains { $0.action == "exam.score.change" && $0.subject == "考试 \(exam.id) 考生 TH0003" })
    }
}
