import Testing

@testable import LianbingCore

@Suite("ScoreboardReplay")
struct ScoreboardReplayTests {
    private typealias F = ContestFixtures

    /// Three teams starting on 100; rounds: 1 written, 2 compulsory, 3 buzzer, 4 judged, 5 playoff.
    private let setup = ContestSetup(
        entrants: [F.entrant(11, unit: "4401", base: 100, draw: 1), F.entrant(12, unit: "4402", base: 100, draw: 2),
                   F.entrant(13, unit: "4403", base: 100, draw: 3)],
        playoffRounds: [5])

    /// A whole contest as the server would have recorded it, with two slips put right along the way.
    private var recorded: [ContestEvent] {
        var log = ContestLogWriter()
        log.add(.written, round: 1, team: 11, change: ContestPoints(hundredths: 8_550))
        log.add(.written, round: 1, team: 12, change: ContestPoints(hundredths: 9_025))
        log.add(.written, round: 1, team: 13, change: .whole(70))
        for (question, team) in [(1, Int64(11)), (2, 12), (3, 13)] {
            log.add(.opened, round: 2, question: question)
            log.add(.right, round: 2, team: team, question: question, change: .whole(10), elapsed: 4_000 + question * 100)
        }
        log.add(.opened, round: 3, question: 1)
        log.add(.buzzed, round: 3, team: 13, question: 1, elapsed: 900)
        let slip = log.add(.wrong, round: 3, team: 13, question: 1, change: .whole(-5), elapsed: 5_000)
        log.correct(slip)  // the host pressed the wrong button
        log.add(.right, round: 3, team: 13, question: 1, change: .whole(10), elapsed: 5_000)
        log.add(.opened, round: 3, question: 2)
        log.add(.foul, round: 3, team: 12, change: .whole(-5))
        log.add(.passed, round: 3, question: 2)
        log.add(.opened, round: 4, question: 1)
        log.add(.marked, round: 4, team: 11, question: 1)
        log.add(.judged, round: 4, team: 11, question: 1, change: ContestPoints(hundredths: 8_767))
        let manual = log.add(.manual, round: 4, team: 12, change: .whole(3))
        log.correct(manual)
        log.add(.manual, round: 4, team: 12, change: ContestPoints(hundredths: 325))
        log.add(.opened, round: 5, question: 1)
        log.add(.right, round: 5, team: 11, question: 1, change: .whole(10), elapsed: 7_000)
        return log.events
    }

    @Test("Given a recorded log, when it is replayed through the tally, then every step's board is Scoreboard.build's")
    func replayMatchesBuild() {
        let events = recorded
        var tally = ScoreTally(setup)
        for (index, event) in events.enumerated() {
            #expect(throws: Never.self) { try tally.check(event, rounds: 1...5) }
            tally.apply(event)
            #expect(tally.board == Scoreboard.build(setup, events: Array(events[...index])), "after event \(event.sequence)")
        }
        #expect(tally.events == events)
    }

    @Test("Given the recorded log, when built, then the board holds the totals worked out by hand")
    func recordedTotals() {
        let board = Scoreboard.build(setup, events: recorded)
        // 11: 100 + 85.5 + 10 + 87.67 = 283.17; 12: 100 + 90.25 + 10 - 5 + 3.25 = 198.5; 13: 100 + 70 + 10 + 10 = 190.
        #expect(board.map(\.entrant.id) == [11, 12, 13])
        #expect(board.map(\.points.text) == ["283.17", "198.5", "190"])
        #expect(board.map(\.rank) == [1, 2, 3])
        #expect(board.map(\.written.text) == ["85.5", "90.25", "70"])
        #expect(board.map(\.wrongAnswers) == [0, 0, 0])
        #expect(board.map(\.playoff) == [.whole(10), .zero, .zero])
        #expect(board.first { $0.entrant.id == 13 }!.answerMilliseconds == 4_300 + 5_000)
    }

    @Test("Given a right answer, when it is corrected, then its points go back, and undoing the undo restores them")
    func undoAndRedo() {
        var log = ContestLogWriter()
        let right = log.add(.right, round: 2, team: 11, question: 1, change: .whole(10), elapsed: 3_000)
        var tally = ScoreTally(setup, replaying: log.events)
        #expect(tally.standing(of: 11)?.points == .whole(110))
        #expect(tally.standing(of: 11)?.answerMilliseconds == 3_000)

        let undo = log.correct(right)
        tally.apply(log.events.last!)
        #expect(tally.standing(of: 11)?.points == .whole(100))
        #expect(tally.standing(of: 11)?.answerMilliseconds == 0)
        #expect(!tally.isInEffect(right))
        #expect(tally.isInEffect(undo))
        #expect(Scoreboard.build(setup, events: log.events) == tally.board)

        let redo = log.correct(undo)
        tally.apply(log.events.last!)
        #expect(tally.standing(of: 11)?.points == .whole(110))
        #expect(tally.standing(of: 11)?.answerMilliseconds == 3_000)
        #expect(tally.isInEffect(right) && !tally.isInEffect(undo) && tally.isInEffect(redo))
        #expect(Scoreboard.build(setup, events: log.events) == tally.board)
        #expect(Scoreboard.inEffect(log.events).map(\.sequence) == [right, redo])
    }

