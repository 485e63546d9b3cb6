import ArgumentParser
import Foundation
import LianbingCore
import LianbingFormats
import LianbingStore

extension TableFormat: ExpressibleByArgument {}

/// A table exported to a file: CSV or, by `--format xlsx` or an `.xlsx` path, a workbook whose page header carries
/// the database clock's time (the time the server would stamp). Without a path it goes to standard output (CSV
/// unless `--format xlsx`).
func writeTable(_ table: ReportTable, to path: String?, format: TableFormat?, db: AppDatabase) throws {
    try writeTable(table, to: path, format: format, exportedAt: db.clock())
}

/// As above, for a table made without a database (a file's statistics), stamped with this machine's time.
func writeTable(_ table: ReportTable, to path: String?, format: TableFormat?, exportedAt: Date) throws {
    let data = try TableFormat.forFile(path ?? "", asked: format).encode(table, exportedAt: exportedAt)
    if let path { try writeOutput(data, to: path) } else { FileHandle.standardOutput.write(data) }
}

/// The `--format` every table export takes beside its `--out`.
struct TableFormatOption: ParsableArguments {
    @Option(help: "--out 的格式：csv 或 xlsx；省略则按 --out 的扩展名（.xlsx 为 Excel 工作簿），默认 csv。")
    var format: TableFormat?
}
