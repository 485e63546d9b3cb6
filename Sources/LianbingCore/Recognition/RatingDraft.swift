/// One satisfaction rating as it arrives, before it is checked and stored: a score for each aspect, an optional
/// comment, and the member of staff who served, when the visitor named one.
public struct RatingDraft: Sendable, Hashable {
    public var scores: [RatingAspect: Int]
    public var comment: String
    /// The staff number of the person who served; `nil` for the centre as a whole.
    public var staffNumber: String?
    public var source: RatingSource

    /// Longest comment, in characters: a few sentences, what a window's device or a phone screen takes in.
    public static let commentLimit = 200
    /// Scores an aspect may have.
    public static let scoreRange = 1...5
    /// Scores that open a follow-up (回访).
    public static let followUpScores = 1...2

    public init(scores: [RatingAspect: Int], comment: String = "", staffNumber: String? = nil, source: RatingSource) {
        self.scores = scores
        self.comment = comment
        self.staffNumber = staffNumber
        self.source = source
    }

    /// The mean of the aspects' scores: what is summed and ranked. Meant for a checked draft, which scores every
    /// aspect; of an unchecked one it is the mean of those scored, and 0 when none is.
    public var overall: Double {
        guard !scores.isEmpty else { return 0 }
        return Double(scores.values.reduce(0, +)) / Double(scores.count)
    }

    /// Whether a follow-up (回访) is opened: any aspect scored 1 or 2. One poor aspect is enough, even when the mean
    /// looks fine, because it is the complaint someone should hear about.
    public var needsFollowUp: Bool { scores.values.contains { Self.followUpScores.contains($0) } }
}
