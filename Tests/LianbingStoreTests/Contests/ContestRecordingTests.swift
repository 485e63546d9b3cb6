import Foundation
import GRDB
import LianbingCore
import Testing

@testable import LianbingStore

@Suite("Contests: recording actions into the event log")
struct ContestRecordingTests {
    @Test("Given a contest being prepared or finished, then no action is recorded")
    func onlyWhileRunning() async throws {
        let fixture = try await Fixture.forContests()
        let admin = try await fixture.countyAdmin()
        let contest = try await fixture.enterIndividuals(["TH0001"], in: try await fixture.createContest())
        _ = try await fixture.db.addContestRound(contest.id, ContestRounds.compulsory(), by: admin)
        let early = await expectError(.conflict) { try await fixture.record(contest, .open(question: 1)) }
        #expect(early?.message.contains("尚未开始") == true)
        _ = try await fixture.db.setContestStatus(contest.id, .running, by: admin)
        try await fixture.record(contest, .open(question: 1))
        _ = try await fixture.db.setContestStatus(contest.id, .finished, by: admin)
        let late = await expectError(.conflict) {
            try await fixture.record(contest, .rule(team: contest.team(of: "TH0001").id, question: 1, verdict: .right, elapsedMilliseconds: nil))
        }
        #expect(late?.message.contains("已结束") == true)
        #expect(try await fixture.db.lastContestSequence(contest.id) == 1)
    }

    @Test("Given a compulsory round, when the host rules right, wrong and timeout, then the board moves by the round's points", arguments: ContestStorage.allCases)
    func compulsoryRulings(storage: ContestStorage) async throws {
        try await withContestFixture(storage) { fixture in
            let contest = try await fixture.runningIndividualContest()
            let (a, b, c) = (contest.team(of: "TH0001").id, contest.team(of: "TH0002").id, contest.team(of: "TH0003").id)

            let opened = try await fixture.record(contest, .open(question: 1))
            #expect(opened.event.sequence == 1 && opened.event.kind == .opened && opened.event.change == .zero)
            #expect(opened.board.pointsByName == ["张三": 100, "李四": 100, "王五": 100])

            let right = try await fixture.record(contest, .rule(team: a, question: 1, verdict: .right, elapsedMilliseconds: 4_000))
            #expect(right.event.sequence == 2 && right.event.kind == .right && right.event.change == ContestPoints(points: 10))
            #expect(right.event.member == "TH0001", "an individual contest's answer is its one member's")
            #expect(right.event.recordedBy == "county" && right.event.recordedAt == fixture.clock.now)
            #expect(right.board.points(of: a) == 110)

            _ = try await fixture.record(contest, .open(question: 2))
            let wrong = try await fixture.record(contest, .rule(team: b, question: 2, verdict: .wrong, elapsedMilliseconds: 6_000))
            #expect(wrong.event.change == ContestPoints(points: -5) && wrong.board.points(of: b) == 95)
            _ = try await fixture.record(contest, .open(question: 3))
            let timeout = try await fixture.record(contest, .rule(team: c, question: 3, verdict: .timeout, elapsedMilliseconds: nil))
            #expect(timeout.event.kind == .wrong && timeout.board.points(of: c) == 95)

            #expect(timeout.board.names == ["张三", "王五", "李四"], "equal on points and wrong answers, 王五 took less time")
            #expect(timeout.board.map(\.rank) == [1, 2, 3])
            #expect(try await fixture.board(contest) == timeout.board)
            #expect(try await fixture.db.contestEvents(contest.id, by: try await fixture.countyAdmin()).map(\.kind) == [.opened, .right, .opened, .wrong, .opened, .wrong])

            await expectError(.notFound) { try await fixture.record(contest, .open(question: 4)) }
            await expectError(.notFound) { try await fixture.record(contest, round: 2, .open(question: 1)) }
            await expectError(.notFound) { try await fixture.record(contest, .rule(team: 999, question: 1, verdict: .right, elapsedMilliseconds: nil)) }
            await expectError(.invalid) { try await fixture.record(contest, .foul(team: a, member: nil)) }
            #expect(try await fixture.db.lastContestSequence(contest.id) == 6)
        }
    }

