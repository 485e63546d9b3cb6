import Foundation
import GRDB
import LianbingCore
import Testing

@testable import LianbingStore

/// A running team contest of 天河区 whose first round is the paper of a published exam (`ContestPaper`, 10 points) and
/// whose second is a compulsory round: 区中心队 (TH0001 captain, TH0002) and 华师队 (TH0003).
private struct WrittenContest {
    let fixture: Fixture
    let exam: Exam
    let contest: Contest
    var centre: Int64 { contest.team(of: "TH0001").id }
    var huashi: Int64 { contest.team(of: "TH0003").id }

    static func make(_ storage: Fixture) async throws -> WrittenContest {
        let fixture = storage
        let admin = try await fixture.countyAdmin()
        let exam = try await fixture.publishedExam(ExamBank.draft(fixture.clock, blueprint: ContestPaper.blueprint))
        let created = try await fixture.createContest(format: .team)
        _ = try await fixture.db.addContestTeam(created.id, TeamDraft(name: "区中心队", members: ["TH0001", "TH0002"]), by: admin)
        _ = try await fixture.db.addContestTeam(created.id, TeamDraft(name: "华师队", members: ["TH0003"]), by: admin)
        _ = try await fixture.db.addContestRound(created.id, ContestRounds.written(exam: exam.id), by: admin)
        _ = try await fixture.db.addContestRound(created.id, ContestRounds.compulsory(), by: admin)
        let contest = try await fixture.db.setContestStatus(created.id, .running, by: admin)
        return WrittenContest(fixture: fixture, exam: exam, contest: contest)
    }

    /// `username` sits the paper through the exam engine, every answer right or wrong, and hands it in unless told not to.
    @discardableResult
    func sit(_ username: String, right: Bool, submit: Bool = true) async throws -> AttemptView {
        let principal = try await fixture.principal(username)
        let view = try await fixture.db.startAttempt(exam: exam.id, client: .commandLine, by: principal)
        try await fixture.answerAll(view, right: right, by: principal)
        return submit ? try await fixture.db.submitAttempt(view.id, by: principal) : view
    }

    /// Past the exam's window (the fixture clock).
    func closeWindow() { fixture.clock.advance(by: 7_200) }

    func enter(by principal: Principal? = nil) async throws -> [ContestStanding] {
        try await fixture.db.enterWrittenRound(contest.id, round: 1, by: try await fixture.host(principal))
    }
}

@Suite("Contests: a written round's scores from the exam engine")
struct ContestWrittenRoundTests {
    @Test("Given a closed paper, when the round is entered, then each team scores its members' mean, an absent member counting 0", arguments: ContestStorage.allCases)
    func teamMeanWithAbsentMember(storage: ContestStorage) async throws {
        try await withContestFixture(storage) { fixture in
            let written = try await WrittenContest.make(fixture)
            try await written.sit("th1", right: true)  // TH0001: 10; TH0002 never starts
            try await written.sit("staff", right: false)  // TH0003: 0
            await expectError(.conflict) { try await written.enter() }
            #expect(try await fixture.db.lastContestSequence(written.contest.id) == 0)

            written.closeWindow()
            let board = try await written.enter()
            #expect(board.pointsByName == ["区中心队": 105, "华师队": 100])
            #expect(board.first { $0.entrant.id == written.centre }?.written == ContestPoints(points: 5))
            let events = try await fixture.db.contestEvents(written.contest.id, by: try await fixture.countyAdmin())
            #expect(events.map(\.kind) == [.written, .written] && events.map(\.team) == [written.centre, written.huashi])
            #expect(events.map(\.change) == [ContestPoints(points: 5), .zero] && events.allSatisfy { $0.round == 1 && $0.recordedBy == "county" })

            let again = await expectError(.conflict) { try await written.enter() }
            #expect(again?.message.contains("已录入") == true)
            #expect(try await fixture.db.lastContestSequence(written.contest.id) == 2)
        }
    }

