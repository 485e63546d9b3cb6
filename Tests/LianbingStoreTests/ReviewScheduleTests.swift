import Foundation
import GRDB
import LianbingCore
import Testing

@testable import LianbingStore

/// 今日复习: each wrong question's reviews scheduled by FSRS-5 on China dates, retired past 90 days, and wrong answers
/// of an assessment taken in only once its review policy shows the candidate the keys.
@Suite("Spaced review of wrong questions")
struct ReviewScheduleTests {
    private static let day: TimeInterval = 86_400

    private static func today(_ fixture: Fixture) -> CivilDate { ChinaTime.civilDate(of: fixture.clock.now) }

    /// Answers question `id` in a new self-test: one of the due reviews when `fromDue`, else one over all of 队伍建设.
    private static func answer(_ id: String, right: Bool, fromDue: Bool, _ fixture: Fixture, _ staff: Principal) async throws {
        let view = try await fixture.db.startSelfTest(fromDue ? .dueReviews(length: 100) : .knowledgePoints(["队伍建设"], length: 100), by: staff)
        let ids = try await fixture.db.reader.read { db in try AttemptRecord.fetchOne(db, key: view.id)!.decodedPaper().items.map(\.questionId) }
        let position = try #require(ids.firstIndex(of: id))
        _ = try await fixture.db.answerSelfTest(
            attempt: view.id, position: position, response: try await fixture.response(to: view.items[position], of: view, right: right), by: staff)
    }

    @Test("Given a wrong self-test answer, then the question is due each time on FSRS-5's date, retires past 90 days and returns when answered wrong again")
    func scheduleFollowsFSRS() async throws {
        let fixture = try await Fixture.withExamBank()
        let staff = try await fixture.staffUser()
        let id = "TRUEFALSE-1"
        let wrongOn = Self.today(fixture)
        try await Self.answer(id, right: false, fromDue: false, fixture, staff)

        var queue = try await fixture.db.reviewQueue(by: staff)
        #expect(queue.today == wrongOn && queue.dueCount == 0 && queue.due.isEmpty)
        #expect(queue.upcoming.map(\.questionId) == [id] && queue.upcoming[0].due == wrongOn.adding(days: 1))
        await expectError(.conflict) { try await fixture.db.startSelfTest(.dueReviews(length: 10), by: staff) }

        // The reference's againThenGoodOnTime: a first Again (1 day), then Good on each due date: 2, 6, 15, 36, 82, 177.
        let intervals = [1, 2, 6, 15, 36, 82]
        for (index, interval) in intervals.enumerated() {
            fixture.clock.advance(by: Double(interval) * Self.day)
            queue = try await fixture.db.reviewQueue(by: staff)
            #expect(queue.dueCount == 1 && queue.due.map(\.questionId) == [id] && queue.due[0].due == Self.today(fixture), "review \(index + 2)")
            try await Self.answer(id, right: true, fromDue: true, fixture, staff)
            queue = try await fixture.db.reviewQueue(by: staff)
            #expect(queue.dueCount == 0)
            if index + 1 < intervals.count {
                #expect(queue.upcoming.first?.due == Self.today(fixture).adding(days: intervals[index + 1]), "review \(index + 2)")
                #expect(queue.upcoming.first?.reps == index + 2 && queue.upcoming.first?.lapses == 0)
            } else {
                #expect(queue.upcoming.isEmpty, "the next interval, 177 days, retires the question")
            }
        }
        // The streak rule took it out of the book long ago; review kept it until it was learnt.
        #expect(try await fixture.db.wrongBook(by: staff).isEmpty)

        fixture.clock.advance(by: 30 * Self.day)
        try await Self.answer(id, right: false, fromDue: false, fixture, staff)
        queue = try await fixture.db.reviewQueue(by: staff)
        let back = try #require(queue.upcoming.first)
        #expect(back.questionId == id && back.reps == 8 && back.lapses == 1)
        // From S = 177.2, D = 7.087 an Again 30 days on (R = 0.981) gives the post-lapse S = 5.94 (py-fsrs agrees): 6 days.
        #expect(back.due == Self.today(fixture).adding(days: 6))
    }

    @Test("Given right answers only, then no card exists; given a wrong one, then a right one the same day keeps it due tomorrow")
    func cardsOnlyForWrongQuestions() async throws {
        let fixture = try await Fixture.withExamBank()
        let staff = try await fixture.staffUser()
        try await Self.answer("SINGLE-1", right: true, fromDue: false, fixture, staff)
        #expect(try await fixture.db.reviewQueue(by: staff).upcoming.isEmpty)
        try await Self.answer("SINGLE-1", right: false, fromDue: false, fixture, staff)
        try await Self.answer("SINGLE-1", right: true, fromDue: false, fixture, staff)
        // Same day: S = 0.40255 · e^(w17·w18) = 0.40255 · 1.4072 = 0.5665, still a 1-day interval.
        let card = try #require(try await fixture.db.reviewQueue(by: staff).upcoming.first)
        #expect(card.due == Self.today(fixture).adding(days: 1) && card.reps == 2)
    }

