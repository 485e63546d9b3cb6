/// A report as rows of text under column headings: the one shape a terminal table, a CSV download and an HTML table
/// are all drawn from, so the three never disagree. The typed figures behind it go to `--json` and the API.
public struct ReportTable: Sendable, Codable, Equatable {
    public var title: String
    public var columns: [String]
    public var rows: [[String]]

    public init(title: String, columns: [String], rows: [[String]]) {
        self.title = title
        self.columns = columns
        self.rows = rows
    }
}
