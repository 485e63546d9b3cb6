import Foundation
import GRDB
import LianbingCore
import Testing

@testable import LianbingStore

@Suite("Contests: live questions on screens, their keys, and the bank's revealed list")
struct ContestQuestionTests {
    @Test("Given a listed question, then the host sees it with its key at any time; a contestant only once opened, and never the key")
    func keysOnlyForTheHost() async throws {
        let fixture = try await Fixture.forContests()
        let contest = try await fixture.runningIndividualContest(entrants: ["TH0001", "TH0003"])
        let bank = ExamBank.question("SINGLE-1", .singleChoice)
        let staff = try await fixture.staffUser()

        let forHost = try await fixture.db.contestQuestion(contest.id, round: 1, number: 1, by: try await fixture.countyAdmin())
        #expect(forHost.stem == bank.stem && forHost.options == bank.options && forHost.kind == .singleChoice)
        #expect(forHost.answer == bank.answer && forHost.explanation == bank.explanation && forHost.source == bank.source)
        #expect(try await fixture.db.contestQuestion(contest.id, round: 1, number: 1, by: try await fixture.judge()).answer == bank.answer)
        await expectError(.notFound) { try await fixture.db.contestQuestion(contest.id, round: 1, number: 1, by: staff) }
        await expectError(.notFound) { try await fixture.db.contestQuestion(contest.id, round: 1, number: 1, by: nil) }

        try await fixture.record(contest, .open(question: 1))
        let forContestant = try await fixture.db.contestQuestion(contest.id, round: 1, number: 1, by: staff)
        #expect(forContestant.round == 1 && forContestant.number == 1)
        #expect(forContestant.stem == bank.stem && forContestant.options == bank.options)
        #expect(forContestant.answer == nil && forContestant.explanation == nil && forContestant.source == nil)
        #expect(try await fixture.db.contestQuestion(contest.id, round: 1, number: 1, by: nil) == forContestant)
        await expectError(.notFound) { try await fixture.db.contestQuestion(contest.id, round: 1, number: 2, by: staff) }
        await expectError(.notFound) { try await fixture.db.contestQuestion(contest.id, round: 1, number: 9, by: try await fixture.countyAdmin()) }
        await expectError(.notFound) { try await fixture.db.contestQuestion(contest.id, round: 1, number: 1, by: try await fixture.principal("th2")) }
    }

    @Test("Given the projector link, then the open question shows without its key until it is ruled on")
    func openQuestionByToken() async throws {
        let fixture = try await Fixture.forContests()
        let contest = try await fixture.runningIndividualContest()
        let token = try #require(contest.boardToken)
        let a = contest.team(of: "TH0001").id
        #expect(try await fixture.db.openContestQuestion(token: token) == nil)

        try await fixture.record(contest, .open(question: 2))
        let open = try #require(try await fixture.db.openContestQuestion(token: token))
        #expect(open.number == 2 && open.stem == ExamBank.question("SINGLE-2", .singleChoice).stem && open.answer == nil && open.explanation == nil)

        let ruling = try await fixture.record(contest, .rule(team: a, question: 2, verdict: .right, elapsedMilliseconds: nil))
        #expect(try await fixture.db.openContestQuestion(token: token) == nil)
        try await fixture.record(contest, .correct(sequence: ruling.event.sequence, reason: "复核"))
        #expect(try await fixture.db.openContestQuestion(token: token)?.number == 2, "the ruling undone, the question is open again")
        await expectError(.notFound) { try await fixture.db.openContestQuestion(token: "nope") }
    }

    @Test("Given a contest question opened on stage, then the bank counts it as revealed; listed but unopened ones are not")
    func openedQuestionsAreRevealed() async throws {
        let fixture = try await Fixture.forContests()
        let contest = try await fixture.runningIndividualContest()
        let revealed = { try await fixture.db.reader.read { db in try AppDatabase.revealedQuestions(now: fixture.clock.now, db) } }
        #expect(try await revealed().isEmpty)
        try await fixture.record(contest, .open(question: 3))
        #expect(try await revealed() == ["TRUEFALSE-1"])
        try await fixture.record(contest, .open(question: 1))
        #expect(try await revealed() == ["TRUEFALSE-1", "SINGLE-1"])
    }
}
