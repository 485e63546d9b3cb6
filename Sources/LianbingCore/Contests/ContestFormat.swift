/// Who competes: a team of staff (usually of one unit, with a captain), or one person, which the model holds as a
/// team of one so that every round, ranking and advancement rule is written once.
public enum ContestFormat: String, Sendable, Codable, CaseIterable {
    case individual
    case team

    public var label: String {
        switch self {
        case .individual: "个人赛"
        case .team: "团体赛"
        }
    }
}
