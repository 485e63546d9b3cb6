import Testing

@testable import LianbingCore

@Suite("MedalTable")
struct MedalTableTests {
    private typealias F = ContestFixtures

    private func line(_ unit: String, _ firsts: Int, _ seconds: Int, _ thirds: Int, entered: Int) -> MedalLine {
        var line = MedalLine(unitCode: unit)
        (line.firsts, line.seconds, line.thirds, line.entered) = (firsts, seconds, thirds, entered)
        return line
    }

    @Test("Given several contests, when the medal table is built, then units go by firsts, seconds, thirds, entered, code")
    func order() {
        let boards = [
            F.board(points: [90, 80, 70, 60], units: ["B", "A", "C", "D"]),  // B 1st, A 2nd, C 3rd, D
            F.board(points: [90, 80, 70], units: ["A", "B", "D"]),  // A 1st, B 2nd, D 3rd
            F.board(points: [90, 80, 70, 60, 50], units: ["C", "E", "F", "E", "F"]),  // C 1st, E 2nd, F 3rd, E, F
        ]
        let table = MedalTable.build(boards)
        #expect(table == [
            line("A", 1, 1, 0, entered: 2),
            line("B", 1, 1, 0, entered: 2),
            line("C", 1, 0, 1, entered: 2),
            line("E", 0, 1, 0, entered: 2),
            line("D", 0, 0, 1, entered: 2),
            line("F", 0, 0, 1, entered: 2),
        ])
    }

    @Test("Given units equal on medals, when built, then the one that entered more teams goes first")
    func enteredBreaksTie() {
        let boards = [
            F.board(points: [90, 80, 70], units: ["Y", "X", "Z"]),
            F.board(points: [90, 80, 70], units: ["X", "Y", "X"]),
            F.board(points: [90, 80], units: ["Z", "Y"]),
        ]
        // X: 1st, 2nd, 3rd, entered 3; Y: 1st, 2nd, 2nd — more seconds goes first whatever it entered.
        let table = MedalTable.build(boards)
        #expect(table.map(\.unitCode) == ["Y", "X", "Z"])
        #expect(table.map(\.entered) == [3, 3, 2])

        let level = MedalTable.build([
            F.board(points: [90, 80, 70, 60], units: ["Q", "P", "Q", "Q"]),
            F.board(points: [90, 80], units: ["P", "Q"]),
        ])
        // P: 1st, 2nd, entered 2; Q: 1st, 2nd, entered 4 → Q first on entries.
        #expect(level.map(\.unitCode) == ["Q", "P"])
        #expect(level.first!.thirds == 1)
    }

    @Test("Given units equal in everything, when built, then they are listed by unit code")
    func unitCodeLast() {
        let table = MedalTable.build([F.board(points: [90, 80, 80, 70], units: ["4403", "4402", "4401", "4404"])])
        // 4402 and 4401 share second place.
        #expect(table.map(\.unitCode) == ["4403", "4401", "4402", "4404"])
        #expect(table.map(\.seconds) == [0, 1, 1, 0])
    }

    @Test("Given shared places, when built, then each team that shares a place counts a medal for it")
    func sharedPlaces() {
        let board = F.board(points: [90, 90, 80, 70], units: ["A", "B", "C", "D"])
        #expect(board.map(\.rank) == [1, 1, 3, 4])
        let table = MedalTable.build([board])
        #expect(table == [line("A", 1, 0, 0, entered: 1), line("B", 1, 0, 0, entered: 1), line("C", 0, 0, 1, entered: 1),
                          line("D", 0, 0, 0, entered: 1)])
        #expect(table.map(\.seconds).reduce(0, +) == 0)
        let allLevel = MedalTable.build([F.board(points: [5, 5, 5], units: ["C", "A", "B"])])
        #expect(allLevel.map(\.unitCode) == ["A", "B", "C"])
        #expect(allLevel.allSatisfy { $0.firsts == 1 })
    }

    @Test("Given the boards in any order, when built, then the table is the same")
    func boardOrderFree() {
        let boards = [
            F.board(points: [90, 80, 70, 60], units: ["B", "A", "C", "D"]),
            F.board(points: [90, 80, 70], units: ["A", "B", "D"]),
            F.board(points: [1, 2, 3, 4, 5], units: ["C", "E", "F"]),
        ]
        let expected = MedalTable.build(boards)
        var generator = SeededGenerator(seed: 11)
        for _ in 0..<10 { #expect(MedalTable.build(boards.shuffled(using: &generator)) == expected) }
    }

    @Test("Given no boards, when built, then the table is empty")
    func empty() {
        #expect(MedalTable.build([]).isEmpty)
        #expect(MedalTable.build([[]]).isEmpty)
    }
}
