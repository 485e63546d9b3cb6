import LianbingCore
import Testing

@Suite("ResultRanking")
struct ResultRankingTests {
    private func row(_ number: String, _ score: Double?, _ outcome: CandidateOutcome, time: Int? = nil) -> ResultRow {
        ResultRow(
            unitCode: "4401", unitName: "广州市", staffNumber: number, name: "姓名\(number)", score: score, outcome: outcome,
            timeUsedSeconds: time)
    }

    private var sample: [ResultRow] {
        [
            row("S09", nil, .excused),
            row("S05", 90, .passed, time: 1800),
            row("S07", 12, .pending, time: 600),
            row("S02", 95, .passed, time: 2400),
            row("S08", nil, .absent),
            row("S04", 90, .passed, time: 1200),
            row("S01", 40, .failed, time: 3000),
            row("S06", nil, .absent),
            row("S03", 90, .passed, time: 1200),
            row("S10", 5, .pending, time: 100),
        ]
    }

    @Test("Given mixed results, when ranked, then scored by score, time and number, then pending, absent, excused")
    func order() {
        let ranked = ResultRanking.rank(sample)
        #expect(ranked.map(\.row.staffNumber) == ["S02", "S03", "S04", "S05", "S01", "S07", "S10", "S06", "S08", "S09"])
    }

    @Test("Given equal scores, when ranked, then they share a rank and the next rank skips (1, 2, 2, 2, 5)")
    func competitionRanks() {
        let ranked = ResultRanking.rank(sample)
        #expect(ranked.map(\.rank) == [1, 2, 2, 2, 5, nil, nil, nil, nil, nil])
    }

    @Test("Given two tied leaders, when ranked, then 1, 1, 3 whatever their time used")
    func tiedLeaders() {
        let ranked = ResultRanking.rank([row("B", 80, .passed, time: 50), row("C", 70, .passed, time: 10), row("A", 80, .passed, time: 99)])
        #expect(ranked.map(\.rank) == [1, 1, 3])
        #expect(ranked.map(\.row.staffNumber) == ["B", "A", "C"])
    }

    @Test("Given two candidates, when their inputs are swapped, then the order follows the data, both ways")
    func swapped() {
        let fast = row("Z", 80, .passed, time: 100)
        let slow = row("A", 80, .passed, time: 200)
        #expect(ResultRanking.rank([fast, slow]).map(\.row) == [fast, slow])
        #expect(ResultRanking.rank([slow, fast]).map(\.row) == [fast, slow])
        let higher = row("Z", 81, .failed, time: 900)
        #expect(ResultRanking.rank([slow, higher]).map(\.row) == [higher, slow])
        #expect(ResultRanking.rank([higher, slow]).map(\.row) == [higher, slow])
        let sameTime = (row("A", 80, .passed, time: 100), row("B", 80, .passed, time: 100))
        #expect(ResultRanking.rank([sameTime.1, sameTime.0]).map(\.row) == [sameTime.0, sameTime.1])
    }

    @Test("Given the same rows in any order, when ranked, then the result is the same")
    func orderIndependent() {
        let expected = ResultRanking.rank(sample)
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<50 {
            #expect(ResultRanking.rank(sample.shuffled(using: &generator)) == expected)
        }
    }

    @Test("Given scores differing only by rounding, when ranked, then they tie")
    func rounding() {
        let ranked = ResultRanking.rank([row("A", 0.1 + 0.2, .passed, time: 2), row("B", 0.3, .passed, time: 1)])
        #expect(ranked.map(\.rank) == [1, 1])
        #expect(ranked.map(\.row.staffNumber) == ["B", "A"])
    }

    @Test("Given a scored candidate without a time, when ranked, then after equal scores with one")
    func missingTime() {
        let ranked = ResultRanking.rank([row("A", 50, .passed), row("B", 50, .passed, time: 3000)])
        #expect(ranked.map(\.row.staffNumber) == ["B", "A"])
        #expect(ranked.map(\.rank) == [1, 1])
    }
}
