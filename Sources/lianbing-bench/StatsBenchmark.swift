import LianbingCore

/// Item analysis of a large sitting: 10,000 attempts × 100 questions of random, ability-correlated marks.
/// Target: under 1 s.
func benchStats() throws {
    let candidates = (0..<10_000).map { String(format: "S%05d", $0) }
    let questions = (0..<100).map { "Q\($0 + 1)" }
    let maxMarks = questions.indices.map { [1.0, 1, 2, 5][$0 % 4] }
    var generator = SeededGenerator(seed: 2025)
    let marks = candidates.map { _ in
        let ability = Double.random(in: 0...1, using: &generator)
        return maxMarks.map { max in
            // Abler candidates score more often; whole marks, as graders give them.
            (0..<Int(max)).reduce(0.0) { sum, _ in sum + (Double.random(in: 0...1, using: &generator) < 0.2 + 0.6 * ability ? 1 : 0) }
        }
    }
    print("stats: \(candidates.count) attempts × \(questions.count) questions")
    let start = ContinuousClock.now
    let statistics = ItemStatistics.compute(candidates: candidates, questions: questions, marks: marks, maxMarks: maxMarks)
    let elapsed = (ContinuousClock.now - start) / .seconds(1)
    let cic = statistics.cic ?? .nan
    print(String(format: "  computed in   %7.3f s  (CIC %.1f%%)  (target: under 1 s)", elapsed, cic))
}
