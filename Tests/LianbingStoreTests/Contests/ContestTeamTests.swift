import Foundation
import GRDB
import LianbingCore
import Testing

@testable import LianbingStore

@Suite("Contests: entering teams and substituting members")
struct ContestTeamTests {
    @Test("Given an individual contest, then a team takes exactly one member, is named after them and represents their unit")
    func individualEntry() async throws {
        let fixture = try await Fixture.forContests()
        let contest = try await fixture.createContest(format: .individual)
        let admin = try await fixture.countyAdmin()
        let team = try await fixture.db.addContestTeam(contest.id, TeamDraft(name: "随便起的名字", members: ["TH0003"]), by: admin)
        #expect(team.name == Roster.huashiInformant.name && team.unitCode == Code.huashi && team.draw == 1 && team.advancedFrom == nil)
        #expect(team.members == [ContestMember(staffNumber: "TH0003", name: "王五", isCaptain: true)])
        await expectError(.invalid) { try await fixture.db.addContestTeam(contest.id, TeamDraft(members: ["TH0001", "TH0002"]), by: admin) }
        await expectError(.invalid) { try await fixture.db.addContestTeam(contest.id, TeamDraft(members: []), by: admin) }
        #expect(try await fixture.db.addContestTeam(contest.id, TeamDraft(members: ["TH0001"]), by: admin).draw == 2)
    }

    @Test("Given a team contest, then a team needs a name and a captain among its members; the captain defaults to the first and the unit to the captain's")
    func teamEntry() async throws {
        let fixture = try await Fixture.forContests()
        let contest = try await fixture.createContest(format: .team)
        let admin = try await fixture.countyAdmin()
        await expectError(.invalid) { try await fixture.db.addContestTeam(contest.id, TeamDraft(name: " ", members: ["TH0001", "TH0002"]), by: admin) }
        await expectError(.invalid) {
            try await fixture.db.addContestTeam(contest.id, TeamDraft(name: "一队", members: ["TH0001", "TH0002"], captain: "TH0003"), by: admin)
        }
        await expectError(.invalid) { try await fixture.db.addContestTeam(contest.id, TeamDraft(name: "一队", members: ["TH0001", "TH0001"]), by: admin) }
        #expect(try await fixture.db.count("contestTeam") == 0)

        let first = try await fixture.db.addContestTeam(contest.id, TeamDraft(name: " 石牌队 ", members: ["TH0002", "TH0003"]), by: admin)
        #expect(first.name == "石牌队" && first.unitCode == Code.shipai && first.unitName == Tree.shipai.name)
        #expect(first.members.map(\.staffNumber) == ["TH0002", "TH0003"] && first.members.map(\.isCaptain) == [true, false])

        let contest2 = try await fixture.createContest("第二场", format: .team)
        let second = try await fixture.db.addContestTeam(
            contest2.id, TeamDraft(name: "区中心队", members: ["TH0002", "TH0001"], captain: "TH0001", unitCode: Code.tianhe), by: admin)
        #expect(second.unitCode == Code.tianhe && second.members.first { $0.isCaptain }?.staffNumber == "TH0001")
        await expectError(.conflict) { try await fixture.db.addContestTeam(contest2.id, TeamDraft(name: "区中心队", members: ["TH0003"]), by: admin) }
        await expectError(.notFound) {
            try await fixture.db.addContestTeam(contest2.id, TeamDraft(name: "外单位", members: ["TH0003"], unitCode: Code.wujiang), by: admin)
        }
    }

    @Test("Given a person on one team, when entered on another team of the same contest, then conflict; another contest may take them")
    func onePersonOneTeam() async throws {
        let fixture = try await Fixture.forContests()
        let contest = try await fixture.createContest(format: .team)
        let admin = try await fixture.countyAdmin()
        _ = try await fixture.db.addContestTeam(contest.id, TeamDraft(name: "一队", members: ["TH0001", "TH0002"]), by: admin)
        let before = try await fixture.db.snapshot("contestMember")
        let error = await expectError(.conflict) {
            try await fixture.db.addContestTeam(contest.id, TeamDraft(name: "二队", members: ["TH0003", "TH0002"]), by: admin)
        }
        #expect(error?.message.contains("TH0002") == true)
        #expect(try await fixture.db.snapshot("contestMember") == before)
        #expect(try await fixture.db.count("contestTeam") == 1)
        let other = try await fixture.createContest("另一场", format: .team)
        _ = try await fixture.db.addContestTeam(other.id, TeamDraft(name: "一队", members: ["TH0002"]), by: admin)
    }

    @Test("Given staff not in post, outside the organising subtree or unknown, then notFound", arguments: ["TH0004", "WJ0001", "GZ0001", "NOBODY"])
    func membersMustBeActiveStaffInSubtree(number: String) async throws {
        let fixture = try await Fixture.forContests()
        let contest = try await fixture.createContest(format: .team)
        await expectError(.notFound) {
            try await fixture.db.addContestTeam(contest.id, TeamDraft(name: "一队", members: ["TH0001", number]), by: try await fixture.countyAdmin())
        }
        #expect(try await fixture.db.count("contestTeam") == 0)
    }

