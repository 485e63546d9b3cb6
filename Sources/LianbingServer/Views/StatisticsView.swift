import Foundation
import LianbingCore

/// An exam's item statistics as the statistics page shows them: the paper's values, then each question, with the
/// questions whose discrimination is negative first and the reason beside them. Each measure carries a one-line
/// explanation in plain words; the definitions they follow are in docs/API.md.
struct StatisticsView: Sendable {
    /// A value with what it tells the trainer.
    struct Measure: Sendable {
        var label: String
        var value: String
        var note: String
    }

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

    var facts: [Measure]
    /// The table's columns, explained (`value` unused).
    var columns: [Measure]
    var lines: [Line]
    var flaggedCount: Int

    /// `difficulties`: declared difficulty (1–5) by question id.
    init(_ statistics: ExamStatistics, difficulties: [String: Int]) {
        facts = [
            Measure(label: "完整作答人数", value: "\(statistics.candidates) 人", note: "完整交卷的考生，以下各项只据此计算"),
            Measure(label: "平均分", value: Figure.decimal(statistics.mean), note: "考生总分的平均值"),
            Measure(label: "总分标准差", value: Figure.decimal(statistics.sd), note: "考生总分的分散程度，越大说明考生之间差距越大"),
            Measure(label: "内部一致性系数", value: Figure.percent(statistics.cic), note: "各题是否在考同一种能力，越接近 100% 越一致"),
            Measure(label: "误差率", value: Figure.percent(statistics.errorRatio), note: "总分差异中由偶然因素（猜测、发挥）造成的比例，越低越好"),
            Measure(label: "标准误（分）", value: Figure.decimal(statistics.standardError), note: "一位考生的得分可能偏离其真实水平的幅度，越小分数越可信"),
        ]
        columns = [
            Measure(label: "标定难度", value: "", note: "入库时标定的难度，1 最易，5 最难"),
            Measure(label: "得分率", value: "", note: "抽到本题的考生平均得分占本题分值的比例，越高说明题越容易"),
            Measure(label: "得分标准差", value: "", note: "本题得分的分散程度（占分值的比例），为 0 说明人人同分，区分不出水平"),
            Measure(label: "区分度", value: "", note: "本题得分与其余各题得分的相关程度，越高越能区分水平高低；为负说明答得好的人在本题反而得分低"),
            Measure(label: "区分效率", value: "", note: "区分度占本题难易程度所允许的最高区分度的比例；很难或很容易的题区分度天然偏低，看这一项更公平"),
            Measure(label: "高低分组差", value: "", note: "总分前 27% 的考生与后 27% 的考生在本题得分率之差，越大越能区分"),
        ]
        let flagged = statistics.questions.filter(\.isFlagged)
        flaggedCount = flagged.count
        lines = (flagged + statistics.questions.filter { !$0.isFlagged }).map { question in
            Line(
                question: question.question, difficulty: difficulties[question.question].map(String.init) ?? "—",
                facility: Figure.percent(ofFraction: question.facility), sd: Figure.percent(ofFraction: question.sd),
                discriminationIndex: Figure.percent(question.discriminationIndex),
                discriminativeEfficiency: Figure.percent(question.discriminativeEfficiency),
                upperLowerIndex: Figure.percent(ofFraction: question.upperLowerIndex), reason: question.flagReason)
        }
    }
}
