/// One reason an import was refused, tied to where it was found.
public struct ImportIssue: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var file: String
    /// 1-based line in the file; 0 when the problem concerns the file as a whole.
    public var line: Int
    public var reason: String

    public init(file: String, line: Int, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    public static func < (lhs: ImportIssue, rhs: ImportIssue) -> Bool {
        (lhs.file, lhs.line, lhs.reason) < (rhs.file, rhs.line, rhs.reason)
    }

    public var description: String { line > 0 ? "\(file):\(line): \(reason)" : "\(file): \(reason)" }
}

/// An import refused as a whole: nothing was written.
public struct ImportFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public var issues: [ImportIssue]
    public init(issues: [ImportIssue]) { self.issues = issues }
    public var description: String { issues.map(\.description).joined(separator: "\n") }
}
