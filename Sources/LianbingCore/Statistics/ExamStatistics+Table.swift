import Foundation

extension ExamStatistics {
    /// One row per question, flagged ones marked, in the order computed: what `exam stats` prints and what the
    /// statistics page downloads as CSV or .xlsx. Percentages as Moodle's report shows them, `—` where undefined.
    public func table(title: String) -> ReportTable {
        ReportTable(
            title: title, columns: ["复查", "题号", "得分率", "得分标准差", "区分度", "区分效率", "高低分组差"],
            rows: questions.map { question in
                [
                    question.isFlagged ? "⚠" : "", question.question, Self.percent(question.facility.map { $0 * 100 }),
                    Self.percent(question.sd.map { $0 * 100 }), Self.number(question.discriminationIndex),
                    Self.percent(question.discriminativeEfficiency), Self.number(question.upperLowerIndex, digits: 2),
                ]
            },
            kinds: [.text, .text, .percent, .percent, .number, .percent, .number])
    }

    /// A value already in percent.
    public static func percent(_ value: Double?) -> String { value.map { String(format: "%.1f%%", $0) } ?? "—" }

    public static func number(_ value: Double?, digits: Int = 1) -> String { value.map { String(format: "%.\(digits)f", $0) } ?? "—" }
}
