import Foundation
import LianbingCore

/// A contest's final ranking as a spreadsheet: one team per row, in ranked order (teams sharing a place share its
/// number). The command line's `contest export` and the results page write it, as CSV through `CSVWriter` (UTF-8 with
/// a BOM, formula-like cells guarded, so a team called `=HYPERLINK(…)` stays text) or as a workbook.
///
/// ```
/// 名次,参赛队,单位,队员,总分,笔试,答错题数,答题用时（秒）,加赛
/// 1,天河一队,天河区,陈一、李二,130,0,1,12.5,0
/// ```
///
/// Points are written as the board shows them (`ContestPoints.text`: `130`, `87.5`, `-3.25`); the answering time
/// is the tie-breaker's sum in seconds, to the millisecond.
public enum ContestResultsCSV {
    public static let header = ["名次", "参赛队", "单位", "队员", "总分", "笔试", "答错题数", "答题用时（秒）", "加赛"]

    /// Joins a team's member names in the 队员 cell, as Chinese lists are written (`ListCell` reads it back).
    public static let memberSeparator = "、"

    /// What each column holds in a workbook: the place, points, counts and seconds numbers; team, unit and members text.
    static let kinds: [ReportTable.ColumnKind] = [.number, .text, .text, .text, .number, .number, .number, .number, .number]

    /// `standings` ranked (`Scoreboard.build`, `ScoreTally.board`); `members` each team's member names by team id, in
    /// the order to list them; `unitNames` a unit's name by code (a code without a name is written as the code). Written
    /// as CSV or a workbook by `TableFormat`.
    public static func table(
        _ standings: [ContestStanding], members: [Int64: [String]], unitNames: [String: String] = [:], title: String
    ) -> ReportTable {
        ReportTable(
            title: title, columns: header,
            rows: standings.map { cells($0, members: members[$0.entrant.id] ?? [], unitName: unitNames[$0.entrant.unitCode]) }, kinds: kinds)
    }

    public static func cells(_ standing: ContestStanding, members: [String], unitName: String? = nil) -> [String] {
        [
            String(standing.rank), standing.entrant.name, unitName ?? standing.entrant.unitCode, members.joined(separator: memberSeparator),
            standing.points.text, standing.written.text, String(standing.wrongAnswers), seconds(standing.answerMilliseconds), standing.playoff.text,
        ]
    }

    /// Milliseconds as seconds without trailing zeros: `12500` → `12.5`, `3000` → `3`, `1234` → `1.234`.
    public static func seconds(_ milliseconds: Int) -> String {
        let sign = milliseconds < 0 ? "-" : ""
        let magnitude = milliseconds.magnitude
        let whole = magnitude / 1_000
        var fraction = String(magnitude % 1_000)
        guard fraction != "0" else { return sign + String(whole) }
        fraction = String(repeating: "0", count: 3 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return "\(sign)\(whole).\(fraction)"
    }
}
