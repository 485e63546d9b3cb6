/// Ranks satisfaction by a Bayesian average: each subject's mean is pulled towards the overall mean (the prior) as
/// if it also had `weight` ratings at the prior. A centre with two perfect ratings then does not outrank one with
/// two hundred nearly perfect ones, while a subject with many ratings is ranked by its own mean.
public enum BayesianAverage {
    /// Imagined ratings at the prior: about what a small centre gathers in a month.
    public static let weight = 10

    /// (weight·prior + sum) / (weight + count); the prior itself without ratings. A negative weight counts as none,
    /// and the arithmetic is in `Double`, so no count can overflow it.
    public static func value(sum: Double, count: Int, prior: Double, weight: Int = weight) -> Double {
        guard count > 0 else { return prior }
        let weight = Double(max(weight, 0))
        return (weight * prior + sum) / (weight + Double(count))
    }

    /// The overall mean, Σsum / Σcount, over every rating of every subject; `nil` when there are none, as a prior
    /// made up from nothing would rank by chance.
    public static func prior(of summaries: [SatisfactionSummary]) -> Double? {
        let rated = summaries.filter { $0.count > 0 }
        let count = rated.reduce(0.0) { $0 + Double($1.count) }
        guard count > 0 else { return nil }
        let mean = rated.reduce(0.0) { $0 + $1.sum } / count
        return mean.isFinite ? mean : nil
    }

    /// The summaries best first, in a documented total order, so that a ranking published twice reads the same
    /// whatever order the rows came in: the Bayesian average descending, then more ratings first (the surer of two
    /// equal values), then `key` ascending. Should two rows share a key, the name and then the sum decide, and a value
    /// that is not a finite number sorts last, so the order stays total for any input.
    public static func rank(_ summaries: [SatisfactionSummary], prior: Double) -> [SatisfactionSummary] {
        summaries
            .map { summary -> (summary: SatisfactionSummary, value: Double) in
                let average = value(sum: summary.sum, count: summary.count, prior: prior)
                return (summary, average.isFinite ? average : -.infinity)
            }
            .sorted { lhs, rhs in
                if lhs.value != rhs.value { return lhs.value > rhs.value }
                let (a, b) = (lhs.summary, rhs.summary)
                if a.count != b.count { return a.count > b.count }
                if a.key != b.key { return a.key < b.key }
                if a.name != b.name { return a.name < b.name }
                return a.sum.isFinite && b.sum.isFinite ? a.sum > b.sum : a.sum.isFinite && !b.sum.isFinite
            }
            .map(\.summary)
    }
}
