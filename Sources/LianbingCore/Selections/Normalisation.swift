import Foundation

/// How a criterion's raw values are put on one scale before they are weighted, over all eligible candidates of the
/// selection. The choice can change the winner (a wide spread weighs more under z-scores than under min–max), so a
/// selection fixes it before anything is computed.
public enum Normalisation: String, Sendable, Codable, CaseIterable {
    /// `(x − mean) ÷ standard deviation` (population): how many spreads above the average.
    case zScore = "z-score"
    /// `(x − min) ÷ (max − min) × 100`: where the value sits between the lowest and the highest.
    case minMax = "min-max"

    public var label: String {
        switch self {
        case .zScore: "标准分（z 分数）"
        case .minMax: "极差标准化（0–100）"
        }
    }

    /// The normalised values, in order; `nil` stays `nil` and takes no part. Where every present value is equal the
    /// criterion tells candidates nothing apart: all get 0 (z-score) or 100 (min–max).
    public func normalise(_ values: [Double?]) -> [Double?] {
        let present = values.compactMap { $0 }
        guard !present.isEmpty else { return values }
        switch self {
        case .zScore:
            let mean = present.reduce(0, +) / Double(present.count)
            let deviation = (present.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(present.count)).squareRoot()
            return values.map { value in value.map { deviation > 0 ? ($0 - mean) / deviation : 0 } }
        case .minMax:
            let low = present.min()!, high = present.max()!
            return values.map { value in value.map { high > low ? ($0 - low) / (high - low) * 100 : 100 } }
        }
    }
}

/// What a candidate without data for a criterion gets, fixed with the selection.
public enum MissingCriterion: String, Sendable, Codable, CaseIterable {
    /// The raw value counts as 0, and takes part in the normalisation like any other.
    case zero
    /// The criterion is left out for that candidate and the weights of the criteria present are scaled up to the same
    /// total (shown on the candidate's line).
    case rescale

    public var label: String {
        switch self {
        case .zero: "缺少数据按 0 计"
        case .rescale: "缺少数据的指标不计，其余指标按比例放大权重"
        }
    }
}

/// Weighted composite scores over several criteria, each normalised across all candidates.
public enum CompositeScore {
    /// One composite per candidate, from `raw[criterion][candidate]` and one weight per criterion (positive): the
    /// weighted mean of the normalised values, so on the normalisation's scale. With `.rescale` the mean is over the
    /// criteria present, which is the same as scaling their weights up to the full total; a candidate with no
    /// criterion present gets `nil`. Also returns the normalised values, for the candidate's explanation.
    public static func compute(raw: [[Double?]], weights: [Double], normalisation: Normalisation, missing: MissingCriterion)
        -> (composite: [Double?], normalised: [[Double?]])
    {
        precondition(raw.count == weights.count)
        let candidates = raw.first?.count ?? 0
        let filled = raw.map { column in missing == .zero ? column.map { $0 ?? 0 } : column }
        let normalised = filled.map(normalisation.normalise)
        let composite: [Double?] = (0..<candidates).map { candidate in
            var sum = 0.0, present = 0.0
            for (criterion, weight) in weights.enumerated() {
                guard let value = normalised[criterion][candidate] else { continue }
                sum += weight * value
                present += weight
            }
            guard present > 0 else { return nil }
            return sum / present
        }
        return (composite, normalised)
    }
}
