/// The ratings one subject (a service centre, a member of staff) has received, as sums so that they add up across
/// days and units before any average is taken.
///
/// Named `SatisfactionSummary`, not `RatingSummary`: LianbingStore already has a public `RatingSummary` (training
/// ratings), and two public types of one name make every file that imports both modules ambiguous.
public struct SatisfactionSummary: Sendable, Hashable {
    /// What is rated, stable and unique among those ranked together (a unit code, a staff number).
    public var key: String
    /// What pages show for it.
    public var name: String
    /// How many ratings.
    public var count: Int
    /// The sum of their scores (each a rating's overall, 1…5).
    public var sum: Double

    public init(key: String, name: String, count: Int, sum: Double) {
        self.key = key
        self.name = name
        self.count = count
        self.sum = sum
    }

    /// The plain mean, or `nil` without ratings: shown beside the ranked value, never used to rank.
    public var mean: Double? { count > 0 ? sum / Double(count) : nil }
}
