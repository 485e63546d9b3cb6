import PropertyBased
import Testing

@testable import LianbingCore

@Suite("ScoreboardProperty")
struct ScoreboardPropertyTests {
    private typealias G = ContestLogGenerator

    @Test("Given any valid log, when built at once or applied event by event, then the boards agree at every prefix")
    func buildEqualsTallyAtEveryPrefix() async {
        await propertyCheck(count: 150, input: G.instructions) { instructions in
            let events = G.log(instructions).events
            var tally = ScoreTally(G.setup)
            #expect(tally.board == Scoreboard.build(G.setup, events: []))
            for (index, event) in events.enumerated() {
                tally.apply(event)
                let prefix = Array(events[...index])
                #expect(tally.board == Scoreboard.build(G.setup, events: prefix), "after event \(event.sequence)")
            }
            #expect(tally.board == Scoreboard.build(G.setup, events: events))
        }
    }

    @Test("Given any valid log, when replayed, then the tally and Scoreboard.inEffect agree on which events hold")
    func inEffectAgrees() async {
        await propertyCheck(count: 150, input: G.instructions) { instructions in
            let events = G.log(instructions).events
            let tally = ScoreTally(G.setup, replaying: events)
            let inEffect = Set(Scoreboard.inEffect(events).map(\.sequence))
            for event in events {
                #expect(tally.isInEffect(event.sequence) == inEffect.contains(event.sequence), "event \(event.sequence)")
            }
            // Every correction undoes an earlier event, and openings are never undone.
            #expect(Scoreboard.inEffect(events).map(\.sequence) == events.map(\.sequence).filter(inEffect.contains))
            for event in events where event.kind == .opened { #expect(inEffect.contains(event.sequence)) }
        }
    }

    @Test("Given any valid log, when built, then each team's totals are its base plus the changes of its events in effect")
    func totalsAreSumsOfEventsInEffect() async {
        await propertyCheck(count: 150, input: G.instructions) { instructions in
            let events = G.log(instructions).events
            let inEffect = Scoreboard.inEffect(events)
            let board = Scoreboard.build(G.setup, events: events)
            #expect(board.count == G.setup.entrants.count)
            for entrant in G.setup.entrants {
                let own = inEffect.filter { $0.team == entrant.id }
                let main = own.filter { $0.round != G.playoffRound }
                let standing = board.first { $0.entrant.id == entrant.id }!
                #expect(standing.points.hundredths == entrant.basePoints.hundredths + main.map(\.change.hundredths).reduce(0, +))
                #expect(standing.playoff.hundredths == own.filter { $0.round == G.playoffRound }.map(\.change.hundredths).reduce(0, +))
                #expect(standing.written.hundredths == main.filter { $0.kind == .written }.map(\.change.hundredths).reduce(0, +))
                #expect(standing.wrongAnswers == main.filter { $0.kind == .wrong }.count)
                let answers = main.filter { $0.kind == .right || $0.kind == .wrong }
                #expect(standing.answerMilliseconds == answers.compactMap(\.elapsedMilliseconds).reduce(0, +))
            }
        }
    }

    @Test("Given any valid log, when built, then ranks start at 1, never fall, and follow competition ranking")
    func ranksAreOrdered() async {
        await propertyCheck(count: 150, input: G.instructions) { instructions in
            let events = G.log(instructions).events
            let board = Scoreboard.build(G.setup, events: events)
            let tieBreakers = G.setup.tieBreakers
            #expect(board.first?.rank == 1)
            for index in board.indices.dropFirst() {
                let above = board[index - 1], here = board[index]
                #expect(above.rank <= here.rank)
                #expect(ContestRanking.compare(above, here, tieBreakers: tieBreakers) <= 0)
                // 1, 1, 3: a team shares the rank above when level with it, else its rank is its place.
                let level = ContestRanking.compare(above, here, tieBreakers: tieBreakers) == 0
                #expect(here.rank == (level ? above.rank : index + 1))
            }
            let tally = ScoreTally(G.setup, replaying: events)
            for standing in board { #expect(tally.rank(of: standing.entrant.id) == standing.rank) }
        }
    }

    @Test("Given any valid log, when the entrants are listed in another order, then the board is the same")
    func entrantOrderDoesNotMatter() async {
        await propertyCheck(count: 100, input: zip(G.instructions, Gen.int(in: 0...1_000))) { input in
            let (instructions, seed) = input
            let events = G.log(instructions).events
            var generator = SeededGenerator(seed: UInt64(seed))
            var shuffled = G.setup
            shuffled.entrants.shuffle(using: &generator)
            #expect(Scoreboard.build(shuffled, events: events) == Scoreboard.build(G.setup, events: events))
            #expect(ScoreTally(shuffled, replaying: events).board == Scoreboard.build(G.setup, events: events))
        }
    }

    @Test("Given instructions with no flaw and known teams and rounds, when made into a log, then none is refused")
    func generatorMakesValidEvents() {
        var instructions: [LogInstruction] = []
        for kind in G.kinds.indices {
            instructions.append(LogInstruction(kind: kind, team: 1, round: 1, change: 250, target: 1, elapsed: 1_200, flaw: 1))
        }
        let (events, refused) = G.log(instructions + instructions)
        #expect(refused == 0)
        #expect(events.count == 2 * G.kinds.count)
        #expect(events.contains { $0.kind == .correction })
    }

    @Test("Given a spoiled instruction, an unknown team or an unknown round, when made into a log, then check refuses it")
    func generatorSpoilsAreRefused() {
        let right = G.kinds.firstIndex(of: .right)!, opened = G.kinds.firstIndex(of: .opened)!
        let correction = G.kinds.firstIndex(of: .correction)!
        let base = [LogInstruction(kind: opened, team: 1, round: 1, change: 0, target: 0, elapsed: 0, flaw: 1)]
        let spoiled = [
            LogInstruction(kind: right, team: 1, round: 1, change: 100, target: 0, elapsed: 0, flaw: 0),
            LogInstruction(kind: right, team: 0, round: 1, change: 100, target: 0, elapsed: 0, flaw: 1),
            LogInstruction(kind: right, team: 1, round: 0, change: 100, target: 0, elapsed: 0, flaw: 1),
            LogInstruction(kind: opened, team: 1, round: 1, change: 100, target: 0, elapsed: 0, flaw: 0),
            LogInstruction(kind: correction, team: 1, round: 1, change: 0, target: 0, elapsed: 0, flaw: 0),
        ]
        for instruction in spoiled {
            let (events, refused) = G.log(base + [instruction])
            #expect(refused == 1, "\(instruction)")
            #expect(events.count == 1)
        }
    }
}
