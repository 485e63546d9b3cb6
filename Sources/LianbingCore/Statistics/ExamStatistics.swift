/// How an exam's paper performed as a whole, by Moodle's quiz statistics definitions, with its questions.
///
/// Undefined values are `nil` (and `null` in JSON), never NaN.
public struct ExamStatistics: Sendable, Codable, Hashable {
    public var candidates: Int
    /// Mean total mark.
    public var mean: Double?
    /// Standard deviation of the total mark (n − 1).
    public var sd: Double?
    /// Coefficient of internal consistency, percent: Cronbach's alpha × 100, from the questions' and the total's
    /// variances. Low values mean the questions do not measure one thing.
    public var cic: Double?
    /// Percent: 100 × √(1 − CIC/100), the share of the spread of totals that is noise rather than ability.
    public var errorRatio: Double?
    /// `errorRatio` applied to `sd`, in marks: how far a candidate's total may be from their true score.
    public var standardError: Double?
    public var questions: [QuestionStatistics]

    public init(
        candidates: Int, mean: Double?, sd: Double?, cic: Double?, errorRatio: Double?, standardError: Double?,
        questions: [QuestionStatistics]
    ) {
        self.candidates = candidates
        self.mean = mean
        self.sd = sd
        self.cic = cic
        self.errorRatio = errorRatio
        self.standardError = standardError
        self.questions = questions
    }

    /// Questions with negative discrimination, for the trainer to review first.
    public var flaggedQuestions: [QuestionStatistics] { questions.filter(\.isFlagged) }

    private enum CodingKeys: String, CodingKey {
        case candidates, mean, sd, cic, errorRatio, standardError, questions
    }

    /// Undefined values are written as `null`, not left out, so readers find every key.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(candidates, forKey: .candidates)
        try container.encode(mean, forKey: .mean)
        try container.encode(sd, forKey: .sd)
        try container.encode(cic, forKey: .cic)
        try container.encode(errorRatio, forKey: .errorRatio)
        try container.encode(standardError, forKey: .standardError)
        try container.encode(questions, forKey: .questions)
    }
}
