import LianbingCore
import Testing

@Suite("Recognition: satisfaction ranked by a Bayesian average")
struct BayesianAverageTests {
    static func summary(_ key: String, count: Int, mean: Double, name: String? = nil) -> SatisfactionSummary {
        SatisfactionSummary(key: key, name: name ?? "中心\(key)", count: count, sum: mean * Double(count))
    }

    @Test("Given sums and counts, then the value is (weight·prior + sum)/(weight + count), and the prior without ratings")
    func value() {
        #expect(BayesianAverage.weight == 10)
        #expect(BayesianAverage.value(sum: 10, count: 2, prior: 4) == 50.0 / 12.0)
        #expect(BayesianAverage.value(sum: 960, count: 200, prior: 4) == 1_000.0 / 210.0)
        #expect(BayesianAverage.value(sum: 0, count: 0, prior: 4.2) == 4.2)
        #expect(BayesianAverage.value(sum: 9, count: 2, prior: 3, weight: 0) == 4.5)
        #expect(BayesianAverage.value(sum: 9, count: 2, prior: 3, weight: 1) == 4)
        #expect(BayesianAverage.value(sum: 5, count: Int.max, prior: 3).isFinite)
    }

    @Test("Given summaries, then the prior is Σsum/Σcount, and nil without ratings")
    func prior() {
        #expect(BayesianAverage.prior(of: []) == nil)
        #expect(BayesianAverage.prior(of: [Self.summary("a", count: 0, mean: 0)]) == nil)
        let summaries = [Self.summary("a", count: 2, mean: 5), Self.summary("b", count: 8, mean: 3.5), Self.summary("c", count: 0, mean: 0)]
        #expect(BayesianAverage.prior(of: summaries) == (10.0 + 28.0) / 10.0)
    }

    @Test("Given 5.0 from 2 ratings and 4.8 from 200 with a prior of 4.0, then the well-rated many come first")
    func fewPerfectRatingsDoNotWin() {
        let few = Self.summary("few", count: 2, mean: 5.0)
        let many = Self.summary("many", count: 200, mean: 4.8)
        #expect(BayesianAverage.rank([few, many], prior: 4.0).map(\.key) == ["many", "few"])
        #expect(BayesianAverage.rank([many, few], prior: 4.0).map(\.key) == ["many", "few"])
        // With many ratings of its own, a subject is ranked by its own mean.
        let manyPerfect = Self.summary("perfect", count: 2_000, mean: 5.0)
        #expect(BayesianAverage.rank([many, manyPerfect], prior: 4.0).map(\.key) == ["perfect", "many"])
    }

    @Test("Given ties, then more ratings come first, then the key ascending, in both directions")
    func tieBreaks() {
        // Equal values: 4.0 from 5 and 4.0 from 50 with a prior of 4.0.
        let fewer = Self.summary("a", count: 5, mean: 4)
        let more = Self.summary("z", count: 50, mean: 4)
        #expect(BayesianAverage.rank([fewer, more], prior: 4).map(\.key) == ["z", "a"])
        #expect(BayesianAverage.rank([more, fewer], prior: 4).map(\.key) == ["z", "a"])
        // Equal values and counts: the key decides.
        let b = Self.summary("b", count: 5, mean: 4)
        #expect(BayesianAverage.rank([b, fewer], prior: 4).map(\.key) == ["a", "b"])
        #expect(BayesianAverage.rank([fewer, b], prior: 4).map(\.key) == ["a", "b"])
        // A shared key (which should not happen) is decided by name, then sum.
        let named = [Self.summary("k", count: 5, mean: 4, name: "乙"), Self.summary("k", count: 5, mean: 4, name: "甲")]
        #expect(BayesianAverage.rank(named, prior: 4).map(\.name) == BayesianAverage.rank(named.reversed(), prior: 4).map(\.name))
    }

    @Test("Given the same summaries shuffled, then the ranking is always the same, and each pair is ordered one way only")
    func totalAndStable() {
        var generator = SeededGenerator(seed: 20)
        var summaries: [SatisfactionSummary] = []
        for index in 0..<60 {
            // Few distinct counts and means, so that values, counts and both tie often.
            let count = [0, 1, 2, 5, 10, 50][index % 6]
            let mean = [3.0, 4.0, 4.5, 5.0][Int.random(in: 0..<4, using: &generator)]
            summaries.append(Self.summary(String(format: "%02d", (index * 37) % 60), count: count, mean: mean))
        }
        summaries.append(SatisfactionSummary(key: "nan", name: "坏数据", count: 3, sum: .nan))
        let prior = BayesianAverage.prior(of: summaries.filter { $0.sum.isFinite }) ?? 4
        let ranked = BayesianAverage.rank(summaries, prior: prior)
        // Keys are unique here, and compared instead of whole summaries because NaN is not equal to itself.
        let order = ranked.map(\.key)
        #expect(Set(order).count == summaries.count)
        #expect(order.last == "nan")
        for _ in 0..<50 {
            #expect(BayesianAverage.rank(summaries.shuffled(using: &generator), prior: prior).map(\.key) == order)
        }
        #expect(BayesianAverage.rank(summaries.reversed(), prior: prior).map(\.key) == order)
        // Each neighbouring pair follows the documented order, a value that is not a number counting as the lowest.
        func value(_ summary: SatisfactionSummary) -> Double {
            let value = BayesianAverage.value(sum: summary.sum, count: summary.count, prior: prior)
            return value.isFinite ? value : -.infinity
        }
        for (a, b) in zip(ranked.dropLast(), ranked.dropFirst()) {
            let (va, vb) = (value(a), value(b))
            #expect(va > vb || (va == vb && (a.count > b.count || (a.count == b.count && a.key < b.key))), "\(a.key) before \(b.key)")
        }
    }

    @Test("Given a summary, then its plain mean is sum/count, and nil without ratings")
    func mean() {
        #expect(Self.summary("a", count: 4, mean: 4.5).mean == 4.5)
        #expect(Self.summary("a", count: 0, mean: 0).mean == nil)
    }
}
