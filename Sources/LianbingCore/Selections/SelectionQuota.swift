/// How many places a selection has and how they are shared between units.
public struct SelectionQuota: Sendable, Hashable, Codable {
    public enum Sharing: String, Sendable, Codable, CaseIterable {
        /// One list for the whole selection.
        case total
        /// Per city, by a divisor method on each city's eligible candidates.
        case city
        /// Per county, likewise.
        case county

        public var label: String {
            switch self {
            case .total: "全体统一排名"
            case .city: "按市分配名额"
            case .county: "按县（市、区）分配名额"
            }
        }

        /// The level whose units share the places; nil for one list.
        public var level: UnitLevel? {
            switch self {
            case .total: nil
            case .city: .city
            case .county: .county
            }
        }
    }

    public var places: Int
    public var sharing: Sharing
    public var method: DivisorMethod

    public init(places: Int, sharing: Sharing = .total, method: DivisorMethod = .sainteLague) {
        self.places = places
        self.sharing = sharing
        self.method = method
    }

    public static let placeRange = 1...1_000

    public var description: String {
        switch sharing {
        case .total: "共 \(places) 名，统一排名"
        case .city, .county: "共 \(places) 名，\(sharing.label)（\(method.label)，按符合条件的候选人数）"
        }
    }
}
