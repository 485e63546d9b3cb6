import LianbingCore

/// One record of a CSV file, or one row of a workbook's sheet: its fields, and the line (or row) it starts on.
///
/// A record can span several lines when a quoted field contains line breaks; `line` is where it starts,
/// which is the line a user should look at.
public struct CSVRecord: Sendable, Equatable {
    /// 1-based line in the file where the record starts, or the sheet's row number.
    public var line: Int
    /// Fields as written, unquoted and unescaped but not trimmed.
    public var fields: [String]
    /// The worksheet the row is from; `nil` for CSV.
    public var sheet: String?
    /// The cells (by 0-based column) that were numbers in the workbook, for the checks of code columns.
    var numbers: [Int: Double]

    public init(line: Int, fields: [String], sheet: String? = nil) {
        self.init(line: line, fields: fields, sheet: sheet, numbers: [:])
    }

    init(line: Int, fields: [String], sheet: String?, numbers: [Int: Double]) {
        self.line = line
        self.fields = fields
        self.sheet = sheet
        self.numbers = numbers
    }

    /// An issue about this whole record, placed as its file's format places them (a line, or a sheet's row).
    func issue(_ file: String, _ reason: String) -> ImportIssue {
        ImportIssue(file: file, line: line, reason: reason, sheet: sheet)
    }

    /// A workbook row has no cells after its last filled one; given as many fields as the header, it reads like a CSV
    /// record. CSV records are left as written, since their field count is checked.
    func fitted(to count: Int) -> CSVRecord {
        guard sheet != nil, fields.count < count else { return self }
        var record = self
        record.fields += repeatElement("", count: count - fields.count)
        return record
    }

    /// Every field empty or whitespace: a blank line, or an empty spreadsheet row that Excel saved as `,,,`.
    var isBlank: Bool { fields.allSatisfy { $0.allSatisfy(\.isWhitespace) } }
}
