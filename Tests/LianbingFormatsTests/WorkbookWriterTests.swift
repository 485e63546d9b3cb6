import Foundation
import LianbingCore
import LianbingFormats
import Testing

/// Workbooks read back by another program, Debian's python3-openpyxl: the sheets, every cell's value and type
/// (codes text, scores numbers, times dates), the header bold and frozen, the printed page header, drop-downs.
@Suite struct WorkbookWriterTests {
    static let python = "/usr/bin/python3"

    /// What openpyxl sees: per sheet its name, frozen cell, whether A1 is bold, the page header, the drop-down lists
    /// (`B2:B1001` → `"单选,多选…"`), and each cell as `[text, type, is a date]` (dates as `2026-11-25 22:47:00`).
    static let reader = """
        import json, sys
        from openpyxl import load_workbook
        book = load_workbook(sys.argv[1])
        out = []
        for sheet in book.worksheets:
            rows = [[(None if cell.value is None else str(cell.value), cell.data_type, cell.is_date) for cell in row] for row in sheet.iter_rows()]
            header = sheet.oddHeader
            lists = {str(v.sqref): v.formula1 for v in sheet.data_validations.dataValidation if v.type == 'list'}
            out.append({'name': sheet.title, 'freeze': sheet.freeze_panes, 'bold': bool(sheet['A1'].font.b),
                        'header': [header.left.text, header.right.text], 'lists': lists, 'rows': rows})
        json.dump(out, sys.stdout, ensure_ascii=False)
        """

    struct Sheet: Decodable {
        var name: String
        var freeze: String?
        var bold: Bool
        var header: [String?]
        var lists: [String: String]
        var rows: [[Cell]]

        /// The cells of a column below the header.
        func column(_ index: Int) -> [Cell] { rows.dropFirst().map { $0[index] } }
    }

    /// `[value, type, isDate]` as openpyxl gives it: type `s` text, `n` number (dates too, with `isDate`).
    struct Cell: Decodable, Equatable {
        var value: String?
        var type: String
        var isDate: Bool

        init(_ value: String?, _ type: String, isDate: Bool = false) {
            self.value = value
            self.type = type
            self.isDate = isDate
        }

        init(from decoder: any Decoder) throws {
            var container = try decoder.unkeyedContainer()
            value = try container.decodeNil() ? nil : try container.decode(String.self)
            type = try container.decode(String.self)
            isDate = try container.decode(Bool.self)
        }
    }

    static func read(_ data: Data) throws -> [Sheet] {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lianbing-test-\(UUID().uuidString).xlsx")
        try data.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", reader, url.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let bytes = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "openpyxl could not read the workbook")
        return try JSONDecoder().decode([Sheet].self, from: bytes)
    }

    static let exportedAt = ChinaTime.parse("2026-12-04 18:05")!

    @Test func openpyxlReadsBackCodesAsTheTextWritten() throws {
        let roster = ReportTable(
            title: "证书", columns: ["证书编号", "单位编码", "姓名", "备注"],
            rows: [
                ["LB-2026-000001-K", "440106000000", "张三", "=1+1"],
                ["LB-2026-000002-3", "440106001001", "欧阳小明", ""],
            ])
        let other = ReportTable(title: "证书", columns: ["a"], rows: [["0012"]])
        let odd = ReportTable(title: "到期/过期:[2026]*?一览表一览表一览表一览表一览表一览表一览表", columns: ["x"], rows: [])
        let sheets = try Self.read(try WorkbookWriter.encode([roster, other, odd], exportedAt: Self.exportedAt))
        // Forbidden characters replaced, cut to 31 characters, a repeated title numbered.
        #expect(sheets.map(\.name) == ["证书", "证书（2）", "到期_过期__2026___一览表一览表一览表一览表一览表一览"])
        #expect(sheets.allSatisfy { $0.freeze == "A2" && $0.bold })
        #expect(sheets[0].header == ["证书", "导出时间 2026-12-04 18:05"])
        let rows = sheets[0].rows.map { $0.map(\.value) }
        #expect(rows == [["证书编号", "单位编码", "姓名", "备注"], ["LB-2026-000001-K", "440106000000", "张三", "=1+1"], ["LB-2026-000002-3", "440106001001", "欧阳小明", nil]])
        #expect(sheets[0].rows[1].allSatisfy { $0.type == "s" }, "every cell is text, the formula-looking one too")
        #expect(sheets[1].rows[1][0] == Cell("0012", "s"))
    }