    @Test("Given due questions, when one is in the pool of an assessment still open, then the review leaves it out until the window ends")
    func reviewLeavesOutHeldBackQuestions() async throws {
        let fixture = try await Fixture.withExamBank()
        let staff = try await fixture.staffUser()
        for id in ["TRUEFALSE-1", "PRACTICE-ONLY"] { try await Self.answer(id, right: false, fromDue: false, fixture, staff) }
        fixture.clock.advance(by: Self.day)
        _ = try await fixture.publishedExam()
        #expect(try await fixture.db.reviewQueue(by: staff).dueCount == 2)
        let during = try await fixture.db.startSelfTest(.dueReviews(length: 100), by: staff)
        #expect(during.items.map(\.stem) == [ExamBank.questions.first { $0.id == "PRACTICE-ONLY" }!.stem])
        fixture.clock.advance(by: 7_200)
        #expect(try await fixture.db.startSelfTest(.dueReviews(length: 100), by: staff).items.count == 2)
        #expect(try await fixture.db.startSelfTest(.dueReviews(length: 1), by: staff).items.count == 1)
    }

    /// The objective questions of the candidate's paper that a review may ask (never exam-only ones).
    private static func reviewable(_ view: AttemptView, _ fixture: Fixture) async throws -> Set<String> {
        let paper = try await fixture.db.reader.read { db in try AttemptRecord.fetchOne(db, key: view.id)!.decodedPaper() }
        return Set(paper.items.map(\.questionId).filter { id in
            let question = ExamBank.questions.first { $0.id == id }!
            return question.kind.isAutoMarked && question.usage != .exam
        })
    }

    /// TH0003 sits the exam, answers every question wrong and submits; the short answer is left blank (scored 0).
    private static func wrongAssessment(_ policy: ReviewPolicy, _ fixture: Fixture) async throws -> (Exam, Set<String>) {
        let exam = try await fixture.publishedExam(ExamBank.draft(fixture.clock, review: policy))
        let staff = try await fixture.staffUser()
        let view = try await fixture.db.startAttempt(exam: exam.id, client: .commandLine, by: staff)
        try await fixture.answerAll(view, right: false, by: staff)
        _ = try await fixture.db.saveAnswer(attempt: view.id, position: view.items.first { $0.kind == .shortAnswer }!.position, response: nil, by: staff)
        _ = try await fixture.db.submitAttempt(view.id, by: staff)
        return (exam, try await reviewable(view, fixture))
    }

    @Test("Given keys shown after release, then an assessment's wrong answers join the review only when the results are released")
    func assessmentJoinsAtRelease() async throws {
        let fixture = try await Fixture.withExamBank()
        let staff = try await fixture.staffUser()
        let submittedOn = Self.today(fixture)
        let (exam, wrong) = try await Self.wrongAssessment(ReviewPolicy(content: .keys, timing: .afterRelease), fixture)
        #expect(wrong.count >= 3)
        fixture.clock.advance(by: 7_200 + 60)
        #expect(try await fixture.db.reviewQueue(by: staff).upcoming.isEmpty, "closed, not released: the keys are not shown yet")

        _ = try await fixture.db.releaseResults(exam.id, by: try await fixture.countyAdmin())
        let queue = try await fixture.db.reviewQueue(by: staff)
        #expect(Set(queue.upcoming.map(\.questionId)) == wrong)
        // The wrong answer was given at submission: due the next China day.
        #expect(queue.upcoming.allSatisfy { $0.due == submittedOn.adding(days: 1) && $0.reps == 1 })
        #expect(Set(try await fixture.db.wrongBook(by: staff).map(\.questionId)) == wrong, "the book takes them in too")
        // Taken in once: reading again changes nothing.
        #expect(try await fixture.db.reviewQueue(by: staff) == queue)
        fixture.clock.advance(by: Self.day)
        #expect(try await fixture.db.reviewQueue(by: staff).dueCount == wrong.count)
    }

    @Test("Given keys shown after close, then the wrong answers join once the last window ends; given a policy that shows no keys, never")
    func assessmentJoinsAfterCloseOrNever() async throws {
        let fixture = try await Fixture.withExamBank()
        let staff = try await fixture.staffUser()
        let (_, wrong) = try await Self.wrongAssessment(ReviewPolicy(content: .keys, timing: .afterClose), fixture)
        #expect(try await fixture.db.reviewQueue(by: staff).upcoming.isEmpty, "the window is still open")
        fixture.clock.advance(by: 7_200 + 60)
        #expect(Set(try await fixture.db.reviewQueue(by: staff).upcoming.map(\.questionId)) == wrong)

        let other = try await Fixture.withExamBank()
        let otherStaff = try await other.staffUser()
        let (exam, _) = try await Self.wrongAssessment(ReviewPolicy(content: .answers, timing: .immediately), other)
        other.clock.advance(by: 7_200 + 60)
        _ = try await other.db.releaseResults(exam.id, by: try await other.countyAdmin())
        #expect(try await other.db.reviewQueue(by: otherStaff).upcoming.isEmpty)
    }
}
