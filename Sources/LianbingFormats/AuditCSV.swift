import Foundation
import LianbingCore

/// The audit log as a spreadsheet, times in China time; `lianbing audit export` and the log page's download write it
/// as CSV or, through `TableFormat`, a workbook (the time a date cell, the rest text).
public enum AuditCSV {
    public static let header = ["时间", "操作人", "操作", "对象", "详情"]

    static let kinds: [ReportTable.ColumnKind] = [.date, .text, .text, .text, .text]

    public static func table(_ entries: [AuditEntry]) -> ReportTable {
        ReportTable(
            title: "操作日志", columns: header,
            rows: entries.map { [ChinaTime.format($0.at), $0.actor, $0.action, $0.subject, $0.detail] }, kinds: kinds)
    }
}
