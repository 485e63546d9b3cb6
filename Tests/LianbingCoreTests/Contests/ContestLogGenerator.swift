import PropertyBased

@testable import LianbingCore

/// One random step of a contest, as drawn: which kind of event, about whom, in which round, for how much, and which
/// earlier event a correction names. `ContestLogGenerator.log` turns a list of them into a valid log.
struct LogInstruction: Sendable, Hashable {
    /// Picks the kind from `ContestLogGenerator.kinds` (corrections weighted up).
    var kind: Int
    /// 0 names a team not in the contest; otherwise team `1 + team % 4`.
    var team: Int
    /// 0 names a round the contest does not have; otherwise round `1 + round % 3` (round 3 is a playoff).
    var round: Int
    /// Hundredths of a point.
    var change: Int
    /// Which correctable event a correction names; also the question number and the stake or mark.
    var target: Int
    var elapsed: Int
    /// 0 spoils the event so that `ScoreTally.check` must refuse it; anything else leaves it valid.
    var flaw: Int
}

enum ContestLogGenerator {
    static let rounds = 1...3
    static let playoffRound = 3
    static let setup = ContestSetup(
        entrants: [
            ContestFixtures.entrant(1, unit: "A", base: 100, draw: 3), ContestFixtures.entrant(2, unit: "B", base: 100, draw: 1),
            ContestFixtures.entrant(3, unit: "A", base: 0, draw: 2), ContestFixtures.entrant(4, unit: "C", base: 50, draw: 4),
        ],
        playoffRounds: [playoffRound])

    static let kinds: [ContestEventKind] = [
        .opened, .opened, .buzzed, .staked, .marked, .right, .right, .right, .wrong, .wrong, .foul, .passed, .judged, .written,
        .manual, .correction, .correction, .correction, .correction,
    ]

    static let instruction = zip(
        Gen.int(in: 0...(kinds.count - 1)), Gen.int(in: 0...9), Gen.int(in: 0...9), Gen.int(in: -3_000...3_000),
        Gen.int(in: 0...1_000), Gen.int(in: 0...9_000), Gen.int(in: 0...14)
    ).map { LogInstruction(kind: $0.0, team: $0.1, round: $0.2, change: $0.3, target: $0.4, elapsed: $0.5, flaw: $0.6) }

    static let instructions = instruction.array(of: 0...60)

    /// The log `instructions` come to: each is made into the next event and kept only if `ScoreTally.check`
    /// accepts it against the log so far, so every log returned is valid. `refused` counts the others.
    static func log(_ instructions: [LogInstruction]) -> (events: [ContestEvent], refused: Int) {
        var tally = ScoreTally(setup)
        var refused = 0
        for instruction in instructions {
            let event = event(for: instruction, after: tally.events)
            do {
                try tally.check(event, rounds: rounds)
                tally.apply(event)
            } catch {
                refused += 1
            }
        }
        return (tally.events, refused)
    }

    static func event(for instruction: LogInstruction, after events: [ContestEvent]) -> ContestEvent {
        let kind = kinds[instruction.kind]
        let spoiled = instruction.flaw == 0
        var event = ContestEvent(
            sequence: events.count + 1, round: instruction.round == 0 ? 4 : 1 + instruction.round % 3,
            question: 1 + instruction.target % 5, team: instruction.team == 0 ? 99 : Int64(1 + instruction.team % 4), kind: kind)
        switch kind {
        case .opened, .passed:
            event.team = nil
            if spoiled { event.change = ContestPoints(hundredths: instruction.change == 0 ? 1 : instruction.change) }
        case .buzzed, .staked, .marked:
            event.amount = abs(instruction.change) % 101
            if kind == .buzzed { event.elapsedMilliseconds = instruction.elapsed }
            if spoiled { event.change = ContestPoints(hundredths: instruction.change == 0 ? -1 : instruction.change) }
        case .right, .wrong, .foul, .judged, .written, .manual:
            event.change = ContestPoints(hundredths: spoiled ? 1_000_001 * (instruction.change < 0 ? -1 : 1) : instruction.change)
            if kind == .right || kind == .wrong { event.elapsedMilliseconds = instruction.elapsed }
            if kind == .written || kind == .manual || kind == .foul { event.question = nil }
        case .correction:
            // Valid targets are the earlier events in effect other than openings. A spoiled correction names one
            // that is not (an opening, an undone event or one not yet recorded).
            let inEffect = Set(Scoreboard.inEffect(events).map(\.sequence))
            let correctable = events.filter { inEffect.contains($0.sequence) && $0.kind != .opened }
            let uncorrectable = events.filter { !inEffect.contains($0.sequence) || $0.kind == .opened }
            let target: ContestEvent?
            if spoiled {
                target = uncorrectable.isEmpty ? nil : uncorrectable[instruction.target % uncorrectable.count]
            } else if correctable.isEmpty {
                target = nil
            } else if instruction.target.isMultiple(of: 2) {
                // Half the time one of the latest, so corrections of corrections come often.
                let recent = correctable.suffix(3)
                target = recent[recent.startIndex + instruction.target / 2 % recent.count]
            } else {
                target = correctable[instruction.target % correctable.count]
            }
            event.corrects = target?.sequence ?? events.count + 1 + instruction.target % 3
            (event.round, event.team, event.question) = target.map { ($0.round, $0.team, $0.question) } ?? (1, nil, nil)
        }
        return event
    }
}
