import Testing

@testable import LianbingCore

@Suite("ContestPercentile")
struct ContestPercentileTests {
    @Test("Given a placing, when its percentile is asked, then 100 for first, 0 for last, linear between", arguments: [
        (1, 5, 100.0), (5, 5, 0.0), (3, 5, 50.0), (2, 5, 75.0), (1, 2, 100.0), (2, 2, 0.0), (2, 3, 50.0),
    ])
    func percentile(_ rank: Int, _ teams: Int, _ expected: Double) {
        #expect(ContestPlacing(rank: rank, teams: teams).percentile == expected)
    }

    @Test("Given a contest of one team, when its percentile is asked, then it is 100")
    func singleTeam() {
        #expect(ContestPlacing(rank: 1, teams: 1).percentile == 100)
    }

    @Test("Given a rank outside 1 to the team count, when its percentile is asked, then it is held to 0 … 100")
    func clamped() {
        #expect(ContestPlacing(rank: 0, teams: 4).percentile == 100)
        #expect(ContestPlacing(rank: 9, teams: 4).percentile == 0)
    }

    @Test("Given a shared place, when its percentile is asked, then every team sharing it gets the same")
    func sharedPlace() {
        let board = ContestFixtures.board(points: [90, 90, 80, 70, 60])
        let percentiles = board.map { ContestPlacing(rank: $0.rank, teams: board.count).percentile }
        #expect(percentiles == [100, 100, 50, 25, 0])
    }

    @Test("Given several placings, when the best is asked, then it is the highest percentile; none gives nil")
    func best() {
        let placings = [ContestPlacing(rank: 3, teams: 5), ContestPlacing(rank: 2, teams: 3), ContestPlacing(rank: 4, teams: 4)]
        #expect(ContestPercentile.best(placings) == 50)
        #expect(ContestPercentile.best(placings + [ContestPlacing(rank: 1, teams: 1)]) == 100)
        #expect(ContestPercentile.best([ContestPlacing(rank: 10, teams: 10)]) == 0)
        #expect(ContestPercentile.best([]) == nil)
    }
}
