/// How one question of an exam performed, by Moodle's quiz statistics definitions.
///
/// Every value is `nil` where it is undefined (no spread of marks, fewer than two candidates): JSON has no NaN, and a
/// made-up 0 would read as "this question does not discriminate" when the truth is "there is nothing to tell".
public struct QuestionStatistics: Sendable, Codable, Hashable {
    public var question: String
    /// Mean mark as a fraction of the maximum, 0–1 (Moodle's facility index, shown there as a percentage).
    public var facility: Double?
    /// Standard deviation of the mark (n − 1) as a fraction of the maximum.
    public var sd: Double?
    /// 100 × the Pearson correlation of this question's mark with the rest of the paper (total minus this question),
    /// so the question does not correlate with itself.
    public var discriminationIndex: Double?
    /// Percent: 100 × the covariance with the rest of the paper over the largest covariance the two mark
    /// distributions allow (both sorted ascending and paired), so a hard or easy question is not blamed for the
    /// ceiling its facility puts on correlation.
    public var discriminativeEfficiency: Double?
    /// Mean fraction of the maximum in the upper 27% of candidates minus that in the lower 27%, on −1…1 (the
    /// classic D index, kept as a fraction like `facility`).
    public var upperLowerIndex: Double?

    public init(
        question: String, facility: Double?, sd: Double?, discriminationIndex: Double?, discriminativeEfficiency: Double?,
        upperLowerIndex: Double?
    ) {
        self.question = question
        self.facility = facility
        self.sd = sd
        self.discriminationIndex = discriminationIndex
        self.discriminativeEfficiency = discriminativeEfficiency
        self.upperLowerIndex = upperLowerIndex
    }

    /// Candidates who did well on the rest of the paper did worse on this question: usually a wrong key or an
    /// ambiguous stem. The margin keeps a rounding error around zero from raising an alarm.
    public var isFlagged: Bool { (discriminationIndex ?? 0) < -1e-6 }

    /// Why the question is flagged, for the trainer reviewing it; `nil` when it is not.
    public var flagReason: String? {
        isFlagged ? "区分度为负：其余题目得分高的考生在本题得分反而偏低，请检查标准答案是否有误、题干或选项是否有歧义" : nil
    }

    private enum CodingKeys: String, CodingKey {
        case question, facility, sd, discriminationIndex, discriminativeEfficiency, upperLowerIndex
    }

    /// Undefined values are written as `null`, not left out, so every question row has the same keys.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(question, forKey: .question)
        try container.encode(facility, forKey: .facility)
        try container.encode(sd, forKey: .sd)
        try container.encode(discriminationIndex, forKey: .discriminationIndex)
        try container.encode(discriminativeEfficiency, forKey: .discriminativeEfficiency)
        try container.encode(upperLowerIndex, forKey: .upperLowerIndex)
    }
}