    /// The results export: unit code and 工号 text (leading zeros kept), score, rank and minutes numbers, the
    /// submission time a date in China time, `—`-less empty cells left empty.
    /// Two result lines: one passed with a 工号 that keeps its leading zeros, one not started with an 18-digit 工号.
    static let sampleResults = [
        RankedResult(
            row: ResultRow(
                unitCode: "440106000000", unitName: "天河区", staffNumber: "00012", name: "张三", score: 86.5, outcome: .passed,
                timeUsedSeconds: 2112, submittedAt: ChinaTime.parse("2026-11-25 22:47")),
            rank: 1),
        RankedResult(
            row: ResultRow(unitCode: "440106001001", unitName: "沙河街道", staffNumber: "440106199001011234", name: "李四", score: nil, outcome: .notStarted, timeUsedSeconds: nil),
            rank: nil),
    ]

    @Test func resultsWorkbookTypesEachColumn() throws {
        let rows = Self.sampleResults
        let table = ResultsCSV.table(rows, title: "第四季度集中考核 & 复核", passMark: 60)
        let sheet = try #require(try Self.read(try TableFormat.xlsx.encode(table, exportedAt: Self.exportedAt)).first)
        let column = { (name: String) in sheet.column(ResultsCSV.header.firstIndex(of: name)!) }
        #expect(sheet.rows[0].map(\.value) == ResultsCSV.header)
        // `&&` is how a page header spells `&` (openpyxl shows the code as stored; Excel prints one `&`).
        #expect(sheet.header == ["第四季度集中考核 && 复核", "导出时间 2026-12-04 18:05"])
        #expect(column("工号") == [Cell("00012", "s"), Cell("440106199001011234", "s")])
        #expect(column("单位") == [Cell("天河区", "s"), Cell("沙河街道", "s")])
        #expect(column("合格分数") == [Cell("60", "n"), Cell("60", "n")])
        #expect(column("得分") == [Cell("86.5", "n"), Cell(nil, "n")])
        #expect(column("名次")[0] == Cell("1", "n"))
        #expect(column("用时（分钟）")[0] == Cell("35.2", "n"))
        #expect(column("交卷时间")[0] == Cell("2026-11-25 22:47:00", "d", isDate: true))
        // The CSV is the same table.
        #expect(String(decoding: try TableFormat.csv.encode(table, exportedAt: Self.exportedAt), as: UTF8.self).contains("00012"))
    }

    /// The kinds a table declares decide its cells, not how they look: a code column of digits stays text, shares are
    /// percentages, `—` and other words in a number column stay text; an undeclared column is text.
    @Test func declaredKindsDecideTheCells() throws {
        let table = ReportTable(
            title: "培训覆盖", columns: ["单位", "单位编码", "应训人数", "覆盖率", "最近培训", "备注"],
            rows: [["101", "440100000000", "12", "85.3%", "2026-11-02", "13"], ["102", "0012", "—", "—", "2026-11-03 09:30", ""], ["103", "", "", "", "从未参训", ""]],
            kinds: [.text, .text, .number, .percent, .date])
        let sheet = try #require(try Self.read(try WorkbookWriter.encode([table], exportedAt: Self.exportedAt)).first)
        #expect(sheet.rows[1].map(\.type) == ["s", "s", "n", "n", "d", "s"])
        #expect(sheet.rows[1][3] == Cell("0.853", "n") && sheet.rows[1][5] == Cell("13", "s"))
        #expect(sheet.rows[2][1] == Cell("0012", "s") && sheet.rows[2][2] == Cell("—", "s") && sheet.rows[2][3] == Cell("—", "s"))
        #expect(sheet.rows[1][4] == Cell("2026-11-02 00:00:00", "d", isDate: true))
        #expect(sheet.rows[2][4] == Cell("2026-11-03 09:30:00", "d", isDate: true))
        #expect(sheet.rows[3][4] == Cell("从未参训", "s"))
    }

    /// `bank template --format xlsx`: the CSV template's columns and examples, drop-downs on 题型, 难度, 用途 and 状态,
    /// and a second sheet explaining every column.
    @Test func questionTemplateHasDropDownsAndAGuide() throws {
        let sheets = try Self.read(try QuestionTemplateWorkbook.encode(exportedAt: Self.exportedAt))
        #expect(sheets.map(\.name) == ["题目", "填写说明"])
        #expect(sheets[0].rows.count == 3 && sheets[0].rows[0].map(\.value) == QuestionCSV.fullHeader)
        #expect(sheets[0].rows[1][0] == Cell("XD19-001", "s") && sheets[0].rows[1][15] == Cell("2", "s"))
        #expect(
            sheets[0].lists == [
                "B2:B1001": "\"单选,多选,判断,填空,简答\"", "P2:P1001": "\"1,2,3,4,5\"", "R2:R1001": "\"考试,练习,通用\"",
                "U2:U1001": "\"草稿,启用,停用\"",
            ])
        #expect(sheets[1].rows.count == QuestionCSV.fullHeader.count + 1)
        #expect(sheets[1].rows.dropFirst().allSatisfy { $0[1].value?.isEmpty == false })
        #expect(sheets[1].rows[2].map(\.value) == ["题型", "必填，下拉选择：单选、多选、判断、填空、简答", "单选", "填空"])
    }
}
