import Foundation
import GRDB
import LianbingCore
import Testing

@testable import LianbingStore

@Suite("Self-tests, the wrong-question book and mastery")
struct SelfTestTests {
    /// The question id behind a self-test item.
    static func questionId(_ view: AttemptView, _ position: Int, _ fixture: Fixture) async throws -> String {
        try await fixture.db.reader.read { db in try AttemptRecord.fetchOne(db, key: view.id)!.decodedPaper().items[position].questionId }
    }

    @Test("Given a self-test, then it draws practice and shared questions only, never exam-only ones")
    func selfTestsNeverDrawExamQuestions() async throws {
        let fixture = try await Fixture.withExamBank()
        let view = try await fixture.db.startSelfTest(.knowledgePoints([], length: 100), by: try await fixture.staffUser())
        let ids = try await fixture.db.reader.read { db in try AttemptRecord.fetchOne(db, key: view.id)!.decodedPaper().items.map(\.questionId) }
        #expect(ids.count == ExamBank.questions.count - 1)
        #expect(!ids.contains("EXAM-ONLY") && ids.contains("PRACTICE-ONLY"))
        #expect(view.deadline == nil && view.items.allSatisfy { $0.feedback == nil })
        await expectError(.invalid) { try await fixture.db.startSelfTest(.knowledgePoints([], length: 0), by: try await fixture.staffUser()) }
        await expectError(.conflict) { try await fixture.db.startSelfTest(.knowledgePoints(["不存在"], length: 5), by: try await fixture.staffUser()) }
    }

    @Test("Given an answered self-test question, then its feedback is returned and shown for it alone, and it cannot be answered again")
    func feedbackOneQuestionAtATime() async throws {
        let fixture = try await Fixture.withExamBank()
        let staff = try await fixture.staffUser()
        let view = try await fixture.db.startSelfTest(.knowledgePoints(["队伍建设"], length: 3), by: staff)
        let item = view.items[0]
        let feedback = try await fixture.db.answerSelfTest(attempt: view.id, position: 0, response: try await fixture.response(to: item, of: view, right: true), by: staff)
        #expect(feedback.correct != false && !feedback.explanation.isEmpty)
        let again = try await fixture.db.attempt(view.id, by: staff)
        #expect(again.items[0].feedback == feedback && again.items.dropFirst().allSatisfy { $0.feedback == nil })
        await expectError(.conflict) {
            try await fixture.db.answerSelfTest(attempt: view.id, position: 0, response: try await fixture.response(to: item, of: view, right: false), by: staff)
        }
        await expectError(.notFound) {
            try await fixture.db.answerSelfTest(attempt: view.id, position: 0, response: .trueFalse(true), by: try await fixture.principal("th1"))
        }
    }

    @Test("Given a wrong answer, then the question enters the book, and leaves after two right answers in a row")
    func wrongBookStreak() async throws {
        let fixture = try await Fixture.withExamBank()
        let staff = try await fixture.staffUser()
        var view = try await fixture.db.startSelfTest(.knowledgePoints(["队伍建设"], length: 100), by: staff)
        let position = view.items.firstIndex { $0.kind == .trueFalse }!
        let id = try await Self.questionId(view, position, fixture)
        _ = try await fixture.db.answerSelfTest(attempt: view.id, position: position, response: try await fixture.response(to: view.items[position], of: view, right: false), by: staff)
        #expect(try await fixture.db.wrongBook(by: staff).map(\.questionId) == [id])
        for round in 1...2 {
            view = try await fixture.db.startSelfTest(.wrongQuestions(length: 10), by: staff)
            let drawn = try await Self.questionId(view, 0, fixture)
            #expect(view.items.count == 1 && drawn == id)
            _ = try await fixture.db.answerSelfTest(attempt: view.id, position: 0, response: try await fixture.response(to: view.items[0], of: view, right: true), by: staff)
            #expect(try await fixture.db.wrongBook(by: staff).count == (round == 1 ? 1 : 0))
        }
        await expectError(.conflict) { try await fixture.db.startSelfTest(.wrongQuestions(length: 10), by: staff) }
        #expect(try await fixture.db.mySelfTests(by: staff).count == 3)
    }

    @Test("Given a starting self-test, then an earlier one left in progress is abandoned")
    func earlierSelfTestIsAbandoned() async throws {
        let fixture = try await Fixture.withExamBank()
        let staff = try await fixture.staffUser()
        let first = try await fixture.db.startSelfTest(.knowledgePoints([], length: 2), by: staff)
        _ = try await fixture.db.startSelfTest(.knowledgePoints([], length: 2), by: staff)
        #expect(try await fixture.db.attempt(first.id, by: staff).state == .abandoned)
    }

    @Test("Given marks from an assessment and a self-test, then mastery keeps them apart, per person and per unit")
    func masteryByPurpose() async throws {
        let fixture = try await Fixture.withExamBank()
        let staff = try await fixture.staffUser()
        let exam = try await fixture.publishedExam()
        let attempt = try await fixture.db.startAttempt(exam: exam.id, client: .commandLine, by: staff)
        try await fixture.answerAll(attempt, right: true, by: staff)
        _ = try await fixture.db.submitAttempt(attempt.id, by: staff)
        let practice = try await fixture.db.startSelfTest(.knowledgePoints(["队伍建设"], length: 100), by: staff)
        let objective = practice.items.first { $0.kind != .shortAnswer }!
        _ = try await fixture.db.answerSelfTest(
            attempt: practice.id, position: objective.position, response: try await fixture.response(to: objective, of: practice, right: false), by: staff)
        let mine = try await fixture.db.mastery(by: staff)
        let point = "队伍建设/学习培训"
        #expect(mine.assessment.byKnowledgePoint[point]?.answered == 4)  // the short answer waits for a trainer
        #expect(mine.assessment.accuracy(of: point) == 1)
        #expect(mine.selfTest.byKnowledgePoint[point]?.answered == 1 && mine.selfTest.accuracy(of: point) == 0)
        let unit = try await fixture.db.mastery(ofUnit: Code.tianhe, by: try await fixture.countyAdmin())
        #expect(unit == mine)
        await expectError(.notFound) { try await fixture.db.mastery(ofUnit: Code.tianhe, by: try await fixture.otherCountyAdmin()) }
        await expectError(.forbidden) { try await fixture.db.mastery(ofStaff: "TH0001", by: staff) }
    }
}

