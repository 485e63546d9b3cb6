/// A staff member read from line `line` of an import file.
public struct StaffImportRow: Sendable, Equatable {
    public var line: Int
    public var staff: Staff
    public init(line: Int, staff: Staff) {
        self.line = line
        self.staff = staff
    }
}
