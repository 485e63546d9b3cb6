import Testing

@testable import LianbingCore

/// Composite scores worked by hand: the normalisation can change the winner, and a missing criterion either counts
/// as 0 or leaves the weights to the criteria present.
@Suite struct CompositeScoreTests {
    /// Two criteria of equal weight over four candidates, worked by hand:
    ///   criterion 1: 0, 10, 100, 20 · criterion 2: 100, 95, 0, 10.
    /// min–max: c1 → 0, 10, 100, 20; c2 → 100, 95, 0, 10; means 50, 52.5, 50, 15 → candidate 2 wins.
    /// z-score: c1 (mean 32.5, sd 39.607) → −0.8206, −0.5681, 1.7042, −0.3156;
    ///          c2 (mean 51.25, sd 46.418) → 1.0502, 0.9425, −1.1041, −0.8887;
    ///          means 0.1148, 0.1872, 0.3001, −0.6021 → candidate 3 wins: its lead on the wide criterion counts for more.
    @Test func zScoreAndMinMaxPickDifferentWinners() {
        let raw: [[Double?]] = [[0, 10, 100, 20], [100, 95, 0, 10]]
        let byMinMax = CompositeScore.compute(raw: raw, weights: [1, 1], normalisation: .minMax, missing: .zero).composite
        let byZ = CompositeScore.compute(raw: raw, weights: [1, 1], normalisation: .zScore, missing: .zero).composite
        for (value, expected) in zip(byMinMax, [50, 52.5, 50, 15]) { #expect(abs(value! - expected) < 1e-9) }
        for (value, expected) in zip(byZ, [0.1148, 0.1872, 0.3001, -0.6021]) { #expect(abs(value! - expected) < 0.0001) }
        #expect(winner(byMinMax) == 1)
        #expect(winner(byZ) == 2)
    }

    @Test func aMissingCriterionCountsAsZeroOrRescalesTheWeights() {
        // Candidate 2 has no value for criterion 2.
        let raw: [[Double?]] = [[50, 100, 0], [100, nil, 0]]
        // As 0: c2 → 100, 0, 0 after min–max; composites (50 + 100) ÷ 2 = 75, (100 + 0) ÷ 2 = 50, 0.
        let zero = CompositeScore.compute(raw: raw, weights: [1, 1], normalisation: .minMax, missing: .zero)
        #expect(zip(zero.composite, [75.0, 50, 0]).allSatisfy { abs($0! - $1) < 1e-9 })
        // Rescaled: candidate 2 is judged on criterion 1 alone, 100; the others as before.
        let rescaled = CompositeScore.compute(raw: raw, weights: [1, 1], normalisation: .minMax, missing: .rescale)
        #expect(zip(rescaled.composite, [75.0, 100, 0]).allSatisfy { abs($0! - $1) < 1e-9 })
        #expect(rescaled.normalised[1] == [100, nil, 0])
        // Nothing at all: no composite.
        #expect(CompositeScore.compute(raw: [[nil, 1]], weights: [1], normalisation: .zScore, missing: .rescale).composite[0] == nil)
        // Every value equal tells nobody apart.
        #expect(Normalisation.zScore.normalise([3, 3, nil]) == [0, 0, nil])
        #expect(Normalisation.minMax.normalise([3, 3]) == [100, 100])
    }

    private func winner(_ scores: [Double?]) -> Int? {
        scores.indices.filter { scores[$0] != nil }.max { scores[$0]! < scores[$1]! }
    }
}
