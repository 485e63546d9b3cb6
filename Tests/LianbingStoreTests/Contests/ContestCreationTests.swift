import Foundation
import GRDB
import LianbingCore
import Testing

@testable import LianbingStore

@Suite("Contests: who may create one, where, and with what")
struct ContestCreationTests {
    @Test("Given the county administrator, when they create a contest of their county, then it is preparing, empty, with a board link")
    func countyAdminCreates() async throws {
        let fixture = try await Fixture.forContests()
        let draft = ContestDraft(title: "  天河区业务技能比武  ", unitCode: Code.tianhe, format: .team, heldOn: CivilDate("2026-05-20")!, basePoints: 100)
        let contest = try await fixture.db.createContest(draft, by: try await fixture.countyAdmin())
        #expect(contest.title == "天河区业务技能比武", "the title is trimmed")
        #expect(contest.status == .preparing && contest.format == .team && contest.basePoints == 100)
        #expect(contest.unitCode == Code.tianhe && contest.unitName == Tree.tianhe.name)
        #expect(contest.teams.isEmpty && contest.rounds.isEmpty && contest.publicThrough == nil)
        #expect(contest.tieBreakers == [.written, .fewerWrong, .lessTime])
        #expect(contest.createdBy == "county" && contest.createdAt == fixture.clock.now)
        #expect((contest.boardToken?.count ?? 0) >= 16)
        #expect(try await fixture.db.auditEntries().last?.action == "contest.create")
    }

    @Test("Given a trainer or a staff member, when they create a contest, then forbidden and nothing is stored", arguments: ["trainer", "staff"])
    func onlyAdministrators(username: String) async throws {
        let fixture = try await Fixture.forContests()
        let principal = try await fixture.principal(username)
        await expectError(.forbidden) { try await fixture.createContest(by: principal) }
        #expect(try await fixture.db.count("contest") == 0)
    }

    @Test("Given a unit outside the administrator's subtree, or none at all, then notFound", arguments: [Code.wujiang, Code.guangzhou, "999999"])
    func unitMustBeInScope(code: String) async throws {
        let fixture = try await Fixture.forContests()
        await expectError(.notFound) { try await fixture.createContest(unit: code) }
        #expect(try await fixture.db.count("contest") == 0)
    }

    @Test("Given a town or a village, then invalid: contests are held by province, city and county centres", arguments: [Code.shipai, Code.huashi])
    func levelMustOrganise(code: String) async throws {
        let fixture = try await Fixture.forContests()
        let error = await expectError(.invalid) { try await fixture.createContest(unit: code) }
        #expect(error?.message.contains("省、市、县") == true)
        #expect(try await fixture.db.count("contest") == 0)
    }

    @Test("Given the province administrator, then the province, a city and a county may each hold a contest")
    func provinceCityAndCountyLevels() async throws {
        let fixture = try await Fixture.forContests()
        let province = try await fixture.provinceAdmin()
        for code in [Code.province, Code.shaoguan, Code.wujiang] {
            #expect(try await fixture.createContest(unit: code, by: province).unitCode == code)
        }
    }

    @Test("Given a draft with an empty title or base points outside 0...10000, then invalid; the bounds themselves are accepted")
    func draftValidation() async throws {
        let fixture = try await Fixture.forContests()
        await expectError(.invalid) { try await fixture.createContest("   ") }
        await expectError(.invalid) { try await fixture.createContest(basePoints: -1) }
        await expectError(.invalid) { try await fixture.createContest(basePoints: 10_001) }
        await expectError(.invalid) { try await fixture.createContest(heldOn: "1999-12-31") }
        #expect(try await fixture.db.count("contest") == 0)
        #expect(try await fixture.createContest("零分起", basePoints: 0).basePoints == 0)
        #expect(try await fixture.createContest("万分起", basePoints: 10_000).basePoints == 10_000)
    }

    @Test("Given a contest, then those who run it are given the board link and a contestant is not")
    func boardTokenOnlyForManagers() async throws {
        let fixture = try await Fixture.forContests()
        let created = try await fixture.createContest()
        try await fixture.enterIndividuals(["TH0003"], in: created)
        let token = try #require(created.boardToken)
        #expect(try await fixture.db.contest(created.id, by: try await fixture.countyAdmin()).boardToken == token)
        #expect(try await fixture.db.contest(created.id, by: try await fixture.trainer()).boardToken == token, "a trainer of the city above runs it too")
        let staff = try await fixture.staffUser()
        #expect(try await fixture.db.contest(created.id, by: staff).boardToken == nil)
        #expect(try await fixture.db.contests(by: staff).map(\.boardToken) == [nil])
        #expect(try await fixture.db.contestResults(created.id, by: staff).contest.boardToken == nil)
    }
}
