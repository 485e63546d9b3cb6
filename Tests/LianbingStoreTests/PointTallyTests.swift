import Foundation
import GRDB
import LianbingCore
import Testing

@testable import LianbingStore

/// A centralised attempt's marks summed per knowledge point are kept with its marks: written when it is graded,
/// rewritten when a short answer is marked, and the same as working them out again from the answers.
@Suite("Attempt point tallies")
struct PointTallyTests {
    static func tally(_ fixture: Fixture, _ attempt: Int64) async throws -> [String: Mastery.Point] {
        try await fixture.db.reader.read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT * FROM attemptPointTally WHERE attemptId = ?", arguments: [attempt]).map {
                ($0["knowledgePoint"] as String, Mastery.Point(score: $0["score"], points: $0["points"], answered: $0["answered"], correct: $0["correct"]))
            })
        }
    }

    @Test("Given a submitted attempt, then its tally counts the machine marks; marking the short answer adds it; rebuilding changes nothing")
    func tallyFollowsMarks() async throws {
        let fixture = try await Fixture.withExamBank()
        let exam = try await fixture.publishedExam()
        let staff = try await fixture.staffUser()
        let view = try await fixture.db.startAttempt(exam: exam.id, client: .commandLine, by: staff)
        try await fixture.answerAll(view, right: true, by: staff)
        _ = try await fixture.db.submitAttempt(view.id, by: staff)
        // Five questions of the exam bank's one point; the short answer (4 of 12 points) waits for a trainer.
        var point = try #require(try await Self.tally(fixture, view.id)["队伍建设/学习培训"])
        #expect(point.answered == 4 && point.correct == 4 && point.score == 8 && point.points == 8)
        fixture.clock.advance(by: 7_200)
        let item = try #require(try await fixture.db.markingQueue(by: try await fixture.trainer()).first)
        try await fixture.db.markAnswer(attempt: item.attemptId, position: item.position, score: 1, by: try await fixture.trainer())
        point = try #require(try await Self.tally(fixture, view.id)["队伍建设/学习培训"])
        #expect(point.answered == 5 && point.correct == 4 && point.score == 9 && point.points == 12)

        let before = try await Self.tally(fixture, view.id)
        try await fixture.db.writer.write { db in try db.execute(sql: "DELETE FROM attemptPointTally") }
        try await fixture.db.tallyAllPoints()
        #expect(try await Self.tally(fixture, view.id) == before)
        // Self-tests keep no tally: only assessments' weak points are read from it.
        let selfTest = try await fixture.db.startSelfTest(.knowledgePoints([], length: 3), by: staff)
        for item in selfTest.items {
            _ = try await fixture.db.answerSelfTest(attempt: selfTest.id, position: item.position, response: try await fixture.response(to: item, of: selfTest, right: false), by: staff)
        }
        #expect(try await Self.tally(fixture, selfTest.id).isEmpty)
    }
}
