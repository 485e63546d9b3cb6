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

/// One worksheet: a table, and drop-down lists for some of its columns (a template's 题型, 难度…).
public struct WorkbookSheet: Sendable {
    public var table: ReportTable
    /// Column index → the values its cells may take, offered as a drop-down below the header.
    public var choices: [Int: [String]]

    public init(_ table: ReportTable, choices: [Int: [String]] = [:]) {
        self.table = table
        self.choices = choices
    }
}

/// Tables as an Excel workbook (.xlsx), one worksheet per table: the header row bold and frozen, columns sized to
/// their content, the table's title and the export time in the printed page header. Written once, for every export
/// that offers a workbook beside its CSV.
///
/// Cells follow the table's declared column kinds: text by default — unit codes and staff numbers are long digit
/// strings that Excel would turn into `4.40106E+11` as numbers, and a text cell starting with `=` is never a formula —
/// numbers as number cells, shares as percentages, China-time dates as date cells. The encoder is Debian's
/// libxlsxwriter (`CXlsxWriter`) in constant-memory mode (rows streamed to disk, so a province-wide export does not
/// hold the sheet twice); it writes to a file: the workbook is written to a temporary file, read back and removed.
public enum WorkbookWriter {
    public static func encode(_ tables: [ReportTable], exportedAt: Date) throws -> Data {
        try encode(tables.map { WorkbookSheet($0) }, exportedAt: exportedAt)
    }

    public static func encode(_ sheets: [WorkbookSheet], exportedAt: Date) throws -> Data {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lianbing-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        var options = lxw_workbook_options(constant_memory: UInt8(LXW_TRUE.rawValue), tmpdir: nil, use_zip64: UInt8(LXW_FALSE.rawValue))
        guard let workbook = workbook_new_opt(url.path, &options) else { throw WorkbookError.writeFailed("无法创建临时文件") }
        let formats = Formats(workbook)
        var used: Set<String> = []
        for sheet in sheets {
            let table = sheet.table
            let name = sheetName(table.title, taken: used)
            used.insert(name.lowercased())
            guard table.rows.count < Int(LXW_ROW_MAX), table.columns.count <= Int(LXW_COL_MAX),
                table.rows.allSatisfy({ $0.count <= Int(LXW_COL_MAX) })
            else {
                workbook_close(workbook)
                throw WorkbookError.tooLarge(sheet: name)
            }
            guard let worksheet = workbook_add_worksheet(workbook, name) else {
                workbook_close(workbook)
                throw WorkbookError.writeFailed("无法添加工作表“\(name)”")
            }
            // Constant-memory mode streams rows in order: widths, header and panes are settled before the rows.
            for (column, width) in widths(table).enumerated() {
                worksheet_set_column(worksheet, lxw_col_t(column), lxw_col_t(column), Double(min(60, max(6, width + 2))), nil)
            }
            worksheet_freeze_panes(worksheet, 1, 0)
            worksheet_set_header(worksheet, pageHeader(title: table.title, exportedAt: exportedAt))
            for (column, values) in sheet.choices { addChoices(values, column: column, to: worksheet) }
            for (column, title) in table.columns.enumerated() {
                worksheet_write_string(worksheet, 0, lxw_col_t(column), title, formats.header)
            }
            for (index, row) in table.rows.enumerated() {
                for (column, value) in row.enumerated() where !value.isEmpty {
                    let kind = column < table.kinds.count ? table.kinds[column] : .text
                    write(value, kind: kind, row: lxw_row_t(index + 1), column: lxw_col_t(column), to: worksheet, formats)
                }
            }
        }
        let status = workbook_close(workbook)
        guard status == LXW_NO_ERROR else { throw WorkbookError.writeFailed(String(cString: lxw_strerror(status))) }
        return try Data(contentsOf: url)
    }