@Suite("Paper sittings, monitoring and item statistics")
struct ExamOperationsTests {
    @Test("Given parallel forms, when marks are imported, then each candidate gets a marked attempt; a bad file names every line and writes nothing")
    func formsAndPaperMarks() async throws {
        let fixture = try await Fixture.withExamBank()
        let exam = try await fixture.publishedExam()
        let trainer = try await fixture.trainer()
        await expectError(.invalid) { try await fixture.db.makeForms(ofExam: exam.id, count: 3, allowShared: false, by: trainer) }
        let forms = try await fixture.db.makeForms(ofExam: exam.id, count: 2, allowShared: false, by: trainer)
        #expect(Set(forms[0].paper.items.map(\.questionId)).isDisjoint(with: forms[1].paper.items.map(\.questionId)))
        #expect(forms.map(\.letter) == ["A", "B"] && forms.allSatisfy { $0.paper.items.count == 5 })
        let before = try await fixture.db.fullSnapshot()
        let bad = [
            PaperMarksRow(line: 2, staffNumber: "TH0001", form: "C", marks: [2, 3, 1, 2, 4]),
            PaperMarksRow(line: 3, staffNumber: "WJ0001", form: "A", marks: [2, 3, 1, 2, 4]),
            PaperMarksRow(line: 4, staffNumber: "TH0002", form: "A", marks: [9, 3, 1, 2]),
        ]
        let error = await expectError(.importRejected) { try await fixture.db.importPaperMarks(bad, file: "marks.csv", intoExam: exam.id, by: trainer) }
        #expect(Set(error?.issues.map(\.line) ?? []) == [2, 3, 4])
        #expect(try await fixture.db.fullSnapshot() == before)
        let marks = forms[0].paper.items.map(\.points)
        #expect(try await fixture.db.importPaperMarks(
            [PaperMarksRow(line: 2, staffNumber: "TH0001", form: "A", marks: marks), PaperMarksRow(line: 3, staffNumber: "TH0002", form: "B", marks: [0, 0, 0, 0, 0])],
            file: "marks.csv", intoExam: exam.id, by: trainer) == 2)
        fixture.clock.advance(by: 7_200)
        let results = try await fixture.db.results(ofExam: exam.id, by: trainer)
        #expect(results[0].row.staffNumber == "TH0001" && results[0].row.score == 12 && results[0].row.outcome == .passed)
        #expect(results.first { $0.row.staffNumber == "TH0002" }?.row.outcome == .failed)
        #expect(results.first { $0.row.staffNumber == "TH0003" }?.row.outcome == .absent)
    }

    @Test("Given candidates during the window, then monitoring shows who has not started, who is answering and how far, and hidden time")
    func monitoring() async throws {
        let fixture = try await Fixture.withExamBank()
        let exam = try await fixture.publishedExam()
        let staff = try await fixture.staffUser()
        let view = try await fixture.db.startAttempt(exam: exam.id, client: .commandLine, by: staff)
        _ = try await fixture.db.saveAnswer(attempt: view.id, position: 0, response: try await fixture.response(to: view.items[0], of: view, right: true), by: staff)
        try await fixture.db.recordHidden(attempt: view.id, seconds: 12, by: staff)
        let progress = try await fixture.db.progress(ofExam: exam.id, by: try await fixture.countyAdmin())
        let me = try #require(progress.first { $0.staffNumber == "TH0003" })
        #expect(me.standing == .inProgress && me.answered == 1 && me.questions == 5 && me.hiddenCount == 1 && me.hiddenSeconds == 12)
        #expect(progress.filter { $0.standing == .notStarted }.count == 2)
        await expectError(.notFound) { try await fixture.db.progress(ofExam: exam.id, by: try await fixture.otherCountyAdmin()) }
    }

    @Test("Given submitted attempts, then statistics cover every question seen and the paper as a whole")
    func statistics() async throws {
        let fixture = try await Fixture.withExamBank()
        let exam = try await fixture.publishedExam()
        for (username, right) in [("staff", true), ("th1", false), ("th2", true)] {
            let principal = try await fixture.principal(username)
            let view = try await fixture.db.startAttempt(exam: exam.id, client: .commandLine, by: principal)
            try await fixture.answerAll(view, right: right, by: principal)
            _ = try await fixture.db.saveAnswer(attempt: view.id, position: view.items.first { $0.kind == .shortAnswer }!.position, response: nil, by: principal)
            _ = try await fixture.db.submitAttempt(view.id, by: principal)
        }
        let statistics = try await fixture.db.statistics(ofExam: exam.id, by: try await fixture.trainer())
        #expect(statistics.candidates == 3 && statistics.mean == 16.0 / 3)
        let seen = try await fixture.db.papers(ofExam: exam.id, by: try await fixture.trainer()).flatMap { $0.paper.items.map(\.questionId) }
        #expect(statistics.questions.map(\.question) == Set(seen).sorted())
    }
}
