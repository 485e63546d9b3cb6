import Foundation
import LianbingCore

/// A report table as CSV: its columns as the header, then its rows, written by `CSVWriter` (UTF-8 with a BOM,
/// formula-like cells guarded). The dashboard's downloads and `lianbing training report … --out` both write this.
public enum ReportTableCSV {
    public static func encode(_ table: ReportTable) -> Data { CSVWriter.encode([table.columns] + table.rows) }
}
