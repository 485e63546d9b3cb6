/// What a satisfaction rating (满意度评定) scores, each from 1 to 5: the three things people are asked about.
public enum RatingAspect: String, CaseIterable, Sendable, Codable {
    case attitude
    case efficiency
    case outcome

    /// The word on forms and reports: 态度 / 效率 / 结果.
    public var label: String {
        switch self {
        case .attitude: "态度"
        case .efficiency: "效率"
        case .outcome: "结果"
        }
    }
}
