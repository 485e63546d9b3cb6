import LianbingCore
import Testing

@Suite("AttemptScore")
struct GradingAttemptScoreTests {
    @Test("Given marks with a pending short answer, when totalled, then the known marks add up and the attempt is incomplete")
    func pending() {
        let score = AttemptScore(marks: [
            ItemMark(score: 2, points: 2), ItemMark(score: 0.5, points: 1), ItemMark(score: nil, points: 10),
        ])
        #expect(score.score == 2.5)
        #expect(score.maxScore == 13)
        #expect(score.pendingItems == 1 && !score.isComplete)
        #expect(score.outcome(passMark: 1) == .pending)
    }

    @Test("Given complete marks, when an outcome is asked, then at or above the pass mark passes")
    func outcome() {
        let score = AttemptScore(marks: [ItemMark(score: 60, points: 100)])
        #expect(score.isComplete)
        #expect(score.outcome(passMark: 60) == .passed)
        #expect(score.outcome(passMark: 60.5) == .failed)
        #expect(AttemptScore.outcome(score: 0.7 - 0.4, passMark: 0.3) == .passed)
        #expect(AttemptScore.outcome(score: 59.99, passMark: 60) == .failed)
    }

    @Test("Given no marks, when totalled, then zero of zero and complete")
    func empty() {
        #expect(AttemptScore(marks: []) == AttemptScore(score: 0, maxScore: 0, pendingItems: 0))
    }
}
