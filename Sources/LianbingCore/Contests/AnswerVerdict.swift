/// What the host rules on an answer. A timeout is judged as wrong: the team had the question and gave no answer.
public enum AnswerVerdict: String, Sendable, Codable, CaseIterable {
    case right
    case wrong
    case timeout

    public var label: String {
        switch self {
        case .right: "答对"
        case .wrong: "答错"
        case .timeout: "超时"
        }
    }
}
