import Foundation
import GRDB
import LianbingCore
import Testing

@testable import LianbingStore

@Suite("Centralised assessments: create, publish, take, close, release")
struct ExamLifecycleTests {
    @Test("Given a blueprint the bank cannot meet, when the exam is created, then every failing cell is named and nothing is stored")
    func infeasibleBlueprintIsRefused() async throws {
        let fixture = try await Fixture.withExamBank()
        var blueprint = ExamBank.blueprint
        blueprint.cells[0].count = 5
        blueprint.cells[1].count = 4
        blueprint.totalPoints = 5 * 2 + 4 * 3 + 1 + 2 + 4
        let before = try await fixture.db.count("exam")
        let error = await expectError(.invalid) { try await fixture.db.createExam(ExamBank.draft(fixture.clock, blueprint: blueprint), by: try await fixture.trainer()) }
        let message = error?.message ?? ""
        #expect(message.contains("知识点 队伍建设 · 单选 · 难度 1–5") && message.contains("知识点 队伍建设 · 多选 · 难度 1–5"))
        #expect(try await fixture.db.count("exam") == before)
        #expect(try await fixture.db.count("examCandidate") == 0)
    }

    @Test("Given a draft, when published, then the active staff of the subtree are frozen with stored papers that regenerate identically")
    func publishFreezesCandidatesAndPapers() async throws {
        let fixture = try await Fixture.withExamBank()
        let exam = try await fixture.publishedExam()
        #expect(exam.status == .published && exam.candidateCount == 3 && exam.bankRevision == 1)
        let stored = try await fixture.db.papers(ofExam: exam.id, by: try await fixture.trainer())
        #expect(stored.map(\.staffNumber) == ["TH0001", "TH0002", "TH0003"])
        let regenerated = try await fixture.db.regeneratedPapers(ofExam: exam.id, by: try await fixture.trainer())
        #expect(regenerated == stored.map(\.paper))
        for paper in regenerated { #expect(paper.items.count == 5 && paper.maxScore == 12) }
        await expectError(.conflict) { try await fixture.db.publishExam(exam.id, by: try await fixture.trainer()) }
    }

    @Test("Given an administrator of another county, then the exam does not exist for them")
    func outOfScopeExamIsMissing() async throws {
        let fixture = try await Fixture.withExamBank()
        let exam = try await fixture.publishedExam()
        let other = try await fixture.otherCountyAdmin()
        await expectError(.notFound) { try await fixture.db.exam(exam.id, by: other) }
        await expectError(.notFound) { try await fixture.db.results(ofExam: exam.id, by: other) }
        await expectError(.notFound) { try await fixture.db.closeExam(exam.id, by: other) }
        #expect(try await fixture.db.exams(by: other).isEmpty)
        await expectError(.forbidden) { try await fixture.db.exams(by: try await fixture.staffUser()) }
    }

    @Test("Given an attempt in progress, then no view carries a key, an explanation or a score")
    func inProgressViewsHideKeys() async throws {
        let fixture = try await Fixture.withExamBank()
        let exam = try await fixture.publishedExam()
        let staff = try await fixture.staffUser()
        let view = try await fixture.db.startAttempt(exam: exam.id, client: .commandLine, by: staff)
        try await fixture.answerAll(view, right: true, by: staff)
        let again = try await fixture.db.attempt(view.id, by: staff)
        for current in [view, again] {
            #expect(current.score == nil && current.review == nil)
            #expect(current.items.allSatisfy { $0.feedback == nil && $0.score == nil })
            let json = String(decoding: try JSONEncoder().encode(current), as: UTF8.self)
            #expect(!json.contains("解析") && !json.contains("每半年至少一次。"))
        }
        #expect(again.items.allSatisfy { $0.response != nil })
    }

    @Test("Given a saved answer, when saved again, then nothing changes; another person's attempt is missing")
    func savingIsIdempotentAndPrivate() async throws {
        let fixture = try await Fixture.withExamBank()
        let exam = try await fixture.publishedExam()
        let staff = try await fixture.staffUser()
        let view = try await fixture.db.startAttempt(exam: exam.id, client: .commandLine, by: staff)
        let tf = view.items.first { $0.kind == .trueFalse }!
        _ = try await fixture.db.saveAnswer(attempt: view.id, position: tf.position, response: .trueFalse(true), by: staff)
        let before = try await fixture.db.snapshot("attemptAnswer")
        _ = try await fixture.db.saveAnswer(attempt: view.id, position: tf.position, response: .trueFalse(true), by: staff)
        #expect(try await fixture.db.snapshot("attemptAnswer") == before)
        let other = try await fixture.principal("th1")
        await expectError(.notFound) { try await fixture.db.saveAnswer(attempt: view.id, position: tf.position, response: .trueFalse(false), by: other) }
        await expectError(.notFound) { try await fixture.db.attempt(view.id, by: other) }
        await expectError(.invalid) { try await fixture.db.saveAnswer(attempt: view.id, position: tf.position, response: .text("对"), by: staff) }
    }

    @Test("Given a resumed attempt, then the deadline is unchanged and the resume is recorded with address and agent")
    func resumeKeepsDeadline() async throws {
        let fixture = try await Fixture.withExamBank()
        let exam = try await fixture.publishedExam()
        let staff = try await fixture.staffUser()
        let first = try await fixture.db.startAttempt(exam: exam.id, client: ClientInfo(address: "10.0.0.1", userAgent: "手机"), by: staff)
        #expect(first.deadline == fixture.clock.now.addingTimeInterval(1_800))
        fixture.clock.advance(by: 600)
        let second = try await fixture.db.startAttempt(exam: exam.id, client: ClientInfo(address: "10.0.0.2", userAgent: "电脑"), by: staff)
        #expect(second.id == first.id && second.deadline == first.deadline)
        #expect(second.deadline!.timeIntervalSince(second.serverTime) == 1_200)
        let visits = try await fixture.db.reader.read { db in
            try Row.fetchAll(db, sql: "SELECT kind, address, userAgent FROM attemptVisit ORDER BY id").map { "\($0["kind"] as String) \($0["address"] as String) \($0["userAgent"] as String)" }
        }
        #expect(visits == ["start 10.0.0.1 手机", "resume 10.0.0.2 电脑"])
    }

    @Test("Given the deadline has passed, then a late answer is refused and the attempt is auto-submitted and graded")
    func lateAnswerIsRefused() async throws {
        let fixture = try await Fixture.withExamBank()
        let exam = try await fixture.publishedExam()
        let staff = try await fixture.staffUser()
        let view = try await fixture.db.startAttempt(exam: exam.id, client: .commandLine, by: staff)
        let single = view.items.first { $0.kind == .singleChoice }!
        _ = try await fixture.db.saveAnswer(attempt: view.id, position: single.position, response: try await fixture.response(to: single, of: view, right: true), by: staff)
        fixture.clock.advance(by: 1_800)
        let tf = view.items.first { $0.kind == .trueFalse }!
        let error = await expectError(.conflict) { try await fixture.db.saveAnswer(attempt: view.id, position: tf.position, response: .trueFalse(true), by: staff) }
        #expect(error?.message.contains("已超过作答时间") == true)
        let record = try await fixture.db.reader.read { db in try AttemptRecord.fetchOne(db, key: view.id)! }
        #expect(record.attemptState == .autoSubmitted && record.submittedAt == view.deadline)
        #expect(record.pendingCount == 0 && record.score == 2)
    }

    @Test("Given several candidates running out together, then the sweep submits them all, a batch at a time, with their marks")
    func sweepInBatches() async throws {
        let fixture = try await Fixture.withExamBank()
        let exam = try await fixture.publishedExam()
        var views: [AttemptView] = []
        for username in ["staff", "th1", "th2"] {
            let principal = try await fixture.principal(username)
            let view = try await fixture.db.startAttempt(exam: exam.id, client: .commandLine, by: principal)
            try await fixture.answerAll(view, right: username != "th2", by: principal)
            views.append(view)
        }
        fixture.clock.advance(by: 1_800)
        #expect(try await fixture.db.submitExpiredAttempts(batch: 2) == 3)
        #expect(try await fixture.db.submitExpiredAttempts(batch: 2) == 0)
        let ids = views.map(\.id)
        let records = try await fixture.db.reader.read { db in try ids.map { try AttemptRecord.fetchOne(db, key: $0)! } }
        #expect(records.allSatisfy { $0.attemptState == .autoSubmitted && $0.submittedAt == $0.deadline && $0.pendingCount == 1 })
        let marked = try await fixture.db.reader.read { db in
            try ids.map { try Double.fetchOne(db, sql: "SELECT SUM(score) FROM attemptAnswer WHERE attemptId = ?", arguments: [$0]) }
        }
        #expect(marked == [8, 8, 0], "right answers earn the 8 objective points, wrong ones nothing")
    }

    @Test("Given an attempt past its deadline, then reading it submits it; reading one in time changes nothing")
    func readingSubmitsOnlyExpiredAttempts() async throws {
        let fixture = try await Fixture.withExamBank()
        let exam = try await fixture.publishedExam()
        let staff = try await fixture.staffUser()
        let view = try await fixture.db.startAttempt(exam: exam.id, client: .commandLine, by: staff)
        try await fixture.answerAll(view, right: true, by: staff)
        #expect(try await fixture.db.attempt(view.id, by: staff).state == .inProgress)
        let marked = try await fixture.db.reader.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM attemptAnswer WHERE attemptId = ? AND score IS NOT NULL", arguments: [view.id])
        }
        #expect(marked == 0)
        fixture.clock.advance(by: 1_800)
        let read = try await fixture.db.attempt(view.id, by: staff)
        #expect(read.state == .autoSubmitted && read.submittedAt == view.deadline)
        let score = try await fixture.db.reader.read { db in try AttemptRecord.fetchOne(db, key: view.id)!.pendingCount }
        #expect(score == 1)
    }

