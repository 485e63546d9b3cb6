/// A computed selection: every eligible candidate's line and how the places were shared. Stored whole when computed,
/// so what is published is exactly what was computed, whatever is recorded later.
public struct SelectionOutcome: Sendable, Hashable, Codable {
    public struct Line: Sendable, Hashable, Codable {
        public var candidate: SelectionCandidate
        /// One per criterion of the rules: after missing data was filled (`.zero`) and normalised; nil where missing.
        public var normalised: [Double?]
        /// The weight each criterion counted with, as a share of 100 (rescaled over the criteria present, or 0 for a
        /// missing one), so the line shows exactly how the composite was formed.
        public var effectiveWeights: [Double]
        /// The weighted mean of the normalised values; nil when no criterion was present, or when not ranked.
        public var composite: Double?
        /// 1, 2, 3 … over the qualified candidates in the documented order; nil for those not ranked.
        public var rank: Int?
        /// Why not ranked: the minimum requirements failed (empty for the ranked).
        public var failures: [String]
        public var selected: Bool
    }

    public struct Share: Sendable, Hashable, Codable {
        public var unit: String
        public var unitName: String
        public var eligible: Int
        public var qualified: Int
        public var places: Int
    }

    /// Ranked candidates first in rank order, then those who failed a requirement by staff number.
    public var lines: [Line]
    /// Per quota unit (one entry for one list), by unit code.
    public var shares: [Share]
    /// Places given: fewer than the quota only when too few candidates qualified.
    public var placesGiven: Int
}
