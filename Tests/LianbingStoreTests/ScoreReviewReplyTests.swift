import Foundation
import GRDB
import LianbingCore
import Testing

@testable import LianbingStore

/// A score review's reply records the score the server computed, confirmed against it; an answered review reopens
/// (audited) to be re-marked and answered again. Marks stay revisable until release, and only then.
@Suite("Score review replies and revising marks")
struct ScoreReviewReplyTests {
    /// TH0003 answers every objective question right (8 points); the short answer is marked 1: 9 of 12.
    private func submittedAndMarked() async throws -> (Fixture, Exam, AttemptView, MarkingItem) {
        let fixture = try await Fixture.withExamBank()
        let exam = try await fixture.publishedExam()
        let staff = try await fixture.staffUser()
        let view = try await fixture.db.startAttempt(exam: exam.id, client: .commandLine, by: staff)
        try await fixture.answerAll(view, right: true, by: staff)
        _ = try await fixture.db.submitAttempt(view.id, by: staff)
        fixture.clock.advance(by: 7_200)
        let item = try #require(try await fixture.db.markingQueue(by: try await fixture.trainer()).first)
        try await fixture.db.markAnswer(attempt: item.attemptId, position: item.position, score: 1, by: try await fixture.trainer())
        return (fixture, exam, view, item)
    }

    @Test("Given a review with nothing re-marked, then a reply confirming another score is refused and the reply records the score kept")
    func replyCannotClaimAChange() async throws {
        let (fixture, exam, _, _) = try await submittedAndMarked()
        _ = try await fixture.db.releaseResults(exam.id, by: try await fixture.countyAdmin())
        let trainer = try await fixture.trainer()
        let review = try await fixture.db.requestScoreReview(exam: exam.id, reason: "简答题给分偏低", by: try await fixture.staffUser())
        #expect(review.scoreBefore == 9 && review.scoreNow == 9)
        let refused = await expectError(.conflict) { try await fixture.db.answerScoreReview(review.id, reply: "经复核，改为 12 分", confirming: 12, by: trainer) }
        #expect(refused?.message.contains("现为 9 分") == true)
        await expectError(.invalid) { try await fixture.db.answerScoreReview(review.id, reply: "维持", confirming: .nan, by: trainer) }
        #expect(try await fixture.db.scoreReview(review.id, by: trainer).answeredAt == nil)
        let answered = try await fixture.db.answerScoreReview(review.id, reply: "经复核，维持原分", confirming: 9, by: trainer)
        #expect(answered.scoreBefore == 9 && answered.scoreAfter == 9 && answered.answeredAt != nil)
    }

    @Test("Given an answered review, when reopened, then it waits again (audited), can be re-marked and its new reply records the change")
    func reopenAndAnswerAgain() async throws {
        let (fixture, exam, view, item) = try await submittedAndMarked()
        _ = try await fixture.db.releaseResults(exam.id, by: try await fixture.countyAdmin())
        let trainer = try await fixture.trainer()
        let staff = try await fixture.staffUser()
        let review = try await fixture.db.requestScoreReview(exam: exam.id, reason: "简答题给分偏低", by: staff)
        await expectError(.conflict) { try await fixture.db.reopenScoreReview(review.id, by: trainer) }
        _ = try await fixture.db.answerScoreReview(review.id, reply: "经复核，维持原分", by: trainer)
        await expectError(.forbidden) { try await fixture.db.reopenScoreReview(review.id, by: staff) }
        await expectError(.notFound) { try await fixture.db.reopenScoreReview(review.id, by: try await fixture.otherCountyAdmin()) }

        let reopened = try await fixture.db.reopenScoreReview(review.id, by: trainer)
        #expect(reopened.answeredAt == nil && reopened.reply == nil && reopened.answeredBy == nil && reopened.scoreAfter == nil)
        #expect(reopened.scoreBefore == 9, "the score at the request stays the one compared with")
        let logged = try #require(try await fixture.db.auditEntries().last { $0.action == "exam.review.reopen" })
        #expect(logged.detail.contains("经复核，维持原分") && logged.actor == "trainer")

        try await fixture.db.markAnswer(attempt: item.attemptId, position: item.position, score: 4, review: review.id, by: trainer)
        #expect(try await fixture.db.scoreReview(review.id, by: trainer).scoreNow == 12)
        let answered = try await fixture.db.answerScoreReview(review.id, reply: "经复核，简答题加 3 分", confirming: 12, by: trainer)
        #expect(answered.scoreBefore == 9 && answered.scoreAfter == 12)
        #expect(try await fixture.db.attempt(view.id, by: staff).score == 12)
    }

    @Test("Given marks given before release, then they are listed newest first to revise, a revision moves the score; after release neither")
    func reviseBeforeReleaseOnly() async throws {
        let (fixture, exam, view, item) = try await submittedAndMarked()
        let trainer = try await fixture.trainer()
        #expect(try await fixture.db.markingQueue(by: trainer).isEmpty)
        let marked = try await fixture.db.markedAnswers(page: PageRequest(page: 1, perPage: 20), by: trainer)
        #expect(marked.total == 1 && marked.items.map(\.attemptId) == [item.attemptId] && marked.items[0].score == 1)
        // Marking is anonymous: the item names the answer sheet, and nothing in it names the candidate.
        let encoded = String(decoding: try JSONEncoder().encode(marked.items[0]), as: UTF8.self)
        #expect(!encoded.contains("TH0003") && !encoded.contains("staffNumber"))
        #expect(try await fixture.db.markedAnswers(page: PageRequest(page: 1, perPage: 20), by: try await fixture.otherCountyAdmin()).total == 0)

        try await fixture.db.markAnswer(attempt: item.attemptId, position: item.position, score: 3.5, comment: "补给要点分", by: trainer)
        #expect(try await fixture.db.reader.read { db in try AttemptRecord.fetchOne(db, key: view.id)!.score } == 11.5)
        #expect(try await fixture.db.scoreChanges(ofExam: exam.id, by: trainer).isEmpty, "before release a revision is just a mark")

        _ = try await fixture.db.releaseResults(exam.id, by: try await fixture.countyAdmin())
        #expect(try await fixture.db.markedAnswers(exam: exam.id, page: PageRequest(page: 1, perPage: 20), by: trainer).total == 0)
        await expectError(.conflict) { try await fixture.db.markAnswer(attempt: item.attemptId, position: item.position, score: 4, by: trainer) }
        #expect(try await fixture.db.attempt(view.id, by: try await fixture.staffUser()).score == 11.5)
    }
}
