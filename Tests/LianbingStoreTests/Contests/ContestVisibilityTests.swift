import Foundation
import GRDB
import LianbingCore
import Testing

@testable import LianbingStore

@Suite("Contests: who sees which contest")
struct ContestVisibilityTests {
    @Test("Given contests at several levels, then each administrator lists those of their subtree and a staff member those they take part in")
    func listings() async throws {
        let fixture = try await Fixture.forContests()
        let province = try await fixture.provinceAdmin()
        let tianhe = try await fixture.createContest("天河区比武", heldOn: "2026-05-20")
        try await fixture.enterIndividuals(["TH0003"], in: tianhe)
        let wujiang = try await fixture.createContest("武江区比武", unit: Code.wujiang, heldOn: "2026-05-21", by: try await fixture.otherCountyAdmin())
        let city = try await fixture.createContest("广州市比武", unit: Code.guangzhou, heldOn: "2026-06-10", by: province)
        let provincial = try await fixture.createContest("全省比武", unit: Code.province, heldOn: "2026-04-01", by: province)

        #expect(try await fixture.db.contests(by: province).map(\.id) == [city.id, wujiang.id, tianhe.id, provincial.id], "latest first")
        #expect(try await fixture.db.contests(by: try await fixture.countyAdmin()).map(\.id) == [tianhe.id])
        #expect(try await fixture.db.contests(by: try await fixture.otherCountyAdmin()).map(\.id) == [wujiang.id])
        #expect(try await fixture.db.contests(by: try await fixture.trainer()).map(\.id) == [city.id, tianhe.id], "the city's trainer runs the city and its counties")
        #expect(try await fixture.db.contests(by: try await fixture.staffUser()).map(\.id) == [tianhe.id], "TH0003 takes part in one")
        #expect(try await fixture.db.contests(by: try await fixture.principal("th2")).isEmpty, "TH0002 takes part in none")
        await expectError(.notFound) { try await fixture.db.contest(tianhe.id, by: try await fixture.principal("th2")) }
        await expectError(.notFound) { try await fixture.db.contest(999, by: province) }
    }

    @Test("Given a running contest of 天河区, then for the administrator of 武江区 every service method answers notFound and nothing changes")
    func siblingCountySeesNothing() async throws {
        let fixture = try await Fixture.forContests()
        let exam = try await fixture.publishedExam()
        let contest = try await fixture.runningIndividualContest([ContestRounds.compulsory(), ContestRounds.written(exam: exam.id)])
        let host = try await fixture.countyAdmin()
        try await fixture.record(contest, .open(question: 1))
        let other = try await fixture.otherCountyAdmin()
        let ownContest = try await fixture.createContest("武江区比武", unit: Code.wujiang, by: other)
        let team = contest.team(of: "TH0001").id
        let before = try await fixture.db.fullSnapshot()
        let eventsBefore = try await fixture.db.snapshot("contestEvent")
        let contestBefore = try await fixture.db.contest(contest.id, by: host)

        let db = fixture.db
        let id = contest.id
        await expectError(.notFound) { try await db.contest(id, by: other) }
        await expectError(.notFound) { try await db.contestEvents(id, by: other) }
        await expectError(.notFound) { try await db.contestBoard(id, by: other) }
        await expectError(.notFound) { try await db.recordContestAction(id, round: 1, .rule(team: team, question: 1, verdict: .right, elapsedMilliseconds: nil), by: other) }
        await expectError(.notFound) { try await db.addContestTeam(id, TeamDraft(members: ["WJ0002"]), by: other) }
        await expectError(.notFound) { try await db.addContestRound(id, ContestRounds.compulsory(), by: other) }
        await expectError(.notFound) { try await db.setContestStatus(id, .finished, by: other) }
        await expectError(.notFound) { try await db.enterWrittenRound(id, round: 2, by: other) }
        await expectError(.notFound) { try await db.advanceContest(from: id, to: ownContest.id, rule: .top(1), by: other) }
        await expectError(.notFound) { try await db.advanceContest(from: ownContest.id, to: id, rule: .top(1), by: other) }
        await expectError(.notFound) { try await db.contestResults(id, by: other) }
        await expectError(.notFound) { try await db.contestQuestion(id, round: 1, number: 1, by: other) }
        await expectError(.notFound) { try await db.freezeContestBoard(id, frozen: true, by: other) }
        await expectError(.notFound) { try await db.revealNextContestEvent(id, by: other) }
        await expectError(.notFound) { try await db.contestSubstitutions(id, by: other) }
        await expectError(.notFound) { try await db.substituteContestMember(team: team, out: "TH0001", in: "WJ0002", reason: "伤病", by: other) }

        #expect(try await fixture.db.fullSnapshot() == before)
        #expect(try await fixture.db.snapshot("contestEvent") == eventsBefore)
        #expect(try await fixture.db.contest(contest.id, by: host) == contestBefore)
    }

    @Test("Given a contestant, then they see their contest and its board but not its log")
    func contestantSeesBoardNotLog() async throws {
        let fixture = try await Fixture.forContests()
        let contest = try await fixture.runningIndividualContest()
        let staff = try await fixture.staffUser()
        #expect(try await fixture.db.contest(contest.id, by: staff).teams.count == 3)
        #expect(try await fixture.db.contestBoard(contest.id, by: staff).count == 3)
        #expect(try await fixture.db.contestResults(contest.id, by: staff).lines.count == 3)
        await expectError(.notFound) { try await fixture.db.contestEvents(contest.id, by: staff) }
    }
}
