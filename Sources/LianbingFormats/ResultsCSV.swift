import Foundation
import LianbingCore

/// An exam's results as a spreadsheet: one candidate per row, in ranked order, each row carrying the exam's title
/// and pass mark so that files of several exams can be pasted together. The command line's `--export` and the
/// results page's download write the same file.
public enum ResultsCSV {
    public static let examHeader = ["考试", "合格分数"]
    /// What the command line also prints, one candidate a line.
    public static let candidateHeader = ["单位", "单位路径", "工号", "姓名", "岗位", "得分", "状态", "名次", "交卷时间", "用时（分钟）"]
    public static var header: [String] { examHeader + candidateHeader }

    /// What each column holds in a workbook: codes and names text, scores, ranks and minutes numbers, the
    /// submission time a date.
    static let kinds: [ReportTable.ColumnKind] = [.text, .number, .text, .text, .text, .text, .text, .number, .text, .number, .date, .number]

    /// The rows as a table, written as CSV or a workbook by `TableFormat`.
    public static func table(_ results: [RankedResult], title: String, passMark: Double) -> ReportTable {
        let exam = [title, points(passMark)]
        return ReportTable(title: title, columns: header, rows: results.map { exam + cells($0) }, kinds: kinds)
    }

    public static func cells(_ result: RankedResult) -> [String] {
        let row = result.row
        return [
            row.unitName, row.unitTrail, row.staffNumber, row.name, row.post ?? "", row.score.map(points) ?? "", row.outcome.label,
            result.rank.map(String.init) ?? "", row.submittedAt.map(ChinaTime.format) ?? "", row.timeUsedSeconds.map(minutes) ?? "",
        ]
    }

    /// `成绩-第四季度集中考核.csv` (or `.xlsx`): a name people recognise in their downloads, without the characters
    /// Windows refuses.
    public static func filename(title: String, report: String = "成绩", format: TableFormat = .csv) -> String {
        let refused = CharacterSet(charactersIn: "\\/:*?\"<>|").union(.controlCharacters)
        let safe = String(String.UnicodeScalarView(title.unicodeScalars.map { refused.contains($0) ? "_" : $0 }))
        return "\(report)-\(safe.trimmingCharacters(in: .whitespaces)).\(format.rawValue)"
    }

    /// `35分12秒`, as pages show time used.
    public static func timeUsed(_ seconds: Int) -> String { "\(seconds / 60)分\(seconds % 60)秒" }

    /// `35.2`: minutes to a tenth, a number a spreadsheet can sum and average.
    static func minutes(_ seconds: Int) -> String { MessageNumber.text((Double(seconds) / 6).rounded() / 10) }

    /// `86`, `86.5`: to the hundredth, without a trailing `.0`, as scores appear everywhere else.
    static func points(_ value: Double) -> String { MessageNumber.text(value) }
}
