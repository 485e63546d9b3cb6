import Foundation
import LianbingCore

/// An exam's results as a spreadsheet: one candidate per row, in ranked order. The command line's `--export` and
/// the results page's download write the same file.
public enum ResultsCSV {
    public static let header = ["单位", "工号", "姓名", "得分", "状态", "名次", "用时"]

    public static func encode(_ results: [RankedResult]) -> Data {
        CSVWriter.encode([header] + results.map(cells))
    }

    public static func cells(_ result: RankedResult) -> [String] {
        let row = result.row
        return [
            row.unitName, row.staffNumber, row.name, row.score.map(points) ?? "", row.outcome.label,
            result.rank.map(String.init) ?? "", row.timeUsedSeconds.map(timeUsed) ?? "",
        ]
    }

    /// `35分12秒`.
    public static func timeUsed(_ seconds: Int) -> String { "\(seconds / 60)分\(seconds % 60)秒" }

    /// `86`, `86.5`: to the hundredth, without a trailing `.0`, as scores appear everywhere else.
    static func points(_ value: Double) -> String { MessageNumber.text(value) }
}