    @Test("Given a browser that never returns, when the sweep runs, then the attempt is auto-submitted; a never-started candidate is absent at close")
    func sweepAndAbsence() async throws {
        let fixture = try await Fixture.withExamBank()
        let exam = try await fixture.publishedExam()
        let staff = try await fixture.staffUser()
        let view = try await fixture.db.startAttempt(exam: exam.id, client: .commandLine, by: staff)
        try await fixture.answerAll(view, right: true, by: staff)
        fixture.clock.advance(by: 1_799)
        #expect(try await fixture.db.submitExpiredAttempts() == 0)
        fixture.clock.advance(by: 1)
        #expect(try await fixture.db.submitExpiredAttempts() == 1)
        let results = try await fixture.db.results(ofExam: exam.id, by: try await fixture.trainer())
        #expect(results.first { $0.row.staffNumber == "TH0003" }?.row.outcome == .pending)  // short answer unmarked
        #expect(results.first { $0.row.staffNumber == "TH0001" }?.row.outcome == .notStarted)  // window still open
        fixture.clock.advance(by: 7_200)
        let closed = try await fixture.db.results(ofExam: exam.id, by: try await fixture.trainer())
        #expect(closed.filter { $0.row.outcome == .absent }.map(\.row.staffNumber).sorted() == ["TH0001", "TH0002"])
        await expectError(.conflict) { try await fixture.db.startAttempt(exam: exam.id, client: .commandLine, by: try await fixture.principal("th1")) }
    }

