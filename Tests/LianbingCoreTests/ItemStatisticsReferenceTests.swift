import Foundation
import LianbingCore
import Testing

/// A mark matrix and the statistics the reference script computes for it.
struct ItemStatisticsFixture: Sendable, CustomTestStringConvertible {
    var name: String
    var candidates: [String]
    var questions: [String]
    var maxMarks: [Double]
    var marks: [[Double]]
    var expected: ExamStatistics

    var testDescription: String { name }

    func compute() -> ExamStatistics {
        ItemStatistics.compute(candidates: candidates, questions: questions, marks: marks, maxMarks: maxMarks)
    }
}

/// Expected values copied from the output of `Reference/item_statistics.py` (numpy, written independently of the
/// Swift), committed beside it as `Reference/item_statistics.json`. Rerun the script after changing a fixture.
enum ItemStatisticsReference {
    static let all = [tieAtBoundary, weightedMarks, constantQuestion, equalTotals]

    static let tieAtBoundary = ItemStatisticsFixture(
        name: "tieAtBoundary",
        candidates: ["c05", "c10", "c03", "c08", "c01", "c07", "c04", "c09", "c02", "c06"],
        questions: ["Q1", "Q2", "Q3", "Q4"],
        maxMarks: [1.0, 1.0, 1.0, 1.0],
        marks: [
            [1.0, 1.0, 0.0, 0.0],
            [0.0, 0.0, 0.0, 0.0],
            [1.0, 0.0, 1.0, 0.0],
            [0.0, 1.0, 0.0, 0.0],
            [1.0, 1.0, 1.0, 1.0],
            [0.0, 0.0, 1.0, 0.0],
            [0.0, 1.0, 0.0, 1.0],
            [0.0, 0.0, 0.0, 1.0],
            [1.0, 1.0, 1.0, 0.0],
            [1.0, 0.0, 0.0, 0.0],
        ],
        expected: ExamStatistics(
            candidates: 10, mean: 1.7, sd: 1.1595018087284057, cic: 28.650137741046812,
            errorRatio: 84.46884766525065, standardError: 0.9794178164906229,
            questions: [
                QuestionStatistics(
                    question: "Q1", facility: 0.5, sd: 0.5270462766947299,
                    discriminationIndex: 22.941573387056174, discriminativeEfficiency: 33.33333333333334,
                    upperLowerIndex: 1.0),
                QuestionStatistics(
                    question: "Q2", facility: 0.5, sd: 0.5270462766947299,
                    discriminationIndex: 22.941573387056174, discriminativeEfficiency: 33.33333333333334,
                    upperLowerIndex: 0.3333333333333333),
                QuestionStatistics(
                    question: "Q3", facility: 0.4, sd: 0.5163977794943223,
                    discriminationIndex: 18.14436846506058, discriminativeEfficiency: 21.052631578947366,
                    upperLowerIndex: 1.0),
                QuestionStatistics(
                    question: "Q4", facility: 0.3, sd: 0.4830458915396479,
                    discriminationIndex: -4.279604925109134, discriminativeEfficiency: -5.263157894736849,
                    upperLowerIndex: 0.0),
            ]))

    static let weightedMarks = ItemStatisticsFixture(
        name: "weightedMarks",
        candidates: ["s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8"],
        questions: ["Q1", "Q2", "Q3", "Q4"],
        maxMarks: [2.0, 5.0, 1.0, 3.0],
        marks: [
            [2.0, 4.5, 0.0, 3.0],
            [1.5, 5.0, 0.0, 2.0],
            [2.0, 3.0, 1.0, 2.5],
            [0.5, 2.0, 1.0, 1.0],
            [1.0, 3.5, 0.0, 3.0],
            [0.0, 1.0, 1.0, 0.5],
            [1.0, 2.5, 1.0, 0.0],
            [0.0, 0.5, 1.0, 1.5],
        ],
        expected: ExamStatistics(
            candidates: 8, mean: 6.0625, sd: 2.7443123000125187, cic: 50.266745702430356,
            errorRatio: 70.52180818553198, standardError: 1.9353386562267891,
            questions: [
                QuestionStatistics(
                    question: "Q1", facility: 0.5, sd: 0.4008918628686366,
                    discriminationIndex: 88.74111008529624, discriminativeEfficiency: 95.23809523809523,
                    upperLowerIndex: 0.875),
                QuestionStatistics(
                    question: "Q2", facility: 0.55, sd: 0.31622776601683794,
                    discriminationIndex: 65.2008976187684, discriminativeEfficiency: 66.39999999999999,
                    upperLowerIndex: 0.8),
                QuestionStatistics(
                    question: "Q3", facility: 0.625, sd: 0.5175491695067657,
                    discriminationIndex: -80.64637296111523, discriminativeEfficiency: -98.65771812080537,
                    upperLowerIndex: -1.0),
                QuestionStatistics(
                    question: "Q4", facility: 0.5625, sd: 0.37730771408905905,
                    discriminationIndex: 56.484933817809605, discriminativeEfficiency: 57.20164609053498,
                    upperLowerIndex: 0.5),
            ]))

