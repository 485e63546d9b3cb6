import PropertyBased
import Testing

@testable import LianbingCore

@Suite("ContestRanking")
struct ContestRankingTests {
    private typealias F = ContestFixtures
    private let allBreakers: [TieBreaker] = [.written, .fewerWrong, .lessTime]

    /// A mix of leads, ties on points separated by each tie-breaker, and a full tie.
    private var sample: [ContestStanding] {
        [
            F.standing(1, points: 120, written: 80, wrong: 2, milliseconds: 9_000, draw: 4),
            F.standing(2, points: 150, written: 70, wrong: 0, milliseconds: 1_000, draw: 2),
            F.standing(3, points: 120, written: 90, wrong: 3, milliseconds: 9_000, draw: 1),
            F.standing(4, points: 120, written: 80, wrong: 1, milliseconds: 9_000, draw: 3),
            F.standing(5, points: 120, written: 80, wrong: 1, milliseconds: 4_000, draw: 5),
            F.standing(6, points: 90, draw: 6),
            F.standing(7, points: 90, draw: 0),
            F.standing(8, points: 120, written: 80, wrong: 1, milliseconds: 4_000, draw: 7),
        ]
    }

    @Test("Given the sample, when ranked, then points, then written, fewer wrong and less time, then draw")
    func order() {
        let ranked = ContestRanking.rank(sample, tieBreakers: allBreakers)
        #expect(ranked.map(\.entrant.id) == [2, 3, 5, 8, 4, 1, 7, 6])
        #expect(ranked.map(\.rank) == [1, 2, 3, 3, 5, 6, 7, 7])
    }

    @Test("Given every pair of the sample, when compared both ways, then A before B exactly when B after A")
    func pairsBothWays() {
        for tieBreakers in [allBreakers, [.lessTime, .written], []] {
            for a in sample {
                #expect(ContestRanking.compare(a, a, tieBreakers: tieBreakers) == 0)
                for b in sample {
                    let ab = ContestRanking.compare(a, b, tieBreakers: tieBreakers)
                    let ba = ContestRanking.compare(b, a, tieBreakers: tieBreakers)
                    #expect(ab == -ba, "\(a.entrant.id) vs \(b.entrant.id)")
                    #expect([-1, 0, 1].contains(ab))
                }
            }
        }
    }

    @Test("Given random standings, when compared both ways, then compare(a, b) == -compare(b, a) and ranking agrees")
    func pairsBothWaysRandom() async {
        let line = zip(Gen.int(in: 0...3), Gen.int(in: 0...3), Gen.int(in: 0...2), Gen.int(in: 0...2), Gen.int(in: 0...1))
        let pair = zip(line, line)
        await propertyCheck(count: 200, input: pair) { pair in
            let (x, y) = pair
            let a = F.standing(1, points: x.0, written: x.1, wrong: x.2, milliseconds: x.3 * 1_000, playoff: x.4)
            let b = F.standing(2, points: y.0, written: y.1, wrong: y.2, milliseconds: y.3 * 1_000, playoff: y.4)
            let ab = ContestRanking.compare(a, b, tieBreakers: allBreakers)
            #expect(ab == -ContestRanking.compare(b, a, tieBreakers: allBreakers))
            let ranked = ContestRanking.rank([b, a], tieBreakers: allBreakers)
            switch ab {
            case -1: #expect(ranked.map(\.entrant.id) == [1, 2] && ranked.map(\.rank) == [1, 2])
            case 1: #expect(ranked.map(\.entrant.id) == [2, 1] && ranked.map(\.rank) == [1, 2])
            default: #expect(ranked.map(\.rank) == [1, 1])
            }
            let rankOfA = ContestRanking.rank(of: 0, in: [a, b], points: [a, b].map(\.points.hundredths), tieBreakers: allBreakers)
            #expect(rankOfA == ranked.first { $0.entrant.id == 1 }!.rank)
        }
    }

    @Test("Given two teams level on everything and one behind, when ranked, then they share first and the next is third")
    func tiesShareRank() {
        let ranked = ContestRanking.rank(
            [F.standing(3, points: 80), F.standing(2, points: 100, draw: 2), F.standing(1, points: 100, draw: 1)],
            tieBreakers: allBreakers)
        #expect(ranked.map(\.rank) == [1, 1, 3])
        #expect(ranked.map(\.entrant.id) == [1, 2, 3])
    }

