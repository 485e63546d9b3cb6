/// 加赛: sudden death between tied teams. A right answer's points go to the playoff column, which decides only
/// among teams that are equal on points and every tie-breaker (`ContestRanking`); a wrong answer costs nothing.
public enum PlayoffScoring {
    public static func change(for verdict: AnswerVerdict, rules: RoundRules) -> ContestPoints {
        verdict == .right ? ContestPoints(points: rules.rightPoints) : .zero
    }
}
