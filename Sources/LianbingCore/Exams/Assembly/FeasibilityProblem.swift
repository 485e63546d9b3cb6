/// One reason a blueprint cannot give the papers asked of it, said so a trainer knows what to change.
public struct FeasibilityProblem: Sendable, Hashable, CustomStringConvertible {
    public var message: String
    /// The index of the cell concerned in `Blueprint.cells`, when the problem is one cell's, so an editor can mark
    /// the row.
    public var cell: Int?

    public init(_ message: String, cell: Int? = nil) {
        self.message = message
        self.cell = cell
    }

    public var description: String { message }
}
