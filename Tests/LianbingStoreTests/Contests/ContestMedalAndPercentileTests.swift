import Foundation
import GRDB
import LianbingCore
import Testing

@testable import LianbingStore

@Suite("Contests: the medal table across contests and each person's percentile")
struct ContestMedalAndPercentileTests {
    static let year = (from: CivilDate("2026-01-01")!, through: CivilDate("2026-12-31")!)
    static let spring = (from: CivilDate("2026-01-01")!, through: CivilDate("2026-06-30")!)

    /// Spring: 张三 (440106) 1st, 李四 (440106001) 2nd, 王五 (440106001001) 3rd. Autumn: 王五, 张三, 李四. A third contest,
    /// still running, has 李四 ahead and counts for nothing.
    static func season(_ fixture: Fixture) async throws {
        _ = try await fixture.finishedIndividualContest(["TH0001": 30, "TH0002": 20, "TH0003": 10], title: "春季比武", heldOn: "2026-04-10")
        _ = try await fixture.finishedIndividualContest(["TH0003": 30, "TH0001": 20, "TH0002": 10], title: "秋季比武", heldOn: "2026-09-10")
        let running = try await fixture.runningIndividualContest(title: "冬季比武", heldOn: "2026-11-20")
        try await fixture.record(running, .manual(team: running.team(of: "TH0002").id, question: nil, points: ContestPoints(points: 50), reason: "纸质成绩单"))
    }

    @Test("Given two finished contests, then units are ordered by firsts, then seconds, then thirds; the period picks the contests")
    func medalTable() async throws {
        let fixture = try await Fixture.forContests()
        try await Self.season(fixture)
        let county = try await fixture.countyAdmin()
        let lines = try await fixture.db.contestMedalTable(unit: Code.tianhe, from: Self.year.from, through: Self.year.through, by: county)
        #expect(lines.map(\.unitCode) == [Code.tianhe, Code.huashi, Code.shipai])
        #expect(lines.map { [$0.firsts, $0.seconds, $0.thirds, $0.entered] } == [[1, 1, 0, 2], [1, 0, 1, 2], [0, 1, 1, 2]])

        let spring = try await fixture.db.contestMedalTable(unit: Code.tianhe, from: Self.spring.from, through: Self.spring.through, by: county)
        #expect(spring.map(\.unitCode) == [Code.tianhe, Code.shipai, Code.huashi])
        #expect(spring.map(\.entered) == [1, 1, 1])

        #expect(try await fixture.db.contestMedalTable(unit: Code.shipai, from: Self.year.from, through: Self.year.through, by: county).isEmpty, "no contest is held by the town")
        await expectError(.notFound) { try await fixture.db.contestMedalTable(unit: Code.wujiang, from: Self.year.from, through: Self.year.through, by: county) }
        await expectError(.forbidden) {
            try await fixture.db.contestMedalTable(unit: Code.tianhe, from: Self.year.from, through: Self.year.through, by: try await fixture.staffUser())
        }
    }

    @Test("Given the season, then a winner's percentile is 100, the last's 0, the best placing counts, and nobody's is nil")
    func percentiles() async throws {
        let fixture = try await Fixture.forContests()
        try await Self.season(fixture)
        func percentile(_ number: String, _ period: (from: CivilDate, through: CivilDate) = Self.year, by principal: Principal? = nil) async throws -> Double? {
            try await fixture.db.contestPercentile(ofStaff: number, from: period.from, through: period.through, by: try await fixture.host(principal))
        }
        #expect(try await percentile("TH0001") == 100)
        #expect(try await percentile("TH0002") == 50, "2nd of 3 at best; the running contest it leads does not count")
        #expect(try await percentile("TH0003") == 100, "3rd in spring, 1st in autumn: the best counts")
        #expect(try await percentile("TH0003", Self.spring) == 0)
        #expect(try await percentile("TH0003", (CivilDate("2027-01-01")!, CivilDate("2027-12-31")!)) == nil)
        #expect(try await percentile("WJ0002", by: try await fixture.provinceAdmin()) == nil, "took part in none")
        await expectError(.notFound) { try await percentile("WJ0002") }
    }

    @Test("Given a staff member, then they may ask for their own percentile only")
    func ownPercentileOnly() async throws {
        let fixture = try await Fixture.forContests()
        try await Self.season(fixture)
        let staff = try await fixture.staffUser()
        let (from, through) = Self.spring
        #expect(try await fixture.db.contestPercentile(ofStaff: "TH0003", from: from, through: through, by: staff) == 0)
        await expectError(.forbidden) { try await fixture.db.contestPercentile(ofStaff: "TH0001", from: from, through: through, by: staff) }
        #expect(try await fixture.db.contestPercentile(ofStaff: "TH0001", from: from, through: through, by: try await fixture.trainer()) == 100)
    }
}
