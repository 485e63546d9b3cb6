import ArgumentParser
import Foundation
import LianbingCore
import LianbingFormats
import LianbingStore

extension TrainingCommand {
    struct Attend: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "登记出勤：导入考勤表，或登记一人一天。",
            discussion: """
                考勤表表头：工号,日期,状态,学时,备注（状态为 出席、缺席 或 请假；学时留空则按培训学时均分到每天）。\
                有任何错误则全部不导入，并逐行列出 文件:行: 原因。
                培训须已发布；已结束的培训出勤已锁定，更正须用 --reason 写明更正原因，每条更正留痕。
                """)

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "培训编号。")
        var session: Int64

        @Option(help: "考勤表 CSV 文件（UTF-8 或 GBK/GB18030 均可）或 .xlsx 工作簿。", completion: .file(extensions: ["csv", "xlsx"]))
        var `import`: String?

        @OptionGroup var sheetOption: SheetOption

        @Option(help: "登记一人：工号。")
        var staff: String?

        @Option(help: "登记一人：日期（YYYY-MM-DD），须为培训的某一天。")
        var day: String?

        @Option(help: "登记一人：出席、缺席 或 请假。")
        var status: String?

        @Option(help: "登记一人：学时（0–24）；省略则出席者按培训学时均分到每天，缺席和请假为 0。")
        var hours: Double?

        @Option(help: "登记一人：备注（缺席、请假的原因），不超过 200 个字。")
        var note: String?

        @Option(help: "更正原因：培训已结束时必填，不超过 200 个字。")
        var reason: String?

        func validate() throws {
            let single = staff != nil || day != nil || status != nil || hours != nil || note != nil
            if `import` != nil {
                guard !single else { throw ValidationError("--import 与 --staff/--day/--status/--hours/--note 不能同时使用") }
            } else {
                guard let staff, let day, let status else {
                    throw ValidationError("请用 --import 导入考勤表，或用 --staff、--day、--status 登记一人一天")
                }
                guard !staff.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--staff 工号不能为空") }
                _ = try CivilDateOption.parse(day, option: "--day")
                let mark = try TrainingArgument.attendance(status)
                if let hours {
                    guard hours.isFinite, AttendanceMark.hoursRange.contains(hours) else { throw ValidationError("--hours 须为 0 到 24 之间的数（学时）") }
                    guard mark == .attended || hours == 0 else { throw ValidationError("状态为\(mark.label)时不能记学时") }
                }
                if let note, note.count > 200 { throw ValidationError("--note 不超过 200 个字") }
            }
            if let reason {
                guard !reason.trimmingCharacters(in: .whitespaces).isEmpty, reason.count <= 200 else {
                    throw ValidationError("--reason 不能为空，且不超过 200 个字")
                }
            }
        }

        func run() async throws {
            try await reportingErrors {
                let summary: AttendanceSummary
                if let file = `import` {
                    let parsed = try AttendanceCSV.read(try readInput(file), file: file, sheet: sheetOption.sheet).get()
                    let db = try database.open()
                    summary = try await db.importAttendance(session, parsed, file: file, amendmentReason: reason, by: try await db.operatorPrincipal())
                } else {
                    let mark = AttendanceMark(
                        staffNumber: staff!.trimmingCharacters(in: .whitespaces), day: try CivilDateOption.parse(day!, option: "--day"),
                        status: try TrainingArgument.attendance(status!), reason: note ?? "", hours: hours)
                    let db = try database.open()
                    summary = try await db.recordAttendance(session, [mark], amendmentReason: reason, by: try await db.operatorPrincipal())
                }
                var parts = ["已登记出勤 \(summary.recorded) 条"]
                if summary.walkIns > 0 { parts.append("其中未受邀而在培训对象范围内的 \(summary.walkIns) 条") }
                if summary.amended > 0 { parts.append("更正 \(summary.amended) 条（已留痕）") }
                Console.out(parts.joined(separator: "，") + "。")
            }
        }
    }
}
