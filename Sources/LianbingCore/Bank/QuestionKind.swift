/// The five question types of the business question bank (业务题库).
public enum QuestionKind: String, Sendable, Codable, CaseIterable, Comparable {
    case singleChoice = "single"
    case multipleChoice = "multiple"
    case trueFalse = "truefalse"
    case fillBlank = "blank"
    case shortAnswer = "short"

    /// The label used in bank files, CSV and the UI: 单选/多选/判断/填空/简答.
    public var label: String {
        switch self {
        case .singleChoice: "单选"
        case .multipleChoice: "多选"
        case .trueFalse: "判断"
        case .fillBlank: "填空"
        case .shortAnswer: "简答"
        }
    }

    public init?(label: String) {
        switch label.trimmingCharacters(in: .whitespaces) {
        case "单选", "单选题", "single": self = .singleChoice
        case "多选", "多选题", "multiple": self = .multipleChoice
        case "判断", "判断题", "truefalse": self = .trueFalse
        case "填空", "填空题", "blank": self = .fillBlank
        case "简答", "简答题", "short": self = .shortAnswer
        default: return nil
        }
    }

    /// Choice questions carry options; the others do not.
    public var hasOptions: Bool { self == .singleChoice || self == .multipleChoice }

    /// Everything but short answers is marked by the machine.
    public var isAutoMarked: Bool { self != .shortAnswer }

    public static func < (lhs: QuestionKind, rhs: QuestionKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// Which papers may draw a question.
public enum QuestionUsage: String, Sendable, Codable, CaseIterable {
    /// Reserved for centralised assessments (集中考核): never shown in self-tests.
    case exam
    /// Self-tests (自我测试) only.
    case practice
    case both

    /// 考试/练习/通用
    public var label: String {
        switch self {
        case .exam: "考试"
        case .practice: "练习"
        case .both: "通用"
        }
    }

    public init?(label: String) {
        switch label.trimmingCharacters(in: .whitespaces) {
        case "考试", "exam": self = .exam
        case "练习", "practice": self = .practice
        case "通用", "both": self = .both
        default: return nil
        }
    }
}

public enum QuestionStatus: String, Sendable, Codable, CaseIterable {
    case draft
    case active
    case retired

    /// 草稿/启用/停用
    public var label: String {
        switch self {
        case .draft: "草稿"
        case .active: "启用"
        case .retired: "停用"
        }
    }

    public init?(label: String) {
        switch label.trimmingCharacters(in: .whitespaces) {
        case "草稿", "draft": self = .draft
        case "启用", "active": self = .active
        case "停用", "retired": self = .retired
        default: return nil
        }
    }
}

// Keyed by their raw values in JSON objects (e.g. the `stats --json` totals).
extension QuestionKind: CodingKeyRepresentable {}
extension QuestionUsage: CodingKeyRepresentable {}
extension QuestionStatus: CodingKeyRepresentable {}
