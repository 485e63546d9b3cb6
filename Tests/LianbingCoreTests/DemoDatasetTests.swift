import Testing

@testable import LianbingCore

/// Generated once: the province scale is large enough that rebuilding it per test would dominate the run.
private let datasets: [DemoScale: DemoDataset] = Dictionary(
    uniqueKeysWithValues: DemoScale.allCases.map { ($0, DemoDataset.generate(scale: $0)) })

@Suite struct DemoDatasetTests {
    @Test func sameSeedGivesIdenticalDataset() {
        #expect(DemoDataset.generate(scale: .demo, seed: 7) == DemoDataset.generate(scale: .demo, seed: 7))
        #expect(DemoDataset.generate(scale: .province) == datasets[.province])
    }

    @Test func differentSeedsGiveDifferentDatasets() {
        let one = DemoDataset.generate(scale: .demo, seed: 1)
        let two = DemoDataset.generate(scale: .demo, seed: 2)
        #expect(one.units != two.units)
        #expect(one.staff != two.staff)
    }

    @Test func demoScaleIsSmallButComplete() throws {
        let demo = try #require(datasets[.demo])
        #expect(demo.units.count >= 100)
        #expect(demo.staff.count >= 500)
        let cities = demo.units.filter { $0.level == .city }
        #expect(cities.count >= 3)
        let counties = demo.units.filter { $0.level == .county }
        for city in cities {
            #expect((2...3).contains(counties.filter { $0.parentCode == city.code }.count), "\(city.name)")
        }
        let children = childCounts(demo.units)
        for county in counties { #expect((3...4).contains(children[county.code] ?? 0), "\(county.name)") }
        for town in demo.units where town.level == .town {
            #expect((3...5).contains(children[town.code] ?? 0), "\(town.name)")
        }
        #expect(counties.contains { $0.code == "440106000000" && $0.name == "天河区" })
        #expect(counties.contains { $0.code == "440232000000" && $0.name == "乳源瑶族自治县" })
        #expect(counties.contains { $0.code == "441481000000" && $0.name == "兴宁市" })
    }

    @Test func demoScaleMeetsItsMinimumsForManySeeds() {
        for seed: UInt64 in 0..<50 {
            let demo = DemoDataset.generate(scale: .demo, seed: seed)
            #expect(demo.units.count >= 100 && demo.staff.count >= 500, "seed \(seed)")
        }
    }

    @Test func provinceScaleMatchesGuangdong() throws {
        let province = try #require(datasets[.province])
        #expect((27_000...30_000).contains(province.units.count))
        #expect((45_000...55_000).contains(province.staff.count))

        let byLevel = Dictionary(grouping: province.units, by: \.level).mapValues(\.count)
        #expect(byLevel[.province] == 1)
        #expect(byLevel[.city] == 21)
        #expect((110...130).contains(byLevel[.county] ?? 0))
        #expect((1_500...1_700).contains(byLevel[.town] ?? 0))
        #expect((25_000...27_000).contains(byLevel[.village] ?? 0))

        let cities = province.units.filter { $0.level == .city }
        let expected = [
            "4401": "广州市", "4402": "韶关市", "4403": "深圳市", "4404": "珠海市", "4405": "汕头市", "4406": "佛山市",
            "4407": "江门市", "4408": "湛江市", "4409": "茂名市", "4412": "肇庆市", "4413": "惠州市", "4414": "梅州市",
            "4415": "汕尾市", "4416": "河源市", "4417": "阳江市", "4418": "清远市", "4419": "东莞市", "4420": "中山市",
            "4451": "潮州市", "4452": "揭阳市", "4453": "云浮市",
        ]
        #expect(Dictionary(uniqueKeysWithValues: cities.map { (String($0.code.prefix(4)), $0.name) }) == expected)
    }

    /// 东莞 and 中山 have no county level; their towns hang directly from the city.
    @Test func dongguanAndZhongshanSkipTheCountyLevel() throws {
        let province = try #require(datasets[.province])
        for cityCode in ["441900000000", "442000000000"] {
            let children = province.units.filter { $0.parentCode == cityCode }
            #expect(!children.isEmpty)
            #expect(children.allSatisfy { $0.level == .town })
        }
    }

    @Test(arguments: DemoScale.allCases)
    func unitsFormOneValidTree(scale: DemoScale) throws {
        let units = try #require(datasets[scale]).units
        #expect(units.first?.code == "440000000000" && units.first?.name == "广东省" && units.first?.level == .province)
        #expect(units.filter { $0.parentCode == nil }.count == 1)

        var seen: [String: ServiceUnit] = [:]
        for unit in units {
            #expect(seen[unit.code] == nil, "duplicate code \(unit.code)")
            #expect(unit.code.count == 12 && unit.code.allSatisfy(\.isASCII) && unit.code.allSatisfy(\.isNumber))
            #expect(ServiceUnit.isValidCode(unit.code))
            if let parentCode = unit.parentCode {
                let parent = try #require(seen[parentCode], "\(unit.code)'s parent \(parentCode) is not earlier")
                #expect(unit.level > parent.level)
                #expect(unit.code.hasPrefix(significantPrefix(of: parent)), "\(unit.code) under \(parent.code)")
            }
            seen[unit.code] = unit
        }

        let plan = UnitTreeBuilder.plan(
            existing: [], rows: units.enumerated().map { .init(line: $0.offset + 2, unit: $0.element) }, file: "demo")
        if case .failure(let failure) = plan { Issue.record("tree rejected: \(failure.issues.prefix(3))") }
    }

    @Test(arguments: DemoScale.allCases)
    func namesLookLikePlaces(scale: DemoScale) throws {
        let units = try #require(datasets[scale]).units
        for unit in units {
            switch unit.level {
            case .town: #expect(unit.name.hasSuffix("镇") || unit.name.hasSuffix("街道"), "\(unit.name)")
            case .village: #expect(unit.name.hasSuffix("村") || unit.name.hasSuffix("社区"), "\(unit.name)")
            default: break
            }
        }
        for siblings in Dictionary(grouping: units, by: { $0.parentCode ?? "" }).values {
            #expect(Set(siblings.map(\.name)).count == siblings.count)
        }
    }

    @Test(arguments: DemoScale.allCases)
    func everyUnitIsStaffedUnderOneDirector(scale: DemoScale) throws {
        let dataset = try #require(datasets[scale])
        let levels = Dictionary(uniqueKeysWithValues: dataset.units.map { ($0.code, $0.level) })
        #expect(dataset.staff.allSatisfy { levels[$0.unitCode] != nil })

        let byUnit = Dictionary(grouping: dataset.staff, by: \.unitCode)
        #expect(byUnit.count == dataset.units.count)
        for (code, members) in byUnit {
            #expect(members.filter { $0.post == Post.director }.count == 1, "\(code)")
        }
        #expect(dataset.staff.allSatisfy { Post.seeded.contains($0.post) })

        // Centres are the larger offices: every one outnumbers the average village station.
        let villageSizes = byUnit.filter { levels[$0.key] == .village }.map(\.value.count)
        let villageAverage = Double(villageSizes.reduce(0, +)) / Double(villageSizes.count)
        for (code, members) in byUnit where levels[code]!.isCentre {
            #expect(Double(members.count) > villageAverage, "\(code)")
        }
    }

    @Test(arguments: DemoScale.allCases)
    func staffRecordsArePlausible(scale: DemoScale) throws {
        let staff = try #require(datasets[scale]).staff
        #expect(Set(staff.map(\.number)).count == staff.count)
        for member in staff {
            #expect(member.number.hasPrefix("GD") && member.number.count == 9)
            #expect(member.number.dropFirst(2).allSatisfy { $0.isASCII && $0.isNumber }, "\(member.number)")
            #expect((2...4).contains(member.name.count), "\(member.name)")
            let hired = try #require(member.hireDate)
            #expect((2016...2025).contains(hired.year))
            #expect(member.specialties.allSatisfy(DemoRoster.specialties.contains))
            #expect(Set(member.specialties).count == member.specialties.count)
            #expect(!(member.isVeteran && member.isEntitledPerson))
        }

        let total = Double(staff.count)
        let veterans = Double(staff.filter(\.isVeteran).count) / total
        let entitled = Double(staff.filter(\.isEntitledPerson).count) / total
        let inactive = Double(staff.filter { !$0.isActive }.count) / total
        let specialised = Double(staff.filter { !$0.specialties.isEmpty }.count) / total
        #expect((0.35...0.45).contains(veterans), "veterans \(veterans)")
        #expect((0.02...0.08).contains(entitled), "entitled \(entitled)")
        #expect((0.005...0.06).contains(inactive), "inactive \(inactive)")
        #expect((0.03...0.25).contains(specialised), "specialised \(specialised)")
    }

    @Test(arguments: DemoScale.allCases)
    func demoAccountsPointIntoEachOther(scale: DemoScale) throws {
        let dataset = try #require(datasets[scale])
        let units = Dictionary(uniqueKeysWithValues: dataset.units.map { ($0.code, $0) })

        #expect(units[dataset.adminUnitCode]?.level == .province)
        let trainerCity = try #require(units[dataset.trainerUnitCode])
        #expect(trainerCity.level == .city)
        let county = try #require(units[dataset.countyUnitCode])
        #expect(county.level == .county)
        #expect(county.parentCode == trainerCity.code)

        let member = try #require(dataset.staff.first { $0.number == dataset.staffMemberNumber })
        #expect(member.isActive)
        let station = try #require(units[member.unitCode])
        #expect(station.level == .village)
        #expect(ancestors(of: station, in: units).contains(county.code))
    }

    // MARK: - Helpers

    private func childCounts(_ units: [ServiceUnit]) -> [String: Int] {
        units.reduce(into: [:]) { counts, unit in if let parent = unit.parentCode { counts[parent, default: 0] += 1 } }
    }

    private func ancestors(of unit: ServiceUnit, in units: [String: ServiceUnit]) -> [String] {
        var codes: [String] = []
        var current = unit.parentCode
        while let code = current {
            codes.append(code)
            current = units[code]?.parentCode
        }
        return codes
    }

    /// The digits that identify a unit in its statistical code: `44` for the province, `4401` for a city,
    /// `440106` for a county, `440106001` for a town; the remaining zeros are padding.
    private func significantPrefix(of unit: ServiceUnit) -> String {
        switch unit.level {
        case .province: String(unit.code.prefix(2))
        case .city: String(unit.code.prefix(4))
        case .county: String(unit.code.prefix(6))
        case .town: String(unit.code.prefix(9))
        case .village: unit.code
        }
    }
}
