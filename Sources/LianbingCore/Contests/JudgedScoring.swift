/// 评委打分: each judge marks a performance on the round's scale; the `dropped` highest and `dropped` lowest marks are
/// dropped and the rest averaged, rounded to a hundredth. A panel too small to drop from (no more than twice
/// `dropped` marks) is averaged whole, so a judge missing on the day does not void the round.
public enum JudgedScoring {
    public static func score(marks: [Int], rules: RoundRules) throws -> ContestPoints {
        guard !marks.isEmpty else { throw LianbingError.invalid("尚无评委打分") }
        for mark in marks { try InputBounds.check(mark, in: 0...rules.maxMark, "评委打分") }
        let sorted = marks.sorted()
        let kept = sorted.count > 2 * rules.dropped ? Array(sorted.dropFirst(rules.dropped).dropLast(rules.dropped)) : sorted
        // Marks are at most 100 and panels small, so the sum is exact; round half up to a hundredth in integers.
        let sum = kept.reduce(0, +) * 100
        return ContestPoints(hundredths: (2 * sum + kept.count) / (2 * kept.count))
    }
}
