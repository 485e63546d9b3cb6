/// One candidate's paper: the exact question revisions shown, in order, with their option order.
public struct Paper: Sendable, Codable, Hashable {
    public var items: [PaperItem]

    public init(items: [PaperItem]) { self.items = items }

    public var maxScore: Double { items.reduce(0) { $0 + $1.points } }

    /// Mean declared difficulty of the questions (each question counts once, whatever its points).
    public var meanDifficulty: Double {
        items.isEmpty ? 0 : Double(items.reduce(0) { $0 + $1.difficulty }) / Double(items.count)
    }
}

public struct PaperItem: Sendable, Codable, Hashable {
    public var questionId: String
    public var revision: Int
    /// Index into the blueprint's sections (0 for papers made without one).
    public var section: Int
    public var points: Double
    public var difficulty: Int
    /// `optionOrder[shown] = original`: the option shown in position `shown` is the question's option `original`.
    /// Empty for questions without options. Responses are always stored in original indexes.
    public var optionOrder: [Int]

    public init(questionId: String, revision: Int, section: Int, points: Double, difficulty: Int, optionOrder: [Int] = []) {
        self.questionId = questionId
        self.revision = revision
        self.section = section
        self.points = points
        self.difficulty = difficulty
        self.optionOrder = optionOrder
    }
}
