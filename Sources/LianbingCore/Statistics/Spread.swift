/// Mean and sample variance (n − 1) of one variable, computed in two passes for accuracy.
///
/// A variable whose values are all equal has variance exactly 0, decided by comparing values rather than by the
/// computed sum of squares: 0.1 + 0.1 + 0.1 divided by 3 is not 0.1, and the resulting 1e-34 would otherwise pass
/// for spread and turn "undefined" into a meaningless correlation.
struct Spread {
    let count: Int
    let mean: Double?
    /// Sum of squared deviations from the mean; 0 for a constant variable.
    let sumOfSquares: Double
    let isConstant: Bool

    init(_ values: [Double]) {
        count = values.count
        guard let first = values.first else {
            mean = nil
            sumOfSquares = 0
            isConstant = true
            return
        }
        let mean = values.reduce(0, +) / Double(values.count)
        self.mean = mean
        isConstant = values.allSatisfy { $0 == first }
        sumOfSquares = isConstant ? 0 : values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
    }

    /// `nil` with fewer than two values.
    var variance: Double? { count > 1 ? sumOfSquares / Double(count - 1) : nil }
}

/// Two variables measured on the same candidates: a question's mark and the rest of the paper.
struct PairedSpread {
    let x: Spread
    let y: Spread
    /// Pearson correlation; `nil` when either variable is constant or there are fewer than two candidates.
    let correlation: Double?
    /// Covariance over the largest covariance the two sets of values allow (both sorted ascending and paired: by
    /// the rearrangement inequality no pairing does better); `nil` where the correlation is.
    let efficiency: Double?

    init(_ xs: [Double], _ ys: [Double]) {
        x = Spread(xs)
        y = Spread(ys)
        guard xs.count > 1, !x.isConstant, !y.isConstant, let meanX = x.mean, let meanY = y.mean else {
            correlation = nil
            efficiency = nil
            return
        }
        var products = 0.0
        for (a, b) in zip(xs, ys) { products += (a - meanX) * (b - meanY) }
        var bestProducts = 0.0
        for (a, b) in zip(xs.sorted(), ys.sorted()) { bestProducts += (a - meanX) * (b - meanY) }
        // The n − 1 of covariance and variance cancels in both ratios.
        correlation = products / (x.sumOfSquares * y.sumOfSquares).squareRoot()
        efficiency = products / bestProducts
    }
}
