/// A field of a member of staff, named as the roster import's column is, so a problem found in a form can be shown
/// beside its field and one found in a file names the column.
public enum StaffField: String, Sendable, Codable, CaseIterable {
    case number = "工号"
    case name = "姓名"
    case unitCode = "单位编码"
    case post = "岗位"
    case hireDate = "入职日期"
}

/// One thing wrong with a member of staff as given, and the field it concerns.
public struct StaffProblem: Sendable, Equatable, Codable {
    public var field: StaffField
    public var message: String

    public init(_ field: StaffField, _ message: String) {
        self.field = field
        self.message = message
    }
}

extension Staff {
    /// Longest accepted name (姓名), in characters.
    public static let maxNameLength = 32

    /// What is wrong with the fields a member of staff gives about themselves, in the words the roster import uses
    /// for a row: one check serves the import file, the add and edit form and `lianbing staff add|edit`. Whether the
    /// unit and post exist is the store's to say (`AppDatabase.rosterProblems`).
    public var problems: [StaffProblem] {
        [
            StaffNumberCell.problem(number).map { StaffProblem(.number, $0) },
            NameCell.problem(name, maxLength: Self.maxNameLength).map { StaffProblem(.name, $0) },
            CodeCell.requiredProblem(unitCode, field: StaffField.unitCode.rawValue).map { StaffProblem(.unitCode, $0) },
            post.isEmpty ? StaffProblem(.post, "岗位为空") : nil,
        ].compactMap { $0 }
    }

    /// The hire date (入职日期) written as text: empty is none; anything but a date is refused in the import's words.
    public static func hireDate(from text: String) -> Result<CivilDate?, StaffDateProblem> {
        if text.isEmpty { return .success(nil) }
        guard let date = CivilDate(text) else { return .failure(StaffDateProblem(message: "入职日期“\(text)”无效：应为 2021-03-05 这样的日期")) }
        return .success(date)
    }
}

/// A hire date that is not a date.
public struct StaffDateProblem: Error, Sendable, Equatable {
    public var message: String
}
