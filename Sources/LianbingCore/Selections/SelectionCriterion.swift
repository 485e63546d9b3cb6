/// What a selection can weigh, each read from what the product records over the selection's period.
public enum SelectionCriterion: String, Sendable, Codable, CaseIterable {
    /// 集中考核: the mean, over the released centralised assessments of the period the candidate sat, of their score as
    /// a percentage of each paper's total.
    case assessment
    /// 练兵比武: the percentile of the candidate's best placing in the period's finished contests (100 first, 0 last).
    case contest
    /// 培训学时: hours of training attended in the period (0 when none: attending nothing is a value, not a gap).
    case trainingHours = "training-hours"
    /// 培训标准完成度: how much of the curriculum standard of the candidate's post and level the cycle containing the
    /// period's last day has met, 0–100 (hours and topics weigh half each where the standard asks for both).
    case curriculum
    /// 满意度: the Bayesian average of the ratings naming the candidate in the period, pulled towards the mean of all
    /// eligible candidates' ratings.
    case satisfaction
    /// 持证: 100 with a certificate valid on the period's last day, else 0.
    case certificate

    public var label: String {
        switch self {
        case .assessment: "集中考核平均得分率"
        case .contest: "练兵比武名次百分位"
        case .trainingHours: "培训学时"
        case .curriculum: "培训标准完成度"
        case .satisfaction: "服务满意度"
        case .certificate: "持有效证书"
        }
    }

    /// How a raw value reads: `86.5%`, `12 学时`.
    public var unit: String {
        switch self {
        case .assessment, .curriculum: "%"
        case .contest: " 百分位"
        case .trainingHours: " 学时"
        case .satisfaction: " 分"
        case .certificate: ""
        }
    }
}

/// A criterion with its weight (1–100 points; a selection's weights need not add up to 100, the composite is their
/// weighted mean).
public struct WeightedCriterion: Sendable, Hashable, Codable {
    public var criterion: SelectionCriterion
    public var weight: Int

    public init(_ criterion: SelectionCriterion, weight: Int) {
        self.criterion = criterion
        self.weight = weight
    }

    public static let weights = 1...100
}
