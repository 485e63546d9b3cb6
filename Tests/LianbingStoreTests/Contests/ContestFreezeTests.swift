import Foundation
import GRDB
import LianbingCore
import Testing

@testable import LianbingStore

@Suite("Contests: freezing the public board and revealing it")
struct ContestFreezeTests {
    @Test("Given a frozen board, then the projector and the contestants stop at the freeze while the host sees live scores; reveals move it one scoring event at a time", arguments: ContestStorage.allCases)
    func freezeAndReveal(storage: ContestStorage) async throws {
        try await withContestFixture(storage) { fixture in
            let contest = try await fixture.runningIndividualContest()
            let (a, b, c) = (contest.team(of: "TH0001").id, contest.team(of: "TH0002").id, contest.team(of: "TH0003").id)
            let token = try #require(contest.boardToken)
            let host = try await fixture.countyAdmin()
            let staff = try await fixture.staffUser()
            let public_ = { try await fixture.db.publicContestBoard(token: token).board.pointsByName }

            try await fixture.record(contest, .open(question: 1))
            try await fixture.record(contest, .rule(team: a, question: 1, verdict: .right, elapsedMilliseconds: nil))  // 2
            let frozen = try await fixture.db.freezeContestBoard(contest.id, frozen: true, by: host)
            #expect(frozen.publicThrough == 2)
            try await fixture.record(contest, .open(question: 2))  // 3
            try await fixture.record(contest, .rule(team: b, question: 2, verdict: .right, elapsedMilliseconds: nil))  // 4
            try await fixture.record(contest, .open(question: 3))  // 5
            try await fixture.record(contest, .rule(team: c, question: 3, verdict: .wrong, elapsedMilliseconds: nil))  // 6

            let live = ["张三": 110.0, "李四": 110, "王五": 95]
            let atFreeze = ["张三": 110.0, "李四": 100, "王五": 100]
            #expect(try await fixture.board(contest).pointsByName == live)
            #expect(try await fixture.board(contest, by: try await fixture.trainer()).pointsByName == live)
            #expect(try await public_() == atFreeze)
            #expect(try await fixture.db.contestBoard(contest.id, by: staff).pointsByName == atFreeze)
            #expect(try await fixture.db.contestResults(contest.id, by: staff).lines.map(\.standing).pointsByName == atFreeze)
            #expect(try await fixture.db.contestResults(contest.id, by: host).lines.map(\.standing).pointsByName == live)

            #expect(try await fixture.db.revealNextContestEvent(contest.id, by: host).publicThrough == 4, "the opening of question 2 moves nothing")
            #expect(try await public_() == ["张三": 110, "李四": 110, "王五": 100])
            #expect(try await fixture.db.revealNextContestEvent(contest.id, by: host).publicThrough == 6)
            #expect(try await public_() == live)
            #expect(try await fixture.db.revealNextContestEvent(contest.id, by: host).publicThrough == nil, "nothing left: the freeze is lifted")
            await expectError(.conflict) { try await fixture.db.revealNextContestEvent(contest.id, by: host) }

            try await fixture.record(contest, .correct(sequence: 6, reason: "复核"))  // 7
            #expect(try await public_() == ["张三": 110, "李四": 110, "王五": 100], "unfrozen, the public board is live")
            #expect(try await fixture.db.contestBoard(contest.id, by: staff).pointsByName == ["张三": 110, "李四": 110, "王五": 100])
        }
    }

    @Test("Given a freeze, then a correction after it is revealed as a step of its own, and finishing the contest lifts the freeze")
    func correctionsAreRevealedAndFinishLifts() async throws {
        let fixture = try await Fixture.forContests()
        let contest = try await fixture.runningIndividualContest()
        let a = contest.team(of: "TH0001").id
        let host = try await fixture.countyAdmin()
        let token = try #require(contest.boardToken)
        try await fixture.record(contest, .rule(team: a, question: 1, verdict: .right, elapsedMilliseconds: nil))  // 1
        _ = try await fixture.db.freezeContestBoard(contest.id, frozen: true, by: host)
        try await fixture.record(contest, .correct(sequence: 1, reason: "复核"))  // 2
        #expect(try await fixture.db.publicContestBoard(token: token).board.points(of: a) == 110)
        #expect(try await fixture.db.revealNextContestEvent(contest.id, by: host).publicThrough == 2)
        #expect(try await fixture.db.publicContestBoard(token: token).board.points(of: a) == 100)

        try await fixture.record(contest, .correct(sequence: 2, reason: "维持原判"))  // 3
        _ = try await fixture.db.freezeContestBoard(contest.id, frozen: false, by: host)
        #expect(try await fixture.db.publicContestBoard(token: token).board.points(of: a) == 110)
        _ = try await fixture.db.freezeContestBoard(contest.id, frozen: true, by: host)
        try await fixture.record(contest, .manual(team: a, question: nil, points: ContestPoints(points: 7), reason: "纸质成绩"))
        let finished = try await fixture.db.setContestStatus(contest.id, .finished, by: host)
        #expect(finished.publicThrough == nil)
        #expect(try await fixture.db.publicContestBoard(token: token).board.points(of: a) == 117)
    }

    @Test("Given a frozen board, when it is frozen again, then the freeze point stays and the hidden events wait for their reveal")
    func freezingTwiceKeepsTheFreezePoint() async throws {
        let fixture = try await Fixture.forContests()
        let contest = try await fixture.runningIndividualContest()
        let a = contest.team(of: "TH0001").id
        let host = try await fixture.countyAdmin()
        let token = try #require(contest.boardToken)
        _ = try await fixture.db.freezeContestBoard(contest.id, frozen: true, by: host)
        try await fixture.record(contest, .rule(team: a, question: 1, verdict: .right, elapsedMilliseconds: nil))
        #expect(try await fixture.db.freezeContestBoard(contest.id, frozen: true, by: host).publicThrough == 0)
        #expect(try await fixture.db.publicContestBoard(token: token).board.points(of: a) == 100)
    }

    @Test("Given the projector link, then it shows the contest without its link or members; a wrong link is notFound; contestants cannot freeze")
    func projectorLink() async throws {
        let fixture = try await Fixture.forContests()
        let contest = try await fixture.runningIndividualContest()
        let shown = try await fixture.db.publicContestBoard(token: try #require(contest.boardToken))
        #expect(shown.contest.id == contest.id && shown.contest.boardToken == nil)
        #expect(shown.contest.teams.count == 3 && shown.contest.teams.allSatisfy(\.members.isEmpty))
        #expect(shown.board.count == 3)
        await expectError(.notFound) { try await fixture.db.publicContestBoard(token: "not-a-token") }
        await expectError(.notFound) { try await fixture.db.publicContestBoard(token: String(repeating: "x", count: 65)) }
        await expectError(.forbidden) { try await fixture.db.freezeContestBoard(contest.id, frozen: true, by: try await fixture.staffUser()) }
        await expectError(.forbidden) { try await fixture.db.revealNextContestEvent(contest.id, by: try await fixture.staffUser()) }
        await expectError(.conflict) { try await fixture.db.revealNextContestEvent(contest.id, by: try await fixture.countyAdmin()) }
    }
}
