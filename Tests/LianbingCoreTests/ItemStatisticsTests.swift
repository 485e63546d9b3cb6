import Foundation
import LianbingCore
import Testing

@Suite("ItemStatistics edge cases")
struct ItemStatisticsTests {
    @Test("Given one candidate, when computed, then only the mean and facility are defined")
    func singleCandidate() {
        let stats = ItemStatistics.compute(candidates: ["a"], questions: ["Q1", "Q2"], marks: [[1, 0.5]], maxMarks: [1, 2])
        #expect(stats.candidates == 1)
        #expect(stats.mean == 1.5)
        #expect(stats.sd == nil && stats.cic == nil && stats.errorRatio == nil && stats.standardError == nil)
        #expect(stats.questions.map(\.facility) == [1, 0.25])
        for question in stats.questions {
            #expect(question.sd == nil)
            #expect(question.discriminationIndex == nil)
            #expect(question.discriminativeEfficiency == nil)
            #expect(question.upperLowerIndex == nil)
            #expect(!question.isFlagged)
        }
    }

    @Test("Given no candidates, when computed, then nothing is defined and nothing traps")
    func noCandidates() {
        let stats = ItemStatistics.compute(candidates: [], questions: ["Q1"], marks: [], maxMarks: [1])
        #expect(stats.candidates == 0 && stats.mean == nil && stats.sd == nil)
        #expect(stats.questions.first?.facility == nil)
    }

    @Test("Given a question everyone scored 0.1 on, when computed, then its discrimination is null, not a rounding error's")
    func constantFraction() {
        let marks: [[Double]] = [[0.1, 1], [0.1, 0], [0.1, 1]]
        let stats = ItemStatistics.compute(candidates: ["a", "b", "c"], questions: ["Q1", "Q2"], marks: marks, maxMarks: [1, 1])
        #expect(stats.questions[0].sd == 0)
        #expect(stats.questions[0].discriminationIndex == nil)
        #expect(stats.questions[0].discriminativeEfficiency == nil)
    }

    @Test("Given a question that runs against the rest of the paper, when computed, then it is flagged with a reason")
    func flagged() {
        let stats = ItemStatisticsReference.weightedMarks.compute()
        #expect(stats.flaggedQuestions.map(\.question) == ["Q3"])
        #expect(stats.questions[2].flagReason?.hasPrefix("区分度为负") == true)
        #expect(stats.questions[0].flagReason == nil)
    }

    @Test("Given statistics with undefined values, when encoded as JSON, then every key is present and undefined ones are null")
    func json() throws {
        let stats = ItemStatisticsReference.equalTotals.compute()
        let object = try #require(JSONSerialization.jsonObject(with: JSONEncoder().encode(stats)) as? [String: Any])
        #expect(Set(object.keys) == ["candidates", "mean", "sd", "cic", "errorRatio", "standardError", "questions"])
        #expect(object["cic"] is NSNull)
        let question = try #require((object["questions"] as? [[String: Any]])?.first)
        #expect(
            Set(question.keys) == ["question", "facility", "sd", "discriminationIndex", "discriminativeEfficiency", "upperLowerIndex"])
        #expect(try JSONDecoder().decode(ExamStatistics.self, from: JSONEncoder().encode(stats)) == stats)

        let constant = ItemStatisticsReference.constantQuestion.compute().questions[1]
        let constantObject = try #require(JSONSerialization.jsonObject(with: JSONEncoder().encode(constant)) as? [String: Any])
        #expect(constantObject["discriminationIndex"] is NSNull)
    }
}
