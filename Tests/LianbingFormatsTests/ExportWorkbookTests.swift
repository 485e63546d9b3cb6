import Foundation
import LianbingCore
import Testing

@testable import LianbingFormats

/// The exports that gained a workbook beside their CSV (contest results, the audit log, the unit tree), read back by
/// the product's own reader: the same text as the CSV, numbers as number cells, codes as text, times as dates.
@Suite struct ExportWorkbookTests {
    static let exportedAt = ChinaTime.parse("2026-12-04 18:05")!

    /// The records `WorkbookReader` gives for the first sheet of `table` written as a workbook.
    static func records(_ table: ReportTable) throws -> [CSVRecord] {
        let data = try TableFormat.xlsx.encode(table, exportedAt: exportedAt)
        return try WorkbookReader.open(data, file: "导出.xlsx").get().records().get().records
    }

    @Test func contestResultsTypeEachColumn() throws {
        let board = Scoreboard.build(ContestResultsCSVTests.setup, events: ContestResultsCSVTests.events)
        let table = ContestResultsCSV.table(
            board, members: ContestResultsCSVTests.members, unitNames: ContestResultsCSVTests.unitNames, title: "区级比武")
        let records = try Self.records(table)
        #expect(records.map(\.fields) == [table.columns] + table.rows)
        // 名次, 总分, 笔试, 答错题数, 答题用时（秒）, 加赛 are numbers (a negative total too, which the CSV guards);
        // the team, the unit (a code where it has no name) and the members text.
        #expect(records.dropFirst().allSatisfy { Set($0.numbers.keys) == [0, 4, 5, 6, 7, 8] })
        #expect(records[3].fields[2] == "440113" && records[4].numbers[4] == -3.25 && records[1].numbers[7] == 12.5)
        #expect(records[4].fields[1] == "=HYPERLINK(\"x\")", "a text cell, never a formula")
    }

    @Test func auditLogTimesAreDates() throws {
        let entries = [
            AuditEntry(id: 1, at: ChinaTime.parse("2026-11-25 22:47")!, actor: "10086", action: "exam.override", subject: "考试 3 考生 00012", detail: "延长 5 分钟"),
        ]
        let table = AuditCSV.table(entries)
        let records = try Self.records(table)
        #expect(records.map(\.fields) == [AuditCSV.header, ["2026-11-25 22:47", "10086", "exam.override", "考试 3 考生 00012", "延长 5 分钟"]])
        #expect(records[1].numbers.isEmpty, "an actor of digits stays text")
        let sheet = try #require(try WorkbookWriterTests.read(try TableFormat.xlsx.encode(table, exportedAt: Self.exportedAt)).first)
        #expect(sheet.rows[1][0] == WorkbookWriterTests.Cell("2026-11-25 22:47:00", "d", isDate: true))
        #expect(sheet.header == ["操作日志", "导出时间 2026-12-04 18:05"] && sheet.freeze == "A2" && sheet.bold)
    }

    /// `org export --format xlsx` writes what `org import` reads back: codes text (the import refuses number cells
    /// there), 辖区退役军人数 a number.
    @Test func unitTreeWorkbookImportsBack() throws {
        let units = [
            ServiceUnit(code: "44", name: "广东省退役军人服务中心", level: .province, parentCode: nil),
            ServiceUnit(code: "4401", name: "广州市退役军人服务中心", level: .city, parentCode: "44"),
            ServiceUnit(code: "440183101001", name: "城郊村服务站", level: .village, parentCode: "4401"),
        ]
        let attributes = ["440183101001": UnitAttributes(veteransServed: 860, heavyDuty: true)]
        let table = OrgCSV.table(units, attributes: attributes)
        let records = try Self.records(table)
        #expect(records.dropFirst().allSatisfy { $0.numbers.keys.allSatisfy { $0 == 4 } } && records[3].numbers[4] == 860)
        let data = try TableFormat.xlsx.encode(table, exportedAt: Self.exportedAt)
        let parsed = try OrgCSV.read(data, file: "单位.xlsx").get()
        #expect(parsed.rows.map(\.unit) == units)
        #expect(parsed.rows.map(\.attributes) == units.map { attributes[$0.code] ?? UnitAttributes() })
        let plain = try OrgCSV.read(try TableFormat.xlsx.encode(OrgCSV.table(units), exportedAt: Self.exportedAt), file: "单位.xlsx").get()
        #expect(plain.rows.map(\.unit) == units)
    }
}
