/// 风险题: a team chooses one of the round's stakes; right gains it, wrong (or a timeout) loses it.
public enum RiskScoring {
    /// The change for `verdict` on `stake`, which must be one the round offers.
    public static func change(for verdict: AnswerVerdict, stake: Int, rules: RoundRules) throws -> ContestPoints {
        guard rules.stakes.contains(stake) else {
            throw LianbingError.invalid("风险题分值须为 \(rules.stakes.map(String.init).joined(separator: "、")) 之一")
        }
        let points = ContestPoints(points: stake)
        return verdict == .right ? points : -points
    }

    /// The order in which teams choose their stakes: the lowest current score first; equal scores in draw order.
    public static func choosingOrder(_ standings: [ContestStanding]) -> [Int64] {
        standings.sorted { a, b in
            if a.points != b.points { return a.points < b.points }
            return (a.entrant.draw, a.entrant.id) < (b.entrant.draw, b.entrant.id)
        }.map(\.entrant.id)
    }
}
