import CXlsxWriter
import Foundation
import LianbingCore

/// Why a workbook could not be written. `description` is the Chinese sentence shown to the person who asked.
public enum WorkbookError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedError {
    /// More rows or columns than a worksheet holds (1,048,576 × 16,384).
    case tooLarge(sheet: String)
    /// libxlsxwriter refused, with its own message.
    case writeFailed(String)

    public var description: String {
        switch self {
        case .tooLarge(let sheet): "工作表“\(sheet)”超过 Excel 的行列上限（1,048,576 行、16,384 列），请缩小范围后再导出"
        case .writeFailed(let reason): "生成 Excel 文件失败：\(reason)"
        }
    }

    public var errorDescription: String? { description }
}

/// Tables as an Excel workbook (.xlsx), one worksheet per table: the header row bold and frozen, columns sized to
/// their content. Written once, for every export that offers a workbook beside its CSV.
///
/// Every cell is written as text. Unit codes and staff numbers are long digit strings that Excel would turn into
/// `4.40106E+11` as numbers, losing digits; as text they stay exact, and a cell starting with `=` is never a formula.
/// The encoder is Debian's libxlsxwriter (`CXlsxWriter`), which writes to a file: the workbook is written to a
/// temporary file, read back and removed.
public enum WorkbookWriter {
    public static func encode(_ tables: [ReportTable]) throws -> Data {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lianbing-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        guard let workbook = workbook_new(url.path) else { throw WorkbookError.writeFailed("无法创建临时文件") }
        let header = workbook_add_format(workbook)
        format_set_bold(header)
        var used: Set<String> = []
        for table in tables {
            let name = sheetName(table.title, taken: used)
            used.insert(name.lowercased())
            guard table.rows.count < Int(LXW_ROW_MAX), table.columns.count <= Int(LXW_COL_MAX),
                table.rows.allSatisfy({ $0.count <= Int(LXW_COL_MAX) })
            else {
                workbook_close(workbook)
                throw WorkbookError.tooLarge(sheet: name)
            }
            guard let sheet = workbook_add_worksheet(workbook, name) else {
                workbook_close(workbook)
                throw WorkbookError.writeFailed("无法添加工作表“\(name)”")
            }
            var widths = table.columns.map(displayWidth)
            for (column, title) in table.columns.enumerated() { worksheet_write_string(sheet, 0, lxw_col_t(column), title, header) }
            for (index, row) in table.rows.enumerated() {
                for (column, value) in row.enumerated() where !value.isEmpty {
                    worksheet_write_string(sheet, lxw_row_t(index + 1), lxw_col_t(column), value, nil)
                    if column < widths.count { widths[column] = max(widths[column], displayWidth(value)) }
                }
            }
            for (column, width) in widths.enumerated() {
                worksheet_set_column(sheet, lxw_col_t(column), lxw_col_t(column), Double(min(60, max(6, width + 2))), nil)
            }
            worksheet_freeze_panes(sheet, 1, 0)
        }
        let status = workbook_close(workbook)
        guard status == LXW_NO_ERROR else { throw WorkbookError.writeFailed(String(cString: lxw_strerror(status))) }
        return try Data(contentsOf: url)
    }

    /// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`, not starting or ending with `'`, and
    /// unique in the workbook regardless of case (a number is appended where two tables share a title).
    static func sheetName(_ title: String, taken: Set<String>) -> String {
        let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]
        var base = String(title.map { forbidden.contains($0) ? "_" : $0 }).trimmingCharacters(in: CharacterSet(charactersIn: "'").union(.whitespaces))
        if base.isEmpty { base = "表" }
        var candidate = String(base.prefix(31))
        var number = 2
        while taken.contains(candidate.lowercased()) {
            let suffix = "（\(number)）"
            candidate = String(base.prefix(31 - suffix.count)) + suffix
            number += 1
        }
        return candidate
    }

    /// Columns as Excel measures them: a CJK character is about two Latin ones wide.
    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x2E80 ? 2 : 1) }
    }
}
