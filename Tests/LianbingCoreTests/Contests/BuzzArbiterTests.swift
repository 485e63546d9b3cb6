import Testing

@testable import LianbingCore

@Suite("BuzzArbiter")
struct BuzzArbiterTests {
    private let opened: Int64 = 1_000_000
    private let limit = 30_000

    private func buzz(_ team: Int64, at offset: Int64, arrival: Int) -> Buzz {
        Buzz(team: team, member: "S\(team)", clockMilliseconds: opened + offset, arrival: arrival)
    }

    @Test("Given buzzes 1 ms apart, when they arrive in any order, then they are ranked by the server's clock")
    func staggeredOrder() {
        // Team t buzzes t ms after 100 ms; arrival numbers run against the clock, so only the clock can explain the order.
        let buzzes = (1...12).map { team in buzz(Int64(team), at: 100 + Int64(team), arrival: 100 - team) }
        var generator = SeededGenerator(seed: 42)
        for _ in 0..<50 {
            let ruling = BuzzArbiter.rule(openedAt: opened, limitMilliseconds: limit, buzzes: buzzes.shuffled(using: &generator))
            #expect(ruling.order.map(\.team) == Array(1...12))
            #expect(ruling.winner == buzzes[0])
            #expect(ruling.fouls.isEmpty)
        }
    }

    @Test("Given 200 buzzes within the same 50 ms, when ruled, then exactly one wins: the earliest, ties by arrival")
    func crowdedWindow() {
        var generator = SeededGenerator(seed: 2_024)
        for teams in [40, 200] {
            for _ in 0..<10 {
                crowd(teams: teams, generator: &generator)
            }
        }
    }

    private func crowd(teams: Int, generator: inout SeededGenerator) {
        // `teams` teams pressing 200 times in all; many share a millisecond. Arrival is a unique counter, unrelated
        // to the clock.
        let arrivals = Array(0..<200).shuffled(using: &generator)
        let buzzes = (0..<200).map { index in
            buzz(Int64(1 + index % teams), at: 2_000 + Int64.random(in: 0..<50, using: &generator), arrival: arrivals[index])
        }
        let ruling = BuzzArbiter.rule(openedAt: opened, limitMilliseconds: limit, buzzes: buzzes.shuffled(using: &generator))
        let earliest = buzzes.min { ($0.clockMilliseconds, $0.arrival) < ($1.clockMilliseconds, $1.arrival) }!
        #expect(ruling.winner == earliest)
        #expect(ruling.order.first == earliest)
        #expect(ruling.order.filter { $0 == ruling.winner }.count == 1)
        // One line per team, each its own earliest buzz, in clock-then-arrival order.
        #expect(ruling.order.count == teams)
        #expect(Set(ruling.order.map(\.team)).count == teams)
        for line in ruling.order {
            let own = buzzes.filter { $0.team == line.team }
            #expect(line == own.min { ($0.clockMilliseconds, $0.arrival) < ($1.clockMilliseconds, $1.arrival) })
        }
        #expect(ruling.order.map { [$0.clockMilliseconds, Int64($0.arrival)] }.isSorted)
    }

    @Test("Given two buzzes in the same millisecond, when ruled in either order, then the one decoded first wins")
    func sameMillisecondByArrival() {
        let first = buzz(7, at: 500, arrival: 3), second = buzz(2, at: 500, arrival: 4)
        for input in [[first, second], [second, first]] {
            let ruling = BuzzArbiter.rule(openedAt: opened, limitMilliseconds: limit, buzzes: input)
            #expect(ruling.winner == first)
            #expect(ruling.order == [first, second])
        }
    }

    @Test("Given a buzz before the question opens, when ruled, then it is a foul and does not win")
    func earlyBuzzIsFoul() {
        let early = buzz(1, at: -1, arrival: 1), onTime = buzz(2, at: 0, arrival: 2)
        let ruling = BuzzArbiter.rule(openedAt: opened, limitMilliseconds: limit, buzzes: [onTime, early])
        #expect(ruling.fouls == [early])
        #expect(ruling.winner == onTime)
        #expect(ruling.order == [onTime])
    }

    @Test("Given a team pressing many times early, when ruled, then it has one foul: its first press")
    func oneFoulPerTeam() {
        let presses = [buzz(1, at: -300, arrival: 5), buzz(1, at: -900, arrival: 1), buzz(1, at: -20, arrival: 9), buzz(2, at: -5, arrival: 10)]
        let ruling = BuzzArbiter.rule(openedAt: opened, limitMilliseconds: limit, buzzes: presses)
        #expect(ruling.fouls == [presses[1], presses[3]])
        #expect(ruling.winner == nil)
        #expect(ruling.order.isEmpty)
    }

    @Test("Given no question open, when teams buzz, then every team has one foul and nobody wins")
    func noQuestionOpen() {
        let buzzes = [buzz(3, at: 10, arrival: 2), buzz(1, at: 5, arrival: 1), buzz(3, at: 20, arrival: 3)]
        let ruling = BuzzArbiter.rule(openedAt: nil, limitMilliseconds: limit, buzzes: buzzes)
        #expect(ruling.winner == nil)
        #expect(ruling.order.isEmpty)
        #expect(ruling.fouls == [buzzes[1], buzzes[0]])
    }

    @Test("Given buzzes after the time limit, when ruled, then they do not count; one at the limit does")
    func afterLimit() {
        let atLimit = buzz(1, at: Int64(limit), arrival: 1), late = buzz(2, at: Int64(limit) + 1, arrival: 0)
        let ruling = BuzzArbiter.rule(openedAt: opened, limitMilliseconds: limit, buzzes: [late, atLimit])
        #expect(ruling.order == [atLimit])
        #expect(ruling.winner == atLimit)
        #expect(ruling.fouls.isEmpty)
        let onlyLate = BuzzArbiter.rule(openedAt: opened, limitMilliseconds: limit, buzzes: [late])
        #expect(onlyLate.winner == nil && onlyLate.order.isEmpty && onlyLate.fouls.isEmpty)
    }

    @Test("Given a team buzzing twice, when ruled, then only its first buzz counts")
    func firstBuzzOnly() {
        let again = buzz(1, at: 900, arrival: 0), first = buzz(1, at: 100, arrival: 5), other = buzz(2, at: 400, arrival: 2)
        let ruling = BuzzArbiter.rule(openedAt: opened, limitMilliseconds: limit, buzzes: [again, other, first])
        #expect(ruling.order == [first, other])
        #expect(ruling.winner == first)
    }

    @Test("Given a team that fouled and then buzzed in time, when ruled, then it has its foul and its place")
    func foulThenValidBuzz() {
        let foul = buzz(1, at: -10, arrival: 1), valid = buzz(1, at: 10, arrival: 2)
        let ruling = BuzzArbiter.rule(openedAt: opened, limitMilliseconds: limit, buzzes: [valid, foul])
        #expect(ruling.fouls == [foul])
        #expect(ruling.order == [valid])
    }

    @Test("Given no buzzes, when ruled, then nobody wins and nobody fouls")
    func noBuzzes() {
        let ruling = BuzzArbiter.rule(openedAt: opened, limitMilliseconds: limit, buzzes: [])
        #expect(ruling == BuzzRuling(winner: nil, order: [], fouls: []))
    }
}

extension Array where Element == [Int64] {
    fileprivate var isSorted: Bool { zip(self, dropFirst()).allSatisfy { !$1.lexicographicallyPrecedes($0) } }
}
