import Foundation
import GRDB
import LianbingCore
import Testing

@testable import LianbingStore

@Suite("Contests: advancing teams from a county contest to the city's")
struct ContestAdvancementTests {
    /// 广州市's contest, being prepared by the province administrator.
    static func cityContest(_ fixture: Fixture, format: ContestFormat = .individual) async throws -> Contest {
        try await fixture.createContest("广州市业务技能比武", format: format, unit: Code.guangzhou, heldOn: "2026-06-10", by: try await fixture.provinceAdmin())
    }

    @Test("Given a finished county contest, when its top two advance, then the city contest gets copies of their teams, noting where they came from", arguments: ContestStorage.allCases)
    func topTwoAdvance(storage: ContestStorage) async throws {
        try await withContestFixture(storage) { fixture in
            let county = try await fixture.finishedIndividualContest(["TH0001": 10, "TH0002": 30, "TH0003": 20], title: "天河区比武")
            let city = try await Self.cityContest(fixture)
            let province = try await fixture.provinceAdmin()
            let advanced = try await fixture.db.advanceContest(from: county.id, to: city.id, rule: .top(2), by: province)
            #expect(advanced.map(\.name) == ["李四", "王五"])
            #expect(advanced.map(\.unitCode) == [Code.shipai, Code.huashi])
            #expect(advanced.map(\.members) == [
                [ContestMember(staffNumber: "TH0002", name: "李四", isCaptain: true)], [ContestMember(staffNumber: "TH0003", name: "王五", isCaptain: true)],
            ])
            #expect(advanced.map(\.advancedFrom) == [county.team(of: "TH0002").id, county.team(of: "TH0003").id])
            #expect(advanced.map(\.draw) == [1, 2])
            #expect(try await fixture.db.contest(city.id, by: province).teams == advanced)
            #expect(try await fixture.db.auditEntries().last?.action == "contest.advance")
            await expectError(.conflict) { try await fixture.db.advanceContest(from: county.id, to: city.id, rule: .top(2), by: province) }
        }
    }

    @Test("Given a team contest, then teams advance whole: name, unit, members and captain")
    func teamsAdvanceWhole() async throws {
        let fixture = try await Fixture.forContests()
        let admin = try await fixture.countyAdmin()
        let created = try await fixture.createContest(format: .team)
        let first = try await fixture.db.addContestTeam(
            created.id, TeamDraft(name: "区中心队", members: ["TH0001", "TH0002"], captain: "TH0002", unitCode: Code.tianhe), by: admin)
        let second = try await fixture.db.addContestTeam(created.id, TeamDraft(name: "华师队", members: ["TH0003"]), by: admin)
        _ = try await fixture.db.addContestRound(created.id, ContestRounds.compulsory(), by: admin)
        let running = try await fixture.db.setContestStatus(created.id, .running, by: admin)
        try await fixture.record(running, .rule(team: first.id, question: 1, verdict: .right, elapsedMilliseconds: nil))
        _ = try await fixture.db.setContestStatus(created.id, .finished, by: admin)

        let city = try await Self.cityContest(fixture, format: .team)
        let advanced = try await fixture.db.advanceContest(from: created.id, to: city.id, rule: .top(1), by: try await fixture.provinceAdmin())
        #expect(advanced.count == 1)
        #expect(advanced[0].name == "区中心队" && advanced[0].unitCode == Code.tianhe && advanced[0].advancedFrom == first.id)
        #expect(Set(advanced[0].members) == Set(first.members) && advanced[0].members.first { $0.isCaptain }?.staffNumber == "TH0002")
        #expect(second.id != advanced[0].advancedFrom)
    }

    @Test("Given two entrants tied at the cut-off, then advancing is refused with conflict and nothing is entered")
    func tieAtCutOff() async throws {
        let fixture = try await Fixture.forContests()
        let county = try await fixture.finishedIndividualContest(["TH0001": 20, "TH0002": 10, "TH0003": 10], title: "天河区比武")
        let city = try await Self.cityContest(fixture)
        let province = try await fixture.provinceAdmin()
        let error = await expectError(.conflict) { try await fixture.db.advanceContest(from: county.id, to: city.id, rule: .top(2), by: province) }
        #expect(error?.message.contains("并列") == true)
        #expect(try await fixture.db.contest(city.id, by: province).teams.isEmpty)
        #expect(try await fixture.db.advanceContest(from: county.id, to: city.id, rule: .top(1), by: province).map(\.name) == ["张三"])
    }

    @Test("Given a lower contest not finished, formats that differ, or a contest not below the other, then advancing is refused")
    func preconditions() async throws {
        let fixture = try await Fixture.forContests()
        let province = try await fixture.provinceAdmin()
        let running = try await fixture.runningIndividualContest(title: "仍在进行")
        let finished = try await fixture.finishedIndividualContest(["TH0001": 10, "TH0002": 0], title: "已结束")
        let city = try await Self.cityContest(fixture)
        let teamCity = try await Self.cityContest(fixture, format: .team)
        let sameCounty = try await fixture.createContest("天河区第二场")
        let wujiang = try await fixture.createContest("武江区比武", unit: Code.wujiang, by: province)

        let notFinished = await expectError(.conflict) { try await fixture.db.advanceContest(from: running.id, to: city.id, rule: .top(1), by: province) }
        #expect(notFinished?.message.contains("尚未结束") == true)
        await expectError(.invalid) { try await fixture.db.advanceContest(from: finished.id, to: teamCity.id, rule: .top(1), by: province) }
        await expectError(.invalid) { try await fixture.db.advanceContest(from: finished.id, to: sameCounty.id, rule: .top(1), by: province) }
        await expectError(.invalid) { try await fixture.db.advanceContest(from: finished.id, to: wujiang.id, rule: .top(1), by: province) }
        await expectError(.conflict) { try await fixture.db.advanceContest(from: finished.id, to: running.id, rule: .top(1), by: province) }
        await expectError(.invalid) { try await fixture.db.advanceContest(from: finished.id, to: city.id, rule: .top(0), by: province) }
        await expectError(.forbidden) { try await fixture.db.advanceContest(from: finished.id, to: city.id, rule: .top(1), by: try await fixture.trainer()) }
        await expectError(.notFound) { try await fixture.db.advanceContest(from: finished.id, to: city.id, rule: .top(1), by: try await fixture.countyAdmin()) }
        #expect(try await fixture.db.count("contestTeam") == 3 + 2, "the running and the finished contests' own")
    }
}
