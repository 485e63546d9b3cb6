/// The rows of an import file that parsed, and the problems of those that did not.
///
/// Kept together so that the tree and roster checks can still run over the good rows: one attempt then
/// shows the user every problem in the file, not just the first kind.
public struct ParsedImport<Row: Sendable>: Sendable {
    public var rows: [Row]
    public var issues: [ImportIssue]
    /// Keys (unit codes, staff numbers) of the rejected rows, so later checks do not report them again
    /// as missing.
    public var rejectedKeys: Set<String>

    public init(rows: [Row], issues: [ImportIssue] = [], rejectedKeys: Set<String> = []) {
        self.rows = rows
        self.issues = issues
        self.rejectedKeys = rejectedKeys
    }

    /// The rows, if no row had a problem.
    public var result: Result<[Row], ImportFailure> {
        issues.isEmpty ? .success(rows) : .failure(ImportFailure(issues: issues))
    }
}
