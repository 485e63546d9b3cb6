/// A round's parameters. Only those its style reads are checked and kept; the rest stay at their defaults, so two
/// rounds of one style with the same rules compare equal.
public struct RoundRules: Sendable, Hashable, Codable {
    /// Points for a right answer (compulsory, buzzer, playoff).
    public var rightPoints: Int = 10
    /// Points lost for a wrong answer or a timeout (compulsory, buzzer); 0 for none.
    public var wrongPoints: Int = 0
    /// Points lost for buzzing before the question opens (buzzer).
    public var foulPoints: Int = 5
    /// Seconds a question stays open.
    public var timeLimitSeconds: Int = 30
    /// The stakes a team may choose (risk), ascending.
    public var stakes: [Int] = [10, 20, 30]
    /// Marks dropped from each end of the panel (judged): 1 drops the highest and the lowest.
    public var dropped: Int = 1
    /// The top of each judge's scale (judged).
    public var maxMark: Int = 100
    /// A written round counts its team score at this percentage.
    public var writtenPercent: Int = 100

    public init() {}

    /// The rules as `style` keeps them: each parameter it reads checked against `ContestBounds`, the others reset.
    public func checked(for style: RoundStyle) throws -> RoundRules {
        var kept = RoundRules()
        switch style {
        case .written:
            kept.writtenPercent = try InputBounds.check(writtenPercent, in: ContestBounds.writtenPercent, "笔试计分比例", unit: "%")
        case .compulsory, .buzzer, .playoff:
            kept.rightPoints = try InputBounds.check(rightPoints, in: ContestBounds.points, "答对得分")
            kept.wrongPoints = try InputBounds.check(wrongPoints, in: ContestBounds.points, "答错扣分")
            kept.timeLimitSeconds = try InputBounds.check(timeLimitSeconds, in: ContestBounds.timeLimitSeconds, "答题时限", unit: "秒")
            if style == .buzzer {
                kept.foulPoints = try InputBounds.check(foulPoints, in: ContestBounds.points, "抢答犯规扣分")
            }
            if style == .playoff, rightPoints == 0 { throw LianbingError.invalid("加赛答对得分须大于 0") }
        case .risk:
            try InputBounds.check(stakes.count, in: ContestBounds.stakes, "风险题分值个数")
            for stake in stakes { try InputBounds.check(stake, in: 1...ContestBounds.points.upperBound, "风险题分值") }
            guard Set(stakes).count == stakes.count else { throw LianbingError.invalid("风险题分值不能重复") }
            kept.stakes = stakes.sorted()
            kept.timeLimitSeconds = try InputBounds.check(timeLimitSeconds, in: ContestBounds.timeLimitSeconds, "答题时限", unit: "秒")
        case .judged:
            kept.dropped = try InputBounds.check(dropped, in: ContestBounds.dropped, "去掉最高、最低分的个数")
            kept.maxMark = try InputBounds.check(maxMark, in: ContestBounds.maxMark, "评委打分满分")
        }
        return kept
    }
}
