import Foundation
import LianbingCore

/// The rows of an import file, whichever of the two forms people keep tables in: a CSV file or an Excel workbook.
///
/// The bytes decide (a zip is a workbook); the name decides only what the bytes cannot, so a workbook renamed
/// `.csv` still imports and an old `.xls` is told what to do rather than read as garbled text.
enum TabularFile {
    /// Every record of `data`: CSV records by line, or the rows of the workbook's sheet `sheet` (the first when `nil`;
    /// a CSV file has no sheets, so it is ignored there).
    static func records(_ data: Data, file: String, sheet: String?) -> Result<[CSVRecord], ImportFailure> {
        let name = file.lowercased()
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            return WorkbookReader.open(data, file: file).flatMap { $0.records(sheet: sheet).map(\.records) }
        }
        if data.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) || name.hasSuffix(".xls") || name.hasSuffix(".et") {
            return refuse(file, "这是旧版 Excel（.xls）或 WPS（.et）工作簿，无法直接读取：" + WorkbookReader.saveAsXLSX)
        }
        if name.hasSuffix(".xlsx") || name.hasSuffix(".xlsm") {
            return refuse(file, "文件不是有效的 Excel 工作簿（.xlsx）：" + WorkbookReader.saveAsXLSX)
        }
        return CSVTextDecoder.decode(data, file: file).flatMap { CSVReader.read($0.text, file: file) }
    }

    /// Where the header is among `records`: Chinese office sheets put a merged title row (and perhaps a date line)
    /// above it, so it is the first of the first 10 rows that `matches`. When none does, the first row naming any
    /// of `names` is the one whose problems are reported, else the first row.
    static func headerIndex(_ records: [CSVRecord], names: [String], matches: ([String]) -> Bool) -> Int {
        let candidates = records.prefix(10).map { $0.fields.map(trimCell) }
        if let index = candidates.firstIndex(where: matches) { return index }
        return candidates.firstIndex { $0.contains(where: names.contains) } ?? 0
    }

    private static func refuse(_ file: String, _ reason: String) -> Result<[CSVRecord], ImportFailure> {
        .failure(ImportFailure(issues: [ImportIssue(file: file, line: 0, reason: reason)]))
    }
}

/// Spreadsheet cells often carry stray spaces (including the full-width U+3000) that users cannot see.
func trimCell(_ text: String) -> String { text.trimmingCharacters(in: .whitespacesAndNewlines) }
