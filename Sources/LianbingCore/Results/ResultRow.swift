/// One candidate's line in an exam's results, as loaded for display and ranking.
public struct ResultRow: Sendable, Codable, Hashable {
    public var unitCode: String
    public var unitName: String
    public var staffNumber: String
    public var name: String
    /// The total so far; `nil` for candidates who have none (absent, excused).
    public var score: Double?
    public var outcome: CandidateOutcome
    /// Seconds from start to submission; `nil` when the candidate never started.
    public var timeUsedSeconds: Int?

    public init(
        unitCode: String, unitName: String, staffNumber: String, name: String, score: Double?, outcome: CandidateOutcome,
        timeUsedSeconds: Int?
    ) {
        self.unitCode = unitCode
        self.unitName = unitName
        self.staffNumber = staffNumber
        self.name = name
        self.score = score
        self.outcome = outcome
        self.timeUsedSeconds = timeUsedSeconds
    }
}

/// A result row in ranked order, with its rank when it has one.
public struct RankedResult: Sendable, Codable, Hashable {
    public var row: ResultRow
    /// Competition rank (1, 1, 3) among scored candidates; `nil` for pending, absent and excused candidates.
    public var rank: Int?

    public init(row: ResultRow, rank: Int?) {
        self.row = row
        self.rank = rank
    }
}
