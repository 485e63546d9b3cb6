import ArgumentParser
import Foundation
import LianbingCore
import LianbingFormats
import LianbingStore

extension TableFormat: ExpressibleByArgument {}

/// A table exported to a file: CSV or, by `--format xlsx` or an `.xlsx` path, a workbook whose page header carries
/// the database clock's time (the time the server would stamp).
func writeTable(_ table: ReportTable, to path: String, format: TableFormat?, db: AppDatabase) throws {
    try writeOutput(try TableFormat.forFile(path, asked: format).encode(table, exportedAt: db.clock()), to: path)
}
