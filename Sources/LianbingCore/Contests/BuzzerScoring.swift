/// 抢答: the team that won the buzz gains the right points or loses the wrong ones; a buzz before the question opens
/// is a foul and costs the foul penalty; if nobody buzzes within the limit the question passes and nobody scores.
public enum BuzzerScoring {
    public static func change(for verdict: AnswerVerdict, rules: RoundRules) -> ContestPoints {
        CompulsoryScoring.change(for: verdict, rules: rules)
    }

    public static func foul(rules: RoundRules) -> ContestPoints { -ContestPoints(points: rules.foulPoints) }
}
