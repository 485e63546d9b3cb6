import Foundation
import GRDB
import LianbingCore
import Testing

@testable import LianbingStore

/// Wrong answers of a centralised assessment reach the wrong-question book once its review policy shows the keys
/// (never exam-only questions), and an entry shows its key only where the integrity rules allow.
@Suite("Assessments in the wrong-question book")
struct ExamWrongBookTests {
    /// Every single-choice question of the exam bank's assessment pool (SINGLE-1, SINGLE-2, EXAM-ONLY) and both
    /// true/false ones: every paper holds EXAM-ONLY.
    static let blueprint = Blueprint(
        title: "错题本测试", purpose: .assessment,
        sections: [BlueprintSection(kind: .singleChoice, pointsPerQuestion: 2), BlueprintSection(kind: .trueFalse, pointsPerQuestion: 1)],
        cells: [
            BlueprintCell(knowledgePoint: "队伍建设", kind: .singleChoice, difficulty: 1...5, count: 3),
            BlueprintCell(knowledgePoint: "队伍建设", kind: .trueFalse, difficulty: 1...5, count: 2),
        ],
        totalPoints: 8, targetDifficulty: 3, difficultyTolerance: 0.5)

    /// TH0003 sits an exam of `blueprint` under `policy`, answers everything wrong and submits; the window then ends.
    private static func wrongAssessment(_ policy: ReviewPolicy, _ fixture: Fixture) async throws -> (Exam, Int64) {
        let exam = try await fixture.publishedExam(ExamBank.draft(fixture.clock, blueprint: blueprint, review: policy))
        let staff = try await fixture.staffUser()
        let view = try await fixture.db.startAttempt(exam: exam.id, client: .commandLine, by: staff)
        try await fixture.answerAll(view, right: false, by: staff)
        _ = try await fixture.db.submitAttempt(view.id, by: staff)
        fixture.clock.advance(by: 7_200 + 60)
        return (exam, view.id)
    }

    @Test("Given keys shown after release, then the wrong answers join the book only at release, exam-only questions never, each with its key")
    func assessmentJoinsTheBookAtRelease() async throws {
        let fixture = try await Fixture.withExamBank()
        let staff = try await fixture.staffUser()
        let (exam, attempt) = try await Self.wrongAssessment(ReviewPolicy(content: .keys, timing: .afterRelease), fixture)
        #expect(try await fixture.db.wrongBook(by: staff).isEmpty, "closed, not released: the keys are not shown yet")
        await expectError(.notFound) { try await fixture.db.wrongQuestion("SINGLE-1", by: staff) }

        _ = try await fixture.db.releaseResults(exam.id, by: try await fixture.countyAdmin())
        let book = try await fixture.db.wrongBook(by: staff)
        #expect(Set(book.map(\.questionId)) == ["SINGLE-1", "SINGLE-2", "TRUEFALSE-1", "TRUEFALSE-2"])
        await expectError(.notFound) { try await fixture.db.wrongQuestion("EXAM-ONLY", by: staff) }

        let entry = try await fixture.db.wrongQuestion("SINGLE-1", by: staff)
        let submitted = try await fixture.db.reader.read { db in try AttemptRecord.fetchOne(db, key: attempt)!.submittedAt }
        #expect(entry.keyWithheld == nil && entry.item.feedback?.key == "B" && entry.item.feedback?.explanation == "解析 SINGLE-1：每半年。")
        #expect(entry.item.options == ExamBank.questions.first { $0.id == "SINGLE-1" }!.options, "options in the question's own order, as the key's letter")
        #expect(entry.item.response == .choices([2]) && entry.item.score == 0 && entry.answeredAt == submitted, "the answer given in the exam")
        let revealed = try await fixture.db.reader.read { db in try AppDatabase.revealedQuestions(now: fixture.clock.now, db) }
        #expect(book.allSatisfy { revealed.contains($0.questionId) }, "a key the book shows counts as revealed")
        // The spaced review took them in at the same moment, exam-only left out there too.
        #expect(Set(try await fixture.db.reviewQueue(by: staff).upcoming.map(\.questionId)) == Set(book.map(\.questionId)))
    }

    @Test("Given a policy that shows answers but no keys, then the wrong answers never join the book")
    func noKeysNoBook() async throws {
        let fixture = try await Fixture.withExamBank()
        let (exam, _) = try await Self.wrongAssessment(ReviewPolicy(content: .answers, timing: .immediately), fixture)
        _ = try await fixture.db.releaseResults(exam.id, by: try await fixture.countyAdmin())
        #expect(try await fixture.db.wrongBook(by: try await fixture.staffUser()).isEmpty)
    }

    @Test("Given a wrong self-test answer, when the question joins the pool of an assessment still open, then its entry withholds the key until the window ends")
    func heldBackEntryWithholdsTheKey() async throws {
        let fixture = try await Fixture.withExamBank()
        let staff = try await fixture.staffUser()
        let test = try await fixture.db.startSelfTest(.knowledgePoints(["队伍建设"], length: 100), by: staff)
        let ids = try await fixture.db.reader.read { db in try AttemptRecord.fetchOne(db, key: test.id)!.decodedPaper().items.map(\.questionId) }
        let position = try #require(ids.firstIndex(of: "TRUEFALSE-1"))
        _ = try await fixture.db.answerSelfTest(attempt: test.id, position: position, response: .trueFalse(false), by: staff)
        #expect(try await fixture.db.wrongQuestion("TRUEFALSE-1", by: staff).item.feedback?.key == "正确")

        _ = try await fixture.publishedExam()
        let during = try await fixture.db.wrongQuestion("TRUEFALSE-1", by: staff)
        #expect(during.item.feedback == nil && during.keyWithheld?.contains("尚未结束的集中考核") == true)
        #expect(during.item.response == .trueFalse(false), "the person's own answer still shows")
        fixture.clock.advance(by: 7_200 + 60)
        let after = try await fixture.db.wrongQuestion("TRUEFALSE-1", by: staff)
        #expect(after.keyWithheld == nil && after.item.feedback?.key == "正确" && after.item.feedback?.explanation == "解析 TRUEFALSE-1。")
    }
}
