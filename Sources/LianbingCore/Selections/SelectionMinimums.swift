/// What every ranked candidate must meet; a candidate who fails one is listed with the reasons and not ranked.
public struct SelectionMinimums: Sendable, Hashable, Codable {
    /// A certificate valid on the period's last day.
    public var validCertificate: Bool
    /// No business training missed: not counted uncovered (过期未训) in the training cycle of the period's last day.
    public var trainingCovered: Bool
    /// At least this many satisfaction ratings naming them in the period (0: no requirement).
    public var minimumRatings: Int

    public init(validCertificate: Bool = false, trainingCovered: Bool = false, minimumRatings: Int = 0) {
        self.validCertificate = validCertificate
        self.trainingCovered = trainingCovered
        self.minimumRatings = minimumRatings
    }

    public static let ratingCounts = 0...1_000

    /// The requirements as the rules page lists them; empty for none.
    public var descriptions: [String] {
        var lines: [String] = []
        if validCertificate { lines.append("持有效的岗位练兵考核合格证书") }
        if trainingCovered { lines.append("本培训周期没有漏训业务培训") }
        if minimumRatings > 0 { lines.append("期间内点名评价不少于 \(minimumRatings) 条") }
        return lines
    }
}
