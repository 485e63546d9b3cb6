import Foundation
import GRDB
import LianbingCore
import Testing

@testable import LianbingStore

@Suite("Contests: the cached tally stays true to the stored log")
struct ContestLogCacheTests {
    @Test("Given the server and the CLI on one file, when the CLI appends an event, then the server's next action follows it without conflict")
    func anotherProcessAppends() async throws {
        try await withTemporaryDirectory { dir in
            let path = dir.appendingPathComponent("lianbing.sqlite").path
            let fixture = try await Fixture.forContests(path: path)
            defer { try? fixture.db.close() }
            let cli = try AppDatabase.open(path: path, passwords: PasswordHasher(cost: 4), clock: fixture.clock.closure)
            defer { try? cli.close() }
            let contest = try await fixture.runningIndividualContest()
            let (a, b) = (contest.team(of: "TH0001").id, contest.team(of: "TH0002").id)
            let host = try await fixture.countyAdmin()

            // The server records (and caches its tally)…
            _ = try await fixture.db.recordContestAction(contest.id, round: 1, .open(question: 1), by: host)
            // …the CLI, with its own cache, appends beside it…
            let fromCLI = try await cli.recordContestAction(
                contest.id, round: 1, .rule(team: a, question: 1, verdict: .right, elapsedMilliseconds: nil), by: try await cli.operatorPrincipal())
            #expect(fromCLI.event.sequence == 2 && fromCLI.event.recordedBy == "operator")
            // …and the server's next action sees it.
            _ = try await fixture.db.recordContestAction(contest.id, round: 1, .open(question: 2), by: host)
            let next = try await fixture.db.recordContestAction(
                contest.id, round: 1, .rule(team: b, question: 2, verdict: .right, elapsedMilliseconds: nil), by: host)
            #expect(next.event.sequence == 4)
            #expect(next.board.pointsByName == ["张三": 110, "李四": 110, "王五": 100])
            #expect(try await cli.contestBoard(contest.id, by: host) == next.board)
            #expect(try await fixture.db.contestEvents(contest.id, by: host).map(\.sequence) == [1, 2, 3, 4])

            // A correction from the CLI of the server's ruling is seen too.
            _ = try await cli.recordContestAction(contest.id, round: 1, .correct(sequence: 4, reason: "复核"), by: try await cli.operatorPrincipal())
            let after = try await fixture.db.recordContestAction(contest.id, round: 1, .open(question: 3), by: host)
            #expect(after.event.sequence == 6 && after.board.pointsByName == ["张三": 110, "李四": 100, "王五": 100])
        }
    }

    @Test("Given a cached tally, when an individual entrant is substituted, then the next action's board carries the new name")
    func setupChangeRebuilds() async throws {
        let fixture = try await Fixture.forContests()
        let contest = try await fixture.runningIndividualContest(entrants: ["TH0001", "TH0002"])
        let team = contest.team(of: "TH0002").id
        _ = try await fixture.record(contest, .open(question: 1))
        _ = try await fixture.record(contest, .rule(team: team, question: 1, verdict: .right, elapsedMilliseconds: nil))
        _ = try await fixture.db.substituteContestMember(team: team, out: "TH0002", in: "TH0003", reason: "伤病", by: try await fixture.countyAdmin())
        let next = try await fixture.record(contest, .open(question: 2))
        #expect(next.board.pointsByName == ["张三": 100, "王五": 110])
        #expect(try await fixture.board(contest) == next.board)
    }
}
