import Foundation
import GRDB
import LianbingCore
import Testing

@testable import LianbingStore

/// A submission marks on a reader first; the writer must not use those marks once a save has changed an answer.
@Suite("MachineMarks")
struct MachineMarksTests {
    @Test("Given marks worked out before a save changed an answer, then finishing marks the stored answer instead")
    func staleMarksAreNotUsed() async throws {
        let fixture = try await Fixture.withExamBank()
        let exam = try await fixture.publishedExam()
        let staff = try await fixture.staffUser()
        let view = try await fixture.db.startAttempt(exam: exam.id, client: .commandLine, by: staff)
        try await fixture.answerAll(view, right: false, by: staff)
        let cache = fixture.db.cache
        let early = try await fixture.db.reader.read { db in
            try MachineMarks(of: try AttemptRecord.fetchOne(db, key: view.id)!, cache: cache, db)
        }
        #expect(try await fixture.db.reader.read { db in try early.isCurrent(db) })

        let single = view.items.first { $0.kind == .singleChoice }!
        _ = try await fixture.db.saveAnswer(
            attempt: view.id, position: single.position, response: try await fixture.response(to: single, of: view, right: true), by: staff)
        #expect(try await fixture.db.reader.read { db in try early.isCurrent(db) } == false)

        let now = fixture.clock.now
        let score = try await fixture.db.writer.write { db -> Double? in
            var attempt = try AttemptRecord.fetchOne(db, key: view.id)!
            try AppDatabase.finish(&attempt, as: .submitted, now: now, premarked: early, cache: cache, db)
            return try Double.fetchOne(
                db, sql: "SELECT score FROM attemptAnswer WHERE attemptId = ? AND position = ?", arguments: [view.id, single.position])
        }
        #expect(score == 2, "the single choice answered right after the early marks is worth its 2 points")
    }

    @Test("Given marks worked out on the stored answers, then a submission gives the same marks as marking in the writer")
    func currentMarksMatchWriterMarks() async throws {
        let fixture = try await Fixture.withExamBank()
        let exam = try await fixture.publishedExam(ExamBank.draft(fixture.clock, multipleChoice: .partial(share: 0.5)))
        let staff = try await fixture.staffUser()
        let view = try await fixture.db.startAttempt(exam: exam.id, client: .commandLine, by: staff)
        try await fixture.answerAll(view, right: true, by: staff)
        let blank = view.items.first { $0.kind == .fillBlank }!
        _ = try await fixture.db.saveAnswer(attempt: view.id, position: blank.position, response: nil, by: staff)
        _ = try await fixture.db.submitAttempt(view.id, by: staff)
        let cache = fixture.db.cache
        let (stored, remarked) = try await fixture.db.writer.write { db -> ([Double?], [Double?]) in
            let scores = { try Double?.fetchAll(db, sql: "SELECT score FROM attemptAnswer WHERE attemptId = ? ORDER BY position", arguments: [view.id]) }
            let before = try scores()
            var attempt = try AttemptRecord.fetchOne(db, key: view.id)!
            try AppDatabase.grade(&attempt, cache: cache, db)
            return (before, try scores())
        }
        #expect(stored.count == view.items.count && stored == remarked)
        #expect(stored[blank.position] == 0)
    }
}