    @Test("Given a short answer, then results wait for marking; marked and released, the candidate sees keys as the policy allows")
    func markingReleaseAndReview() async throws {
        let fixture = try await Fixture.withExamBank()
        let exam = try await fixture.publishedExam()
        let staff = try await fixture.staffUser()
        let trainer = try await fixture.trainer()
        let admin = try await fixture.countyAdmin()
        let view = try await fixture.db.startAttempt(exam: exam.id, client: .commandLine, by: staff)
        try await fixture.answerAll(view, right: true, by: staff)
        let submitted = try await fixture.db.submitAttempt(view.id, by: staff)
        #expect(submitted.state == .submitted && submitted.score == nil && submitted.items.allSatisfy { $0.feedback == nil })

        fixture.clock.advance(by: 7_200)
        await expectError(.conflict) { try await fixture.db.releaseResults(exam.id, by: admin) }
        let queue = try await fixture.db.markingQueue(by: trainer)
        #expect(queue.count == 1 && queue[0].reference == "每半年至少一次。" && queue[0].response == "每半年至少组织一次")
        await expectError(.invalid) { try await fixture.db.markAnswer(attempt: queue[0].attemptId, position: queue[0].position, score: 5, by: trainer) }
        try await fixture.db.markAnswer(attempt: queue[0].attemptId, position: queue[0].position, score: 3, by: trainer)
        #expect(try await fixture.db.markingQueue(by: trainer).isEmpty)

        let beforeRelease = try await fixture.db.attempt(view.id, by: staff)
        #expect(beforeRelease.score == nil && beforeRelease.items.allSatisfy { $0.feedback == nil })
        let released = try await fixture.db.releaseResults(exam.id, by: admin)
        #expect(released.status == .released)
        let after = try await fixture.db.attempt(view.id, by: staff)
        #expect(after.score == 11 && after.outcome == .passed && after.review == .keys)
        #expect(after.items.allSatisfy { $0.feedback != nil })
        let results = try await fixture.db.results(ofExam: exam.id, by: trainer)
        #expect(results[0].row.staffNumber == "TH0003" && results[0].rank == 1 && results[0].row.score == 11)
        let measured = try await fixture.db.count("questionMeasure")
        #expect(measured == 5)
    }