    @Test("Given a buzzer round, then a foul costs its penalty, the first buzz wins the question and the ruling scores the buzzer's points")
    func buzzerRound() async throws {
        let fixture = try await Fixture.forContests()
        let contest = try await fixture.runningIndividualContest([ContestRounds.buzzer()])
        let (a, b, c) = (contest.team(of: "TH0001").id, contest.team(of: "TH0002").id, contest.team(of: "TH0003").id)

        let foul = try await fixture.record(contest, .foul(team: c, member: nil))
        #expect(foul.event.kind == .foul && foul.board.points(of: c) == 95)
        await expectError(.conflict) { try await fixture.record(contest, .buzz(team: a, member: nil, elapsedMilliseconds: 500)) }

        _ = try await fixture.record(contest, .open(question: 1))
        let buzz = try await fixture.record(contest, .buzz(team: a, member: "TH0001", elapsedMilliseconds: 800))
        #expect(buzz.event.kind == .buzzed && buzz.event.question == 1 && buzz.event.change == .zero)
        await expectError(.conflict) { try await fixture.record(contest, .buzz(team: b, member: nil, elapsedMilliseconds: 900)) }
        let ruled = try await fixture.record(contest, .rule(team: a, question: 1, verdict: .right, elapsedMilliseconds: 3_000))
        #expect(ruled.board.points(of: a) == 120)

        _ = try await fixture.record(contest, .open(question: 2))
        _ = try await fixture.record(contest, .buzz(team: b, member: nil, elapsedMilliseconds: 700))
        let wrong = try await fixture.record(contest, .rule(team: b, question: 2, verdict: .wrong, elapsedMilliseconds: 2_000))
        #expect(wrong.board.pointsByName == ["张三": 120, "李四": 90, "王五": 95])
    }

    @Test("Given a risk round, then a ruling needs the team's stake first and moves the board by ± the stake")
    func riskRound() async throws {
        let fixture = try await Fixture.forContests()
        let contest = try await fixture.runningIndividualContest([ContestRounds.risk()])
        let (a, b) = (contest.team(of: "TH0001").id, contest.team(of: "TH0002").id)

        let noStake = await expectError(.conflict) { try await fixture.record(contest, .rule(team: a, question: 1, verdict: .right, elapsedMilliseconds: nil)) }
        #expect(noStake?.message.contains("分值") == true)
        await expectError(.invalid) { try await fixture.record(contest, .stake(team: a, question: 1, amount: 25)) }
        #expect(try await fixture.db.lastContestSequence(contest.id) == 0)

        let stake = try await fixture.record(contest, .stake(team: a, question: 1, amount: 20))
        #expect(stake.event.kind == .staked && stake.event.amount == 20 && stake.event.change == .zero)
        #expect(try await fixture.record(contest, .rule(team: a, question: 1, verdict: .right, elapsedMilliseconds: nil)).board.points(of: a) == 120)
        _ = try await fixture.record(contest, .stake(team: b, question: 1, amount: 30))
        #expect(try await fixture.record(contest, .rule(team: b, question: 1, verdict: .wrong, elapsedMilliseconds: nil)).board.points(of: b) == 70)
        await expectError(.conflict) { try await fixture.record(contest, .rule(team: b, question: 2, verdict: .right, elapsedMilliseconds: nil)) }
    }

    @Test("Given a judging panel, when three judges mark and the host settles, then the trimmed mean counts; two judges are averaged whole")
    func judgedRound() async throws {
        let fixture = try await Fixture.forContests()
        let contest = try await fixture.runningIndividualContest([ContestRounds.judged()])
        let (a, b, c) = (contest.team(of: "TH0001").id, contest.team(of: "TH0002").id, contest.team(of: "TH0003").id)
        let (trainer, judge, county) = (try await fixture.trainer(), try await fixture.judge(), try await fixture.countyAdmin())

        _ = try await fixture.record(contest, .mark(team: a, question: 1, mark: 70), by: trainer)
        _ = try await fixture.record(contest, .mark(team: a, question: 1, mark: 60), by: judge)
        let marked = try await fixture.record(contest, .mark(team: a, question: 1, mark: 90), by: judge)
        #expect(marked.event.kind == .marked && marked.event.recordedBy == "judge" && marked.board.points(of: a) == 100)
        _ = try await fixture.record(contest, .mark(team: a, question: 1, mark: 99), by: county)
        let settled = try await fixture.record(contest, .settle(team: a, question: 1))
        #expect(settled.event.kind == .judged && settled.event.reason == "3 位评委")
        #expect(settled.event.change == ContestPoints(points: 90), "70, 90 (the judge's latest) and 99: the highest and lowest dropped")
        #expect(settled.board.points(of: a) == 190)
        await expectError(.conflict) { try await fixture.record(contest, .settle(team: a, question: 1)) }

        _ = try await fixture.record(contest, .mark(team: b, question: 1, mark: 85), by: trainer)
        _ = try await fixture.record(contest, .mark(team: b, question: 1, mark: 90), by: judge)
        #expect(try await fixture.record(contest, .settle(team: b, question: 1)).board.points(of: b) == 187.5)

        await expectError(.invalid) { try await fixture.record(contest, .mark(team: c, question: 1, mark: 101), by: judge) }
        await expectError(.invalid) { try await fixture.record(contest, .settle(team: c, question: 1)) }
        await expectError(.notFound) { try await fixture.record(contest, .mark(team: c, question: 2, mark: 80), by: judge) }
    }

