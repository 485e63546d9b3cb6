import Foundation
import LianbingCore
import LianbingFormats
import LianbingStore

/// An exam's ranked results as the results page shows them: filtered to one unit, sorted by the column chosen.
/// Ranks stay the exam's own (1, 1, 3) whatever the order or filter.
struct ResultsTable: Sendable {
    enum Order: String, Sendable {
        case rank, score, unit, time
    }

    struct Line: Sendable {
        var rank: String
        var unitTrail: String
        var staffNumber: String
        var name: String
        var score: String
        var outcome: String
        var outcomeLabel: String
        var timeUsed: String
    }

    /// A column heading; a sortable one links to its order, keeping the unit filter.
    struct Heading: Sendable {
        var label: String
        var href: String?
        /// `aria-sort` of the column the table is sorted by.
        var sorted: String?
    }

    /// Larger exams read better as the CSV; the page stops here and says so.
    static let rowLimit = 1_000

    var lines: [Line]
    var headings: [Heading]
    var units: [SelectOption]
    var order: String
    var summary: String
    var truncated: Bool

    init(_ results: [RankedResult], examId: Int64, unit: String?, order: Order) {
        let chosen = results.filter { unit == nil || $0.row.unitCode == unit }
        let sorted = Self.sort(chosen, by: order)
        lines = sorted.prefix(Self.rowLimit).map { result in
            Line(
                rank: result.rank.map(String.init) ?? "—", unitTrail: result.row.unitTrail, staffNumber: result.row.staffNumber,
                name: result.row.name, score: result.row.score.map(AppDatabase.points) ?? "—", outcome: result.row.outcome.rawValue,
                outcomeLabel: result.row.outcome.label, timeUsed: result.row.timeUsedSeconds.map(ResultsCSV.timeUsed) ?? "—")
        }
        truncated = sorted.count > Self.rowLimit
        let columns: [(Order?, String)] = [(.rank, "名次"), (.unit, "单位"), (nil, "工号"), (nil, "姓名"), (.score, "得分"), (nil, "状态"), (.time, "用时")]
        headings = columns.map { column, label in
            guard let column else { return Heading(label: label) }
            let query = "sort=\(column.rawValue)" + (unit.map { "&unit=\($0.urlEncoded)" } ?? "")
            return Heading(
                label: label, href: "/exams/\(examId)/results?\(query)",
                sorted: column == order ? (column == .score ? "descending" : "ascending") : nil)
        }
        var seen: [String: String] = [:]
        for result in results { seen[result.row.unitCode] = result.row.unitTrail }
        units = seen.sorted { $0.key < $1.key }.map { SelectOption(value: $0.key, label: $0.value, selected: $0.key == unit) }
        self.order = order.rawValue
        let counts = CandidateOutcome.allCases.compactMap { outcome in
            let count = chosen.filter { $0.row.outcome == outcome }.count
            return count > 0 ? "\(outcome.label) \(count) 人" : nil
        }
        summary = "共 \(chosen.count) 人" + (counts.isEmpty ? "" : "：" + counts.joined(separator: "，"))
    }

    /// Ties keep the ranked order, so equal scores still list by time used and staff number.
    static func sort(_ results: [RankedResult], by order: Order) -> [RankedResult] {
        let ranked = Array(results.enumerated())
        func key(_ result: RankedResult) -> (Int, Double, String) {
            switch order {
            case .rank: (0, 0, "")
            case .score: result.row.score.map { (0, -$0, "") } ?? (1, 0, "")
            case .unit: (0, 0, result.row.unitTrail + "\u{0}" + result.row.unitCode)
            case .time: result.row.timeUsedSeconds.map { (0, Double($0), "") } ?? (1, 0, "")
            }
        }
        return ranked.sorted { a, b in
            let (ka, kb) = (key(a.element), key(b.element))
            return ka != kb ? ka < kb : a.offset < b.offset
        }.map(\.element)
    }
}