    @Test("Given a score-only policy, then after release the candidate sees the score but no answers or keys")
    func scoreOnlyPolicy() async throws {
        let fixture = try await Fixture.withExamBank()
        let exam = try await fixture.publishedExam(ExamBank.draft(fixture.clock, review: ReviewPolicy(content: .score, timing: .immediately)))
        let staff = try await fixture.staffUser()
        let view = try await fixture.db.startAttempt(exam: exam.id, client: .commandLine, by: staff)
        try await fixture.answerAll(view, right: true, by: staff)
        _ = try await fixture.db.saveAnswer(attempt: view.id, position: view.items.first { $0.kind == .shortAnswer }!.position, response: nil, by: staff)
        let submitted = try await fixture.db.submitAttempt(view.id, by: staff)
        #expect(submitted.score == 8 && submitted.review == .score)
        #expect(submitted.items.allSatisfy { $0.response == nil && $0.feedback == nil && $0.score == nil })
    }

    @Test("Given partial credit for 多选, then a subset of the right options earns the share and a wrong option nothing")
    func partialCredit() async throws {
        let fixture = try await Fixture.withExamBank()
        let exam = try await fixture.publishedExam(ExamBank.draft(fixture.clock, multipleChoice: .partial(share: 0.5)))
        let staff = try await fixture.staffUser()
        let view = try await fixture.db.startAttempt(exam: exam.id, client: .commandLine, by: staff)
        let multiple = view.items.first { $0.kind == .multipleChoice }!
        guard case .choices(let right) = try await fixture.response(to: multiple, of: view, right: true) else { return }
        _ = try await fixture.db.saveAnswer(attempt: view.id, position: multiple.position, response: .choices(Array(right.prefix(2))), by: staff)
        _ = try await fixture.db.submitAttempt(view.id, by: staff)
        let score = try await fixture.db.reader.read { db in
            try Double.fetchOne(db, sql: "SELECT score FROM attemptAnswer WHERE attemptId = ? AND position = ?", arguments: [view.id, multiple.position])
        }
        #expect(score == 1.5)
    }

    @Test("Given administrator actions, then extra time moves the deadline, reopen gives time back, excuse shows in results, all logged")
    func administratorActions() async throws {
        let fixture = try await Fixture.withExamBank()
        let exam = try await fixture.publishedExam()
        let staff = try await fixture.staffUser()
        let admin = try await fixture.countyAdmin()
        let view = try await fixture.db.startAttempt(exam: exam.id, client: .commandLine, by: staff)
        try await fixture.db.overrideCandidate("TH0003", inExam: exam.id, extraMinutes: 10, closesAt: nil, by: admin)
        #expect(try await fixture.db.attempt(view.id, by: staff).deadline == view.deadline!.addingTimeInterval(600))
        _ = try await fixture.db.submitAttempt(view.id, by: staff)
        try await fixture.db.reopenAttempt(of: "TH0003", inExam: exam.id, minutes: 15, by: admin)
        let reopened = try await fixture.db.attempt(view.id, by: staff)
        #expect(reopened.state == .inProgress && reopened.deadline == fixture.clock.now.addingTimeInterval(900))
        await expectError(.invalid) { try await fixture.db.excuseCandidate("TH0001", inExam: exam.id, reason: " ", by: admin) }
        try await fixture.db.excuseCandidate("TH0001", inExam: exam.id, reason: "住院", by: admin)
        await expectError(.conflict) { try await fixture.db.startAttempt(exam: exam.id, client: .commandLine, by: try await fixture.principal("th1")) }
        let results = try await fixture.db.results(ofExam: exam.id, by: admin)
        #expect(results.first { $0.row.staffNumber == "TH0001" }?.row.outcome == .excused)
        let actions = try await fixture.db.auditEntries().map(\.action)
        #expect(actions.contains("exam.override") && actions.contains("exam.reopen") && actions.contains("exam.excuse"))
        let otherAdmin = try await fixture.otherCountyAdmin()
        await expectError(.notFound) { try await fixture.db.excuseCandidate("TH0002", inExam: exam.id, reason: "x", by: otherAdmin) }
    }

