import Foundation
import LianbingCore
import LianbingFormats
import Testing

/// Workbooks read back by another program, Debian's python3-openpyxl: the sheets, every cell as the text written
/// (codes keep their digits, a leading `=` is not a formula), the header bold and frozen.
@Suite struct WorkbookWriterTests {
    static let python = "/usr/bin/python3"

    /// What openpyxl sees: per sheet its name, frozen cell, whether A1 is bold, and each cell's value and type.
    static let reader = """
        import json, sys
        from openpyxl import load_workbook
        book = load_workbook(sys.argv[1])
        out = []
        for sheet in book.worksheets:
            rows = [[(cell.value, cell.data_type) for cell in row] for row in sheet.iter_rows()]
            out.append({'name': sheet.title, 'freeze': sheet.freeze_panes, 'bold': bool(sheet['A1'].font.b), 'rows': rows})
        json.dump(out, sys.stdout, ensure_ascii=False)
        """

    struct Sheet: Decodable {
        var name: String
        var freeze: String?
        var bold: Bool
        var rows: [[Cell]]
    }

    /// `[value, type]` as openpyxl gives it.
    struct Cell: Decodable, Equatable {
        var value: String?
        var type: String

        init(from decoder: any Decoder) throws {
            var container = try decoder.unkeyedContainer()
            value = try container.decodeNil() ? nil : try container.decode(String.self)
            type = try container.decode(String.self)
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

    @Test func openpyxlReadsBackEveryCellAsTheTextWritten() throws {
        let roster = ReportTable(
            title: "证书", columns: ["证书编号", "单位编码", "姓名", "备注"],
            rows: [
                ["LB-2026-000001-K", "440106000000", "张三", "=1+1"],
                ["LB-2026-000002-3", "440106001001", "欧阳小明", ""],
            ])
        let other = ReportTable(title: "证书", columns: ["a"], rows: [["0012"]])
        let odd = ReportTable(title: "到期/过期:[2026]*?一览表一览表一览表一览表一览表一览表一览表", columns: ["x"], rows: [])
        let sheets = try Self.read(try WorkbookWriter.encode([roster, other, odd]))
        // Forbidden characters replaced, cut to 31 characters, a repeated title numbered.
        #expect(sheets.map(\.name) == ["证书", "证书（2）", "到期_过期__2026___一览表一览表一览表一览表一览表一览"])
        #expect(sheets.allSatisfy { $0.freeze == "A2" && $0.bold })
        let rows = sheets[0].rows.map { $0.map(\.value) }
        #expect(rows == [["证书编号", "单位编码", "姓名", "备注"], ["LB-2026-000001-K", "440106000000", "张三", "=1+1"], ["LB-2026-000002-3", "440106001001", "欧阳小明", nil]])
        #expect(sheets[0].rows[1].allSatisfy { $0.type == "s" }, "every cell is text, the formula-looking one too")
        #expect(sheets[1].rows[1][0] == (try JSONDecoder().decode(Cell.self, from: Data(#"["0012","s"]"#.utf8))))
    }
}