    @Test("Given a trainer, then entering a team is forbidden; once the contest has started it is a conflict")
    func onlyAdminsAndOnlyWhilePreparing() async throws {
        let fixture = try await Fixture.forContests()
        let contest = try await fixture.runningIndividualContest(entrants: ["TH0001", "TH0002"])
        await expectError(.forbidden) { try await fixture.db.addContestTeam(contest.id, TeamDraft(members: ["TH0003"]), by: try await fixture.trainer()) }
        await expectError(.conflict) { try await fixture.db.addContestTeam(contest.id, TeamDraft(members: ["TH0003"]), by: try await fixture.countyAdmin()) }
        #expect(try await fixture.db.count("contestTeam") == 2)
    }

    @Test("Given a captain substituted in a running team contest, then the newcomer is captain and the substitution is logged with its reason")
    func substitutionKeepsCaptainAndIsLogged() async throws {
        let fixture = try await Fixture.forContests()
        let admin = try await fixture.countyAdmin()
        let contest = try await fixture.createContest(format: .team)
        let team = try await fixture.db.addContestTeam(contest.id, TeamDraft(name: "一队", members: ["TH0001", "TH0002"], captain: "TH0001"), by: admin)
        _ = try await fixture.db.addContestRound(contest.id, ContestRounds.compulsory(), by: admin)
        _ = try await fixture.db.setContestStatus(contest.id, .running, by: admin)

        await expectError(.invalid) { try await fixture.db.substituteContestMember(team: team.id, out: "TH0001", in: "TH0003", reason: "  ", by: admin) }
        await expectError(.forbidden) {
            try await fixture.db.substituteContestMember(team: team.id, out: "TH0001", in: "TH0003", reason: "伤病", by: try await fixture.trainer())
        }
        await expectError(.notFound) { try await fixture.db.substituteContestMember(team: team.id, out: "TH0003", in: "TH0001", reason: "伤病", by: admin) }
        await expectError(.conflict) { try await fixture.db.substituteContestMember(team: team.id, out: "TH0001", in: "TH0002", reason: "伤病", by: admin) }
        await expectError(.notFound) { try await fixture.db.substituteContestMember(team: team.id, out: "TH0001", in: "TH0004", reason: "伤病", by: admin) }
        await expectError(.notFound) { try await fixture.db.substituteContestMember(team: 999, out: "TH0001", in: "TH0003", reason: "伤病", by: admin) }
        #expect(try await fixture.db.contestSubstitutions(contest.id, by: admin).isEmpty)

        fixture.clock.advance(by: 60)
        let changed = try await fixture.db.substituteContestMember(team: team.id, out: "TH0001", in: "TH0003", reason: " 临时出差 ", by: admin)
        #expect(changed.name == "一队")
        #expect(changed.members.map(\.staffNumber) == ["TH0003", "TH0002"] && changed.members.map(\.isCaptain) == [true, false])
        let log = try await fixture.db.contestSubstitutions(contest.id, by: admin)
        #expect(log == [ContestSubstitution(teamId: team.id, outStaffNumber: "TH0001", inStaffNumber: "TH0003", reason: "临时出差", recordedAt: fixture.clock.now, actor: "county")])
        #expect(try await fixture.db.contestSubstitutions(contest.id, by: try await fixture.staffUser()) == log, "the team's members see it too")
        #expect(try await fixture.db.auditEntries().last?.action == "contest.substitute")

        _ = try await fixture.db.setContestStatus(contest.id, .finished, by: admin)
        await expectError(.conflict) { try await fixture.db.substituteContestMember(team: team.id, out: "TH0002", in: "TH0001", reason: "伤病", by: admin) }
    }

    @Test("Given an individual contest, when its entrant is substituted, then the team takes the newcomer's name")
    func individualSubstitutionRenames() async throws {
        let fixture = try await Fixture.forContests()
        let contest = try await fixture.runningIndividualContest(entrants: ["TH0001", "TH0002"])
        let team = contest.team(of: "TH0002")
        let changed = try await fixture.db.substituteContestMember(team: team.id, out: "TH0002", in: "TH0003", reason: "伤病", by: try await fixture.countyAdmin())
        #expect(changed.name == "王五" && changed.members == [ContestMember(staffNumber: "TH0003", name: "王五", isCaptain: true)])
        #expect(try await fixture.board(contest).names.contains("王五"))
    }

    @Test("Given two people of the same name, then both enter an individual contest, the later one named with their staff number")
    func namesakesBothEnter() async throws {
        let fixture = try await Fixture.forContests()
        try await fixture.db.writer.write { try $0.execute(sql: "UPDATE staff SET name = '张三' WHERE number = 'TH0002'") }
        let contest = try await fixture.enterIndividuals(["TH0001", "TH0002"], in: try await fixture.createContest())
        #expect(contest.teams.map(\.name) == ["张三", "张三（TH0002）"])

        let other = try await fixture.enterIndividuals(["TH0001", "TH0003"], in: try await fixture.createContest("第二场"))
        let renamed = try await fixture.db.substituteContestMember(
            team: other.team(of: "TH0003").id, out: "TH0003", in: "TH0002", reason: "伤病", by: try await fixture.countyAdmin())
        #expect(renamed.name == "张三（TH0002）")
    }
}
