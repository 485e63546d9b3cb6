/// One round of a contest as built: its place, style and checked rules, and how many questions its list holds.
public struct ContestRound: Sendable, Hashable, Codable {
    public var number: Int
    public var style: RoundStyle
    public var title: String
    public var rules: RoundRules
    public var questionCount: Int

    public init(number: Int, style: RoundStyle, title: String, rules: RoundRules, questionCount: Int = 0) {
        self.number = number
        self.style = style
        self.title = title
        self.rules = rules
        self.questionCount = questionCount
    }
}
