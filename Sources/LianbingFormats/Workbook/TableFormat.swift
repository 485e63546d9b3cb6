import Foundation
import LianbingCore

/// The two files a table is exported as: CSV (`ReportTableCSV`) or an Excel workbook (`WorkbookWriter`). Every
/// export builds its `ReportTable` once and offers both.
public enum TableFormat: String, Sendable, CaseIterable {
    case csv
    case xlsx

    /// `--format` when given, else the extension of the output path (`成绩.xlsx`), else CSV.
    public static func forFile(_ path: String, asked: TableFormat?) -> TableFormat {
        asked ?? (path.lowercased().hasSuffix(".xlsx") ? .xlsx : .csv)
    }

    public func encode(_ table: ReportTable, exportedAt: Date) throws -> Data {
        switch self {
        case .csv: ReportTableCSV.encode(table)
        case .xlsx: try WorkbookWriter.encode([table], exportedAt: exportedAt)
        }
    }

    public var contentType: String {
        switch self {
        case .csv: "text/csv; charset=utf-8"
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        }
    }
}
