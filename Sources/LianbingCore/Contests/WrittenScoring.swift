/// 笔试: a team's written score is the mean of its members' exam scores, an absent member counting 0, at the
/// round's percentage, rounded to a hundredth. An individual contest's team of one scores its member's score.
public enum WrittenScoring {
    /// `memberScores` holds one entry per member on the day: nil for a member who sat no paper.
    public static func teamScore(memberScores: [Double?], rules: RoundRules) throws -> ContestPoints {
        guard !memberScores.isEmpty else { throw LianbingError.invalid("参赛队没有队员") }
        var sum = 0.0
        for score in memberScores {
            let value = try InputBounds.check(points: score ?? 0, in: InputBounds.points, "笔试成绩")
            sum += value
        }
        return ContestPoints(rounding: sum / Double(memberScores.count) * Double(rules.writtenPercent) / 100)
    }
}