    /// The cell formats every sheet shares.
    private struct Formats {
        let header: UnsafeMutablePointer<lxw_format>?
        let minute: UnsafeMutablePointer<lxw_format>?
        let day: UnsafeMutablePointer<lxw_format>?
        let percent: UnsafeMutablePointer<lxw_format>?

        init(_ workbook: UnsafeMutablePointer<lxw_workbook>) {
            header = workbook_add_format(workbook)
            format_set_bold(header)
            minute = workbook_add_format(workbook)
            format_set_num_format(minute, "yyyy-mm-dd hh:mm")
            day = workbook_add_format(workbook)
            format_set_num_format(day, "yyyy-mm-dd")
            percent = workbook_add_format(workbook)
            format_set_num_format(percent, "0.0%")
        }
    }

    private static func write(
        _ value: String, kind: ReportTable.ColumnKind, row: lxw_row_t, column: lxw_col_t, to sheet: UnsafeMutablePointer<lxw_worksheet>,
        _ formats: Formats
    ) {
        switch kind {
        case .number:
            if let number = plainNumber(value) {
                worksheet_write_number(sheet, row, column, number, nil)
                return
            }
        case .percent:
            if value.hasSuffix("%"), let number = plainNumber(String(value.dropLast())) {
                worksheet_write_number(sheet, row, column, number / 100, formats.percent)
                return
            }
        case .date:
            if let date = ChinaTime.parse(value) {
                worksheet_write_number(sheet, row, column, serial(date), formats.minute)
                return
            }
            if CivilDate(value) != nil, let date = ChinaTime.parse("\(value) 00:00") {
                worksheet_write_number(sheet, row, column, serial(date), formats.day)
                return
            }
        case .text: break
        }
        worksheet_write_string(sheet, row, column, value, nil)
    }

    /// `86.5`, `-3`: ASCII digits Swift reads as a finite number (not `nan`, `inf` or a full-width `８６`).
    private static func plainNumber(_ value: String) -> Double? {
        guard value.allSatisfy({ $0.isASCII }), let number = Double(value), number.isFinite else { return nil }
        return number
    }

    /// Excel's day number for an instant as a clock in China reads it: days since 1899-12-30, the time of day as
    /// the fraction (workbooks carry no time zone).
    static func serial(_ date: Date) -> Double {
        let local = date.timeIntervalSince1970 + Double(ChinaTime.zone.secondsFromGMT(for: date))
        return local / 86_400 + 25_569
    }

    /// `&L<title>&R导出时间 2026-12-04 18:00`: what a printed page carries at its top. Excel limits the header to
    /// 255 characters and reads `&` as a code, so the title is cut and its ampersands doubled.
    static func pageHeader(title: String, exportedAt: Date) -> String {
        "&L" + String(title.prefix(100)).replacingOccurrences(of: "&", with: "&&") + "&R导出时间 " + ChinaTime.format(exportedAt)
    }

    /// A drop-down of `values` on the column's cells below the header (a template's first thousand rows).
    private static func addChoices(_ values: [String], column: Int, to sheet: UnsafeMutablePointer<lxw_worksheet>) {
        var list: [UnsafeMutablePointer<CChar>?] = values.map { strdup($0) } + [nil]
        defer { for item in list { free(item) } }
        list.withUnsafeMutableBufferPointer { buffer in
            var validation = lxw_data_validation()
            validation.validate = UInt8(LXW_VALIDATION_TYPE_LIST.rawValue)
            validation.value_list = buffer.baseAddress
            worksheet_data_validation_range(sheet, 1, lxw_col_t(column), 1000, lxw_col_t(column), &validation)
        }
    }

    /// Each column's width in Excel's units, from its header and every cell.
    static func widths(_ table: ReportTable) -> [Int] {
        var widths = table.columns.map(displayWidth)
        for row in table.rows {
            for (column, value) in row.enumerated() where column < widths.count { widths[column] = max(widths[column], displayWidth(value)) }
        }
        return widths
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
