import Testing

@testable import LianbingCore

@Suite("ScoreTallyCheck")
struct ScoreTallyCheckTests {
    private typealias F = ContestFixtures
    private let setup = ContestSetup(entrants: [F.entrant(1), F.entrant(2)])
    private let rounds = 1...3

    /// A tally holding: 1 opened, 2 right (team 1), 3 correction of 2, 4 manual (team 2).
    private var tally: ScoreTally {
        var log = ContestLogWriter()
        log.add(.opened, round: 1, question: 1)
        let right = log.add(.right, round: 1, team: 1, question: 1, change: .whole(10))
        log.correct(right)
        log.add(.manual, round: 1, team: 2, change: .whole(-2))
        return ScoreTally(setup, replaying: log.events)
    }

    private func next(
        _ kind: ContestEventKind, round: Int = 1, team: Int64? = 1, question: Int? = nil, change: ContestPoints = .zero,
        elapsed: Int? = nil, corrects: Int? = nil, sequence: Int? = nil
    ) -> ContestEvent {
        ContestEvent(
            sequence: sequence ?? tally.events.count + 1, round: round, question: question, team: team, kind: kind, change: change,
            elapsedMilliseconds: elapsed, corrects: corrects)
    }

    private func verdict(_ event: ContestEvent) -> Refusal { Refusal { try tally.check(event, rounds: rounds) } }

    @Test("Given a well-formed next event of each kind, when checked, then it is accepted")
    func acceptsValid() {
        #expect(verdict(next(.opened, team: nil, question: 2)) == .accepted)
        #expect(verdict(next(.passed, team: nil, question: 2)) == .accepted)
        #expect(verdict(next(.buzzed, question: 2, elapsed: 800)) == .accepted)
        #expect(verdict(next(.staked, round: 2, question: 1)) == .accepted)
        #expect(verdict(next(.marked, round: 3, team: 2, question: 1)) == .accepted)
        #expect(verdict(next(.right, question: 2, change: .whole(10), elapsed: 3_000)) == .accepted)
        #expect(verdict(next(.wrong, question: 2, change: .whole(-10))) == .accepted)
        #expect(verdict(next(.foul, change: .whole(-5))) == .accepted)
        #expect(verdict(next(.judged, team: 2, change: ContestPoints(hundredths: 8_767))) == .accepted)
        #expect(verdict(next(.written, change: ContestPoints(hundredths: 9_050))) == .accepted)
        #expect(verdict(next(.manual, team: 2, change: .whole(-10_000))) == .accepted)
        #expect(verdict(next(.correction, team: 2, corrects: 4)) == .accepted)
        #expect(verdict(next(.correction, team: 1, corrects: 3)) == .accepted)
    }

    @Test("Given an event numbered other than the next, when checked, then it is refused as a conflict")
    func wrongSequence() {
        #expect(verdict(next(.manual, change: .whole(1), sequence: 4)) == .conflict)
        #expect(verdict(next(.manual, change: .whole(1), sequence: 6)) == .conflict)
        #expect(verdict(next(.manual, change: .whole(1), sequence: 0)) == .conflict)
        #expect(Refusal { try ScoreTally(setup).check(next(.opened, team: nil, question: 1, sequence: 2), rounds: rounds) } == .conflict)
        #expect(Refusal { try ScoreTally(setup).check(next(.opened, team: nil, question: 1, sequence: 1), rounds: rounds) } == .accepted)
    }

    @Test("Given a round the contest does not have, when checked, then it is refused as not found", arguments: [0, 4, -1])
    func unknownRound(_ round: Int) {
        #expect(verdict(next(.opened, round: round, team: nil, question: 1)) == .notFound)
        #expect(verdict(next(.right, round: round, question: 1, change: .whole(10))) == .notFound)
    }

    @Test("Given a team not in the contest, or none, when an event about a team is checked, then it is refused")
    func unknownTeam() {
        for kind in [ContestEventKind.buzzed, .staked, .marked, .right, .wrong, .foul, .judged, .written, .manual] {
            #expect(verdict(next(kind, team: 3)) == .notFound, "\(kind)")
            #expect(verdict(next(kind, team: nil)) == .notFound, "\(kind)")
        }
    }

    @Test("Given a correction naming no earlier event, when checked, then it is refused as not found")
    func correctionOfMissingEvent() {
        #expect(verdict(next(.correction, corrects: nil)) == .notFound)
        #expect(verdict(next(.correction, corrects: 0)) == .notFound)
        #expect(verdict(next(.correction, corrects: 5)) == .notFound)  // itself
        #expect(verdict(next(.correction, corrects: 9)) == .notFound)
    }

    @Test("Given a correction of an event already undone, when checked, then it is refused as a conflict")
    func correctionOfUndoneEvent() {
        #expect(!tally.isInEffect(2))
        #expect(verdict(next(.correction, corrects: 2)) == .conflict)
    }

    @Test("Given a correction of an opening, when checked, then it is refused: a question shown cannot be taken back")
    func correctionOfOpening() {
        #expect(verdict(next(.correction, team: nil, corrects: 1)) == .invalid)
    }

    @Test("Given a change on a kind that does not move points, when checked, then it is refused", arguments: [
        ContestEventKind.opened, .buzzed, .staked, .marked, .passed, .correction,
    ])
    func changeOnKindWithoutPoints(_ kind: ContestEventKind) {
        #expect(!kind.movesPoints)
        let team: Int64? = kind == .opened || kind == .passed ? nil : 1
        #expect(verdict(next(kind, team: team, question: 1, change: .whole(1), corrects: kind == .correction ? 4 : nil)) == .invalid)
        #expect(verdict(next(kind, team: team, question: 1, change: ContestPoints(hundredths: -1), corrects: kind == .correction ? 4 : nil)) == .invalid)
    }

    @Test("Given the kinds, when asked which move points, then exactly right, wrong, foul, judged, written and manual do")
    func kindsThatMovePoints() {
        #expect(Set(ContestEventKind.allCases.filter(\.movesPoints)) == [.right, .wrong, .foul, .judged, .written, .manual])
    }

    @Test("Given a change just outside ±10000 points, when checked, then it is refused; at the bounds it is accepted")
    func changeOutOfBounds() {
        #expect(verdict(next(.manual, change: ContestPoints(hundredths: 1_000_000))) == .accepted)
        #expect(verdict(next(.manual, change: ContestPoints(hundredths: -1_000_000))) == .accepted)
        #expect(verdict(next(.manual, change: ContestPoints(hundredths: 1_000_001))) == .invalid)
        #expect(verdict(next(.manual, change: ContestPoints(hundredths: -1_000_001))) == .invalid)
        #expect(verdict(next(.right, question: 1, change: .whole(20_000))) == .invalid)
    }

    @Test("Given a question number or answer time out of range, when checked, then it is refused")
    func questionAndElapsedBounds() {
        #expect(verdict(next(.right, question: 0, change: .whole(10))) == .invalid)
        #expect(verdict(next(.right, question: 201, change: .whole(10))) == .invalid)
        #expect(verdict(next(.right, question: 200, change: .whole(10))) == .accepted)
        #expect(verdict(next(.right, question: 1, change: .whole(10), elapsed: -1)) == .invalid)
        #expect(verdict(next(.right, question: 1, change: .whole(10), elapsed: 6_000_001)) == .invalid)
        #expect(verdict(next(.right, question: 1, change: .whole(10), elapsed: 6_000_000)) == .accepted)
    }
}
