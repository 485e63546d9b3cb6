import Foundation
import LianbingCore

/// The audit log as a spreadsheet, times in China time; `lianbing audit export` and the log page's download write it.
public enum AuditCSV {
    public static let header = ["时间", "操作人", "操作", "对象", "详情"]

    public static func encode(_ entries: [AuditEntry]) -> Data {
        CSVWriter.encode([header] + entries.map { [ChinaTime.format($0.at), $0.actor, $0.action, $0.subject, $0.detail] })
    }
}
