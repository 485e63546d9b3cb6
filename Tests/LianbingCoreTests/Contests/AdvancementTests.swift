import Testing

@testable import LianbingCore

@Suite("Advancement")
struct AdvancementTests {
    private typealias F = ContestFixtures

    @Test("Given a ranked board, when the top 3 advance, then the first three places go on, in board order")
    func topN() throws {
        let board = F.board(points: [50, 90, 70, 80, 60])
        let chosen = try Advancement.qualifiers(board, rule: .top(3))
        #expect(chosen.map(\.entrant.id) == [2, 4, 3])
        #expect(chosen == Array(board.prefix(3)))
    }

    @Test("Given a tie inside the places, when the top 3 advance, then the tied teams both go on")
    func tieInsideCut() throws {
        let board = F.board(points: [90, 90, 80, 70])
        #expect(try Advancement.qualifiers(board, rule: .top(3)).map(\.entrant.id) == [1, 2, 3])
        #expect(try Advancement.qualifiers(board, rule: .top(2)).map(\.entrant.id) == [1, 2])
    }

    @Test("Given a tie across the cut-off, when the top N advance, then it is refused as a conflict")
    func tieAcrossCut() {
        let board = F.board(points: [90, 80, 80, 70])
        #expect(board.map(\.rank) == [1, 2, 2, 4])
        #expect(Refusal { _ = try Advancement.qualifiers(board, rule: .top(2)) } == .conflict)
        #expect(throws: LianbingError.self) { try Advancement.qualifiers(board, rule: .top(2)) }
        #expect(Refusal { _ = try Advancement.qualifiers(board, rule: .top(3)) } == .accepted)
        #expect(Refusal { _ = try Advancement.qualifiers(board, rule: .top(1)) } == .accepted)
    }

    @Test("Given a playoff that separated the tie, when the top N advance, then the playoff's winner goes on")
    func tieSeparatedByPlayoff() throws {
        var standings = [F.standing(1, points: 90), F.standing(2, points: 80, draw: 1), F.standing(3, points: 80, draw: 2)]
        standings[2].playoff = .whole(10)
        let board = ContestRanking.rank(standings, tieBreakers: [.written, .fewerWrong, .lessTime])
        #expect(try Advancement.qualifiers(board, rule: .top(2)).map(\.entrant.id) == [1, 3])
    }

    @Test("Given fewer teams than places, when the top N advance, then every team goes on, ties and all")
    func fewerTeamsThanPlaces() throws {
        let board = F.board(points: [80, 80, 60])
        #expect(try Advancement.qualifiers(board, rule: .top(5)) == board)
        #expect(try Advancement.qualifiers(board, rule: .top(3)) == board)
        #expect(try Advancement.qualifiers([], rule: .top(2)).isEmpty)
        #expect(try Advancement.qualifiers(board, rule: .perUnit(4)) == board)
    }

    @Test("Given teams of several units, when the top N of each unit advance, then each unit's best go on, in board order")
    func perUnit() throws {
        // Units in turn: 1 A, 2 B, 3 C, 4 A, 5 B, 6 C, 7 A.
        let board = F.board(points: [10, 90, 80, 70, 60, 50, 40], units: ["A", "B", "C"])
        #expect(board.map(\.entrant.id) == [2, 3, 4, 5, 6, 7, 1])
        let chosen = try Advancement.qualifiers(board, rule: .perUnit(2))
        // A: 4, 7 (not 1); B: 2, 5; C: 3, 6.
        #expect(chosen.map(\.entrant.id) == [2, 3, 4, 5, 6, 7])
        #expect(try Advancement.qualifiers(board, rule: .perUnit(1)).map(\.entrant.id) == [2, 3, 4])
    }

    @Test("Given a tie across one unit's cut-off, when the top N of each unit advance, then it is refused")
    func perUnitTieAcrossCut() {
        // A's teams 1 and 3 are level at 70; B's teams are not tied.
        let board = F.board(points: [70, 90, 70, 60], units: ["A", "B"])
        #expect(Refusal { _ = try Advancement.qualifiers(board, rule: .perUnit(1)) } == .conflict)
        #expect(Refusal { _ = try Advancement.qualifiers(board, rule: .perUnit(2)) } == .accepted)
    }

    @Test("Given teams of different units level on the board, when the top N of each unit advance, then that is no tie")
    func perUnitTieAcrossUnitsIsFine() throws {
        let board = F.board(points: [70, 70, 60, 50], units: ["A", "B"])
        #expect(try Advancement.qualifiers(board, rule: .perUnit(1)).map(\.entrant.id) == [1, 2])
    }

    @Test("Given a number of places outside 1 to 10000, when asked, then it is refused", arguments: [0, -1, 10_001])
    func placesOutOfBounds(_ n: Int) {
        let board = F.board(points: [3, 2, 1])
        #expect(Refusal { _ = try Advancement.qualifiers(board, rule: .top(n)) } == .invalid)
        #expect(Refusal { _ = try Advancement.qualifiers(board, rule: .perUnit(n)) } == .invalid)
    }

    @Test("Given each rule, when labelled, then the label names the places")
    func labels() {
        #expect(AdvancementRule.top(3).label == "前 3 名晋级")
        #expect(AdvancementRule.perUnit(2).label == "每单位前 2 名晋级")
    }
}