    @Test("Given a ruling, when it is corrected, then the board goes back; when the correction is corrected, then it is restored", arguments: ContestStorage.allCases)
    func corrections(storage: ContestStorage) async throws {
        try await withContestFixture(storage) { fixture in
            let contest = try await fixture.runningIndividualContest()
            let a = contest.team(of: "TH0001").id
            _ = try await fixture.record(contest, .open(question: 1))
            let right = try await fixture.record(contest, .rule(team: a, question: 1, verdict: .right, elapsedMilliseconds: 2_000))
            #expect(right.board.points(of: a) == 110)

            let undo = try await fixture.record(contest, .correct(sequence: right.event.sequence, reason: "判错了"))
            #expect(undo.event.kind == .correction && undo.event.corrects == 2 && undo.event.team == a && undo.event.change == .zero)
            #expect(undo.board.points(of: a) == 100 && undo.board.allSatisfy { $0.answerMilliseconds == 0 })
            await expectError(.conflict) { try await fixture.record(contest, .correct(sequence: 2, reason: "")) }

            let redo = try await fixture.record(contest, .correct(sequence: undo.event.sequence, reason: " "))
            #expect(redo.event.reason == "撤销" && redo.board.points(of: a) == 110)
            #expect(try await fixture.board(contest) == redo.board)

            await expectError(.invalid) { try await fixture.record(contest, .correct(sequence: 1, reason: "收回题目")) }
            await expectError(.notFound) { try await fixture.record(contest, .correct(sequence: 99, reason: "")) }
            #expect(try await fixture.db.lastContestSequence(contest.id) == 4)
        }
    }

    @Test("Given a contestant, then they may buzz and stake for their own team only, and never rule, open or mark")
    func contestantActsForOwnTeamOnly() async throws {
        let fixture = try await Fixture.forContests()
        let contest = try await fixture.runningIndividualContest([ContestRounds.buzzer(), ContestRounds.risk()], entrants: ["TH0001", "TH0003"])
        let (a, own) = (contest.team(of: "TH0001").id, contest.team(of: "TH0003").id)
        let staff = try await fixture.staffUser()

        await expectError(.forbidden) { try await fixture.record(contest, .open(question: 1), by: staff) }
        _ = try await fixture.record(contest, .open(question: 1))
        await expectError(.forbidden) { try await fixture.record(contest, .buzz(team: a, member: nil, elapsedMilliseconds: 300), by: staff) }
        let buzz = try await fixture.record(contest, .buzz(team: own, member: "TH0003", elapsedMilliseconds: 400), by: staff)
        #expect(buzz.event.recordedBy == "staff" && buzz.event.team == own)
        await expectError(.forbidden) { try await fixture.record(contest, .rule(team: own, question: 1, verdict: .right, elapsedMilliseconds: nil), by: staff) }
        await expectError(.forbidden) { try await fixture.record(contest, .pass(question: 1), by: staff) }

        await expectError(.forbidden) { try await fixture.record(contest, round: 2, .stake(team: a, question: 1, amount: 30), by: staff) }
        let stake = try await fixture.record(contest, round: 2, .stake(team: own, question: 1, amount: 10), by: staff)
        #expect(stake.event.kind == .staked && stake.event.amount == 10)
        await expectError(.forbidden) { try await fixture.record(contest, round: 2, .correct(sequence: stake.event.sequence, reason: ""), by: staff) }
        await expectError(.forbidden) { try await fixture.record(contest, round: 2, .manual(team: own, question: nil, points: ContestPoints(points: 50), reason: "加分"), by: staff) }

        await expectError(.notFound) { try await fixture.record(contest, .foul(team: own, member: nil), by: try await fixture.principal("th2")) }
        #expect(try await fixture.db.lastContestSequence(contest.id) == 3)
    }

    @Test("Given recorded events, then the table refuses any UPDATE or DELETE, and so a contest with events cannot be deleted")
    func eventsAreAppendOnly() async throws {
        let fixture = try await Fixture.forContests()
        let contest = try await fixture.runningIndividualContest()
        _ = try await fixture.record(contest, .open(question: 1))
        _ = try await fixture.record(contest, .rule(team: contest.team(of: "TH0001").id, question: 1, verdict: .right, elapsedMilliseconds: nil))
        let before = try await fixture.db.snapshot("contestEvent")
        for sql in [
            "UPDATE contestEvent SET change = 100000 WHERE kind = 'right'",
            "UPDATE contestEvent SET recordedBy = 'someone else'",
            "DELETE FROM contestEvent WHERE sequence = 2",
            "DELETE FROM contestEvent",
            "DELETE FROM contest",
        ] {
            await #expect(throws: DatabaseError.self, "\(sql)") { try await fixture.db.writer.write { try $0.execute(sql: sql) } }
        }
        #expect(try await fixture.db.snapshot("contestEvent") == before)
        #expect(try await fixture.db.count("contest") == 1)
    }
}
