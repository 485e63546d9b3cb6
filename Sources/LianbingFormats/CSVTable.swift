import Foundation
import LianbingCore

/// An import file (CSV or a workbook's sheet) with a fixed header: the steps every import format shares.
///
/// File-level problems (encoding, structure, header) stop the import at once, since the rows cannot be
/// trusted after them. Row-level problems are collected across the whole file, so that one upload shows the
/// user everything to fix.
struct CSVTable {
    /// A data row with the expected number of cells, each trimmed of surrounding whitespace.
    struct Row {
        var line: Int
        var cells: [String]
    }

    let file: String
    /// The columns this file has: the format's header, plus its optional trailing columns when the file has them.
    let header: [String]
    let records: [CSVRecord]
    /// Columns of codes, where a workbook's number cell must be an exact integer (`CodeNumberCell`).
    var codeColumns: [Int] = []

    /// Reads `data` (CSV or an .xlsx workbook's sheet `sheet`, see `TabularFile`) and finds its header: a row that is
    /// exactly `header`, or exactly `header` followed by `optionalTrailing` (columns added to a format later, present
    /// together or not at all, so that files written before keep working). The table's `header` is then the one the
    /// file has. Rows above the header (a workbook's title) are ignored. A workbook's number cells in `codeColumns`
    /// are refused unless their digits are the code (`CodeNumberCell`).
    static func load(
        _ data: Data, file: String, header: [String], optionalTrailing: [String] = [], codeColumns: Set<String> = [],
        sheet: String? = nil
    ) -> Result<CSVTable, ImportFailure> {
        let records: [CSVRecord]
        switch TabularFile.records(data, file: file, sheet: sheet) {
        case .failure(let failure): return .failure(failure)
        case .success(let read): records = read
        }
        guard !records.isEmpty else {
            return .failure(ImportFailure(issues: [ImportIssue(file: file, line: 0, reason: "文件没有内容")]))
        }
        let full = header + optionalTrailing
        let at = TabularFile.headerIndex(records, names: full) { $0 == header || $0 == full }
        let first = records[at]
        let actual = first.fields.map(trimCell)
        let used: [String]
        if actual == header || actual == full {
            used = actual
        } else {
            // A header that names none of the optional columns is compared with the plain one, as before they existed.
            let mentionsOptional = actual.contains(where: optionalTrailing.contains)
            let note = optionalTrailing.isEmpty ? "" : "（最后 \(optionalTrailing.count) 列 \(optionalTrailing.joined(separator: "、")) 可以一起省略）"
            let reasons = CSVHeader.problems(actual, expected: mentionsOptional ? full : header).map { mentionsOptional ? $0 + note : $0 }
            return .failure(ImportFailure(issues: reasons.map { first.issue(file, $0) }))
        }
        guard records.count > at + 1 else {
            return .failure(ImportFailure(issues: [ImportIssue(file: file, line: 0, reason: "文件只有表头，没有数据行", sheet: first.sheet)]))
        }
        return .success(
            CSVTable(
                file: file, header: used, records: records[(at + 1)...].map { $0.fitted(to: used.count) },
                codeColumns: used.indices.filter { codeColumns.contains(used[$0]) }))
    }

    /// Where `column` is in this file's rows, or `nil` when the file does not have it (an optional column left out).
    func index(of column: String) -> Int? { header.firstIndex(of: column) }

    /// Runs `body` on each row with the right number of cells, collecting the good values and every row's reasons.
    ///
    /// `body` appends reasons when the row is bad (its return value is then ignored). Issues come back in line order.
    /// A bad row's first cell (its code or number) is remembered in `rejectedKeys`.
    func convert<T>(_ body: (Row, inout [String]) -> T?) -> ParsedImport<T> {
        var issues: [ImportIssue] = []
        var rejected: Set<String> = []
        var values: [T] = []
        values.reserveCapacity(records.count)
        for record in records {
            var reasons: [String] = []
            let cellIssues = codeColumns.compactMap { column in
                record.numbers[column].flatMap { CodeNumberCell.problem($0, column: header[column]) }.map {
                    ImportIssue(file: file, line: record.line, reason: $0, sheet: record.sheet, column: column)
                }
            }
            defer {
                issues += cellIssues + reasons.map { record.issue(file, $0) }
                if !(reasons.isEmpty && cellIssues.isEmpty), let key = record.fields.first.map(trimCell), !key.isEmpty { rejected.insert(key) }
            }
            guard record.fields.count == header.count else {
                reasons.append("应有 \(header.count) 列（\(header.joined(separator: ","))），实际有 \(record.fields.count) 列")
                continue
            }
            let cells = record.fields.map(trimCell)
            // Every column of every import is a single-line value; a line break inside one is a pasting accident.
            for (name, cell) in zip(header, cells) where cell.contains(where: \.isNewline) {
                reasons.append("“\(name)”不能包含换行")
            }
            // A code cell already refused would only be refused again, in other words, by the format's own check.
            guard cellIssues.isEmpty else { continue }
            let value = body(Row(line: record.line, cells: cells), &reasons)
            if let value, reasons.isEmpty { values.append(value) }
        }
        return ParsedImport(rows: values, issues: issues, rejectedKeys: rejected)
    }
}
