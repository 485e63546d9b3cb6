/// The score of one attempt from its item marks.
public struct AttemptScore: Sendable, Codable, Hashable {
    /// Sum of the marks known so far; pending short answers add nothing until a trainer marks them.
    public var score: Double
    public var maxScore: Double
    /// Short answers still waiting for a trainer.
    public var pendingItems: Int

    public init(score: Double, maxScore: Double, pendingItems: Int) {
        self.score = score
        self.maxScore = maxScore
        self.pendingItems = pendingItems
    }

    public init(marks: [ItemMark]) {
        var score = 0.0
        var maxScore = 0.0
        var pending = 0
        for mark in marks {
            maxScore += mark.points
            if let value = mark.score { score += value } else { pending += 1 }
        }
        self.init(score: score, maxScore: maxScore, pendingItems: pending)
    }

    /// No item waits for a trainer: the score is final and an outcome may be given.
    public var isComplete: Bool { pendingItems == 0 }

    /// `.pending` until complete: a candidate short of the pass mark may still pass once short answers are marked.
    public func outcome(passMark: Double) -> CandidateOutcome {
        isComplete ? Self.outcome(score: score, passMark: passMark) : .pending
    }

    /// Passed at or above the pass mark. Scores are sums of fractional shares (0.5 points for a half-right blank),
    /// so a total that should equal the pass mark may land a rounding error below it; that still passes.
    public static func outcome(score: Double, passMark: Double) -> CandidateOutcome {
        score >= passMark - 1e-9 ? .passed : .failed
    }
}
