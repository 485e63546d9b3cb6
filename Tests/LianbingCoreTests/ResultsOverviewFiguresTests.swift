import LianbingCore
import Testing

/// The overview's arithmetic: rates come from summed counts (never averaged averages), undefined rates are dashes,
/// and a period is checked and split into calendar months.
@Suite("ResultsOverview figures")
struct ResultsOverviewFiguresTests {
    @Test("Given two units' tallies, then the sum's rates are worked out from the summed counts")
    func ratesComeFromSums() {
        let small = ResultTally(candidates: 2, participated: 2, scored: 2, passed: 2, scoreSum: 180, percentSum: 180)
        let large = ResultTally(candidates: 10, participated: 8, scored: 6, passed: 3, scoreSum: 360, percentSum: 300)
        let total = small + large
        #expect(total.candidates == 12 && total.participated == 10 && total.scored == 8 && total.passed == 5)
        #expect(total.participation == 10.0 / 12.0)
        // Not the mean of 100% and 50%: five of eight scored passed.
        #expect(total.passRate == 5.0 / 8.0)
        #expect(total.meanScore == 540.0 / 8.0)
        #expect(total.meanPercent == 480.0 / 8.0)
        #expect(ResultTally.sum([small, large, .zero]) == total)
    }

    @Test("Given nobody to divide by, then the rates are undefined and written as dashes")
    func emptyTally() {
        let none = ResultTally.zero
        #expect(none.participation == nil && none.passRate == nil && none.meanScore == nil && none.meanPercent == nil)
        #expect(ResultTally.percentText(none.passRate) == "—")
        #expect(ResultTally.meanText(none.meanScore) == "—")
        // Expected but nobody scored yet (papers still being marked): participation is defined, the pass rate is not.
        let marking = ResultTally(candidates: 4, participated: 3, scored: 0, passed: 0, scoreSum: 0, percentSum: 0)
        #expect(ResultTally.percentText(marking.participation) == "75.0%")
        #expect(marking.passRate == nil)
        #expect(ResultTally.meanText(78.44) == "78.4")
        #expect(ResultTally.percentText(2.0 / 3.0) == "66.7%")
    }

    @Test("Given a period, then its months run from the first to the last it touches, and bad periods are refused")
    func periods() throws {
        let period = try ResultsPeriod(from: CivilDate("2025-11-20")!, to: CivilDate("2026-02-03")!)
        #expect(period.monthKeys == ["2025-11", "2025-12", "2026-01", "2026-02"])
        let year = ResultsPeriod.twelveMonths(endingOn: CivilDate("2026-03-15")!)
        #expect(year.from == CivilDate("2025-04-01")! && year.to == CivilDate("2026-03-15")!)
        #expect(year.monthKeys.count == 12 && year.monthKeys.last == "2026-03")
        #expect(try ResultsPeriod(from: CivilDate("2026-03-15")!, to: CivilDate("2026-03-15")!).monthKeys == ["2026-03"])
        for (from, to) in [("2026-03-02", "2026-03-01"), ("2020-01-01", "2025-01-01"), ("1999-12-31", "2000-01-31"), ("2099-12-01", "2100-01-01")] {
            #expect(throws: LianbingError.self, "\(from) – \(to)") { try ResultsPeriod(from: CivilDate(from)!, to: CivilDate(to)!) }
        }
        // Sixty months exactly is the longest period.
        #expect(try ResultsPeriod(from: CivilDate("2021-01-01")!, to: CivilDate("2025-12-31")!).monthKeys.count == 60)
    }
}