    @Test("Given teams level on everything, when listed, then by draw number and then by team id")
    func levelTeamsByDrawThenId() {
        let ranked = ContestRanking.rank(
            [F.standing(9, points: 50, draw: 1), F.standing(4, points: 50, draw: 2), F.standing(7, points: 50, draw: 1)],
            tieBreakers: allBreakers)
        #expect(ranked.map(\.entrant.id) == [7, 9, 4])
        #expect(ranked.map(\.rank) == [1, 1, 1])
    }

    @Test(
        "Given two teams equal on points and differing on one tie-breaker only, when it is listed, then it decides alone",
        arguments: TieBreaker.allCases)
    func eachTieBreakerDecidesAlone(_ tieBreaker: TieBreaker) {
        // `better` leads on `tieBreaker` and is level on every other; it is drawn after, so the draw cannot explain it.
        var better = F.standing(2, points: 100, written: 60, wrong: 2, milliseconds: 5_000, draw: 2)
        let worse = F.standing(1, points: 100, written: 60, wrong: 2, milliseconds: 5_000, draw: 1)
        switch tieBreaker {
        case .written: better.written = .whole(61)
        case .fewerWrong: better.wrongAnswers = 1
        case .lessTime: better.answerMilliseconds = 4_999
        }
        #expect(tieBreaker.compare(better, worse) == -1)
        #expect(tieBreaker.compare(worse, better) == 1)
        let others = TieBreaker.allCases.filter { $0 != tieBreaker }
        for other in others { #expect(other.compare(better, worse) == 0) }

        let decided = ContestRanking.rank([worse, better], tieBreakers: [tieBreaker])
        #expect(decided.map(\.entrant.id) == [2, 1])
        #expect(decided.map(\.rank) == [1, 2])
        // Without it, nothing separates them: they share first, listed by draw.
        let undecided = ContestRanking.rank([better, worse], tieBreakers: others)
        #expect(undecided.map(\.entrant.id) == [1, 2])
        #expect(undecided.map(\.rank) == [1, 1])
        // Listed after the others, it still decides, since they are level there.
        #expect(ContestRanking.rank([worse, better], tieBreakers: others + [tieBreaker]).map(\.entrant.id) == [2, 1])
    }

    @Test("Given a tie-breaker's direction, when compared, then higher written, fewer wrong and less time go first")
    func tieBreakerDirections() {
        let high = F.standing(1, points: 10, written: 90), low = F.standing(2, points: 10, written: 10)
        #expect(ContestRanking.rank([low, high], tieBreakers: [.written]).map(\.entrant.id) == [1, 2])
        let few = F.standing(1, points: 10, wrong: 0), many = F.standing(2, points: 10, wrong: 5)
        #expect(ContestRanking.rank([many, few], tieBreakers: [.fewerWrong]).map(\.entrant.id) == [1, 2])
        let quick = F.standing(1, points: 10, milliseconds: 100), slow = F.standing(2, points: 10, milliseconds: 200)
        #expect(ContestRanking.rank([slow, quick], tieBreakers: [.lessTime]).map(\.entrant.id) == [1, 2])
    }

    @Test("Given A better on written and B on wrong answers, when the tie-breaker order is swapped, then so are they")
    func tieBreakerOrderMatters() {
        let a = F.standing(1, points: 100, written: 90, wrong: 3, milliseconds: 9_000)
        let b = F.standing(2, points: 100, written: 80, wrong: 1, milliseconds: 1_000)
        #expect(ContestRanking.rank([a, b], tieBreakers: [.written, .fewerWrong]).map(\.entrant.id) == [1, 2])
        #expect(ContestRanking.rank([a, b], tieBreakers: [.fewerWrong, .written]).map(\.entrant.id) == [2, 1])
        #expect(ContestRanking.rank([a, b], tieBreakers: [.lessTime, .written, .fewerWrong]).map(\.entrant.id) == [2, 1])
        #expect(ContestRanking.compare(a, b, tieBreakers: [.written, .lessTime]) == -1)
        #expect(ContestRanking.compare(a, b, tieBreakers: [.lessTime, .written]) == 1)
    }

    @Test("Given more points, when ranked, then no tie-breaker or playoff can lift the team behind")
    func pointsComeFirst() {
        let ahead = F.standing(1, points: 101, written: 0, wrong: 9, milliseconds: 99_000, draw: 9)
        let behind = F.standing(2, points: 100, written: 100, wrong: 0, milliseconds: 0, playoff: 50, draw: 0)
        #expect(ContestRanking.rank([behind, ahead], tieBreakers: allBreakers).map(\.entrant.id) == [1, 2])
    }

    @Test("Given teams level on points and every tie-breaker, when one wins playoff points, then it goes first alone")
    func playoffColumnSeparates() {
        let a = F.standing(1, points: 100, written: 70, draw: 1)
        let b = F.standing(2, points: 100, written: 70, playoff: 10, draw: 2)
        let ranked = ContestRanking.rank([a, b], tieBreakers: allBreakers)
        #expect(ranked.map(\.entrant.id) == [2, 1])
        #expect(ranked.map(\.rank) == [1, 2])
        // A tie-breaker that separates them still comes before the playoff column.
        let c = F.standing(3, points: 100, written: 71, draw: 3)
        #expect(ContestRanking.rank([b, c], tieBreakers: allBreakers).map(\.entrant.id) == [3, 2])
    }

    @Test("Given a tie at the top and a playoff round in the setup, when one team answers it right, then the tie is separated")
    func playoffRoundSeparatesTie() {
        let setup = ContestSetup(entrants: [F.entrant(1, draw: 1), F.entrant(2, draw: 2), F.entrant(3, draw: 3)], playoffRounds: [2])
        var log = ContestLogWriter()
        log.add(.right, round: 1, team: 1, question: 1, change: .whole(20), elapsed: 3_000)
        log.add(.right, round: 1, team: 2, question: 2, change: .whole(20), elapsed: 3_000)
        log.add(.right, round: 1, team: 3, question: 3, change: .whole(10), elapsed: 1_000)
        let before = Scoreboard.build(setup, events: log.events)
        #expect(before.map(\.entrant.id) == [1, 2, 3])
        #expect(before.map(\.rank) == [1, 1, 3])

        // The playoff: team 1 misses, team 2 answers right (and takes its time doing so).
        log.add(.opened, round: 2, question: 1)
        log.add(.wrong, round: 2, team: 1, question: 1, elapsed: 2_000)
        log.add(.opened, round: 2, question: 2)
        log.add(.right, round: 2, team: 2, question: 2, change: .whole(10), elapsed: 8_000)
        let after = Scoreboard.build(setup, events: log.events)
        #expect(after.map(\.entrant.id) == [2, 1, 3])
        #expect(after.map(\.rank) == [1, 2, 3])
        // Playoff points only break the tie: the board's points are unchanged.
        #expect(after.map(\.points) == [.whole(20), .whole(20), .whole(10)])
        #expect(after.first!.playoff == .whole(10))
        #expect(ScoreTally(setup, replaying: log.events).board == after)
    }

    @Test("Given a tie, when the only playoff answer is right but slow, then the playoff still decides it")
    func playoffAnswerTimeDoesNotReachTieBreakers() {
        let setup = ContestSetup(entrants: [F.entrant(1, draw: 1), F.entrant(2, draw: 2)], playoffRounds: [2])
        var log = ContestLogWriter()
        log.add(.right, round: 1, team: 1, question: 1, change: .whole(10), elapsed: 2_000)
        log.add(.right, round: 1, team: 2, question: 2, change: .whole(10), elapsed: 2_000)
        log.add(.opened, round: 2, question: 1)
        log.add(.right, round: 2, team: 2, question: 1, change: .whole(10), elapsed: 6_000)
        let board = Scoreboard.build(setup, events: log.events)
        #expect(board.map(\.entrant.id) == [2, 1])
        #expect(board.map(\.rank) == [1, 2])
        #expect(board.map(\.answerMilliseconds) == [2_000, 2_000])
    }

    @Test("Given the same standings in any order, when ranked, then the list is the same")
    func orderIndependent() {
        let expected = ContestRanking.rank(sample, tieBreakers: allBreakers)
        var generator = SeededGenerator(seed: 20_240_601)
        for _ in 0..<50 {
            #expect(ContestRanking.rank(sample.shuffled(using: &generator), tieBreakers: allBreakers) == expected)
        }
    }

    @Test("Given each team of the sample, when its rank is asked alone, then it is the rank the full board gives")
    func rankOfOne() {
        let ranked = ContestRanking.rank(sample, tieBreakers: allBreakers)
        let points = sample.map(\.points.hundredths)
        for (index, standing) in sample.enumerated() {
            let expected = ranked.first { $0.entrant.id == standing.entrant.id }!.rank
            #expect(ContestRanking.rank(of: index, in: sample, points: points, tieBreakers: allBreakers) == expected)
        }
    }

    @Test("Given no standings, when ranked, then the board is empty")
    func empty() {
        #expect(ContestRanking.rank([], tieBreakers: allBreakers).isEmpty)
    }
}
