@testable import LianbingCore

/// Small builders shared by the contest suites: teams, standings with chosen totals, and logs written by hand.
enum ContestFixtures {
    static func entrant(_ id: Int64, unit: String = "U", base: Int = 0, draw: Int = 0) -> ContestEntrant {
        ContestEntrant(id: id, name: "队\(id)", unitCode: unit, basePoints: .whole(base), draw: draw)
    }

    /// A team's line with the totals the ranking compares set directly.
    static func standing(
        _ id: Int64, points: Int = 0, written: Int = 0, wrong: Int = 0, milliseconds: Int = 0, playoff: Int = 0,
        draw: Int = 0, unit: String = "U"
    ) -> ContestStanding {
        var standing = ContestStanding(entrant: entrant(id, unit: unit, base: points, draw: draw))
        standing.written = .whole(written)
        standing.wrongAnswers = wrong
        standing.answerMilliseconds = milliseconds
        standing.playoff = .whole(playoff)
        return standing
    }

    /// A ranked board of teams with the given points (ids 1, 2, … in order), each of `unit`s' unit code in turn.
    static func board(points: [Int], units: [String] = ["U"]) -> [ContestStanding] {
        let standings = points.enumerated().map { index, value in
            standing(Int64(index + 1), points: value, draw: index, unit: units[index % units.count])
        }
        return ContestRanking.rank(standings, tieBreakers: [])
    }
}

extension ContestPoints {
    /// Whole points, as tests write them.
    static func whole(_ points: Int) -> ContestPoints { ContestPoints(points: points) }
}

/// Writes a log by hand, numbering each event as the next.
struct ContestLogWriter {
    private(set) var events: [ContestEvent] = []

    @discardableResult
    mutating func add(
        _ kind: ContestEventKind, round: Int = 1, team: Int64? = nil, question: Int? = nil, change: ContestPoints = .zero,
        elapsed: Int? = nil, corrects: Int? = nil
    ) -> Int {
        let event = ContestEvent(
            sequence: events.count + 1, round: round, question: question, team: team, kind: kind, change: change,
            elapsedMilliseconds: elapsed, corrects: corrects)
        events.append(event)
        return event.sequence
    }

    /// A correction of event `target`, carrying its round and team as the referee records it.
    @discardableResult
    mutating func correct(_ target: Int) -> Int {
        let undone = events[target - 1]
        return add(.correction, round: undone.round, team: undone.team, question: undone.question, corrects: target)
    }
}

/// The kind of refusal a throwing call gave, so a test can name the one it expects.
enum Refusal: Equatable {
    case accepted, notFound, invalid, conflict, other

    init(_ body: () throws -> Void) {
        do {
            try body()
            self = .accepted
        } catch let error as LianbingError {
            switch error {
            case .notFound: self = .notFound
            case .invalid: self = .invalid
            case .conflict: self = .conflict
            default: self = .other
            }
        } catch {
            self = .other
        }
    }
}

extension ScoreTally {
    /// A tally that has applied every event of `events`, in order.
    init(_ setup: ContestSetup, replaying events: [ContestEvent]) {
        self.init(setup)
        for event in events { apply(event) }
    }
}