    @Test("Given a draft, then editing rechecks it, keeps its seed and drops stale forms; published, it can be neither edited nor deleted")
    func editAndDeleteDrafts() async throws {
        let fixture = try await Fixture.withExamBank()
        let trainer = try await fixture.trainer()
        let draft = try await fixture.db.createExam(ExamBank.draft(fixture.clock), by: trainer)
        _ = try await fixture.db.makeForms(ofExam: draft.id, count: 2, allowShared: true, by: trainer)
        var changed = ExamBank.draft(fixture.clock)
        changed.title = "2026年第四季度集中考核（补考）"
        changed.seed = nil
        changed.durationMinutes = 15
        var infeasible = changed
        infeasible.blueprint.cells[0].count = 9
        await expectError(.invalid) { try await fixture.db.updateExam(draft.id, infeasible, by: trainer) }
        #expect(try await fixture.db.exam(draft.id, by: trainer).title == draft.title)
        await expectError(.notFound) { try await fixture.db.updateExam(draft.id, changed, by: try await fixture.otherCountyAdmin()) }

        let edited = try await fixture.db.updateExam(draft.id, changed, by: trainer)
        #expect(edited.title == changed.title && edited.duration == 900 && edited.seed == draft.seed && edited.createdAt == draft.createdAt)
        #expect(try await fixture.db.forms(ofExam: draft.id, by: trainer).forms.isEmpty)
        let published = try await fixture.db.publishExam(draft.id, by: trainer)
        await expectError(.conflict) { try await fixture.db.updateExam(published.id, changed, by: trainer) }
        await expectError(.conflict) { try await fixture.db.deleteExam(published.id, by: trainer) }

        let other = try await fixture.db.createExam(ExamBank.draft(fixture.clock), by: trainer)
        await expectError(.notFound) { try await fixture.db.deleteExam(other.id, by: try await fixture.otherCountyAdmin()) }
        try await fixture.db.deleteExam(other.id, by: trainer)
        await expectError(.notFound) { try await fixture.db.exam(other.id, by: trainer) }
        let actions = try await fixture.db.auditEntries().map(\.action)
        #expect(actions.contains("exam.edit") && actions.contains("exam.delete"))
    }

    @Test("Given a candidate added after publication, then their paper respects what the exposure cap has left")
    func lateCandidate() async throws {
        let fixture = try await Fixture.withExamBank()
        let admin = try await fixture.provinceAdmin()
        let exam = try await fixture.publishedExam()
        try await fixture.db.addCandidate("WJ0002", toExam: exam.id, by: admin)
        let papers = try await fixture.db.papers(ofExam: exam.id, by: admin)
        #expect(papers.map(\.staffNumber) == ["TH0001", "TH0002", "TH0003", "WJ0002"] && papers[3].paper.items.count == 5)
        await expectError(.conflict) { try await fixture.db.addCandidate("WJ0002", toExam: exam.id, by: admin) }
        try await fixture.db.removeCandidate("WJ0002", fromExam: exam.id, by: admin)
        #expect(try await fixture.db.papers(ofExam: exam.id, by: admin).count == 3)
        await expectError(.notFound) { try await fixture.db.addCandidate("WJ0002", toExam: exam.id, by: try await fixture.countyAdmin()) }
        // Removing someone from the frozen list does not change what the rules give for the others.
        try await fixture.db.removeCandidate("TH0001", fromExam: exam.id, by: admin)
        let regenerated = try await fixture.db.regeneratedPapers(ofExam: exam.id, by: admin)
        #expect(regenerated.count == 3)
        let stored = try await fixture.db.papers(ofExam: exam.id, by: admin).map(\.paper)
        #expect(Array(regenerated.dropFirst()) == stored)
    }

