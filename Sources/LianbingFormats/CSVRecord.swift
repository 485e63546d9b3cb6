/// One record of a CSV file: its fields, and the line it starts on.
///
/// A record can span several lines when a quoted field contains line breaks; `line` is where it starts,
/// which is the line a user should look at.
public struct CSVRecord: Sendable, Equatable {
    /// 1-based line in the file where the record starts.
    public var line: Int
    /// Fields as written, unquoted and unescaped but not trimmed.
    public var fields: [String]

    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }

    /// Every field empty or whitespace: a blank line, or an empty spreadsheet row that Excel saved as `,,,`.
    var isBlank: Bool { fields.allSatisfy { $0.allSatisfy(\.isWhitespace) } }
}