    @Test("Given entered scores that were both corrected, then the round may be entered again")
    func reenterAfterCorrection() async throws {
        let fixture = try await Fixture.forContests()
        let written = try await WrittenContest.make(fixture)
        try await written.sit("th2", right: true)
        written.closeWindow()
        _ = try await written.enter()
        try await fixture.record(written.contest, .correct(sequence: 1, reason: "重录"))
        await expectError(.conflict) { try await written.enter() }
        try await fixture.record(written.contest, .correct(sequence: 2, reason: "重录"))
        #expect(try await written.enter(by: try await fixture.trainer()).pointsByName == ["区中心队": 105, "华师队": 100])
    }

    @Test("Given a round that is not written, a staff member, or a contest not running, then entering is refused")
    func refusals() async throws {
        let fixture = try await Fixture.forContests()
        let written = try await WrittenContest.make(fixture)
        written.closeWindow()
        await expectError(.invalid) { try await fixture.db.enterWrittenRound(written.contest.id, round: 2, by: try await fixture.countyAdmin()) }
        await expectError(.notFound) { try await fixture.db.enterWrittenRound(written.contest.id, round: 3, by: try await fixture.countyAdmin()) }
        await expectError(.forbidden) { try await written.enter(by: try await fixture.staffUser()) }
        _ = try await fixture.db.setContestStatus(written.contest.id, .finished, by: try await fixture.countyAdmin())
        await expectError(.conflict) { try await written.enter() }
        #expect(try await fixture.db.lastContestSequence(written.contest.id) == 0)
    }

    @Test("Given a paper still open when the window closed and not yet swept, then it is submitted and counted, not taken for absence")
    func unsweptPaperCounts() async throws {
        let fixture = try await Fixture.forContests()
        let written = try await WrittenContest.make(fixture)
        let view = try await written.sit("staff", right: true, submit: false)
        written.closeWindow()
        #expect(try await written.enter().pointsByName == ["区中心队": 100, "华师队": 110])
        let attempt = try await fixture.db.reader.read { db in try AttemptRecord.fetchOne(db, key: view.id)! }
        #expect(attempt.attemptState == .autoSubmitted && attempt.score == 10)
    }

    @Test("Given a candidate with a later personal window, then the round waits for it to close")
    func personalWindowIsWaitedFor() async throws {
        let fixture = try await Fixture.forContests()
        let written = try await WrittenContest.make(fixture)
        let admin = try await fixture.countyAdmin()
        try await fixture.db.overrideCandidate(
            "TH0002", inExam: written.exam.id, extraMinutes: nil, closesAt: written.exam.closesAt.addingTimeInterval(3_600), by: admin)
        written.closeWindow()
        await expectError(.conflict) { try await written.enter() }
        try await written.sit("th2", right: true)
        await expectError(.conflict) { try await written.enter() }
        fixture.clock.advance(by: 3_600)
        #expect(try await written.enter().pointsByName == ["区中心队": 105, "华师队": 100])
    }

    @Test("Given a paper reopened after the window closed, then the round waits for the new deadline and then counts the paper")
    func reopenedPaperIsWaitedFor() async throws {
        let fixture = try await Fixture.forContests()
        let written = try await WrittenContest.make(fixture)
        try await written.sit("staff", right: false)
        written.closeWindow()
        try await fixture.db.reopenAttempt(of: "TH0003", inExam: written.exam.id, minutes: 10, by: try await fixture.countyAdmin())
        let view = try await fixture.db.startAttempt(exam: written.exam.id, client: .commandLine, by: try await fixture.staffUser())
        try await fixture.answerAll(view, right: true, by: try await fixture.staffUser())
        await expectError(.conflict) { try await written.enter() }
        fixture.clock.advance(by: 600)
        #expect(try await written.enter().pointsByName == ["区中心队": 100, "华师队": 110])
    }
}