    @Test("Given a corrected key, when regraded, then every affected attempt is recomputed from its saved answers")
    func regradeAfterKeyCorrection() async throws {
        let fixture = try await Fixture.withExamBank()
        let exam = try await fixture.publishedExam()
        let staff = try await fixture.staffUser()
        let view = try await fixture.db.startAttempt(exam: exam.id, client: .commandLine, by: staff)
        let tf = view.items.first { $0.kind == .trueFalse }!
        _ = try await fixture.db.saveAnswer(attempt: view.id, position: tf.position, response: .trueFalse(false), by: staff)
        _ = try await fixture.db.submitAttempt(view.id, by: staff)
        let questionId = try await fixture.db.reader.read { db in try AttemptRecord.fetchOne(db, key: view.id)!.decodedPaper().items[tf.position].questionId }
        var corrected = ExamBank.questions.first { $0.id == questionId }!
        corrected.answer = .trueFalse(false)
        _ = try await fixture.db.importQuestions(QuestionImport(questions: [LocatedQuestion(question: corrected, file: "fix.txt", line: 1)]), note: "更正", by: try await fixture.op())
        #expect(try await fixture.db.regrade(question: questionId, by: try await fixture.provinceAdmin()) == 1)
        let score = try await fixture.db.reader.read { db in
            try Double.fetchOne(db, sql: "SELECT score FROM attemptAnswer WHERE attemptId = ? AND position = ?", arguments: [view.id, tf.position])
        }
        #expect(score == 1)
    }

    @Test("Given released results, then a candidate may ask for one score review within the set days and a trainer answers it")
    func scoreReview() async throws {
        let fixture = try await Fixture.withExamBank()
        let exam = try await fixture.publishedExam()
        let staff = try await fixture.staffUser()
        let view = try await fixture.db.startAttempt(exam: exam.id, client: .commandLine, by: staff)
        try await fixture.answerAll(view, right: false, by: staff)
        _ = try await fixture.db.saveAnswer(attempt: view.id, position: view.items.first { $0.kind == .shortAnswer }!.position, response: nil, by: staff)
        _ = try await fixture.db.submitAttempt(view.id, by: staff)
        await expectError(.conflict) { try await fixture.db.requestScoreReview(exam: exam.id, reason: "有疑问", by: staff) }
        fixture.clock.advance(by: 7_200)
        _ = try await fixture.db.releaseResults(exam.id, by: try await fixture.countyAdmin())
        #expect(try await fixture.db.myExams(by: staff)[0].canRequestReview)
        let review = try await fixture.db.requestScoreReview(exam: exam.id, reason: "判断题有疑问", by: staff)
        #expect(review.scoreBefore == 0)
        await expectError(.conflict) { try await fixture.db.requestScoreReview(exam: exam.id, reason: "再次", by: staff) }
        let answered = try await fixture.db.answerScoreReview(review.id, reply: "经复核，成绩无误", by: try await fixture.trainer())
        #expect(answered.answeredBy == "trainer" && answered.scoreAfter == 0)
        fixture.clock.advance(by: 8 * 86_400)
        #expect(try await fixture.db.myExams(by: try await fixture.principal("th1"))[0].canRequestReview == false)
    }

    @Test("Given the window closed early, then attempts in progress are submitted as they stand")
    func closeEarly() async throws {
        let fixture = try await Fixture.withExamBank()
        let exam = try await fixture.publishedExam()
        let staff = try await fixture.staffUser()
        let view = try await fixture.db.startAttempt(exam: exam.id, client: .commandLine, by: staff)
        fixture.clock.advance(by: 60)
        let closed = try await fixture.db.closeExam(exam.id, by: try await fixture.countyAdmin())
        #expect(closed.phase == .closed)
        // Submitted by the close itself, not by the read below: the stored record says so before anyone reads it.
        let record = try await fixture.db.reader.read { db in try AttemptRecord.fetchOne(db, key: view.id)! }
        #expect(record.attemptState == .autoSubmitted && record.submittedAt == fixture.clock.now && record.deadline == fixture.clock.now)
        #expect(record.pendingCount == 0 && record.score == 0, "nothing was answered, not even the short answer")
        #expect(try await fixture.db.attempt(view.id, by: staff).state == .autoSubmitted)
        let entry = try #require(try await fixture.db.auditEntries().first { $0.action == "exam.close" })
        #expect(entry.detail == "提前结束，自动交卷 1 份")
    }
}
