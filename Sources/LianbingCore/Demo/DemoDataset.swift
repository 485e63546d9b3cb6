/// A made-up but realistic Guangdong service system, for `serve --demo`, screenshots and load tests.
///
/// Pure and deterministic: the same scale and seed always give the same units and staff, so demo accounts,
/// bug reports and benchmarks can refer to specific units and people.
public struct DemoDataset: Sendable, Equatable {
    /// Parents before children.
    public var units: [ServiceUnit]
    public var staff: [Staff]
    /// The province root, administered by the demo account `admin`.
    public var adminUnitCode: String
    /// The county whose administrator is the demo account `county`.
    public var countyUnitCode: String
    /// The city above that county, home of the demo account `trainer`.
    public var trainerUnitCode: String
    /// An active staff member at a village station inside that county, behind the demo account `staff`.
    public var staffMemberNumber: String

    public static func generate(scale: DemoScale, seed: UInt64 = 2023_22) -> DemoDataset {
        let profile = DemoProfile(scale)
        var dice = DemoDice(seed: seed)
        let units = DemoUnitTree.build(profile, dice: &dice)
        var staff = DemoRoster.build(for: units, profile: profile, dice: &dice)

        let county = GuangdongCities.designatedCounty
        let countyCode = county + "000000"
        let cityCode = String(county.prefix(4)) + "00000000"
        let villagesInCounty = Set(units.lazy.filter { $0.level == .village && $0.code.hasPrefix(county) }.map(\.code))
        let isVillageInCounty = { (code: String) in villagesInCounty.contains(code) }
        // Any village member would do; the first active one keeps the choice stable. Should a seed leave
        // none active, the first is reinstated, so the `staff` account always has someone to log in as.
        let chosen =
            staff.firstIndex { isVillageInCounty($0.unitCode) && $0.isActive }
            ?? staff.firstIndex { isVillageInCounty($0.unitCode) }!
        staff[chosen].isActive = true

        return DemoDataset(
            units: units, staff: staff, adminUnitCode: GuangdongCities.provinceCode, countyUnitCode: countyCode,
            trainerUnitCode: cityCode, staffMemberNumber: staff[chosen].number)
    }
}