    static let constantQuestion = ItemStatisticsFixture(
        name: "constantQuestion",
        candidates: ["a", "b", "c", "d", "e", "f"],
        questions: ["Q1", "Q2", "Q3"],
        maxMarks: [1.0, 1.0, 2.0],
        marks: [
            [1.0, 1.0, 2.0],
            [1.0, 1.0, 2.0],
            [0.0, 1.0, 1.0],
            [0.0, 1.0, 0.0],
            [1.0, 1.0, 1.0],
            [0.0, 1.0, 0.0],
        ],
        expected: ExamStatistics(
            candidates: 6, mean: 2.5, sd: 1.378404875209022, cic: 63.1578947368421,
            errorRatio: 60.69769786668841, standardError: 0.8366600265340756,
            questions: [
                QuestionStatistics(
                    question: "Q1", facility: 0.5, sd: 0.5477225575051661,
                    discriminationIndex: 81.6496580927726, discriminativeEfficiency: 100.0,
                    upperLowerIndex: 1.0),
                QuestionStatistics(
                    question: "Q2", facility: 1.0, sd: 0.0,
                    discriminationIndex: nil, discriminativeEfficiency: nil,
                    upperLowerIndex: 0.0),
                QuestionStatistics(
                    question: "Q3", facility: 0.5, sd: 0.4472135954999579,
                    discriminationIndex: 81.6496580927726, discriminativeEfficiency: 100.0,
                    upperLowerIndex: 1.0),
            ]))

    static let equalTotals = ItemStatisticsFixture(
        name: "equalTotals",
        candidates: ["x", "y", "z"],
        questions: ["Q1", "Q2"],
        maxMarks: [1.0, 1.0],
        marks: [
            [1.0, 0.0],
            [0.0, 1.0],
            [1.0, 0.0],
        ],
        expected: ExamStatistics(
            candidates: 3, mean: 1.0, sd: 0.0, cic: nil,
            errorRatio: nil, standardError: nil,
            questions: [
                QuestionStatistics(
                    question: "Q1", facility: 0.6666666666666666, sd: 0.5773502691896258,
                    discriminationIndex: -99.99999999999997, discriminativeEfficiency: -200.0,
                    upperLowerIndex: 0.0),
                QuestionStatistics(
                    question: "Q2", facility: 0.3333333333333333, sd: 0.5773502691896258,
                    discriminationIndex: -99.99999999999997, discriminativeEfficiency: -200.0,
                    upperLowerIndex: 0.0),
            ]))
}

@Suite("ItemStatistics against the numpy reference")
struct ItemStatisticsReferenceTests {
    @Test("Given a reference matrix, when computed, then every value matches the script to 4 decimals, nulls included",
        arguments: ItemStatisticsReference.all)
    func matchesReference(fixture: ItemStatisticsFixture) {
        let actual = fixture.compute()
        let expected = fixture.expected
        #expect(actual.candidates == expected.candidates)
        expectClose(actual.mean, expected.mean, "mean")
        expectClose(actual.sd, expected.sd, "sd")
        expectClose(actual.cic, expected.cic, "cic")
        expectClose(actual.errorRatio, expected.errorRatio, "errorRatio")
        expectClose(actual.standardError, expected.standardError, "standardError")
        try? #require(actual.questions.count == expected.questions.count)
        for (a, e) in zip(actual.questions, expected.questions) {
            #expect(a.question == e.question)
            expectClose(a.facility, e.facility, "\(e.question) facility")
            expectClose(a.sd, e.sd, "\(e.question) sd")
            expectClose(a.discriminationIndex, e.discriminationIndex, "\(e.question) discriminationIndex")
            expectClose(a.discriminativeEfficiency, e.discriminativeEfficiency, "\(e.question) discriminativeEfficiency")
            expectClose(a.upperLowerIndex, e.upperLowerIndex, "\(e.question) upperLowerIndex")
        }
    }

    @Test("Given the rows in another order, when computed, then nothing changes: the 27% ties go by candidate id")
    func rowOrder() {
        var fixture = ItemStatisticsReference.tieAtBoundary
        let order = fixture.candidates.indices.sorted { fixture.candidates[$0] > fixture.candidates[$1] }
        fixture.candidates = order.map { fixture.candidates[$0] }
        fixture.marks = order.map { fixture.marks[$0] }
        let reordered = fixture.compute()
        let original = ItemStatisticsReference.tieAtBoundary.compute()
        for (a, b) in zip(reordered.questions, original.questions) {
            expectClose(a.upperLowerIndex, b.upperLowerIndex, a.question)
            expectClose(a.discriminationIndex, b.discriminationIndex, a.question)
        }
    }

    private func expectClose(
        _ actual: Double?, _ expected: Double?, _ what: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        switch (actual, expected) {
        case (nil, nil): break
        case (let a?, let e?): #expect(abs(a - e) < 0.5e-4, "\(what): \(a) ≠ \(e)", sourceLocation: sourceLocation)
        default: Issue.record("\(what): \(String(describing: actual)) ≠ \(String(describing: expected))", sourceLocation: sourceLocation)
        }
    }
}
