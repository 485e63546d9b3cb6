/// Lays out the unit tree: real province, cities and counties, invented towns and villages below them.
///
/// Units come level by level, each level in code order, which puts every parent before its children.
enum DemoUnitTree {
    /// A unit that towns (or villages) hang from, with the code prefix its children extend.
    private struct Parent {
        var code: String
        var prefix: String
        var urbanity: Double
        var childCount: Int
        var isStreet = false
    }

    static func build(_ profile: DemoProfile, dice: inout DemoDice) -> [ServiceUnit] {
        let rootCode = GuangdongCities.provinceCode
        var units = [ServiceUnit(code: rootCode, name: GuangdongCities.provinceName, level: .province, parentCode: nil)]

        var townParents: [Parent] = []
        for city in profile.cities {
            let code = city.prefix + "00000000"
            units.append(ServiceUnit(code: code, name: city.name, level: .city, parentCode: rootCode))
            if city.counties.isEmpty, let towns = GuangdongCities.directTownCounts[city.prefix] {
                let urbanity = GuangdongCities.urbanity(prefix: city.prefix, name: city.name)
                townParents.append(Parent(code: code, prefix: city.prefix + "00", urbanity: urbanity, childCount: towns))
            }
        }

        var counties: [Parent] = []
        for city in profile.cities {
            for county in city.counties {
                let code = county.prefix + "000000"
                units.append(ServiceUnit(code: code, name: county.name, level: .county, parentCode: city.prefix + "00000000"))
                let urbanity = GuangdongCities.urbanity(prefix: county.prefix, name: county.name)
                counties.append(Parent(code: code, prefix: county.prefix, urbanity: urbanity, childCount: 0))
            }
        }
        let townCounts = dice.apportion(profile.townsUnderCounties, into: counties.count, within: profile.townsPerCounty)
        for (index, count) in townCounts.enumerated() { counties[index].childCount = count }
        townParents = (townParents + counties).sorted { $0.code < $1.code }

        var villageParents: [Parent] = []
        for parent in townParents {
            let streets = Int((Double(parent.childCount) * parent.urbanity).rounded())
            var siblings: Set<String> = []
            // Statistical codes number subdistricts from 001 and towns from 101.
            for index in 0..<parent.childCount {
                let isStreet = index < streets
                let serial = isStreet ? index + 1 : 101 + index - streets
                let prefix = parent.prefix + threeDigits(serial)
                let name = DemoPlaceNames.stem(&dice, siblings: &siblings) + (isStreet ? "街道" : "镇")
                units.append(ServiceUnit(code: prefix + "000", name: name, level: .town, parentCode: parent.code))
                villageParents.append(
                    Parent(code: prefix + "000", prefix: prefix, urbanity: parent.urbanity, childCount: 0, isStreet: isStreet))
            }
        }

        let villageCounts = dice.apportion(profile.villages, into: villageParents.count, within: profile.villagesPerTown)
        for (parent, count) in zip(villageParents, villageCounts) {
            let communityShare = parent.urbanity >= 1 ? 1 : parent.isStreet ? 0.85 : 0.15
            var communities = 0
            for _ in 0..<count where dice.chance(communityShare) { communities += 1 }
            var siblings: Set<String> = []
            // Residents' committees (社区) take 001–199 and villagers' committees (村) 201 onwards.
            for index in 0..<count {
                let isCommunity = index < communities
                let serial = isCommunity ? index + 1 : 201 + index - communities
                let name = DemoPlaceNames.stem(&dice, siblings: &siblings) + (isCommunity ? "社区" : "村")
                units.append(
                    ServiceUnit(code: parent.prefix + threeDigits(serial), name: name, level: .village, parentCode: parent.code))
            }
        }
        return units
    }

    private static func threeDigits(_ value: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, 3 - digits.count)) + digits
    }
}
