/// What a group of candidacies comes to in the results overview (成绩总览): a child unit's subtree in one exam or
/// over a period, a month of the trend, the total. Tallies add up, so a subtree's figures are its parts' sum and the
/// rates are worked out once from the sums — never averaged from averages.
public struct ResultTally: Sendable, Codable, Equatable {
    /// 应考: candidacies not excused.
    public let candidates: Int
    /// 参考: candidacies with an attempt that was not called off.
    public let participated: Int
    /// Submitted attempts with a final score: what the pass rate and the mean are taken over, so papers still being
    /// marked do not count as failed.
    public let scored: Int
    public let passed: Int
    /// The scores in points, and each score out of 100 (score ÷ paper total × 100), so exams of different totals
    /// average fairly over a period.
    public let scoreSum: Double
    public let percentSum: Double
    /// Fractions from 0 to 1, and means; `nil` when there is nothing to divide by.
    public let participation: Double?
    public let passRate: Double?
    public let meanScore: Double?
    public let meanPercent: Double?

    public init(candidates: Int, participated: Int, scored: Int, passed: Int, scoreSum: Double, percentSum: Double) {
        self.candidates = candidates
        self.participated = participated
        self.scored = scored
        self.passed = passed
        self.scoreSum = scoreSum
        self.percentSum = percentSum
        participation = candidates > 0 ? Double(participated) / Double(candidates) : nil
        passRate = scored > 0 ? Double(passed) / Double(scored) : nil
        meanScore = scored > 0 ? scoreSum / Double(scored) : nil
        meanPercent = scored > 0 ? percentSum / Double(scored) : nil
    }

    public static let zero = ResultTally(candidates: 0, participated: 0, scored: 0, passed: 0, scoreSum: 0, percentSum: 0)

    public static func + (lhs: ResultTally, rhs: ResultTally) -> ResultTally {
        ResultTally(
            candidates: lhs.candidates + rhs.candidates, participated: lhs.participated + rhs.participated, scored: lhs.scored + rhs.scored,
            passed: lhs.passed + rhs.passed, scoreSum: lhs.scoreSum + rhs.scoreSum, percentSum: lhs.percentSum + rhs.percentSum)
    }

    public static func sum(_ tallies: some Sequence<ResultTally>) -> ResultTally { tallies.reduce(.zero, +) }

    /// `85.3%`, or `—` when there is nothing to divide by: how the tables and the CSV write a rate.
    public static func percentText(_ fraction: Double?) -> String {
        guard let fraction, fraction.isFinite else { return "—" }
        return String(format: "%.1f%%", fraction * 100)
    }

    /// `78.4`, or `—`.
    public static func meanText(_ mean: Double?) -> String {
        guard let mean, mean.isFinite else { return "—" }
        return String(format: "%.1f", mean)
    }
}
