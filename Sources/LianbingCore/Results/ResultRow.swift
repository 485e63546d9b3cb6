import Foundation

/// One candidate's line in an exam's results, as loaded for display and ranking.
public struct ResultRow: Sendable, Codable, Hashable {
    public var unitCode: String
    public var unitName: String
    /// The unit's place below the root, `广州市 › 天河区 › 沙河街道`: names repeat across counties.
    public var unitTrail: String
    public var staffNumber: String
    public var name: String
    public var post: String?
    /// The total so far; `nil` for candidates who have none (absent, excused).
    public var score: Double?
    public var outcome: CandidateOutcome
    /// Seconds from start to submission; `nil` when the candidate never started.
    public var timeUsedSeconds: Int?
    public var submittedAt: Date?

    public init(
        unitCode: String, unitName: String, unitTrail: String? = nil, staffNumber: String, name: String, post: String? = nil,
        score: Double?, outcome: CandidateOutcome, timeUsedSeconds: Int?, submittedAt: Date? = nil
    ) {
        self.unitCode = unitCode
        self.unitName = unitName
        self.unitTrail = unitTrail ?? unitName
        self.staffNumber = staffNumber
        self.name = name
        self.post = post
        self.score = score
        self.outcome = outcome
        self.timeUsedSeconds = timeUsedSeconds
        self.submittedAt = submittedAt
    }
}

/// A result row in ranked order, with its rank when it has one.
public struct RankedResult: Sendable, Codable, Hashable {
    public var row: ResultRow
    /// Competition rank (1, 1, 3) among scored candidates; `nil` for every other outcome.
    public var rank: Int?

    public init(row: ResultRow, rank: Int?) {
        self.row = row
        self.rank = rank
    }
}
