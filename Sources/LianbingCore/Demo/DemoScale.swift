/// How much of Guangdong the demo dataset covers.
public enum DemoScale: String, Sendable, CaseIterable {
    /// Three cities, nine real districts and counties, ~170 units: small enough to browse by hand.
    case demo
    /// All 21 cities and 122 county-level divisions, ~28,000 units and ~50,000 staff, close to the real
    /// system's size, for trying imports, tree queries and statistics at full load.
    case province
}

/// The shape and staffing a scale stands for, kept as data so the generator has no per-scale branches.
struct DemoProfile: Sendable {
    var cities: [GuangdongCities.City]
    /// Towns spread over the county-level divisions; cities without counties add their own fixed counts.
    var townsUnderCounties: Int
    var townsPerCounty: ClosedRange<Int>
    var villages: Int
    var villagesPerTown: ClosedRange<Int>
    var staffPerCentre: ClosedRange<Int>
    var staffPerTown: ClosedRange<Int>
    /// Head counts of a village station with their relative weights.
    var staffPerVillage: [(Int, Int)]

    init(_ scale: DemoScale) {
        switch scale {
        case .demo:
            cities = GuangdongCities.demoSelection.map { selection in
                var city = GuangdongCities.city(selection.city)
                city.counties = city.counties.filter { selection.counties.contains($0.prefix) }
                return city
            }
            townsUnderCounties = 32
            townsPerCounty = 3...4
            villages = 130
            villagesPerTown = 3...5
            // Fuller rosters than in reality, so that a single county still fills lists, rankings and charts.
            staffPerCentre = 6...12
            staffPerTown = 4...8
            staffPerVillage = [(2, 1), (3, 1)]
        case .province:
            cities = GuangdongCities.all
            // Guangdong has about 1,600 towns and subdistricts and 26,000 villages and communities.
            townsUnderCounties = 1_600 - GuangdongCities.directTownCounts.values.reduce(0, +)
            townsPerCounty = 8...18
            villages = 26_000
            villagesPerTown = 6...30
            staffPerCentre = 5...12
            staffPerTown = 3...6
            // Most village stations are one part-time director; a bit over half also have a helper.
            staffPerVillage = [(1, 4), (2, 6)]
        }
    }
}
