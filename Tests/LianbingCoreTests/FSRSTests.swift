import Foundation
import LianbingCore
import Testing

/// Intervals worked by hand from FSRS-5's formulas and default weights (w0 = 0.40255, w2 = 3.173, w4 = 7.1949,
/// w5 = 0.5345, w6 = 1.4604, w7 = 0.0046, w8 = 1.54575, w9 = 0.1192, w10 = 1.01925, w17 = 0.51655, w18 = 0.6621).
@Suite("FSRS-5 by hand")
struct FSRSTests {
    @Test("Given a first wrong answer, then S = w0 = 0.40255, D = w4 = 7.1949, and the review is tomorrow")
    func firstAgain() {
        // D0(Again) = w4 − e^(w5·0) + 1 = w4. The interval at retention 0.9 is S itself: round(0.40255) = 0, at least 1.
        let schedule = FSRS.review(nil, rating: .again, elapsedDays: 0)
        #expect(schedule.memory == FSRS.Memory(stability: 0.40255, difficulty: 7.1949))
        #expect(schedule.interval == 1 && !schedule.retires)
    }

    @Test("Given a first right answer, then S = w2 = 3.173 and the review is in 3 days")
    func firstGood() {
        // D0(Good) = 7.1949 − e^(0.5345·2) + 1 = 7.1949 − 2.91247 + 1 = 5.28243.
        let schedule = FSRS.review(nil, rating: .good, elapsedDays: 0)
        #expect(schedule.memory.stability == 3.173 && abs(schedule.memory.difficulty - 5.28243) < 1e-5)
        #expect(schedule.interval == 3)
    }

    @Test("Given a wrong answer, when answered right the next day, then S grows to 2.265 and the review is in 2 days")
    func againThenGood() {
        let first = FSRS.review(nil, rating: .again, elapsedDays: 0).memory
        // R = (1 + (19/81)·1/0.40255)^−0.5 = 1.582705^−0.5 = 0.794877
        #expect(abs(FSRS.retrievability(elapsedDays: 1, stability: first.stability) - 0.794877) < 1e-6)
        // S' = S·(1 + e^w8 · (11 − D) · S^−w9 · (e^((1−R)·w10) − 1))
        //    = 0.40255 · (1 + 4.691489 · 3.8051 · 1.114565 · 0.232533) = 0.40255 · 5.626645 = 2.265009
        // D' = w7·D0(Easy) + (1 − w7)·D: Good moves D by −w6·0 = 0, so D' = 0.0046·3.224502 + 0.9954·7.1949 = 7.176636
        let second = FSRS.review(first, rating: .good, elapsedDays: 1)
        #expect(abs(second.memory.stability - 2.265009) < 1e-6 && abs(second.memory.difficulty - 7.176636) < 1e-6)
        #expect(second.interval == 2)
    }

    @Test("Given a second wrong answer on the same day, then the short-term formula halves S and the review stays tomorrow")
    func sameDayAgain() {
        let first = FSRS.review(nil, rating: .again, elapsedDays: 0).memory
        // S' = S · e^(w17·(1 − 3 + w18)) = 0.40255 · e^(0.51655 · −1.3379) = 0.40255 · 0.501029 = 0.201689
        let again = FSRS.review(first, rating: .again, elapsedDays: 0)
        #expect(abs(again.memory.stability - 0.201689) < 1e-6 && again.interval == 1)
    }

    @Test("Given stabilities either side of 90.5 days, then only the longer interval retires the question")
    func retirement() {
        // At retention 0.9 the interval is S days, rounded.
        #expect(FSRS.interval(stability: 90.4) == 90 && FSRS.interval(stability: 90.6) == 91)
        let kept = FSRS.review(FSRS.Memory(stability: 30, difficulty: 5), rating: .good, elapsedDays: 0)
        #expect(!kept.retires)
        let retired = FSRS.review(FSRS.Memory(stability: 60, difficulty: 5), rating: .good, elapsedDays: 60)
        #expect(retired.interval > 90 && retired.retires)
    }

    @Test("Given marks, then short of full marks is Again, full marks Good, and a pending mark no rating")
    func ratingsFromMarks() {
        #expect(FSRS.Rating(ItemMark(score: 0, points: 2)) == .again)
        #expect(FSRS.Rating(ItemMark(score: 1, points: 2)) == .again)
        #expect(FSRS.Rating(ItemMark(score: 2, points: 2)) == .good)
        #expect(FSRS.Rating(ItemMark(score: nil, points: 10)) == nil)
    }
}
