/// What an account may do. Trainers and administrators act on their unit's subtree only.
public enum Role: String, Sendable, Codable, CaseIterable {
    case staff
    case trainer
    case admin

    public var displayName: String {
        switch self {
        case .staff: "工作人员"
        case .trainer: "培训师（专家）"
        case .admin: "管理员"
        }
    }

    public init?(argument: String) {
        switch argument {
        case "staff", "工作人员": self = .staff
        case "trainer", "培训师", "专家": self = .trainer
        case "admin", "administrator", "管理员": self = .admin
        default: return nil
        }
    }
}
