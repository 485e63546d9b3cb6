/// 必答: points for a right answer; nothing, or the configured penalty, for a wrong answer or a timeout.
public enum CompulsoryScoring {
    public static func change(for verdict: AnswerVerdict, rules: RoundRules) -> ContestPoints {
        switch verdict {
        case .right: ContestPoints(points: rules.rightPoints)
        case .wrong, .timeout: -ContestPoints(points: rules.wrongPoints)
        }
    }
}
