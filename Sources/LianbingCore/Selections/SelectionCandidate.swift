/// An eligible candidate as the ranking reads them: who they are, the unit their places are counted against, and what
/// the product recorded of them over the period.
public struct SelectionCandidate: Sendable, Hashable, Codable {
    public var number: String
    public var name: String
    public var unitCode: String
    public var unitName: String
    /// The unit the quota shares places between (their city or county), or the selection's unit for one list.
    public var quotaUnit: String
    public var quotaUnitName: String
    /// One raw value per criterion of the rules (in their order); nil where nothing was recorded.
    public var raw: [Double?]
    public var ratingCount: Int
    public var hasValidCertificate: Bool
    /// Not counted uncovered in the training cycle of the period's last day.
    public var trainingCovered: Bool

    public init(
        number: String, name: String, unitCode: String, unitName: String, quotaUnit: String, quotaUnitName: String, raw: [Double?],
        ratingCount: Int, hasValidCertificate: Bool, trainingCovered: Bool
    ) {
        self.number = number
        self.name = name
        self.unitCode = unitCode
        self.unitName = unitName
        self.quotaUnit = quotaUnit
        self.quotaUnitName = quotaUnitName
        self.raw = raw
        self.ratingCount = ratingCount
        self.hasValidCertificate = hasValidCertificate
        self.trainingCovered = trainingCovered
    }

    /// Why the candidate is not ranked: each minimum requirement they fail, in the rules' order; empty when they
    /// meet them all.
    public func failures(_ minimums: SelectionMinimums) -> [String] {
        var reasons: [String] = []
        if minimums.validCertificate && !hasValidCertificate { reasons.append("没有有效的岗位练兵考核合格证书") }
        if minimums.trainingCovered && !trainingCovered { reasons.append("本培训周期漏训业务培训") }
        if ratingCount < minimums.minimumRatings { reasons.append("点名评价 \(ratingCount) 条，少于 \(minimums.minimumRatings) 条") }
        return reasons
    }
}
