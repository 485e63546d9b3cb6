import Foundation
import LianbingCore

/// A CSV import file with a fixed header: the steps every import format shares.
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
    let header: [String]
    let records: [CSVRecord]

    /// Decodes `data`, parses it, and checks that the first record is exactly `header`.
    static func load(_ data: Data, file: String, header: [String]) -> Result<CSVTable, ImportFailure> {
        let records: [CSVRecord]
        switch CSVTextDecoder.decode(data, file: file).flatMap({ CSVReader.read($0.text, file: file) }) {
        case .failure(let failure): return .failure(failure)
        case .success(let read): records = read
        }
        guard let first = records.first else {
            return .failure(ImportFailure(issues: [ImportIssue(file: file, line: 0, reason: "文件没有内容")]))
        }
        let headerIssues = CSVHeader.problems(first.fields.map(trim), expected: header).map {
            ImportIssue(file: file, line: first.line, reason: $0)
        }
        if !headerIssues.isEmpty { return .failure(ImportFailure(issues: headerIssues)) }
        guard records.count > 1 else {
            return .failure(ImportFailure(issues: [ImportIssue(file: file, line: 0, reason: "文件只有表头，没有数据行")]))
        }
        return .success(CSVTable(file: file, header: header, records: Array(records.dropFirst())))
    }

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
            defer {
                issues += reasons.map { ImportIssue(file: file, line: record.line, reason: $0) }
                if !reasons.isEmpty, let key = record.fields.first.map(trim), !key.isEmpty { rejected.insert(key) }
            }
            guard record.fields.count == header.count else {
                reasons.append("应有 \(header.count) 列（\(header.joined(separator: ","))），实际有 \(record.fields.count) 列")
                continue
            }
            let cells = record.fields.map(trim)
            // Every column of every import is a single-line value; a line break inside one is a pasting accident.
            for (name, cell) in zip(header, cells) where cell.contains(where: \.isNewline) {
                reasons.append("“\(name)”不能包含换行")
            }
            let value = body(Row(line: record.line, cells: cells), &reasons)
            if let value, reasons.isEmpty { values.append(value) }
        }
        return ParsedImport(rows: values, issues: issues, rejectedKeys: rejected)
    }
}

/// Spreadsheet cells often carry stray spaces (including the full-width U+3000) that users cannot see.
private func trim(_ text: String) -> String { text.trimmingCharacters(in: .whitespacesAndNewlines) }
