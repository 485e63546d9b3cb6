import Foundation
import LianbingCore
import LianbingFormats
import Mustache

/// A `ReportTable` as a page draws it (partial `training-report`): the same title, columns and cells the CSV
/// download and the command line print, with links on the unit names and, when asked, a bar chart of one share
/// column drawn from those very cells, so the bars and the table beside them cannot disagree.
///
/// The parts answer the template's names themselves (`MustacheParent`) and hold no optionals: a table of a thousand
/// cells would otherwise have each missing name looked up by reflection through every enclosing object.
struct ReportTableView: Sendable, MustacheParent {
    struct Column: Sendable, MustacheParent {
        var text: String
        var numeric: Bool

        func child(named name: String) -> Any? {
            switch name {
            case "text": text
            case "numeric": numeric
            default: nil
            }
        }
    }

    struct Cell: Sendable, MustacheParent {
        var text: String
        /// `""` for none.
        var href: String
        var numeric: Bool

        var hasLink: Bool { !href.isEmpty }

        func child(named name: String) -> Any? {
            switch name {
            case "text": text
            case "href": href
            case "hasLink": hasLink
            case "numeric": numeric
            default: nil
            }
        }
    }

    struct Row: Sendable, MustacheParent {
        var cells: [Cell]
        var isTotal: Bool

        func child(named name: String) -> Any? {
            switch name {
            case "cells": cells
            case "isTotal": isTotal
            default: nil
            }
        }
    }

    var id: String
    var title: String
    var columns: [Column]
    var rows: [Row]
    var isEmpty: Bool
    /// The table's CSV download; `""` for none.
    var csv: String
    /// The same table as a workbook; `""` for none.
    var xlsx: String
    /// Rows shown when the list is cut short (`limit`), of `total`.
    var shown: Int
    var total: Int
    var truncated: Bool
    /// Inline SVG (already escaped by `SVGBarChart`), drawn above the table; `""` for none.
    var chart: String
    var note: String

    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "title": title
        case "columns": columns
        case "rows": rows
        case "isEmpty": isEmpty
        case "csv": csv
        case "hasCSV": !csv.isEmpty
        case "xlsx": xlsx
        case "hasXLSX": !xlsx.isEmpty
        case "shown": shown
        case "total": total
        case "truncated": truncated
        case "chart": chart
        case "hasChart": !chart.isEmpty
        case "note": note
        case "hasNote": !note.isEmpty
        default: nil
        }
    }

    /// `links` gives a link per row (`nil` for none); `totalRow` marks the last row as the 合计 line; `limit` shows
    /// only the first rows (the download has them all).
    init(
        _ table: ReportTable, id: String, csv: String?, xlsx: String? = nil, links: [String?] = [], totalRow: Bool = false, limit: Int? = nil,
        chart: String? = nil, note: String? = nil
    ) {
        self.id = id
        title = table.title
        let numericColumns = table.columns.indices.map { index in
            index > 0 && !table.columns[index].contains("工号") && !table.columns[index].contains("编码")
                && !table.rows.isEmpty && table.rows.allSatisfy { index < $0.count && Self.isNumeric($0[index]) }
        }
        columns = table.columns.enumerated().map { Column(text: $1, numeric: numericColumns[$0]) }
        let kept = limit.map { Array(table.rows.prefix($0)) } ?? table.rows
        rows = kept.enumerated().map { index, cells in
            Row(
                cells: cells.enumerated().map { column, text in
                    Cell(
                        text: text, href: (column == 0 && index < links.count ? links[index] : nil) ?? "",
                        numeric: column < numericColumns.count && numericColumns[column])
                },
                isTotal: totalRow && index == table.rows.count - 1)
        }
        isEmpty = table.rows.isEmpty
        self.csv = csv ?? ""
        self.xlsx = xlsx ?? ""
        shown = kept.count
        total = table.rows.count
        truncated = kept.count < table.rows.count
        self.chart = chart ?? ""
        self.note = note ?? ""
    }

    /// `12`, `85.3%`, `3.5` or the dash of an undefined share.
    static func isNumeric(_ text: String) -> Bool {
        text == "—" || (!text.isEmpty && Double(text.hasSuffix("%") ? String(text.dropLast()) : text) != nil)
    }

    /// A bar per row of `table` but its last `dropLast` (the 合计 line), labelled by the first cell and measured by
    /// the cell of `column`: `85.3%` draws as 85.3 against 100, `—` (nobody to divide by) as an empty bar reading
    /// `—`. Percentages use the fixed scale of 100.
    static func bars(_ table: ReportTable, column: String, dropLast: Int = 1) -> [ChartBar] {
        guard let index = table.columns.firstIndex(of: column) else { return [] }
        return table.rows.dropLast(dropLast).map { row in
            let text = index < row.count ? row[index] : "—"
            let number = Double(text.hasSuffix("%") ? String(text.dropLast()) : text)
            return ChartBar(label: row.first ?? "", value: number ?? 0, text: number == nil ? "—" : text)
        }
    }

    /// The bars of `column` as a chart; `maximum` 100 for a share column, `nil` to scale to the largest value.
    static func barChart(_ table: ReportTable, column: String, title: String, maximum: Double? = 100) -> String? {
        let bars = bars(table, column: column)
        guard !bars.isEmpty else { return nil }
        return SVGBarChart.svg(title: title, bars: bars, maximum: maximum)
    }
}
