import Foundation
import LianbingCore
import Testing

@testable import LianbingStore

@Suite("Browsing units within scope")
struct UnitBrowsingTests {
    @Test("Given a county administrator, when listing units without a parent, then they see exactly their county's subtree in tree order")
    func countyAdminSeesOnlyTheirSubtree() async throws {
        let fixture = try await Fixture.make()
        let units = try await fixture.db.units(parent: nil, for: try await fixture.countyAdmin())
        #expect(units.map(\.code) == [Code.tianhe, Code.shipai, Code.huashi, Code.jinan, Code.wushan, Code.huanong])
    }

    @Test("Given the operator, when listing units without a parent, then the whole tree is listed, root first")
    func operatorSeesEverything() async throws {
        let fixture = try await Fixture.make()
        let units = try await fixture.db.units(parent: nil, for: try await fixture.op())
        #expect(units.count == Tree.all.count)
        #expect(units.first?.code == Code.province)
        #expect(Set(units.map(\.code)) == Set(Tree.all.map(\.code)))
    }

    @Test("Given a unit in scope, when listing its children, then each comes with the right child count")
    func childrenCarryTheirChildCounts() async throws {
        let fixture = try await Fixture.make()
        let db = fixture.db
        let county = try await fixture.countyAdmin()

        let towns = try await db.units(parent: Code.tianhe, for: county)
        #expect(towns.map(\.code) == [Code.shipai, Code.wushan])
        #expect(towns.map(\.childCount) == [2, 1])
        #expect(towns.allSatisfy { $0.level == .town && $0.parentCode == Code.tianhe })

        let villages = try await db.units(parent: Code.shipai, for: county)
        #expect(villages.map(\.code) == [Code.huashi, Code.jinan])
        #expect(villages.allSatisfy { $0.childCount == 0 })

        let cities = try await db.units(parent: Code.province, for: try await fixture.op())
        #expect(cities.map(\.code) == [Code.guangzhou, Code.shaoguan])
        #expect(cities.map(\.childCount) == [1, 1])
    }

    @Test(
        "Given a county administrator, when asking for children of a unit outside their scope, then notFound, the same as for a unit that does not exist",
        arguments: [Code.province, Code.guangzhou, Code.wujiang, Code.xiheVillage, "9999"])
    func childrenOutsideScopeAreNotFound(code: String) async throws {
        let fixture = try await Fixture.make()
        let county = try await fixture.countyAdmin()
        let error = await expectError(.notFound) { try await fixture.db.units(parent: code, for: county) }
        // The message names only what was asked for, so out of scope and missing read alike.
        #expect(error == .notFound("单位 \(code)"))
    }

    @Test("Given a county administrator, when asking for the detail of a unit outside their scope, then notFound", arguments: [Code.guangzhou, Code.xihe])
    func detailOutsideScopeIsNotFound(code: String) async throws {
        let fixture = try await Fixture.make()
        let county = try await fixture.countyAdmin()
        let outside = await expectError(.notFound) { try await fixture.db.unitDetail(code, for: county) }
        let missing = await expectError(.notFound) { try await fixture.db.unitDetail("440106999", for: county) }
        #expect(outside == .notFound("单位 \(code)"))
        #expect(missing == .notFound("单位 440106999"))
    }

    @Test("Given a county administrator, when viewing a village, then the ancestors start at their scope root and stop above the village")
    func ancestorsStartAtTheScopeRoot() async throws {
        let fixture = try await Fixture.make()
        let detail = try await fixture.db.unitDetail(Code.huashi, for: try await fixture.countyAdmin())
        #expect(detail.unit.code == Code.huashi)
        #expect(detail.unit.name == Tree.huashi.name)
        #expect(detail.ancestors.map(\.code) == [Code.tianhe, Code.shipai])
        #expect(detail.staffCount == 1)
    }

    @Test("Given the operator, when viewing the same village, then the ancestors start at the province")
    func operatorAncestorsStartAtTheProvince() async throws {
        let fixture = try await Fixture.make()
        let detail = try await fixture.db.unitDetail(Code.huashi, for: try await fixture.op())
        #expect(detail.ancestors.map(\.code) == [Code.province, Code.guangzhou, Code.tianhe, Code.shipai])
        #expect(detail.ancestors.map(\.level) == [.province, .city, .county, .town])
    }

    @Test("Given a county administrator, when viewing their own county, then it has no ancestors and counts the staff of its whole subtree")
    func scopeRootDetail() async throws {
        let fixture = try await Fixture.make()
        let detail = try await fixture.db.unitDetail(Code.tianhe, for: try await fixture.countyAdmin())
        #expect(detail.ancestors.isEmpty)
        #expect(detail.unit.childCount == 2)
        #expect(detail.staffCount == Roster.tianhe.count)
    }

    @Test("Given each principal, when asking for the scope root, then it is the unit of their account (the root for the operator)")
    func scopeRootFollowsTheAccount() async throws {
        let fixture = try await Fixture.make()
        let db = fixture.db

        let county = try await db.scopeRoot(for: try await fixture.countyAdmin())
        #expect(county == UnitListing(code: Code.tianhe, name: Tree.tianhe.name, level: .county, parentCode: Code.guangzhou, childCount: 2))

        let root = try await db.scopeRoot(for: try await fixture.op())
        #expect(root.code == Code.province)
        #expect(root.parentCode == nil)
        #expect(root.childCount == 2)

        let staff = try await db.scopeRoot(for: try await fixture.staffUser())
        #expect(staff.code == Code.huashi)
        #expect(staff.childCount == 0)
    }

    @Test("Given a staff member at a village, when listing units, then only their own station is visible")
    func staffSeeOnlyTheirStation() async throws {
        let fixture = try await Fixture.make()
        let staff = try await fixture.staffUser()
        #expect(try await fixture.db.units(parent: nil, for: staff).map(\.code) == [Code.huashi])
        await expectError(.notFound) { try await fixture.db.unitDetail(Code.shipai, for: staff) }
    }

    @Test("Given a principal whose scope unit no longer exists, when asking for the scope root, then notFound")
    func scopeRootOfAVanishedUnitIsNotFound() async throws {
        let fixture = try await Fixture.make()
        let ghost = Principal(kind: .operator, scope: UnitPath(codes: ["44", "4409"]))
        await expectError(.notFound) { try await fixture.db.scopeRoot(for: ghost) }
    }

    @Test("Given the database, when asking for the root unit and initialisation state, then the province is reported")
    func rootUnitAndInitialisation() async throws {
        let fixture = try await Fixture.make()
        #expect(try await fixture.db.isInitialised())
        #expect(try await fixture.db.rootUnit() == Tree.province)
        #expect(try await fixture.op().scope == UnitPath(codes: [Code.province]))
    }
}
