/// What a candidate answered to one question. Choice indexes are the question's own (not the shuffled display order).
public enum Response: Sendable, Codable, Hashable {
    case choices([Int])
    case trueFalse(Bool)
    /// One entry per blank, in order.
    case blanks([String])
    case text(String)
}

/// The mark of one answered (or unanswered) question.
public struct ItemMark: Sendable, Codable, Hashable {
    /// `nil` while a short answer waits for a trainer.
    public var score: Double?
    public var points: Double

    public init(score: Double?, points: Double) {
        self.score = score
        self.points = points
    }

    public var isPending: Bool { score == nil }
    /// Full marks; partial credit is not correct (the wrong-question book and mastery count it as wrong).
    public var isCorrect: Bool { score.map { $0 >= points - 1e-9 } ?? false }
}

/// How a multiple-choice question (多选) is marked.
public enum MultipleChoicePolicy: Sendable, Codable, Hashable {
    /// Exactly the right options, or nothing.
    case allOrNothing
    /// 少选得分: a non-empty subset of the right options earns `share` of the points; any wrong option earns 0.
    case partial(share: Double)
}
