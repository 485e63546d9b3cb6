import Foundation
import LianbingCore

/// The attendance file of a training session (考勤表): one person on one day per row.
///
/// ```
/// 工号,日期,状态,学时,备注
/// GZ0001,2026-03-05,出席,3,
/// GZ0002,2026-03-05,请假,,孩子生病
/// ```
///
/// 状态 is 出席, 缺席 or 请假 (or attended, absent, excused); 学时 is empty (the session's own hours apply) or a number
/// from 0 to 24, and only someone present may be credited hours. Only what a row says about itself is checked
/// here: whether the person was invited and the day lies within the session depend on the session and are checked
/// by the store.
public enum AttendanceCSV {
    /// The header row, exactly.
    public static let header = ["工号", "日期", "状态", "学时", "备注"]
    /// Most hours (学时) one person can be credited for one day.
    public static let maxHours = 24.0
    /// Longest accepted note (备注), in characters.
    public static let maxNoteLength = 200

    /// A parsed row and the line it came from, so the store's checks can still point at the file.
    public typealias Row = AttendanceImportRow

    /// The rows of an attendance file, or every problem in it, each with its line.
    public static func parse(_ data: Data, file: String, sheet: String? = nil) -> Result<[Row], ImportFailure> {
        read(data, file: file, sheet: sheet).flatMap(\.result)
    }

    /// The rows that parsed and the problems of the rest; fails outright only when the file as a whole is unusable.
    public static func read(_ data: Data, file: String, sheet: String? = nil) -> Result<ParsedImport<Row>, ImportFailure> {
        var firstLineOfRecord: [String: Int] = [:]
        return CSVTable.load(data, file: file, header: header, codeColumns: ["工号"], sheet: sheet).map { table in
            table.convert { row, reasons in
                let cells = row.cells

                let number = cells[0]
                let numberProblem = StaffNumberCell.problem(number)
                if let numberProblem { reasons.append(numberProblem) }

                let day = CivilDate(cells[1])
                if cells[1].isEmpty {
                    reasons.append("日期为空：应为 2026-03-05 这样的日期")
                } else if day == nil {
                    reasons.append("日期“\(cells[1])”无效：应为 2026-03-05 这样的日期")
                }

                // One record per person and day; the key uses the date as read, so 2026/3/5 and 2026-03-05 meet.
                if numberProblem == nil, let day {
                    let key = number + "\n" + day.description
                    if let first = firstLineOfRecord[key] {
                        reasons.append("工号 \(number) 在 \(day) 的考勤重复（第 \(first) 行已出现）")
                    } else {
                        firstLineOfRecord[key] = row.line
                    }
                }

                let status = AttendanceStatus(label: cells[2])
                if cells[2].isEmpty {
                    reasons.append("状态为空：应为 出席、缺席 或 请假")
                } else if status == nil {
                    reasons.append("状态“\(cells[2])”无效：应为 出席、缺席 或 请假")
                }

                let hours = parseHours(cells[3], reasons: &reasons)
                if let status, status != .attended, let hours, hours > 0 {
                    reasons.append("状态为\(status.label)时学时应为空或 0，实际为“\(cells[3])”")
                }

                let note = cells[4]
                if note.count > maxNoteLength { reasons.append("备注过长：\(note.count) 个字，最多 \(maxNoteLength) 个") }

                guard let day, let status else { return nil }
                return Row(line: row.line, staffNumber: number, day: day, status: status, hours: hours, note: note)
            }
        }
    }

    /// `rows` in the import format, in the order given (their `line` is not written); `parse` reads it back to the
    /// same records.
    public static func encode(_ rows: [Row]) -> Data {
        CSVWriter.encode(
            [header] + rows.map { [$0.staffNumber, $0.day.description, $0.status.label, $0.hours.map(hoursText) ?? "", $0.note] })
    }

    /// 学时: empty is `nil`; otherwise a plain decimal from 0 to `maxHours`. Never traps, whatever the cell holds.
    private static func parseHours(_ cell: String, reasons: inout [String]) -> Double? {
        if cell.isEmpty { return nil }
        // Plain decimals only: `Double.init` alone would also take `nan`, `inf`, `0x1p3` and `1e3`.
        guard cell.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-" || $0 == "+") }), let value = Double(cell) else {
            reasons.append("学时“\(cell)”无效：应为 0 到 24 之间的数，如 3 或 1.5；不单独记学时可留空")
            return nil
        }
        if value < 0 {
            reasons.append("学时“\(cell)”不能为负数")
            return nil
        }
        // A string of hundreds of digits reads as infinity.
        if !value.isFinite || value > maxHours {
            reasons.append("学时“\(cell)”超过 24：一天最多记 24 学时")
            return nil
        }
        return value
    }

    /// `3` rather than `3.0`; anything else in the shortest form that reads back to the same number.
    private static func hoursText(_ hours: Double) -> String {
        if hours.isFinite, hours == hours.rounded(), abs(hours) < 1e9 { return String(Int(hours)) }
        return String(hours)
    }
}
