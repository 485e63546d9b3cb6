/// One team's line on the board: its totals from the effective events and, once ranked, its rank.
public struct ContestStanding: Sendable, Hashable, Codable {
    public var entrant: ContestEntrant
    /// Base points plus every effective change outside playoff rounds.
    public var points: ContestPoints
    /// The written round's score (a tie-breaker).
    public var written: ContestPoints = .zero
    /// Wrong answers and timeouts ruled against the team (a tie-breaker: fewer first).
    public var wrongAnswers: Int = 0
    /// Milliseconds from opening to answer, summed over the team's answers (a tie-breaker: less first).
    public var answerMilliseconds: Int = 0
    /// Points won in playoff rounds: they decide only among teams equal in everything else.
    public var playoff: ContestPoints = .zero
    public var rank: Int = 0

    public init(entrant: ContestEntrant) {
        self.entrant = entrant
        self.points = entrant.basePoints
    }
}
