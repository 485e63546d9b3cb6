/// Item 17: veterans and other entitled persons "原则上不少于三分之一" of a unit's staff, and a growing share of legal
/// and IT specialists. Counted over the active staff given, each person once.
public struct StaffComposition: Sendable, Hashable, Codable {
    /// The specialty keywords that count as legal or IT (专长 containing 法律 or 信息化 by default); a setting.
    public static let defaultSpecialties = ["法律", "信息化"]
    /// The one-third rule as a ratio, compared exactly rather than as a rounded share.
    public static let veteranShare = (numerator: 1, denominator: 3)

    public var staff: Int
    /// Veterans or other entitled persons; someone who is both counts once.
    public var veteransOrEntitled: Int
    /// Per keyword, how many have a specialty containing it.
    public var specialists: [String: Int]

    public init(_ people: [Staff], specialties: [String] = defaultSpecialties) {
        let active = people.filter(\.isActive)
        staff = active.count
        veteransOrEntitled = active.filter { $0.isVeteran || $0.isEntitledPerson }.count
        specialists = Dictionary(uniqueKeysWithValues: specialties.map { keyword in
            (keyword, active.filter { $0.specialties.contains { $0.contains(keyword) } }.count)
        })
    }

    /// `nil` for a unit without staff, where the rule says nothing.
    public var veteranShare: Double? { staff == 0 ? nil : Double(veteransOrEntitled) / Double(staff) }

    /// Below one third: flagged, not an error, as the source says "原则上".
    public var isBelowOneThird: Bool {
        staff > 0 && veteransOrEntitled * Self.veteranShare.denominator < staff * Self.veteranShare.numerator
    }

    /// Units below the rule, worst share first, then by code: the order a report lists them in.
    public static func flagged(_ units: [(code: String, composition: StaffComposition)]) -> [String] {
        units.filter { $0.composition.isBelowOneThird }.sorted { a, b in
            let (x, y) = (a.composition.veteransOrEntitled * b.composition.staff, b.composition.veteransOrEntitled * a.composition.staff)
            return x == y ? a.code < b.code : x < y
        }.map(\.code)
    }
}
