import Foundation
import GRDB
import LianbingCore
import Testing

@testable import LianbingStore

@Suite("Contests: live answers feed assessment mastery")
struct ContestMasteryTests {
    static let point = "队伍建设/学习培训"

    @Test("Given an individual contest, when a contestant is ruled right then wrong, then their assessment mastery falls; a corrected ruling no longer counts")
    func rulingsMoveMastery() async throws {
        let fixture = try await Fixture.forContests()
        let contest = try await fixture.runningIndividualContest()
        let own = contest.team(of: "TH0003").id
        let staff = try await fixture.staffUser()
        let mastery = { try await fixture.db.mastery(by: staff) }
        #expect(try await mastery().assessment.byKnowledgePoint.isEmpty)

        try await fixture.record(contest, .rule(team: own, question: 1, verdict: .right, elapsedMilliseconds: nil))
        #expect(try await mastery().assessment.byKnowledgePoint[Self.point]?.accuracy == 1)
        let wrong = try await fixture.record(contest, .rule(team: own, question: 2, verdict: .wrong, elapsedMilliseconds: nil))
        let after = try await mastery()
        #expect(after.assessment.byKnowledgePoint[Self.point]?.accuracy == 0.5)
        #expect(after.assessment.byKnowledgePoint[Self.point]?.answered == 2 && after.assessment.byKnowledgePoint[Self.point]?.correct == 1)
        #expect(after.selfTest.byKnowledgePoint.isEmpty)
        // A trainer reading the same person sees the same; another entrant's record is untouched.
        #expect(try await fixture.db.mastery(ofStaff: "TH0003", by: try await fixture.countyAdmin()) == after)
        #expect(try await fixture.db.mastery(by: try await fixture.principal("th1")).assessment.byKnowledgePoint.isEmpty)

        try await fixture.record(contest, .correct(sequence: wrong.event.sequence, reason: "复核"))
        #expect(try await mastery().assessment.byKnowledgePoint[Self.point]?.accuracy == 1)
    }

    @Test("Given a team contest, then an answer counts for the member who buzzed for it and for nobody when no one is named")
    func teamAnswersCountForTheBuzzer() async throws {
        let fixture = try await Fixture.forContests()
        let admin = try await fixture.countyAdmin()
        let created = try await fixture.createContest(format: .team)
        let team = try await fixture.db.addContestTeam(created.id, TeamDraft(name: "一队", members: ["TH0001", "TH0003"]), by: admin)
        _ = try await fixture.db.addContestRound(created.id, ContestRounds.buzzer(), by: admin)
        let contest = try await fixture.db.setContestStatus(created.id, .running, by: admin)

        try await fixture.record(contest, .open(question: 1))
        try await fixture.record(contest, .buzz(team: team.id, member: "TH0003", elapsedMilliseconds: 500))
        let ruled = try await fixture.record(contest, .rule(team: team.id, question: 1, verdict: .wrong, elapsedMilliseconds: nil))
        #expect(ruled.event.member == "TH0003")
        try await fixture.record(contest, .open(question: 2))
        try await fixture.record(contest, .buzz(team: team.id, member: nil, elapsedMilliseconds: 500))
        try await fixture.record(contest, .rule(team: team.id, question: 2, verdict: .right, elapsedMilliseconds: nil))

        #expect(try await fixture.db.mastery(by: try await fixture.staffUser()).assessment.byKnowledgePoint[Self.point]?.accuracy == 0)
        #expect(try await fixture.db.mastery(by: try await fixture.principal("th1")).assessment.byKnowledgePoint.isEmpty)
        let unit = try await fixture.db.mastery(ofUnit: Code.tianhe, by: admin)
        #expect(unit.assessment.byKnowledgePoint[Self.point]?.answered == 1)
    }

    @Test("Given a buzz or a foul naming someone not on that team, then it is refused: nobody can put answers on another person's record")
    func namedMemberMustBeOnTheTeam() async throws {
        let fixture = try await Fixture.forContests()
        let admin = try await fixture.countyAdmin()
        let created = try await fixture.createContest(format: .team)
        let first = try await fixture.db.addContestTeam(created.id, TeamDraft(name: "一队", members: ["TH0001", "TH0002"]), by: admin)
        let second = try await fixture.db.addContestTeam(created.id, TeamDraft(name: "二队", members: ["TH0003"]), by: admin)
        _ = try await fixture.db.addContestRound(created.id, ContestRounds.buzzer(), by: admin)
        let contest = try await fixture.db.setContestStatus(created.id, .running, by: admin)
        let staff = try await fixture.staffUser()

        await expectError(.invalid) { try await fixture.record(contest, .foul(team: second.id, member: "TH0001"), by: staff) }
        try await fixture.record(contest, .open(question: 1))
        await expectError(.invalid) { try await fixture.record(contest, .buzz(team: second.id, member: "TH0001", elapsedMilliseconds: 400), by: staff) }
        await expectError(.invalid) { try await fixture.record(contest, .buzz(team: first.id, member: "TH0003", elapsedMilliseconds: 400)) }
        #expect(try await fixture.db.lastContestSequence(contest.id) == 1)
        try await fixture.record(contest, .buzz(team: first.id, member: "TH0002", elapsedMilliseconds: 400))
        try await fixture.record(contest, .rule(team: first.id, question: 1, verdict: .wrong, elapsedMilliseconds: nil))
        #expect(try await fixture.db.mastery(by: try await fixture.principal("th2")).assessment.byKnowledgePoint[Self.point]?.accuracy == 0)
        #expect(try await fixture.db.mastery(by: try await fixture.principal("th1")).assessment.byKnowledgePoint.isEmpty)
    }
}
