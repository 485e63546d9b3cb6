import LianbingCore
import Testing

@Suite("Grader: multiple choice with partial credit")
struct GradingPartialCreditTests {
    private let grader = Grader(multipleChoice: .partial(share: 0.5))
    private let key = GradingFixture.multiple  // right options 0, 2, 3 of 4

    private func score(_ indexes: [Int]) -> Double? { grader.mark(key, response: .choices(indexes), points: 4).score }

    @Test("Given exactly the right options, when marked, then full marks")
    func exact() { #expect(score([0, 2, 3]) == 4) }

    @Test("Given a non-empty proper subset of the right options, when marked, then the share", arguments: [
        [0], [2], [3], [0, 2], [2, 3], [0, 3],
    ])
    func subset(indexes: [Int]) { #expect(score(indexes) == 2) }

    @Test("Given any wrong option, when marked, then 0, even with every right option too", arguments: [
        [1], [0, 1], [0, 1, 2, 3], [1, 2, 3],
    ])
    func wrongOption(indexes: [Int]) { #expect(score(indexes) == 0) }

    @Test("Given no option, when marked, then 0")
    func empty() { #expect(score([]) == 0) }

    @Test("Given a repeated option, when marked, then it counts once")
    func repeated() { #expect(score([0, 0, 2, 3]) == 4) }

    @Test("Given partial credit, when a subset is chosen, then the mark is not correct for the wrong-question book")
    func notCorrect() { #expect(!grader.mark(key, response: .choices([0]), points: 4).isCorrect) }

    @Test("Given a single-choice question, when the policy is partial, then it still scores all or nothing")
    func singleUnaffected() {
        let key = GradingKey(GradingFixture.question(.singleChoice, answer: .choices([1])))
        #expect(grader.mark(key, response: .choices([1, 2]), points: 4).score == 0)
    }
}
