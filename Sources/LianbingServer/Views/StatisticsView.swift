import Foundation
import LianbingCore

/// An exam's item statistics as the statistics page shows them: the paper's values, then each question, with the
/// questions whose discrimination is negative first and the reason beside them.
struct StatisticsView: Sendable {
    struct Line: Sendable {
        var question: String
        var difficulty: String
        var facility: String
        var sd: String
        var discriminationIndex: String
        var discriminativeEfficiency: String
        var upperLowerIndex: String
        var reason: String?
    }

    var facts: [Fact]
    var lines: [Line]
    var flaggedCount: Int

    /// `difficulties`: declared difficulty (1–5) by question id.
    init(_ statistics: ExamStatistics, difficulties: [String: Int]) {
        facts = [
            Fact(label: "完整作答人数", value: "\(statistics.candidates) 人"),
            Fact(label: "平均分", value: Figure.decimal(statistics.mean)),
            Fact(label: "标准差", value: Figure.decimal(statistics.sd)),
            Fact(label: "内部一致性系数（CIC）", value: Figure.percent(statistics.cic)),
            Fact(label: "误差率", value: Figure.percent(statistics.errorRatio)),
            Fact(label: "标准误（分）", value: Figure.decimal(statistics.standardError)),
        ]
        let flagged = statistics.questions.filter(\.isFlagged)
        flaggedCount = flagged.count
        lines = (flagged + statistics.questions.filter { !$0.isFlagged }).map { question in
            Line(
                question: question.question, difficulty: difficulties[question.question].map(String.init) ?? "—",
                facility: Figure.percent(ofFraction: question.facility), sd: Figure.percent(ofFraction: question.sd),
                discriminationIndex: Figure.decimal(question.discriminationIndex, places: 1),
                discriminativeEfficiency: Figure.percent(question.discriminativeEfficiency),
                upperLowerIndex: Figure.decimal(question.upperLowerIndex), reason: question.flagReason)
        }
    }
}
