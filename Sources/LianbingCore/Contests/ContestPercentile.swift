/// A place in one contest: the rank and how many teams were ranked.
public struct ContestPlacing: Sendable, Hashable, Codable {
    public var rank: Int
    public var teams: Int

    public init(rank: Int, teams: Int) {
        self.rank = rank
        self.teams = teams
    }

    /// 100 for first, 0 for last, linear between: 100 × (teams − rank) / (teams − 1). A contest of one team is 100.
    public var percentile: Double {
        guard teams > 1 else { return 100 }
        let clamped = min(max(rank, 1), teams)
        return 100 * Double(teams - clamped) / Double(teams - 1)
    }
}

/// A person's contest result for a period, as the excellence selection reads it: the percentile of their best
/// placing, or nil if they took part in none.
public enum ContestPercentile {
    public static func best(_ placings: [ContestPlacing]) -> Double? { placings.map(\.percentile).max() }
}
