/// One problem in an import file, at a line of a CSV file or a row (and perhaps a cell) of a workbook's sheet.
public struct ImportIssue: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var file: String
    /// 1-based line in the file, or row of the sheet; 0 when the problem concerns the file as a whole.
    public var line: Int
    public var reason: String
    /// The worksheet, when the file is a workbook; `nil` for CSV and text files.
    public var sheet: String?
    /// 0-based column of the cell meant, when the problem is one cell of a workbook.
    public var column: Int?

    public init(file: String, line: Int, reason: String, sheet: String? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.reason = reason
        self.sheet = sheet
        self.column = column
    }

    public static func < (lhs: ImportIssue, rhs: ImportIssue) -> Bool {
        (lhs.file, lhs.sheet ?? "", lhs.line, lhs.column ?? -1, lhs.reason) < (rhs.file, rhs.sheet ?? "", rhs.line, rhs.column ?? -1, rhs.reason)
    }

    /// Where the issue is, as Excel names it: `Sheet1!A7` for a cell, `Sheet1!7:7` for a row, `Sheet1` for the sheet.
    public var place: String? {
        guard let sheet else { return nil }
        guard line > 0 else { return sheet }
        if let column { return "\(sheet)!\(CellReference.columnName(column))\(line)" }
        return "\(sheet)!\(line):\(line)"
    }

    public var description: String {
        if let place { return "\(file) \(place): \(reason)" }
        return line > 0 ? "\(file):\(line): \(reason)" : "\(file): \(reason)"
    }
}

/// An import refused as a whole: nothing was written.
public struct ImportFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public var issues: [ImportIssue]
    public init(issues: [ImportIssue]) { self.issues = issues }
    public var description: String { issues.map(\.description).joined(separator: "\n") }
}
