/// A report as rows of text under column headings: the one shape a terminal table, a CSV download and an HTML table
/// are all drawn from, so the three never disagree. The typed figures behind it go to `--json` and the API.
public struct ReportTable: Sendable, Codable, Equatable {
    public var title: String
    public var columns: [String]
    public var rows: [[String]]
    /// What each column holds, for a workbook's typed cells, declared where the table is built (a column of codes
    /// that look like numbers is still text); columns past its end are text. Not part of the JSON: the API carries
    /// the typed figures themselves.
    public var kinds: [ColumnKind]

    /// What a workbook writes a column's cells as. Text is the default: unit codes and staff numbers are digits that
    /// must keep every one of them.
    public enum ColumnKind: Sendable, Equatable {
        case text
        /// Scores, counts, minutes: a number cell where the text is a number, text otherwise (`—`).
        case number
        /// `2026-11-25 22:47` or `2026-11-25` in China time: a date cell.
        case date
        /// `85.3%`: a number cell shown as a percentage, text otherwise (`—`).
        case percent
    }

    public init(title: String, columns: [String], rows: [[String]], kinds: [ColumnKind] = []) {
        self.title = title
        self.columns = columns
        self.rows = rows
        self.kinds = kinds
    }

    enum CodingKeys: String, CodingKey { case title, columns, rows }

    /// The same title, columns and rows: what the JSON carries, so a table read back from the API equals the one
    /// sent, whatever kinds it declared for workbooks.
    public static func == (lhs: ReportTable, rhs: ReportTable) -> Bool {
        lhs.title == rhs.title && lhs.columns == rhs.columns && lhs.rows == rhs.rows
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            title: try container.decode(String.self, forKey: .title), columns: try container.decode([String].self, forKey: .columns),
            rows: try container.decode([[String]].self, forKey: .rows))
    }
}
