/// Item analysis of an exam from its mark matrix, by the definitions of Moodle's quiz statistics report
/// (`question/classes/statistics/questions/calculator.php`, `mod/quiz/report/statistics/classes/calculator.php`)
/// so that trainers who know Moodle's report read the same numbers here.
///
/// Two deliberate differences from Moodle: the CIC is given whenever it is defined (Moodle only computes it with
/// more than two attempts, a side effect of nesting it under skewness), and Moodle's `sd` percentage is a fraction
/// here, like `facility`.
public enum ItemStatistics {
    /// - Parameters:
    ///   - candidates: one id per row of `marks`; ids break ties for the 27% groups.
    ///   - questions: one id per column.
    ///   - marks: candidates × questions, each mark in `0…maxMarks[question]`.
    ///   - maxMarks: per question; a question with no positive maximum has no facility, sd or upper–lower index.
    public static func compute(candidates: [String], questions: [String], marks: [[Double]], maxMarks: [Double]) -> ExamStatistics {
        precondition(marks.count == candidates.count, "one row of marks per candidate")
        precondition(maxMarks.count == questions.count, "one maximum mark per question")
        precondition(marks.allSatisfy { $0.count == questions.count }, "one mark per question in every row")

        let n = candidates.count
        let totals = marks.map { $0.reduce(0, +) }
        let total = Spread(totals)
        let groups = UpperLowerGroups(candidates: candidates, totals: totals)

        var sumOfMarkVariance = 0.0
        var mark = [Double](repeating: 0, count: n)
        var rest = [Double](repeating: 0, count: n)
        let perQuestion = questions.indices.map { question in
            for candidate in 0..<n {
                mark[candidate] = marks[candidate][question]
                rest[candidate] = totals[candidate] - mark[candidate]
            }
            let pair = PairedSpread(mark, rest)
            sumOfMarkVariance += pair.x.variance ?? 0
            let max = maxMarks[question]
            let fraction = { (value: Double?) in max > 0 ? value.map { $0 / max } : nil }
            return QuestionStatistics(
                question: questions[question],
                facility: fraction(pair.x.mean),
                sd: fraction(pair.x.variance.map { $0.squareRoot() }),
                discriminationIndex: pair.correlation.map { 100 * $0 },
                discriminativeEfficiency: pair.efficiency.map { 100 * $0 },
                upperLowerIndex: fraction(groups?.difference(marks: marks, question: question)))
        }

        // Cronbach's alpha needs two questions to compare and a spread of totals to explain.
        var cic: Double?
        if questions.count > 1, let variance = total.variance, variance > 0 {
            let q = Double(questions.count)
            cic = 100 * q / (q - 1) * (1 - sumOfMarkVariance / variance)
        }
        let sd = total.variance.map { $0.squareRoot() }
        // CIC cannot exceed 100 in exact arithmetic; the clamp keeps a rounding error from producing NaN.
        let errorRatio = cic.map { 100 * Swift.max(0, 1 - $0 / 100).squareRoot() }
        let standardError = errorRatio.flatMap { ratio in sd.map { ratio / 100 * $0 } }
        return ExamStatistics(
            candidates: n, mean: total.mean, sd: sd, cic: cic, errorRatio: errorRatio, standardError: standardError,
            questions: perQuestion)
    }
}