    @Test("Given a wrong answer, when it is corrected, then the penalty and the wrong answer are taken back")
    func undoWrong() {
        var log = ContestLogWriter()
        let wrong = log.add(.wrong, round: 2, team: 12, question: 1, change: .whole(-5), elapsed: 1_500)
        log.correct(wrong)
        let tally = ScoreTally(setup, replaying: log.events)
        #expect(tally.standing(of: 12)?.points == .whole(100))
        #expect(tally.standing(of: 12)?.wrongAnswers == 0)
        #expect(tally.standing(of: 12)?.answerMilliseconds == 0)
        #expect(Scoreboard.build(setup, events: log.events) == tally.board)
    }

    @Test("Given a chain of corrections of corrections, when each is added, then the first event flips in and out")
    func correctionsOfCorrections() {
        var log = ContestLogWriter()
        let right = log.add(.right, round: 2, team: 13, question: 1, change: .whole(10))
        var tally = ScoreTally(setup, replaying: log.events)
        var target = right
        for depth in 1...6 {
            target = log.correct(target)
            tally.apply(log.events.last!)
            // An odd number of corrections undoes the answer; an even number restores it.
            let expected: ContestPoints = depth.isMultiple(of: 2) ? .whole(110) : .whole(100)
            #expect(tally.standing(of: 13)?.points == expected, "depth \(depth)")
            #expect(tally.isInEffect(right) == depth.isMultiple(of: 2))
            #expect(Scoreboard.build(setup, events: log.events) == tally.board)
            #expect(Scoreboard.build(setup, events: log.events).first { $0.entrant.id == 13 }!.points == expected)
        }
    }

    @Test("Given an event undone twice over, when one of the undos is itself undone, then the other still holds")
    func eventUndoneByTwoCorrections() {
        // 1 right; 2 undoes 1; 3 undoes 2 (1 back); 4 undoes 1 again; 5 undoes 3 (so 2 holds again);
        // 6 undoes 4. Now 2 is still in effect and undoes 1.
        var log = ContestLogWriter()
        let right = log.add(.right, round: 2, team: 11, question: 1, change: .whole(10))
        var tally = ScoreTally(setup, replaying: log.events)
        func step(_ target: Int) {
            let correction = log.correct(target)
            #expect(throws: Never.self, "correction \(correction) of \(target)") { try tally.check(log.events.last!, rounds: 1...5) }
            tally.apply(log.events.last!)
        }
        step(right)  // 2
        step(2)  // 3
        step(right)  // 4
        step(3)  // 5
        step(4)  // 6
        #expect(Scoreboard.inEffect(log.events).map(\.sequence) == [2, 5, 6])
        #expect(Scoreboard.build(setup, events: log.events).first { $0.entrant.id == 11 }!.points == .whole(100))
        #expect(!tally.isInEffect(right))
        #expect(tally.standing(of: 11)?.points == .whole(100))
        #expect(tally.board == Scoreboard.build(setup, events: log.events))
        // Since the answer is not in effect, correcting it again is refused.
        var again = log
        again.correct(right)
        #expect(Refusal { try tally.check(again.events.last!, rounds: 1...5) } == .conflict)
    }

    @Test("Given a corrected event, when it is looked up, then Scoreboard.inEffect and the tally agree on every event")
    func inEffectAgrees() {
        let events = recorded
        let tally = ScoreTally(setup, replaying: events)
        let inEffect = Set(Scoreboard.inEffect(events).map(\.sequence))
        for event in events { #expect(tally.isInEffect(event.sequence) == inEffect.contains(event.sequence)) }
        #expect(!tally.isInEffect(0) && !tally.isInEffect(events.count + 1))
    }

    @Test("Given events for a team not in the setup, when built, then they are ignored")
    func unknownTeamIgnoredByBuild() {
        var log = ContestLogWriter()
        log.add(.manual, round: 1, team: 99, change: .whole(50))
        #expect(Scoreboard.build(setup, events: log.events) == ScoreTally(setup).board)
        #expect(ScoreTally(setup, replaying: log.events).board == ScoreTally(setup).board)
    }

    @Test("Given an empty log, when built, then every team stands on its base points and all share first")
    func emptyLog() {
        let board = Scoreboard.build(setup, events: [])
        #expect(board.map(\.entrant.id) == [11, 12, 13])
        #expect(board.map(\.points) == [.whole(100), .whole(100), .whole(100)])
        #expect(board.map(\.rank) == [1, 1, 1])
        #expect(ScoreTally(setup).board == board)
    }

    @Test("Given the tally, when one team's rank is asked, then it is its rank on the board")
    func rankOfOne() {
        let tally = ScoreTally(setup, replaying: recorded)
        for standing in tally.board { #expect(tally.rank(of: standing.entrant.id) == standing.rank) }
        #expect(tally.rank(of: 99) == nil)
        #expect(tally.standing(of: 99) == nil)
    }
}
