import Foundation
import LianbingCore
import Testing

@testable import LianbingFormats

/// Workbooks written by another program (openpyxl, `Fixtures/make_workbooks.py`) through an ordinary import, the staff
/// roster: what imports, and what is refused at which cell.
@Suite struct WorkbookImportTests {
    static func fixture(_ name: String) throws -> Data {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "xlsx", subdirectory: "Fixtures"))
        return try Data(contentsOf: url)
    }

    @Test("Given a roster under a merged title row, when imported, then codes as numbers or text, dates, booleans and a formula's value land")
    func roster() throws {
        let rows = try #require(StaffCSV.parse(try Self.fixture("roster"), file: "roster.xlsx").value)
        #expect(rows.map(\.line) == [3, 4, 5])
        #expect(rows.map(\.staff.number) == ["GZ0001", "1002", "GZ0003"])
        #expect(rows.map(\.staff.unitCode) == ["440100000000", "440106000000", "440106000000"])
        #expect(rows.map(\.staff.hireDate) == [CivilDate(year: 2021, month: 3, day: 5), CivilDate(year: 2019, month: 12, day: 31), nil])
        #expect(rows.map(\.staff.isVeteran) == [true, false, false])
        #expect(rows.map(\.staff.isActive) == [true, true, false])
        #expect(rows[0].staff.specialties == ["法律", "心理服务"])
    }

    @Test("Given a sheet name, when imported, then that sheet is read; an unknown name is refused with the sheets there are")
    func namedSheet() throws {
        let data = try Self.fixture("roster")
        #expect(StaffCSV.parse(data, file: "roster.xlsx", sheet: "第二批").value?.map(\.staff.number) == ["GZ0009"])
        let issues = StaffCSV.parse(data, file: "roster.xlsx", sheet: "第三批").issues
        #expect(issues.map(\.reason) == ["工作簿里没有名为“第三批”的工作表（有：人员、第二批）"])
    }

    @Test("Given a formula saved without its value, when imported, then it is refused at its cell")
    func uncachedFormula() throws {
        let issues = StaffCSV.read(try Self.fixture("formula_uncached"), file: "f.xlsx").issues
        #expect(issues.map(\.place) == ["Sheet!C3"])
        #expect(issues.first?.description.hasPrefix("f.xlsx Sheet!C3: 单元格是公式，但文件里没有保存计算结果") == true)
    }

    @Test("Given an 18-digit staff number and a unit code with a fraction as numbers, when imported, then both cells are refused and the good row kept")
    func badCodes() throws {
        let read = try #require(StaffCSV.read(try Self.fixture("bad_codes"), file: "b.xlsx").value)
        #expect(read.issues.map(\.place) == ["Sheet!A2", "Sheet!C3"])
        #expect(read.issues.allSatisfy { $0.reason.hasSuffix("请把这一列设置为文本格式后重新输入") })
        #expect(read.issues[0].reason.hasPrefix("工号是超过 15 位的数字"))
        #expect(read.issues[1].reason == "单位编码是带小数的数字 4401.5，不是编码：请把这一列设置为文本格式后重新输入")
        #expect(read.rows.map(\.staff.number) == ["GZ0003"])
    }

    @Test("Given an empty sheet, when imported, then it is refused saying so")
    func emptySheet() throws {
        let issues = StaffCSV.read(try Self.fixture("empty"), file: "e.xlsx").issues
        #expect(issues.map(\.description) == ["e.xlsx Sheet1: 工作表“Sheet1”是空的：没有任何数据"])
    }

    @Test("Given a workbook in the 1904 date system, when imported, then its dates are the dates shown")
    func date1904() throws {
        let rows = StaffCSV.parse(try Self.fixture("date1904"), file: "d.xlsx").value
        #expect(rows?.map(\.staff.hireDate) == [CivilDate(year: 2021, month: 3, day: 5)])
    }

    @Test("Given the product's own workbook (shared strings), when imported, then the roster reads back")
    func ownWorkbook() throws {
        let table = ReportTable(title: "人员", columns: StaffCSV.header, rows: [["GZ0001", "张三", "440100000000", "主任", "是", "否", "", "2021-03-05", "是"]])
        let data = try WorkbookWriter.encode([table], exportedAt: Date(timeIntervalSince1970: 0))
        let rows = StaffCSV.parse(data, file: "own.xlsx").value
        #expect(rows?.map(\.staff.unitCode) == ["440100000000"])
        #expect(rows?.map(\.staff.hireDate) == [CivilDate(year: 2021, month: 3, day: 5)])
    }

    @Test(
        "Given an old .xls, a WPS .et or a broken .xlsx, when imported, then it is refused with 请另存为 .xlsx",
        arguments: [
            (Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]), "a.csv"), (utf8("工号\n"), "a.et"),
            (utf8("工号\n"), "a.xlsx"), (Fixture.zipHeader, "a.csv"),
        ])
    func refused(data: Data, file: String) {
        let issues = StaffCSV.read(data, file: file).issues
        #expect(issues.count == 1)
        #expect(issues.first?.reason.contains("请另存为 .xlsx") == true)
    }

    @Test("Given a CSV file with a title line above the header, when imported, then the title is skipped and lines kept")
    func csvTitle() {
        let text = "人员名单,,,,,,,,\r\n" + StaffCSV.header.joined(separator: ",") + "\r\nGZ0001,张三,4401,主任,是,否,,,是\r\n"
        #expect(StaffCSV.parse(utf8(text), file: "a.csv").value?.map(\.line) == [3])
    }
}
